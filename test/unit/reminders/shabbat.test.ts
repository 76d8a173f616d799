import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isPlanned, planReminderTimes } from "../../../src/reminders/policy.ts";
import { ShabbatCalendar, shabbatSpans } from "../../../src/reminders/shabbat.ts";
import { at, H, hebcalTimes, holidayDate, M, plan, policy, zone } from "./helpers.ts";

const NOW = "2026-03-16T09:00";

/** The one planned reminder's local time, for tests that compare with Hebcal's times. */
function dueOf(start: string, now: string, offsetMs: number, over = {}) {
  const [r] = planReminderTimes({
    appointment: { status: "live", start: at(start) },
    policy: policy({ offsetsMs: [offsetMs], ...over }),
    now: at(now),
  });
  if (!r || !isPlanned(r)) throw new Error(`not planned: ${JSON.stringify(r)}`);
  return r;
}

describe("Shabbat entry", () => {
  it("a Sunday 10:00 appointment's 24h reminder (due Saturday 10:00) goes out Friday before candle-lighting", () => {
    const r = dueOf("2026-03-22T10:00", NOW, 24 * H);
    // Tel Aviv, Friday 20 March 2026: sunset 17:52, candle-lighting 17:34 (18 min), reminder 30 min before.
    expect(r.dueAt.toFormat("ccc yyyy-MM-dd HH:mm")).toBe("Fri 2026-03-20 17:04");
    expect(r.adjusted).toBe("shabbat");
    // Cross-check with Hebcal's own event (it uses 20 minutes in Tel Aviv): 2 minutes later, minus 30.
    const [friday] = hebcalTimes("2026-03-20T00:00", "2026-03-20T23:59").candles;
    expect(r.dueAt.toMillis()).toBe(friday!.plus({ minutes: 2 - 30 }).toMillis());
  });

  it("a reminder due Friday afternoon before the lead time is not moved", () => {
    expect(plan("2026-03-22T16:00", NOW, { offsetsMs: [47 * H] })).toEqual([
      "2820m Fri 2026-03-20 17:00 +02:00",
    ]);
    expect(plan("2026-03-22T16:05", NOW, { offsetsMs: [47 * H] })).toEqual([
      "2820m Fri 2026-03-20 17:04 +02:00 shabbat",
    ]);
  });

  it("a Friday-night appointment's reminders all land before Shabbat, only one of them if they collide", () => {
    // 20:30 Friday (a business open on Friday night): 2h due 18:30 → 17:04; 24h Thursday 20:30 unchanged.
    expect(plan("2026-03-20T20:30", NOW)).toEqual([
      "1440m Thu 2026-03-19 20:30 +02:00",
      "120m Fri 2026-03-20 17:04 +02:00 shabbat",
    ]);
  });

  it("on Friday after the lead time, a reminder that needs moving is unavoidable", () => {
    expect(plan("2026-03-22T10:00", "2026-03-20T17:10")).toEqual([
      "1440m skip quiet_unavoidable",
      "120m Sun 2026-03-22 08:00 +02:00",
    ]);
  });

  it("off: nothing is held for Shabbat", () => {
    expect(plan("2026-03-22T10:00", NOW, { shabbatQuiet: false })).toEqual([
      "1440m Sat 2026-03-21 10:00 +02:00",
      "120m Sun 2026-03-22 08:00 +02:00",
    ]);
  });
});

describe("Shabbat exit", () => {
  // A Saturday-night 21:00 appointment; its 2h reminder is due 19:00. Whether that is after
  // havdalah depends on the week: checked against Hebcal's havdalah times.
  it("21 March 2026: havdalah is before 19:00, so the 2h reminder goes out at 19:00", () => {
    const [havdalah] = hebcalTimes("2026-03-21T00:00", "2026-03-21T23:59").havdalot;
    expect(havdalah!.toFormat("HH:mm")).toBe("18:29");
    expect(havdalah! < at("2026-03-21T19:00")).toBe(true);
    expect(plan("2026-03-21T21:00", NOW)).toEqual([
      "1440m Fri 2026-03-20 17:04 +02:00 shabbat",
      "120m Sat 2026-03-21 19:00 +02:00",
    ]);
  });

  it("28 March 2026 (first Shabbat of summer time): havdalah is after 19:00, so it moves to Friday", () => {
    const [havdalah] = hebcalTimes("2026-03-28T00:00", "2026-03-28T23:59").havdalot;
    expect(havdalah!.toFormat("HH:mm")).toBe("19:34");
    expect(havdalah! > at("2026-03-28T19:00")).toBe(true);
    // Both reminders (24h due Friday 21:00, 2h due Saturday 19:00) fall in the same Shabbat: one
    // message, on Friday 30 minutes before candle-lighting (18:39 IDT).
    expect(plan("2026-03-28T21:00", NOW)).toEqual([
      "1440m Fri 2026-03-27 18:09 +03:00 shabbat",
      "120m skip duplicate",
    ]);
  });

  it("a reminder due exactly at havdalah is not held", () => {
    expect(plan("2026-03-21T20:29", NOW, { offsetsMs: [2 * H] })).toEqual([
      "120m Sat 2026-03-21 18:29 +02:00",
    ]);
    expect(plan("2026-03-21T20:28", NOW, { offsetsMs: [2 * H] })).toEqual([
      "120m Fri 2026-03-20 17:04 +02:00 shabbat",
    ]);
  });
});

