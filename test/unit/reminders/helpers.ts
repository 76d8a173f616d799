import { CandleLightingEvent, HavdalahEvent, HebrewCalendar, Location } from "@hebcal/core";
import { DateTime } from "luxon";
import {
  isPlanned,
  type PlanAppointment,
  type PlannedReminder,
  planReminderTimes,
  type ReminderPolicy,
} from "../../../src/reminders/policy.ts";

export const zone = "Asia/Jerusalem";
export const M = 60_000;
export const H = 60 * M;

/** A local time in Israel, e.g. "2026-03-22T10:00". */
export const at = (iso: string): DateTime => {
  const d = DateTime.fromISO(iso, { zone });
  if (!d.isValid) throw new Error(`bad test time ${iso}`);
  return d;
};

export const policy = (over: Partial<ReminderPolicy> = {}): ReminderPolicy => ({
  offsetsMs: [24 * H, 2 * H],
  perServiceMs: {},
  quietHours: { startMinute: 21 * 60 + 30, endMinute: 8 * 60 },
  shabbatQuiet: true,
  timezone: zone,
  ...over,
});

export const appt = (start: string, over: Partial<PlanAppointment> = {}): PlanAppointment => ({
  status: "live",
  start: at(start),
  serviceId: "1",
  ...over,
});

/** Readable outcome: "1440m Fri 2026-03-20 17:04 +02:00 shabbat" or "120m skip window_passed". */
export function describe1(r: PlannedReminder): string {
  const off = `${r.offsetMs / M}m`;
  if (!isPlanned(r)) return `${off} skip ${r.skip}`;
  const when = r.dueAt.setZone(zone).toFormat("ccc yyyy-MM-dd HH:mm ZZ");
  return r.adjusted ? `${off} ${when} ${r.adjusted}` : `${off} ${when}`;
}

export function plan(
  start: string,
  now: string,
  over: Partial<ReminderPolicy> = {},
  apptOver: Partial<PlanAppointment> = {},
  seenAt?: string,
): string[] {
  return planReminderTimes({
    appointment: appt(start, apptOver),
    policy: policy(over),
    now: at(now),
    ...(seenAt ? { seenAt: at(seenAt) } : {}),
  }).map(describe1);
}

/**
 * Hebcal's own candle-lighting and havdalah events (Tel Aviv, Hebcal's defaults) on the local
 * dates `from`..`to` (inclusive; ISO dates or date-times, only the date counts).
 */
export function hebcalTimes(from: string, to: string) {
  // Hebcal reads a Date's calendar fields in the process's zone: build the dates that way.
  const day = (iso: string) => {
    const d = at(iso);
    return new Date(d.year, d.month - 1, d.day);
  };
  const events = HebrewCalendar.calendar({
    candlelighting: true,
    il: true,
    location: Location.lookup("Tel Aviv")!,
    start: day(from),
    end: day(to),
  });
  const local = (d: Date) => DateTime.fromJSDate(d, { zone });
  return {
    candles: events.filter((e) => e instanceof CandleLightingEvent).map((e) => local(e.eventTime)),
    havdalot: events.filter((e) => e instanceof HavdalahEvent).map((e) => local(e.eventTime)),
  };
}

/** The Gregorian (Israel) date of a holiday in a Hebrew year, from Hebcal's Israeli calendar. */
export function holidayDate(hebrewYear: number, desc: string): DateTime {
  const ev = HebrewCalendar.getHolidaysForYearArray(hebrewYear, true).find((e) => e.getDesc() === desc);
  if (!ev) throw new Error(`no ${desc} in ${hebrewYear}`);
  // HDate.greg() is local midnight of the process's zone: read its calendar fields, not its instant.
  const g = ev.getDate().greg();
  return DateTime.fromObject({ year: g.getFullYear(), month: g.getMonth() + 1, day: g.getDate() }, { zone });
}
