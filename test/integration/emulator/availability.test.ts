import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/emulator/random.ts";
import { buildSite } from "../../../src/emulator/seed.ts";
import { at, day, type Harness, startEmulator, T0 } from "./harness.ts";

type Spot = Record<string, string>;
const site = () =>
  buildSite("s1", {
    settings: { calendarType: "open", istz: "0", stepMinutes: 30, minLeadMinutes: 60, maxHorizonDays: 7 },
    customers: [{ id: "500", first: "Noa", last: "Levi", cell: "0527654321" }],
  });

describe("emulator: availability on an open calendar", () => {
  let h: Harness;
  beforeEach(async () => {
    await h?.close();
    h = await startEmulator({ sites: [site()] });
  });
  afterAll(() => h.close());

  const spots = async (p: Record<string, string | number>) => {
    const r = await h.api("availability", p);
    expect(r.status).toBe(1);
    return r.openhours as Spot[];
  };

  it("dateonly=1 lists working days only", async () => {
    const r = await h.api("availability", { from: day(0), to: day(6), service: 21, dateonly: 1 });
    expect(r).toEqual({ status: 1, dates: [day(0), day(1), day(2), day(3), day(4)] });
  });

  it("offers each time once, with one randomly chosen free staff member", async () => {
    const list = await spots({ from: day(1), to: day(1), service: 21 });
    expect(list.length).toBe(16); // 09:00 … 16:30 every 30 minutes
    expect(new Set(list.map((s) => s.from)).size).toBe(16);
    expect(list[0]).toMatchObject({ from: at(1, "09:00"), to: at(1, "09:30") });
    expect(new Set(list.map((s) => s.staff))).toEqual(new Set(["11", "12"]));
    expect(list.find((s) => s.staff === "11")!.staffname).toBe("Dana ");
  });

  it("never offers a staff member who is busy at that time", async () => {
    await h.api(
      "addappt",
      {
        staff: 11,
        service: 21,
        from: at(1, "10:00"),
        to: at(1, "11:00"),
        first: "Noa",
        last: "Levi",
        cell: "0527654321",
      },
      { method: "POST" },
    );
    for (let i = 0; i < 10; i++) {
      const list = await spots({ from: day(1), to: day(1), service: 21 });
      expect(
        list.filter((s) => s.from === at(1, "10:00") || s.from === at(1, "10:30")).map((s) => s.staff),
      ).toEqual(["12", "12"]);
    }
    const only11 = await spots({ from: day(1), to: day(1), service: 21, staff: 11 });
    expect(only11.map((s) => s.from)).not.toContain(at(1, "10:00"));
    expect(only11.map((s) => s.from)).toContain(at(1, "11:00"));
    // A 60-minute service only fits where the whole hour is free.
    const color = await spots({ from: day(1), to: day(1), service: 22 });
    expect(color.map((s) => s.from)).not.toContain(at(1, "09:30"));
    expect(color.map((s) => s.from)).toContain(at(1, "09:00"));
  });

  it("the same seed gives the same answer", async () => {
    const again = await startEmulator({ sites: [site()], random: seededRandom(42) });
    try {
      const a = await spots({ from: day(1), to: day(2), service: 21 });
      const b = (await again.api("availability", { from: day(1), to: day(2), service: 21 })).openhours;
      expect(b).toEqual(a);
    } finally {
      await again.close();
    }
  });

  it("applies the external rules unless internal=1: lead time, horizon, external services", async () => {
    h.em.clock.set(T0.set({ hour: 10, minute: 10 }));
    expect((await spots({ from: day(0), to: day(0), service: 21 }))[0]!.from).toBe(at(0, "11:30"));
    expect((await spots({ from: day(0), to: day(0), service: 21, internal: 1 }))[0]!.from).toBe(
      at(0, "10:30"),
    );
    expect(await spots({ from: day(8), to: day(9), service: 21 })).toEqual([]);
    expect((await spots({ from: day(8), to: day(9), service: 21, internal: 1 })).length).toBeGreaterThan(0);
    expect((await h.api("availability", { from: day(1), to: day(1), service: 23 })).status).toBe(0);
    expect((await spots({ from: day(1), to: day(1), service: 23, internal: 1 })).length).toBe(16);
  });

  it("limits the range to 31 days and needs a service", async () => {
    expect((await h.api("availability", { from: day(0), to: day(31), service: 21 })).status).toBe(0);
    expect(
      (await h.api("availability", { from: day(0), to: day(30), service: 21, dateonly: 1 })).status,
    ).toBe(1);
    expect((await h.api("availability", { from: day(0), to: day(3) })).status).toBe(0);
  });
});
