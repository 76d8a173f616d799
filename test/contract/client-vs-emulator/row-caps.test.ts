import { describe, expect, it } from "vitest";
import { buildSite, type SeedSite } from "../../../src/emulator/seed.ts";
import { customerAppointments, listCustomers, listSlots } from "../../../src/tor4you/capped-lists.ts";
import { Tor4YouApiError } from "../../../src/tor4you/errors.ts";
import { at, day, failure, T0, useEmulator } from "./harness.ts";

// Tor4You stops a list at its cap without saying so (the emulator does the same: a SQL LIMIT) and
// refuses a longer range than a call allows; these tests prove the client gets everything anyway.
const OPEN = "700101";
const SLOTS = "700102";
const MANY = "700103";

/** Ten-minute slots from 06:00 for two staff members: `perStaffPerDay` each a day for `days` days. */
function manySlots(days: number, perStaffPerDay: number) {
  const slots: NonNullable<SeedSite["slots"]> = [];
  let id = 800000;
  for (let d = 1; d <= days; d++)
    for (const staff of ["11", "12"])
      for (let k = 0; k < perStaffPerDay; k++) {
        const minutes = 6 * 60 + k * 10;
        const hhmm = (m: number) =>
          `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        slots.push({ id: String(id++), staff, from: at(d, hhmm(minutes)), to: at(d, hhmm(minutes + 10)) });
      }
  return slots;
}

const SLOT_SETTINGS = {
  calendarType: "slots",
  istz: "0",
  stepMinutes: 10,
  minLeadMinutes: 0,
  maxHorizonDays: 365,
} as const;

const emu = useEmulator(() => [
  buildSite(OPEN),
  // 3 days x 2 staff x 100 slots = 600 free spots in three days: over availability's 500.
  buildSite(SLOTS, { settings: SLOT_SETTINGS, slots: manySlots(3, 100) }),
  // 1,100 customers (custlist stops at 500), one of them with 30 upcoming appointments (custappts: 25),
  // and 1,200 slots in three days (slotlist stops at 1000).
  buildSite(MANY, {
    settings: SLOT_SETTINGS,
    slots: manySlots(3, 100).concat(
      manySlots(3, 100).map((s, i) => ({
        ...s,
        id: String(900000 + i),
        staff: "11",
        from: s.from,
        to: s.to,
      })),
    ),
    customers: Array.from({ length: 1100 }, (_, i) => ({
      id: String(60001 + i),
      first: `C${i}`,
      last: "Many",
      cell: `05244${String(i).padStart(5, "0")}`,
    })),
    appointments: Array.from({ length: 30 }, (_, i) => ({
      id: String(720001 + i),
      staff: "12",
      service: "21",
      customer: "60001",
      from: at(70 - 2 * i, "11:00"),
      to: at(70 - 2 * i, "11:30"),
    })),
  }),
]);

describe("availability: days per call by calendar, 500 spots", () => {
  it("an open calendar is asked at most 31 days a call: 40 days come in two calls, every free day in them", async () => {
    const t = await emu.fresh();
    // The emulator takes seconds to work out a month of open times on a busy machine.
    const c = t.client(OPEN, { timeoutMs: 30_000 });
    // The emulator, like the reference, refuses 32 days on an open calendar.
    const raw = await fetch(`${t.base}/availability?from=${day(0)}&to=${day(31)}&service=21&dateonly=1`, {
      headers: { torkey: t.em.site(OPEN).credentials.torkey },
    }).then((r) => r.json());
    expect(raw).toMatchObject({ status: 0 });
    t.requests.length = 0;
    const r = await c.availability({ from: day(0), to: day(39), service: 21, dateOnly: true });
    expect(t.requests).toEqual(["availability", "availability"]);
    if (r.kind !== "dates") throw new Error(r.kind);
    const days = r.dates.map((d) => d.toFormat("yyyyMMdd"));
    // Working days (Sunday to Thursday) on both sides of the split.
    expect(days).toContain(day(0));
    expect(days).toContain(day(39));
    expect(new Set(days).size).toBe(days.length);
    expect(days.length).toBeGreaterThan(25);
  });

  it("a time-slot calendar is asked 60 days in one call when the caller says so", async () => {
    const t = await emu.fresh();
    const r = await t.client(SLOTS).availability({
      from: day(0),
      to: day(59),
      service: 21,
      dateOnly: true,
      calendar: "slots",
    });
    expect(t.requests).toEqual(["availability"]);
    expect(r.kind === "dates" && r.dates.map((d) => d.toFormat("yyyyMMdd"))).toEqual([
      day(1),
      day(2),
      day(3),
    ]);
  });

  it("600 free slots in three days, over the 500 one answer holds: every one comes back, once", async () => {
    const t = await emu.fresh();
    const r = await t
      .client(SLOTS)
      .availability({ from: day(1), to: day(3), service: 21, calendar: "slots" });
    if (r.kind !== "slots") throw new Error(r.kind);
    expect(r.slots).toHaveLength(600);
    expect(new Set(r.slots.map((s) => s.id)).size).toBe(600);
    expect(r.slots.at(-1)!.start.toFormat("yyyyMMdd HH:mm")).toBe(`${day(3)} 22:30`);
    expect(t.requests.length).toBeGreaterThan(1);
  });
});

describe("slotlist, custlist and custappts read whole", () => {
  it("1,200 slots in three days (slotlist stops at 1000): listSlots gets all of them", async () => {
    const t = await emu.fresh();
    const c = t.client(MANY);
    expect(await c.slotlist({ from: day(1), to: day(3) })).toHaveLength(1000);
    const all = await listSlots(c, { from: day(1), to: day(3) });
    expect(all).toHaveLength(1200);
    expect(new Set(all.map((s) => s.id)).size).toBe(1200);
  });

  it("a range longer than 60 days is split: slotlist over 90 days", async () => {
    const t = await emu.fresh();
    const c = t.client(MANY);
    expect(await failure(() => c.slotlist({ from: day(0), to: day(89) }))).toBeDefined();
    t.requests.length = 0;
    expect(await listSlots(c, { from: day(-30), to: day(59) })).toHaveLength(600 + 600);
  });

  it("1,100 customers (custlist stops at 500): listCustomers pages with minId and gets each once", async () => {
    const t = await emu.fresh();
    const c = t.client(MANY);
    expect(await c.custlist()).toHaveLength(500);
    t.requests.length = 0;
    const all = await listCustomers(c);
    expect(all.map((x) => x.id)).toEqual(Array.from({ length: 1100 }, (_, i) => String(60001 + i)));
    expect(t.requests.every((r) => r === "custlist")).toBe(true);
    expect(t.requests.length).toBeLessThanOrEqual(4);
  });

  it("30 upcoming appointments (custappts stops at 25): customerAppointments gets all 30, earliest first", async () => {
    const t = await emu.fresh();
    const c = t.client(MANY);
    expect(await c.custappts({ customerId: 60001 })).toHaveLength(25);
    const all = await customerAppointments(c, { customerId: 60001 }, { now: T0 });
    expect(all.map((a) => a.id)).toEqual(Array.from({ length: 30 }, (_, i) => String(720030 - i)));
  });

  it("a refusal is not read as an empty page", async () => {
    const t = await emu.fresh();
    await t.fault({ mode: "status0", count: 1 });
    expect(await failure(() => listCustomers(t.client(MANY)))).toBeInstanceOf(Tor4YouApiError);
  });
});
