import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { at, day, type Harness, startEmulator } from "./harness.ts";

const studio = () =>
  buildSite("studio", {
    settings: { calendarType: "slots", istz: "0", stepMinutes: 30, minLeadMinutes: 0, maxHorizonDays: 365 },
  });

describe("emulator: time slot calendar", () => {
  let h: Harness;
  let klass: { slotid: string; vfib: string };
  beforeEach(async () => {
    await h?.close();
    h = await startEmulator({ sites: [studio()] }, "studio");
    const res = await h.api(
      "addslot",
      { staff: 11, services: 21, from: at(1, "18:00"), to: at(1, "19:00"), maxmembers: 10 },
      { method: "POST" },
    );
    expect(res.status).toBe(1);
    klass = { slotid: res.slotid as string, vfib: res.vfib as string };
  });
  afterAll(() => h.close());

  const book = (participants: number, first: string, over: Record<string, string | number> = {}) =>
    h.api(
      "addappt",
      { ...klass, staff: 11, service: 21, participants, first, last: "X", cell: "0527654321", ...over },
      { method: "POST" },
    );
  const placesLeft = async () =>
    ((await h.api("slotinfo", { slotid: klass.slotid })).slot as Record<string, string>).placesleft;

  it("shares maxmembers among all live appointments on the slot, counting participants", async () => {
    expect((await book(6, "A")).status).toBe(1);
    expect(await placesLeft()).toBe("4");
    expect(await book(5, "B")).toMatchObject({ status: 0, message: expect.stringMatching(/places/) });
    const b = await book(4, "B");
    expect(b.status).toBe(1);
    expect(await placesLeft()).toBe("0");
    expect((await book(1, "C")).status).toBe(0);
    // Cancelling gives the places back.
    expect(
      (await h.api("delappt", { apptid: b.apptid as string, vfib: b.conf as string }, { method: "POST" }))
        .status,
    ).toBe(1);
    expect(await placesLeft()).toBe("4");
    expect((await book(1, "C")).status).toBe(1);
  });

  it("needs slotid and the slot's vfib, and the slot's staff and service", async () => {
    expect((await book(1, "A", { vfib: "0000000000000000" })).status).toBe(0);
    expect(
      (
        await h.api(
          "addappt",
          {
            staff: 11,
            service: 21,
            from: at(1, "18:00"),
            to: at(1, "19:00"),
            first: "A",
            last: "X",
            cell: "0527654321",
          },
          { method: "POST" },
        )
      ).status,
    ).toBe(0);
    expect(await book(1, "A", { service: 22 })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/service/),
    });
    expect(await book(1, "A", { staff: 12 })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/staff/),
    });
    expect(await placesLeft()).toBe("10");
  });

  it("lets a services=0 slot take any service linked to its staff member, and no other", async () => {
    const any = await h.api(
      "addslot",
      { staff: 12, from: at(1, "10:00"), to: at(1, "11:00") },
      { method: "POST" },
    );
    const slot = { slotid: any.slotid as string, vfib: any.vfib as string };
    const info = (await h.api("slotinfo", { slotid: slot.slotid })).slot as Record<string, string>;
    expect(info).toMatchObject({ services: "0", maxmembers: "1", placesleft: "1" });
    expect((await book(1, "A", { ...slot, staff: 12, service: 22 })).status).toBe(0); // 12 is not linked to 22
    expect((await book(1, "A", { ...slot, staff: 12, service: 23 })).status).toBe(1);
    expect((await book(1, "B", { ...slot, staff: 12, service: 21 })).status).toBe(0); // full
  });

  it("a lozamin block makes the slot unavailable", async () => {
    const block = await h.api(
      "addappt",
      { ...klass, staff: 11, service: 21, islozamin: 1 },
      { method: "POST" },
    );
    expect(block.status).toBe(1);
    expect(await placesLeft()).toBe("0");
    expect((await book(1, "A")).status).toBe(0);
    const avail = await h.api("availability", { from: day(1), to: day(1), service: 21 });
    expect(avail.slots).toEqual([]);
  });

  it("availability lists slots with enough places for the participants", async () => {
    await book(8, "A");
    const two = await h.api("availability", { from: day(0), to: day(3), service: 21, participants: 2 });
    expect(two.slots).toEqual([
      expect.objectContaining({
        slotid: klass.slotid,
        vfib: klass.vfib,
        staff: "11",
        staffname: "Dana ",
        placesleft: "2",
      }),
    ]);
    const three = await h.api("availability", { from: day(0), to: day(3), service: 21, participants: 3 });
    expect(three.slots).toEqual([]);
    const dates = await h.api("availability", { from: day(0), to: day(3), service: 21, dateonly: 1 });
    expect(dates.dates).toEqual([day(1)]);
  });

  it("refuses overlapping slots for one staff member and deleting a slot people are booked on", async () => {
    expect(
      (await h.api("addslot", { staff: 11, from: at(1, "18:30"), to: at(1, "19:30") }, { method: "POST" }))
        .status,
    ).toBe(0);
    const b = await book(1, "A");
    expect((await h.api("delslot", klass, { method: "POST" })).status).toBe(0);
    await h.api("delappt", { apptid: b.apptid as string, vfib: b.conf as string }, { method: "POST" });
    expect((await h.api("delslot", { ...klass, vfib: "0000000000000000" }, { method: "POST" })).status).toBe(
      0,
    );
    expect((await h.api("delslot", klass, { method: "POST" })).status).toBe(1);
    expect((await h.api("slotlist", { from: day(0), to: day(5) })).slots).toEqual([]);
    expect(
      ((await h.api("slotlist", { from: day(0), to: day(5), showcancelled: 1 })).slots as unknown[]).length,
    ).toBe(1);
  });
});