describe("quiet hours and Shabbat together", () => {
  it("quiet hours inside Shabbat: a reminder due Saturday 07:00 goes to Friday before candle-lighting", () => {
    expect(plan("2026-03-21T09:00", NOW, { offsetsMs: [2 * H] })).toEqual([
      "120m Fri 2026-03-20 17:04 +02:00 shabbat",
    ]);
  });

  it("separate windows: a Sunday 08:15 appointment's 2h reminder goes out Saturday 21:30, after havdalah", () => {
    expect(plan("2026-03-22T08:15", NOW)).toEqual([
      "1440m Fri 2026-03-20 17:04 +02:00 shabbat",
      "120m Sat 2026-03-21 21:30 +02:00 quiet_hours",
    ]);
  });

  it("overlapping windows merge: with quiet hours from 20:00 and a summer havdalah after 20:00, Sunday 06:15 goes to Friday", () => {
    const [havdalah] = hebcalTimes("2026-06-20T00:00", "2026-06-20T23:59").havdalot;
    expect(havdalah! > at("2026-06-20T20:00")).toBe(true);
    const quietHours = { startMinute: 20 * 60, endMinute: 8 * 60 };
    const r = dueOf("2026-06-21T08:15", "2026-06-15T09:00", 2 * H, { quietHours });
    const [candles] = hebcalTimes("2026-06-19T00:00", "2026-06-19T23:59").candles;
    expect(r.dueAt.toFormat("ccc yyyy-MM-dd")).toBe("Fri 2026-06-19");
    expect(r.dueAt < candles!).toBe(true);
    expect(r.dueAt.toFormat("HH:mm")).toBe("19:01"); // candle-lighting 19:31 (18 min) − 30
    expect(r.adjusted).toBe("shabbat");
    // the same appointment with 21:30 quiet hours: windows do not touch, Saturday 21:30
    expect(plan("2026-06-21T08:15", "2026-06-15T09:00", { offsetsMs: [2 * H] })).toEqual([
      "120m Sat 2026-06-20 21:30 +03:00 quiet_hours",
    ]);
  });

  it("quiet hours that start before Friday's candle-lighting (winter, 16:00-08:00) extend the window back", () => {
    const quietHours = { startMinute: 16 * 60, endMinute: 8 * 60 };
    expect(plan("2026-03-22T10:00", NOW, { quietHours, offsetsMs: [24 * H] })).toEqual([
      "1440m Fri 2026-03-20 16:00 +02:00 quiet_hours",
    ]);
  });
});

