/**
 * The reminder policy: when each reminder of an appointment is due. Pure and deterministic: the
 * current time is an argument, nothing is read from the clock, the environment or the network.
 *
 * Decisions (each one is tested in test/unit/reminders/):
 *
 * - Offsets come from `perServiceMs[serviceId]` when the service has an entry (an empty list
 *   turns reminders off for that service), else from `offsetsMs`. Duplicates count once; the
 *   result is ordered from the largest offset (earliest reminder) to the smallest.
 * - Due time = start − offset in the site's zone, floored to the minute. An offset of whole days
 *   (24h, 48h, ...) is counted in calendar days, so a 24h reminder for 10:00 goes out at 10:00
 *   the day before even across a DST switch ("your appointment tomorrow at 10:00"); any other
 *   offset (2h, 90m, 36h) is real elapsed time ("in two hours" means two real hours).
 * - Quiet hours and Shabbat/yom tov are quiet windows (open intervals: their edges are allowed
 *   send times). A reminder due inside one moves EARLIER to the window's start; overlapping
 *   windows act as one and the reminder goes to the earliest edge. It never moves later, so it
 *   always stays before the appointment. If the edge is already past, it is skipped
 *   (`quiet_unavoidable`): a reminder that cannot go out before the quiet time does not go out.
 * - Shabbat and yom tov (Israeli calendar) run from `shabbat.leadMs` (30 min) before
 *   candle-lighting to havdalah; see shabbat.ts for the location and minutes.
 * - A reminder whose due time is already past is skipped (`window_passed`): it is never sent
 *   late as if on time. Late booking: when EVERY offset's due time has passed and the
 *   appointment is still more than `lateBookingMinLeadMs` (30 min) away, the smallest offset
 *   goes out once, now (`adjusted: "late_booking"`), unless now is itself quiet. Pass `seenAt`
 *   (when the bot first learned of the appointment) so an appointment whose reminders already
 *   went out on time is not taken for a late booking in its last hours; without it, `now` is
 *   taken as the first sighting.
 * - Two offsets moved to the same minute would be the same message twice: the smaller offset
 *   is skipped (`duplicate`).
 */
import { DateTime } from "luxon";
import type { QuietHours, SiteConfig } from "../config/types.ts";
import { inZone, rememberingZone } from "../core/zones.ts";
import type { Appointment } from "../domain/appointment.ts";
import { dailyQuietSource, earliestQuietEdge, type QuietKind, type QuietSource } from "./quiet-windows.ts";
import { type ShabbatOptions, shabbatCalendar } from "./shabbat.ts";
import { type ZoneClock, zoneClock } from "./zone-clock.ts";

export type { ShabbatCoordinates, ShabbatOptions } from "./shabbat.ts";

export interface ReminderPolicy {
  /** The site's offsets before the start, in ms (e.g. 24h and 2h). */
  offsetsMs: readonly number[];
  /** serviceId → offsets, replacing `offsetsMs` for that service. */
  perServiceMs?: Readonly<Record<string, readonly number[]>>;
  /** Nightly quiet hours (minutes after local midnight, may wrap midnight), or null for none. */
  quietHours: Pick<QuietHours, "startMinute" | "endMinute"> | null;
  /** Hold reminders over Shabbat and yom tov. */
  shabbatQuiet: boolean;
  /** IANA zone of the business, e.g. Asia/Jerusalem. */
  timezone: string;
  /** Location and minutes for Shabbat times; defaults to Tel Aviv, 18 min, tzeit, 30 min lead. */
  shabbat?: ShabbatOptions;
  /** A late booking gets its one reminder only if the start is more than this away. Default 30 min. */
  lateBookingMinLeadMs?: number;
}

