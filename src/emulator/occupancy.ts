import type { DateTime } from "luxon";
import { formatApiDate } from "../tor4you/dates.ts";
import type { Appointment, Site, Slot, Staff, Weekday } from "./model.ts";

/** Half-open intervals: an appointment ending at 10:00 does not overlap one starting at 10:00. */
export function overlaps(aFrom: DateTime, aTo: DateTime, bFrom: DateTime, bTo: DateTime): boolean {
  return aFrom < bTo && bFrom < aTo;
}

/**
 * Appointments that hold time on a calendar: live ones, including temporary bookings that have not
 * expired (a seat awaiting payment is taken) and lozamin blocks.
 */
export function holdsTime(a: Appointment): boolean {
  return a.status === "1";
}

export function staffBusy(
  site: Site,
  staff: string,
  from: DateTime,
  to: DateTime,
  exceptAppt?: string,
): Appointment | undefined {
  for (const a of site.appointments.values()) {
    if (a.staff !== staff || a.id === exceptAppt || !holdsTime(a)) continue;
    if (overlaps(a.from, a.to, from, to)) return a;
  }
  return undefined;
}

export function slotOccupancy(
  site: Site,
  slot: Slot,
): { members: number; placesLeft: number; blocked: boolean } {
  let members = 0;
  let blocked = false;
  for (const a of site.appointments.values()) {
    if (!holdsTime(a)) continue;
    if (a.slot === slot.id) {
      if (a.isLozamin) blocked = true;
      else members += a.participants;
    } else if (a.isLozamin && a.staff === slot.staff && overlaps(a.from, a.to, slot.from, slot.to)) {
      // A lozamin placed by time (not on the slot) still blocks every slot it covers.
      blocked = true;
    }
  }
  const placesLeft = blocked || slot.status !== "1" ? 0 : Math.max(0, slot.maxmembers - members);
  return { members, placesLeft, blocked };
}

const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export function weekdayOf(day: DateTime): Weekday {
  return WEEKDAYS[day.weekday - 1]!;
}

/** The staff member's working intervals on `day` (a local date), none on the site's closed dates. */
export function workingIntervals(site: Site, staff: Staff, day: DateTime): Array<[DateTime, DateTime]> {
  if (site.closedDates.has(formatApiDate(day))) return [];
  const start = day.startOf("day");
  return (staff.hours[weekdayOf(day)] ?? []).map(([from, to]) => [
    atWallClock(start, from),
    atWallClock(start, to),
  ]);
}

function atWallClock(day: DateTime, hhmm: string): DateTime {
  const [h, m] = hhmm.split(":").map(Number);
  return day.set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 });
}

/** True when [from, to) lies inside one working interval of that day. */
export function withinWorkingHours(site: Site, staff: Staff, from: DateTime, to: DateTime): boolean {
  if (!from.hasSame(to.minus({ milliseconds: 1 }), "day")) return false;
  return workingIntervals(site, staff, from).some(([s, e]) => from >= s && to <= e);
}
