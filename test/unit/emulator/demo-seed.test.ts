import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isValidIsraeliId } from "../../../src/domain/israeli-id.ts";
import { isCell } from "../../../src/domain/phone.ts";
import { createBookings } from "../../../src/emulator/bookings.ts";
import { createClock } from "../../../src/emulator/clock.ts";
import { DEMO_BARBER_SITEID, DEMO_STUDIO_SITEID, demoSeed } from "../../../src/emulator/seed-demo.ts";
import { Store } from "../../../src/emulator/store.ts";
import type { WebhookDispatcher } from "../../../src/emulator/webhooks.ts";
import { TOR4YOU_ZONE } from "../../../src/tor4you/dates.ts";

function load(now: DateTime) {
  const clock = createClock({ start: now, frozen: true });
  const store = new Store(() => clock.now());
  store.load(demoSeed(now));
  const bookings = createBookings({
    store,
    clock,
    webhooks: { notify() {} } as unknown as WebhookDispatcher,
  });
  return { store, bookings };
}

// A Tuesday evening, a Friday morning and a Saturday: the seed must be valid whatever day the demo starts.
const STARTS = [
  DateTime.fromObject({ year: 2026, month: 3, day: 10, hour: 20 }, { zone: TOR4YOU_ZONE }),
  DateTime.fromObject({ year: 2026, month: 3, day: 13, hour: 9 }, { zone: TOR4YOU_ZONE }),
  DateTime.fromObject({ year: 2026, month: 10, day: 24, hour: 12 }, { zone: TOR4YOU_ZONE }),
];

describe.each(STARTS)("demo seed starting %s", (now) => {
  const { store, bookings } = load(now);
  const barber = store.site(DEMO_BARBER_SITEID)!;
  const studio = store.site(DEMO_STUDIO_SITEID)!;

  it("every live appointment obeys the calendar rules it would be booked under", () => {
    for (const site of [barber, studio]) {
      for (const a of site.appointments.values()) {
        if (a.status !== "1") continue;
        expect(() => bookings.check(site, a, a.id), `appointment ${a.id}`).not.toThrow();
      }
    }
  });

  it("customers have valid cells and tz numbers; the studio requires tz", () => {
    const people = [...barber.customers.values(), ...studio.customers.values()].filter((c) => !c.isLozamin);
    expect(people.length).toBeGreaterThanOrEqual(10);
    for (const c of people) {
      expect(isCell(c.cell), c.cell).toBe(true);
      if (c.tz) expect(isValidIsraeliId(c.tz)).toBe(true);
    }
    expect(studio.settings.istz).toBe("2");
    expect([...studio.customers.values()].filter((c) => !c.isLozamin).every((c) => c.tz !== "")).toBe(true);
  });

  it("has what the demo needs around now: past marks, today/tomorrow, a temporary booking, a lozamin, a subscription", () => {
    const appts = [...barber.appointments.values()];
    expect(appts.some((a) => a.from < now && a.showstatus !== "0")).toBe(true);
    expect(appts.some((a) => a.from > now && a.from < now.plus({ days: 3 }) && a.status === "1")).toBe(true);
    expect(appts.some((a) => a.iscoming === "1" && a.from > now)).toBe(true);
    expect(appts.filter((a) => a.tmpExpire && a.tmpExpire > now && a.status === "1").length).toBe(1);
    expect(appts.some((a) => a.isLozamin)).toBe(true);
    expect(appts.every((a) => a.changedAt <= now)).toBe(true);
    expect([...barber.staff.values()].some((s) => s.name !== s.name.trim())).toBe(true);
    expect([...barber.services.values()].filter((s) => !s.external).length).toBe(1);
    expect(barber.subscriptions.size).toBeGreaterThan(0);
    expect([...studio.slots.values()].some((s) => s.maxmembers === 10)).toBe(true);
  });
});
