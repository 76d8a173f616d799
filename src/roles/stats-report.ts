import { DateTime } from "luxon";
import { inZone } from "../core/zones.ts";
import { computeStats, type WeekStats } from "../digests/stats.ts";
import { lastWeeks, weekKey } from "../domain/week.ts";
import type { ActivityLog } from "../storage/activity-log.ts";
import { listAppointments } from "../tor4you/apptlist-range.ts";
import type { Tor4YouClient } from "../tor4you/client.ts";

/**
 * The figures of the last `weeks` weeks up to `until` for one site: the weeks' appointments
 * (format 2, cancelled ones included: one apptlist per 60 days, split further if one hits the row
 * cap), joined with the bot's activity log.
 */
export async function collectStats(deps: {
  client: Pick<Tor4YouClient, "apptlist">;
  activity: Pick<ActivityLog, "weeks">;
  /** The waitlist's count of bookings it filled, per week. */
  waitlist?: { filled(site: string, week: string): Promise<number> };
  site: string;
  zone: string;
  weeks: number;
  until: DateTime;
}): Promise<WeekStats[]> {
  const sundays = lastWeeks(inZone(deps.until, deps.zone), deps.weeks);
  const appointments = await listAppointments(
    { apptlist: deps.client.apptlist, zone: deps.zone },
    { from: sundays[0]!, to: sundays.at(-1)!.plus({ days: 6 }), format: 2, showCancelled: true },
  );
  const records = await deps.activity.weeks(deps.site, sundays.map(weekKey));
  const waitlist = deps.waitlist;
  const filled = new Map(
    waitlist
      ? await Promise.all(
          sundays.map(async (s) => [weekKey(s), await waitlist.filled(deps.site, weekKey(s))] as const),
        )
      : [],
  );
  return computeStats({ weeks: sundays, appointments, records, zone: deps.zone, filled });
}

/** `YYYY-MM-DD` in the site's zone, or today. */
export function parseUntil(text: string | undefined, zone: string): DateTime | null {
  if (!text) return inZone(DateTime.now(), zone);
  const d = DateTime.fromISO(text, { zone });
  return d.isValid ? d : null;
}
