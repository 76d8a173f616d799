import type { DateTime } from "luxon";
import { formatApiDate, formatApiMinute } from "../../tor4you/dates.ts";
import { linkKey, type Site, type Staff } from "../model.ts";
import { slotOccupancy, staffBusy, workingIntervals } from "../occupancy.ts";
import { dayRange } from "../params.ts";
import { pickOne, type RandomSource } from "../random.ts";
import { refuse } from "../refusal.ts";
import type { CallHandler } from "./context.ts";

export const AVAILABILITY_MAX_SPOTS = 500;
export const AVAILABILITY_MAX_DAYS = { open: 31, slots: 60 } as const;

interface Window {
  from: DateTime;
  to: DateTime;
  /** Earliest start allowed (the external lead time, or simply now). */
  earliest: DateTime;
  /** Latest start allowed (the external horizon), null for internal use. */
  latest: DateTime | null;
}

/**
 * Free times as an external customer would see them, unless internal=1 (then internal services are
 * allowed and only the past is excluded). Open calendars offer one randomly chosen free staff
 * member per time, as the reference describes ("to ensure equal allocation").
 */
export const availability: CallHandler = ({ site, p, now, random }) => {
  const type = site.settings.calendarType;
  const { from, to } = dayRange(p, "from", "to", AVAILABILITY_MAX_DAYS[type]);
  const serviceId = p.id("service", { required: true });
  const service = site.services.get(serviceId);
  if (service?.status !== "1") refuse("service not found");
  const internal = p.flag("internal");
  if (!internal && !service.external) refuse("service is not available for external booking");
  const staffId = p.id("staff");
  const branch = p.id("branch");
  const participants = p.int("participants", 1, { min: 1, max: 10000 });
  const dateonly = p.flag("dateonly");
  const win: Window = {
    from,
    to,
    earliest: internal ? now : now.plus({ minutes: site.settings.minLeadMinutes }),
    latest: internal ? null : now.plus({ days: site.settings.maxHorizonDays }),
  };
  const staff = [...site.staff.values()]
    .filter((s) => s.status === "1" && s.showorder > 0 && site.links.has(linkKey(s.id, serviceId)))
    .filter((s) => (!staffId || s.id === staffId) && (!branch || s.branch === branch))
    .sort((a, b) => Number(a.id) - Number(b.id));
  if (type === "slots") return slotSpots(site, win, staff, serviceId, participants, dateonly);
  return openSpots(site, win, staff, service.duration, dateonly, random);
};

function dates(starts: DateTime[]) {
  return { dates: [...new Set(starts.map((t) => formatApiDate(t)))].slice(0, AVAILABILITY_MAX_SPOTS) };
}

function allowed(win: Window, t: DateTime): boolean {
  return t >= win.from && t < win.to && t >= win.earliest && (win.latest === null || t <= win.latest);
}

function openSpots(
  site: Site,
  win: Window,
  staff: Staff[],
  duration: number,
  dateonly: boolean,
  random: RandomSource,
) {
  const free = new Map<number, { at: DateTime; staff: Staff[] }>();
  for (let day = win.from; day < win.to; day = day.plus({ days: 1 })) {
    for (const s of staff) {
      for (const [start, end] of workingIntervals(site, s, day)) {
        for (
          let t = start;
          t.plus({ minutes: duration }) <= end;
          t = t.plus({ minutes: site.settings.stepMinutes })
        ) {
          const until = t.plus({ minutes: duration });
          if (!allowed(win, t) || staffBusy(site, s.id, t, until)) continue;
          const entry = free.get(+t) ?? { at: t, staff: [] };
          entry.staff.push(s);
          free.set(+t, entry);
        }
      }
    }
  }
  const times = [...free.values()].sort((a, b) => +a.at - +b.at);
  if (dateonly) return dates(times.map((x) => x.at));
  return {
    openhours: times.slice(0, AVAILABILITY_MAX_SPOTS).map(({ at, staff: options }) => {
      const chosen = pickOne(options, random);
      return {
        staff: chosen.id,
        staffname: chosen.name,
        from: formatApiMinute(at),
        to: formatApiMinute(at.plus({ minutes: duration })),
      };
    }),
  };
}

function slotSpots(
  site: Site,
  win: Window,
  staff: Staff[],
  serviceId: string,
  participants: number,
  dateonly: boolean,
) {
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const spots = [...site.slots.values()]
    .filter((s) => s.status === "1" && names.has(s.staff) && (s.services === "0" || s.services === serviceId))
    .filter((s) => allowed(win, s.from))
    .map((s) => ({ slot: s, left: slotOccupancy(site, s).placesLeft }))
    .filter((x) => x.left >= participants)
    .sort((a, b) => +a.slot.from - +b.slot.from || Number(a.slot.id) - Number(b.slot.id));
  if (dateonly) return dates(spots.map((x) => x.slot.from));
  return {
    slots: spots.slice(0, AVAILABILITY_MAX_SPOTS).map(({ slot, left }) => ({
      slotid: slot.id,
      vfib: slot.vfib,
      staff: slot.staff,
      staffname: names.get(slot.staff) ?? "",
      services: slot.services,
      from: formatApiMinute(slot.from),
      to: formatApiMinute(slot.to),
      placesleft: String(left),
    })),
  };
}
