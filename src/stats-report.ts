import { DateTime } from "luxon";
import { computeStats, type WeekStats } from "./digests/stats.ts";
import type { Appointment } from "./domain/appointment.ts";
import { lastWeeks, weekKey } from "./domain/week.ts";
import type { ActivityLog } from "./storage/activity-log.ts";
import type { Tor4YouClient } from "./tor4you/client.ts";

/** apptlist takes at most 60 days a call; eight weeks fit in one. */
const WEEKS_PER_CALL = 8;

/**
 * The figures of the last `weeks` weeks up to `until` for one site: apptlist (format 2, with
 * cancelled ones) for the weeks, one call per eight weeks, joined with the bot's activity log.
 */
export async function collectStats(deps: {
  client: Pick<Tor4YouClient, "apptlist">;
  activity: Pick<ActivityLog, "weeks">;
  site: string;
  zone: string;
  weeks: number;
  until: DateTime;
}): Promise<{ weeks: WeekStats[]; calls: number }> {
  const sundays = lastWeeks(deps.until.setZone(deps.zone), deps.weeks);
  const appointments: Appointment[] = [];
  let calls = 0;
  for (let i = 0; i < sundays.length; i += WEEKS_PER_CALL) {
    const chunk = sundays.slice(i, i + WEEKS_PER_CALL);
    const list = await deps.client.apptlist({
      from: chunk[0]!,
      to: chunk.at(-1)!.plus({ days: 6 }),
      format: 2,
      showCancelled: true,
    });
    calls++;
    if (list.changed) appointments.push(...list.appointments);
  }
  const records = await deps.activity.weeks(deps.site, sundays.map(weekKey));
  return { weeks: computeStats({ weeks: sundays, appointments, records, zone: deps.zone }), calls };
}

/** `YYYY-MM-DD` in the site's zone, or today. */
export function parseUntil(text: string | undefined, zone: string): DateTime | null {
  if (!text) return DateTime.now().setZone(zone);
  const d = DateTime.fromISO(text, { zone });
  return d.isValid ? d : null;
}
