import { formatApiMinute, parseApiMinute } from "../../tor4you/dates.ts";
import type { AvailabilityResult, Service } from "../../tor4you/types.ts";
import type { StepContext } from "../context.ts";
import type { BookFlow, OfferedTime } from "../state.ts";

/** Morning before 12:00, noon until 16:00, evening after: how people say when they want to come. */
export const PARTS = ["morning", "noon", "evening"] as const;
export type PartOfDay = (typeof PARTS)[number];
const PART_ENDS: Record<PartOfDay, string> = { morning: "1200", noon: "1600", evening: "2400" };

/** The part of day of a `YYYYMMDDhhmm` stamp. */
export function partOf(stamp: string): PartOfDay {
  const hhmm = stamp.slice(8, 12);
  return PARTS.find((p) => hhmm < PART_ENDS[p]) ?? "evening";
}

export const isPart = (x: string): x is PartOfDay => (PARTS as readonly string[]).includes(x);

/**
 * Tor4You's free times as the times a customer is offered, future only, in order. With "any
 * staff member" each time appears once: the first provider free then is kept (by the business's
 * own order), the others are alternatives tried if that one is taken by the time of booking.
 */
export function offeredTimes(ctx: StepContext, r: AvailabilityResult, anyStaff: boolean): OfferedTime[] {
  const zone = ctx.site.timezone;
  const list: OfferedTime[] =
    r.kind === "slots"
      ? r.slots.map((s) => ({
          from: formatApiMinute(s.start, zone),
          to: formatApiMinute(s.end, zone),
          staffId: s.staffId ?? "",
          slotId: s.id,
          vfib: s.vfib,
          placesLeft: s.placesLeft,
        }))
      : r.kind === "openhours"
        ? r.openHours.map((h) => ({
            from: formatApiMinute(h.start, zone),
            to: formatApiMinute(h.end, zone),
            staffId: h.staffId ?? "",
          }))
        : [];
  const now = formatApiMinute(ctx.now, zone);
  const order = new Map(ctx.catalog.providers.map((p, i) => [p.id, i]));
  const rank = (t: OfferedTime) => order.get(t.staffId) ?? Number.MAX_SAFE_INTEGER;
  const sorted = list
    .filter((t) => t.staffId && t.from > now)
    .sort((a, b) => a.from.localeCompare(b.from) || rank(a) - rank(b));
  // Group slots (a class) are one place each, booked by their own slot id: not merged.
  if (!anyStaff || r.kind !== "openhours") return sorted;
  const merged: OfferedTime[] = [];
  for (const t of sorted) {
    const same = merged.at(-1);
    if (same && same.from === t.from) same.alts = [...(same.alts ?? []), t.staffId];
    else merged.push({ ...t });
  }
  return merged;
}

/** Button labels for times; two slots at one time (two staff) carry the name to tell them apart. */
export function timeLabels(ctx: StepContext, times: OfferedTime[]): string[] {
  const staffName = (id: string) => ctx.catalog.providers.find((p) => p.id === id)?.name.trim() ?? "";
  const counts = new Map<string, number>();
  for (const t of times) counts.set(t.from, (counts.get(t.from) ?? 0) + 1);
  return times.map((t) => {
    const hhmm = ctx.time(parseApiMinute(t.from, ctx.site.timezone));
    return (counts.get(t.from) ?? 0) > 1 ? `${hhmm} ${staffName(t.staffId)}` : hhmm;
  });
}

/** The parts of the day that have free times, with the first and last time of each. */
export function partsWithTimes(
  times: OfferedTime[],
): Array<{ part: PartOfDay; first: string; last: string }> {
  return PARTS.flatMap((part) => {
    const inPart = times.filter((t) => partOf(t.from) === part);
    return inPart.length ? [{ part, first: inPart[0]!.from, last: inPart.at(-1)!.from }] : [];
  });
}

export function availabilityQuery(flow: BookFlow, services: readonly Service[]) {
  return {
    service: flow.serviceId!,
    serviceMinutes: services.find((s) => s.id === flow.serviceId)?.durationMinutes,
    staff: flow.staffId && flow.staffId !== "any" ? flow.staffId : undefined,
    branch: flow.branchId,
    participants: flow.participants,
  };
}
