import { afterEach, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { at, type Harness, startEmulator, T0 } from "./harness.ts";

describe("emulator admin endpoints", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("reset re-seeds the world and clears faults", async () => {
    h = await startEmulator({ sites: [buildSite("s1")] });
    await h.api("addcust", { first: "A", last: "B", cell: "0527654321" }, { method: "POST" });
    await h.admin("POST", "/faults", { mode: "status0", calls: ["custlist"] });
    expect((await h.api("custlist")).status).toBe(0);
    expect((await h.admin("POST", "/reset")).status).toBe(200);
    expect(await h.api("custlist")).toEqual({ status: 1, customers: [] });
    const state = (await h.admin("GET", "/state")).body;
    expect(state.sites[0]).toMatchObject({
      siteid: "s1",
      calendartype: "open",
      counts: { customers: 0, appointments: 0 },
    });
    expect(state.faults).toEqual([]);
  });

  it("moves the built-in clock, and refuses to move a clock it was given", async () => {
    h = await startEmulator({ sites: [buildSite("s1")] });
    const r = await h.admin("POST", "/clock", { set: at(1, "09:30") });
    expect(r.body.now).toBe(T0.plus({ days: 1 }).set({ hour: 9, minute: 30 }).toISO());
    await h.close();
    h = await startEmulator({ sites: [buildSite("s1")], now: () => T0 });
    expect((await h.admin("POST", "/clock", { advanceMinutes: 5 })).status).toBe(409);
  });

  it("dashboard actions follow the calendar rules unless forced, and report refusals as 409", async () => {
    h = await startEmulator({
      sites: [buildSite("s1", { customers: [{ id: "500", first: "A", last: "B", cell: "0527654321" }] })],
    });
    const outside = { staff: "11", service: "21", from: at(1, "20:00"), customerid: "500" };
    expect((await h.admin("POST", "/sites/s1/appointments", outside)).status).toBe(409);
    const forced = await h.admin("POST", "/sites/s1/appointments", { ...outside, force: true });
    expect(forced.status).toBe(200);
    expect(forced.body.appt).toMatchObject({ from: at(1, "20:00"), to: at(1, "20:30"), status: "1" });
    const cancelled = await h.admin("POST", `/sites/s1/appointments/${forced.body.appt.apptid}/cancel`, {});
    expect(cancelled.body.appt.status).toBe("0");
    expect((await h.admin("POST", "/sites/nope/appointments", outside)).status).toBe(404);
    expect((await h.admin("POST", "/sites/s1/appointments", { staff: "11" })).status).toBe(400);
  });
});
