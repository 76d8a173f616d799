import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isPlanned, planReminderTimes, rawDueTime } from "../../../src/reminders/policy.ts";
import { ZoneClock } from "../../../src/reminders/zone-clock.ts";
import { at, H, plan, policy, zone } from "./helpers.ts";

// Israel 2026: spring forward Friday 27 March 02:00 → 03:00; fall back Sunday 25 October 02:00 → 01:00.
const free = { quietHours: null, shabbatQuiet: false };

describe("whole-day offsets keep the wall-clock time across DST", () => {
  it("spring: a Friday 27 March 10:00 appointment's 24h reminder is Thursday 10:00 (23 real hours before)", () => {
    expect(at("2026-03-27T10:00").offset).toBe(180);
    expect(plan("2026-03-27T10:00", "2026-03-20T09:00", { offsetsMs: [24 * H] })).toEqual([
      "1440m Thu 2026-03-26 10:00 +02:00",
    ]);
    const [r] = planReminderTimes({
      appointment: { status: "live", start: at("2026-03-27T10:00") },
      policy: policy({ offsetsMs: [24 * H] }),
      now: at("2026-03-20T09:00"),
    });
    expect(r && isPlanned(r) && at("2026-03-27T10:00").diff(r.dueAt, "hours").hours).toBe(23);
  });

  it("fall: a Sunday 25 October 10:00 appointment's 24h reminder is Saturday 10:00 (25 real hours before)", () => {
    // (Shabbat off here: a business that sends on Saturdays)
    expect(plan("2026-10-25T10:00", "2026-10-19T09:00", { offsetsMs: [24 * H], ...free })).toEqual([
      "1440m Sat 2026-10-24 10:00 +03:00",
    ]);
    expect(at("2026-10-25T10:00").toMillis() - at("2026-10-24T10:00").toMillis()).toBe(25 * H);
  });

  it("a 48h offset across the switch is two calendar days", () => {
    expect(plan("2026-03-29T12:00", "2026-03-20T09:00", { offsetsMs: [48 * H], ...free })).toEqual([
      "2880m Fri 2026-03-27 12:00 +03:00",
    ]);
    expect(plan("2026-10-26T12:00", "2026-10-19T09:00", { offsetsMs: [48 * H], ...free })).toEqual([
      "2880m Sat 2026-10-24 12:00 +03:00",
    ]);
  });

  it("a whole-day reminder whose wall-clock time does not exist (02:30 on 27 March) moves forward by the gap, like luxon", () => {
    expect(plan("2026-03-28T02:30", "2026-03-20T09:00", { offsetsMs: [24 * H], ...free })).toEqual([
      "1440m Fri 2026-03-27 03:30 +03:00",
    ]);
  });
});

describe("other offsets are real elapsed time across DST", () => {
  it("spring: 3h before Friday 27 March 04:00 IDT is 00:00 IST (not 01:00)", () => {
    expect(plan("2026-03-27T04:00", "2026-03-20T09:00", { offsetsMs: [3 * H], ...free })).toEqual([
      "180m Fri 2026-03-27 00:00 +02:00",
    ]);
  });

  it("fall: 2h before Sunday 25 October 02:30 IST is 01:30 IDT, the first 01:30 of the night", () => {
    expect(plan("2026-10-25T02:30", "2026-10-19T09:00", { offsetsMs: [2 * H], ...free })).toEqual([
      "120m Sun 2026-10-25 01:30 +03:00",
    ]);
  });

  it("a 36h offset is 36 real hours, not a day and a half of wall-clock (which would be Friday 00:00)", () => {
    expect(plan("2026-03-28T12:00", "2026-03-20T09:00", { offsetsMs: [36 * H], ...free })).toEqual([
      "2160m Thu 2026-03-26 23:00 +02:00",
    ]);
  });
});

describe("quiet hours on the nights of the DST switches", () => {
  it("spring: an 08:15 Friday appointment's 2h reminder goes to Thursday 21:30 (winter time)", () => {
    expect(plan("2026-03-27T08:15", "2026-03-20T09:00", { offsetsMs: [2 * H] })).toEqual([
      "120m Thu 2026-03-26 21:30 +02:00 quiet_hours",
    ]);
  });

  it("fall: a Sunday 25 October 08:15 appointment's 2h reminder goes to Saturday 21:30 (summer time), after havdalah", () => {
    expect(plan("2026-10-25T08:15", "2026-10-19T09:00")).toEqual([
      "1440m Fri 2026-10-23 17:11 +03:00 shabbat",
      "120m Sat 2026-10-24 21:30 +03:00 quiet_hours",
    ]);
  });

  it("fall: Shabbat 24 October holds the 24h reminder of a Sunday 10:00 appointment to Friday in summer time", () => {
    expect(plan("2026-10-25T10:00", "2026-10-19T09:00", { offsetsMs: [24 * H] })).toEqual([
      "1440m Fri 2026-10-23 17:11 +03:00 shabbat",
    ]);
  });
});

describe("the zone clock agrees with luxon", () => {
  const clock = new ZoneClock(zone);
  const days = [
    "2026-03-26",
    "2026-03-27",
    "2026-03-28",
    "2026-10-24",
    "2026-10-25",
    "2026-10-26",
    "2026-07-01",
    "2026-12-31",
  ];

  it("subtracting calendar days gives luxon's minus({ days }) at every quarter hour around both switches", () => {
    for (const d of days) {
      for (let q = 0; q < 96; q++) {
        const start = at(`${d}T00:00`).plus({ minutes: q * 15 });
        for (const n of [1, 2, 7]) {
          expect(clock.minusDays(start.toMillis(), n), `${start.toISO()} − ${n}d`).toBe(
            start.minus({ days: n }).toMillis(),
          );
        }
      }
    }
  });

  it("gives luxon's offsets and wall-clock minute of day", () => {
    for (const d of days) {
      for (let q = 0; q < 96; q++) {
        const t = at(`${d}T00:00`).plus({ minutes: q * 15 + 7 });
        expect(clock.offsetMinutes(t.toMillis())).toBe(t.offset);
        expect(clock.minuteOfDay(t.toMillis())).toBe(t.hour * 60 + t.minute);
      }
    }
  });

  it("puts a local time of day on the right instant, also in other zones", () => {
    const ny = new ZoneClock("America/New_York");
    const t = DateTime.fromISO("2026-03-08T12:00", { zone: "America/New_York" }); // US spring forward day
    expect(ny.atMinuteOfDay(t.toMillis(), 21 * 60 + 30, -1)).toBe(
      t.minus({ days: 1 }).set({ hour: 21, minute: 30 }).toMillis(),
    );
    expect(rawDueTime(t, 24 * H, "America/New_York").toISO()).toBe("2026-03-07T12:00:00.000-05:00");
  });
});
