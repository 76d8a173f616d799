import { DateTime } from "luxon";

/**
 * What the bot itself did for a week's appointments (what Tor4You cannot tell): reminders sent
 * per appointment, and the appointments cancelled through the chat with who and what. Ids only.
 */
export interface WeekRecord {
  reminders: ReadonlyMap<string, number>;
  cancels: ReadonlyMap<string, { staffId: string; serviceId: string }>;
}

/**
 * The Israeli week runs Sunday to Saturday. Returns the Sunday that starts the week of a local
 * date, as `yyyyMMdd` (luxon's startOf("week") is the ISO Monday).
 */
export function weekStartOf(local: DateTime): DateTime {
  const day = local.startOf("day");
  return day.minus({ days: day.weekday % 7 });
}

export const weekKey = (local: DateTime) => weekStartOf(local).toFormat("yyyyMMdd");

/** `YYYYMMDDhhmm` (Tor4You's local minute, as the ledger keeps it) -> the key of its week. */
export function weekKeyOfStamp(stamp: string): string {
  const d = DateTime.fromFormat(stamp.slice(0, 8), "yyyyMMdd", { zone: "UTC" });
  if (!d.isValid) throw new RangeError(`"${stamp}" is not a YYYYMMDD… date`);
  return weekKey(d);
}

/** The Sundays of the last `count` weeks, oldest first, the last one being the week of `until`. */
export function lastWeeks(until: DateTime, count: number): DateTime[] {
  const last = weekStartOf(until);
  return Array.from({ length: count }, (_, i) => last.minus({ weeks: count - 1 - i }));
}