/** Why a reminder of an appointment is not planned. */
export type PlanSkipReason =
  /** The appointment is cancelled or expired. */
  | "not_live"
  /** A lozamin entry, not a customer's appointment. */
  | "lozamin"
  /** A temporary booking (tmp_expire set): no reminders until it is confirmed. */
  | "temporary"
  /** The appointment has already started. */
  | "past"
  /** This reminder's due time has already passed. */
  | "window_passed"
  /** Due in a quiet window whose earliest edge has already passed. */
  | "quiet_unavoidable"
  /** Lands on the same minute as a larger offset's reminder. */
  | "duplicate"
  /** The offset is not a positive finite number of milliseconds. */
  | "invalid_offset";

/** Why a planned reminder is not at start − offset. */
export type PlanAdjustReason = QuietKind | "late_booking";

export type PlannedReminder =
  | { offsetMs: number; dueAt: DateTime; adjusted?: PlanAdjustReason }
  | { offsetMs: number; skip: PlanSkipReason };

export type PlanAppointment = Pick<Appointment, "status" | "start" | "serviceId" | "tmpExpire" | "isLozamin">;

export interface PlanInput {
  appointment: PlanAppointment;
  policy: ReminderPolicy;
  now: DateTime;
  /** When the bot first saw this appointment; defaults to `now`. Only used for late bookings. */
  seenAt?: DateTime;
}

export type ReminderPlanner = (
  appointment: PlanAppointment,
  now: DateTime,
  seenAt?: DateTime,
) => PlannedReminder[];

const MINUTE = 60_000;
const DAY = 86_400_000;
const DEFAULT_LATE_BOOKING_MIN_LEAD_MS = 30 * MINUTE;

/** Whether a due entry is planned (true) or skipped. */
export function isPlanned(r: PlannedReminder): r is Extract<PlannedReminder, { dueAt: DateTime }> {
  return "dueAt" in r;
}

/** The offsets that apply to a service: distinct, largest first (invalid ones included, to be reported). */
export function offsetsFor(policy: Pick<ReminderPolicy, "offsetsMs" | "perServiceMs">, serviceId?: string) {
  const own = serviceId !== undefined ? policy.perServiceMs?.[serviceId] : undefined;
  return [...new Set(own ?? policy.offsetsMs)].sort((a, b) => b - a);
}

/**
 * Start − offset in `zone`, floored to the minute: an offset of whole days counts calendar days
 * (same wall-clock time), anything else real elapsed time.
 */
export function rawDueTime(start: DateTime, offsetMs: number, zone: string): DateTime {
  return DateTime.fromMillis(rawDueMs(zoneClock(zone), start.toMillis(), offsetMs), {
    zone: rememberingZone(zone),
  });
}

function rawDueMs(clock: ZoneClock, startMs: number, offsetMs: number): number {
  const due = offsetMs % DAY === 0 ? clock.minusDays(startMs, offsetMs / DAY) : startMs - offsetMs;
  return Math.floor(due / MINUTE) * MINUTE;
}

/** The policy of a configured site (Shabbat location options are not in the site config yet). */
export function policyFromSite(
  site: Pick<SiteConfig, "reminders" | "quietHours" | "shabbatQuiet" | "timezone">,
  shabbat?: ShabbatOptions,
): ReminderPolicy {
  return {
    offsetsMs: site.reminders.offsetsMs,
    perServiceMs: site.reminders.perServiceMs,
    quietHours: site.quietHours,
    shabbatQuiet: site.shabbatQuiet,
    timezone: site.timezone,
    ...(shabbat ? { shabbat } : {}),
  };
}

/** The site's quiet windows: nightly quiet hours and, when it keeps them, Shabbat and yom tov. */
export function quietSources(
  policy: Pick<ReminderPolicy, "quietHours" | "shabbatQuiet" | "timezone" | "shabbat">,
): QuietSource[] {
  const sources: QuietSource[] = [];
  if (policy.quietHours) sources.push(dailyQuietSource(policy.quietHours, policy.timezone));
  if (policy.shabbatQuiet) sources.push(shabbatCalendar(policy.shabbat));
  return sources;
}