describe("holidays (yom tov), dates from Hebcal", () => {
  it("Rosh Hashana 2026 follows Shabbat: one window from Friday to the second day's havdalah", () => {
    const rh = holidayDate(5787, "Rosh Hashana 5787");
    const rh2 = holidayDate(5787, "Rosh Hashana II");
    expect(rh.weekday).toBe(6); // Saturday: Shabbat and Rosh Hashana I together
    const erev = rh.minus({ days: 1 }).set({ hour: 12 });
    const [candles] = hebcalTimes(erev.toISODate()!, erev.toISODate()!).candles;
    const monday = rh2.plus({ days: 1 }).set({ hour: 10 });
    // 24h due on the second day of Rosh Hashana (Sunday 10:00) → Friday before candle-lighting
    const r = dueOf(monday.toISO()!, "2026-09-01T09:00", 24 * H);
    expect(r.adjusted).toBe("shabbat");
    expect(r.dueAt.hasSame(erev, "day")).toBe(true);
    expect(r.dueAt < candles!).toBe(true);
    expect(candles!.diff(r.dueAt, "minutes").minutes).toBe(28); // 30 before, Hebcal lights 2 min earlier
    // 48h due Saturday 10:00 lands on the same minute: one message
    expect(plan(monday.toISO()!, "2026-09-01T09:00", { offsetsMs: [48 * H, 24 * H] })).toEqual([
      `2880m ${r.dueAt.toFormat("ccc yyyy-MM-dd HH:mm ZZ")} shabbat`,
      "1440m skip duplicate",
    ]);
    // after havdalah of the second day, a Sunday-evening reminder is free
    const [havdalah] = hebcalTimes(rh2.toISODate()!, rh2.toISODate()!).havdalot;
    const afterRh = havdalah!.plus({ minutes: 1 });
    expect(plan(afterRh.plus({ hours: 2 }).toISO()!, "2026-09-01T09:00", { offsetsMs: [2 * H] })).toEqual([
      `120m ${afterRh.toFormat("ccc yyyy-MM-dd HH:mm ZZ")}`,
    ]);
  });

  it("Yom Kippur 2026: a reminder due on the day moves to erev Yom Kippur before candle-lighting", () => {
    const yk = holidayDate(5787, "Yom Kippur");
    const erev = yk.minus({ days: 1 });
    const [candles] = hebcalTimes(erev.toISODate()!, erev.toISODate()!).candles;
    const dayAfter = yk.plus({ days: 1 }).set({ hour: 10 });
    const r = dueOf(dayAfter.toISO()!, "2026-09-15T09:00", 24 * H);
    expect(r.adjusted).toBe("shabbat");
    expect(r.dueAt.hasSame(erev, "day")).toBe(true);
    expect(candles!.diff(r.dueAt, "minutes").minutes).toBe(28);
    // a weekday (not Shabbat): Yom Kippur itself is what holds it
    expect(yk.weekday).not.toBe(6);
  });

  it("Shavuot 2026 (Friday) then Shabbat: a reminder due on Friday goes to Thursday, erev Shavuot", () => {
    const shavuot = holidayDate(5786, "Shavuot");
    expect(shavuot.weekday).toBe(5);
    const sunday = shavuot.plus({ days: 2 }).set({ hour: 10 });
    // 48h due Friday 10:00 (Shavuot), 24h due Saturday 10:00 (Shabbat): same window, one message
    expect(plan(sunday.toISO()!, "2026-05-15T09:00", { offsetsMs: [48 * H, 24 * H] })).toEqual([
      "2880m Thu 2026-05-21 18:47 +03:00 shabbat",
      "1440m skip duplicate",
    ]);
  });

  it("a weekday that is not a holiday (chol hamoed Pesach) is not held", () => {
    const pesach5 = holidayDate(5786, "Pesach V (CH''M)");
    expect(pesach5.weekday).toBeLessThan(5); // Monday-Thursday, not erev Shabbat
    const appt = pesach5.set({ hour: 14 });
    expect(plan(appt.toISO()!, "2026-03-25T09:00", { offsetsMs: [2 * H] })).toEqual([
      `120m ${appt.minus({ hours: 2 }).toFormat("ccc yyyy-MM-dd HH:mm ZZ")}`,
    ]);
  });
});

describe("Shabbat calendar", () => {
  it("merges Rosh Hashana with the Shabbat before it and covers every Friday of the year", () => {
    const spans = shabbatSpans({}, 2026, 2026).filter((s) => s.candleLighting.getUTCFullYear() === 2026);
    const fridays = spans.filter((s) => DateTime.fromJSDate(s.candleLighting, { zone }).weekday === 5);
    expect(fridays.length).toBe(52 - 1); // Shavuot's span starts on Thursday 21 May instead
    for (const s of spans) {
      const hours = (s.havdalah.getTime() - s.candleLighting.getTime()) / H;
      expect(hours).toBeGreaterThan(24);
      expect(hours).toBeLessThan(3 * 24 + 2);
    }
  });

  it("uses the configured location and minutes (Jerusalem lights 40 minutes before sunset)", () => {
    const tlv = new ShabbatCalendar({});
    const jlm = new ShabbatCalendar({ location: "Jerusalem", candleLightingMins: 40 });
    const sat = at("2026-03-21T10:00").toMillis();
    const tlvStart = tlv.containing(sat)!.startMs;
    const jlmStart = jlm.containing(sat)!.startMs;
    // Jerusalem's sunset is a couple of minutes earlier than Tel Aviv's, and it lights 22 minutes earlier
    expect((tlvStart - jlmStart) / M).toBeGreaterThanOrEqual(22);
    expect((tlvStart - jlmStart) / M).toBeLessThanOrEqual(26);
    const coords = new ShabbatCalendar({ location: { latitude: 32.08, longitude: 34.78 }, leadMs: 60 * M });
    expect((tlvStart - coords.containing(sat)!.startMs) / M).toBeCloseTo(30, -1);
  });

  it("rejects an unknown city", () => {
    expect(() => new ShabbatCalendar({ location: "Atlantis" })).toThrow(/Atlantis/);
  });

  it("works across the turn of the year", () => {
    // Friday 1 January 2027: the 24h reminder of a Sunday-3-January 10:00 appointment
    expect(plan("2027-01-03T10:00", "2026-12-28T09:00", { offsetsMs: [24 * H] })).toEqual([
      "1440m Fri 2027-01-01 15:59 +02:00 shabbat",
    ]);
    // Saturday 2 January 2027 18:00 is after havdalah (17:28) computed with 2027's table
    expect(plan("2027-01-02T20:00", "2026-12-28T09:00", { offsetsMs: [2 * H] })).toEqual([
      "120m Sat 2027-01-02 18:00 +02:00",
    ]);
  });
});
