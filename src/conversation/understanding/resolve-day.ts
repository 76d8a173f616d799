import type { DateTime } from "luxon";
import { inZone } from "../../core/zones.ts";
import type { DaySlot } from "./slots.ts";

const WEEKDAY_NUMBER: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/**
 * The days a day slot means, from `now` in the business's zone: a weekday is the next one (today
 * included), "next week" is the coming Sunday to Saturday (the Israeli week), a date without a
 * year is the next such date. Null for a date that does not exist.
 */
export function resolveDay(day: DaySlot, now: DateTime): { from: DateTime; to: DateTime } | null {
  const today = now.startOf("day");
  const one = (d: DateTime) => ({ from: d, to: d });
  if (day === "today") return one(today);
  if (day === "tomorrow") return one(today.plus({ days: 1 }));
  if (day === "after-tomorrow") return one(today.plus({ days: 2 }));
  if (day === "next-week") {
    const sunday = today.plus({ days: 7 - (today.weekday % 7) });
    return { from: sunday, to: sunday.plus({ days: 6 }) };
  }
  const weekday = WEEKDAY_NUMBER[day];
  if (weekday) return one(today.plus({ days: (weekday - today.weekday + 7) % 7 }));
  const m = /^(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  let date = today.set({ month: Number(m[1]), day: Number(m[2]) });
  if (!date.isValid || date.month !== Number(m[1]) || date.day !== Number(m[2])) return null;
  if (date < today) date = date.plus({ years: 1 });
  return one(date);
}

/** Whether a time falls on the days a slot means. */
export function onDay(day: DaySlot, at: DateTime, now: DateTime): boolean {
  const r = resolveDay(day, inZone(now, at.zone));
  if (!r) return false;
  const d = at.startOf("day");
  return d >= r.from && d <= r.to;
}