/**
 * Prepares a policy once (quiet sources, shared Shabbat calendar) and returns the planner for it.
 * Use this in loops; `planReminderTimes` does the same with a per-policy-object cache.
 */
export function createReminderPlanner(policy: ReminderPolicy): ReminderPlanner {
  const clock = zoneClock(policy.timezone);
  const zone = clock.zone;
  const sources = quietSources(policy);
  const lateLeadMs = policy.lateBookingMinLeadMs ?? DEFAULT_LATE_BOOKING_MIN_LEAD_MS;
  const offsetCache = new Map<string | undefined, number[]>();

  return (appointment, now, seenAt) => {
    let offsets = offsetCache.get(appointment.serviceId);
    if (!offsets) {
      offsets = offsetsFor(policy, appointment.serviceId);
      offsetCache.set(appointment.serviceId, offsets);
    }
    const isValid = (o: number) => Number.isFinite(o) && o > 0;
    const whole = (skip: PlanSkipReason): PlannedReminder[] =>
      offsets.map((offsetMs) => ({ offsetMs, skip: isValid(offsetMs) ? skip : "invalid_offset" }));

    if (appointment.status !== "live") return whole("not_live");
    if (appointment.isLozamin) return whole("lozamin");
    if (appointment.tmpExpire) return whole("temporary");
    const startMs = appointment.start.toMillis();
    const nowMs = now.toMillis();
    if (startMs <= nowMs) return whole("past");
    const seenMs = Math.min(seenAt?.toMillis() ?? nowMs, nowMs);

    const out: PlannedReminder[] = [];
    let lastDueMs = Number.NaN;
    let allPassedWhenSeen = true;
    let anyValid = false;
    for (const offsetMs of offsets) {
      if (!isValid(offsetMs)) {
        out.push({ offsetMs, skip: "invalid_offset" });
        continue;
      }
      anyValid = true;
      const rawMs = rawDueMs(clock, startMs, offsetMs);
      if (rawMs >= seenMs) allPassedWhenSeen = false;
      if (rawMs < nowMs) {
        out.push({ offsetMs, skip: "window_passed" });
        continue;
      }
      const edge = earliestQuietEdge(rawMs, sources);
      if (edge.ms < nowMs) {
        out.push({ offsetMs, skip: "quiet_unavoidable" });
        continue;
      }
      if (edge.ms === lastDueMs) {
        out.push({ offsetMs, skip: "duplicate" });
        continue;
      }
      lastDueMs = edge.ms;
      const dueAt = DateTime.fromMillis(edge.ms, { zone: rememberingZone(zone.name) });
      out.push(edge.kind ? { offsetMs, dueAt, adjusted: edge.kind } : { offsetMs, dueAt });
    }

    // Late booking: booked (or first seen) after every reminder's time, with time left to use
    // one. The smallest offset stands for it and goes out now, unless now is quiet.
    if (anyValid && allPassedWhenSeen && startMs - nowMs > lateLeadMs) {
      const i = out.findLastIndex((r) => !("skip" in r && r.skip === "invalid_offset"));
      const offsetMs = out[i]!.offsetMs;
      const quietNow = earliestQuietEdge(nowMs, sources).ms < nowMs;
      out[i] = quietNow
        ? { offsetMs, skip: "quiet_unavoidable" }
        : { offsetMs, dueAt: inZone(now, zone), adjusted: "late_booking" };
    }
    return out;
  };
}

const planners = new WeakMap<ReminderPolicy, ReminderPlanner>();

/**
 * When each reminder of one appointment is due, one entry per distinct offset (largest first):
 * `{ offsetMs, dueAt, adjusted? }` when it is planned, `{ offsetMs, skip }` when it is not.
 */
export function planReminderTimes({ appointment, policy, now, seenAt }: PlanInput): PlannedReminder[] {
  let planner = planners.get(policy);
  if (!planner) {
    planner = createReminderPlanner(policy);
    planners.set(policy, planner);
  }
  return planner(appointment, now, seenAt);
}
