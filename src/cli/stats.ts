import { parseArgs } from "node:util";
import { InvalidInputError } from "../core/errors.ts";
import { formatStatsTable } from "../digests/stats.ts";
import { collectStats, parseUntil } from "../roles/stats-report.ts";
import { createActivityLog } from "../storage/activity-log.ts";
import { createWaitlistStore } from "../storage/waitlist.ts";
import type { CliIO } from "./io.ts";
import { cliSite, openCliSite } from "./site.ts";

/**
 * `tor4you-bot stats --site S --weeks 4 [--until YYYY-MM-DD]`: reminders, answers, no-shows and
 * the bot's cancellations per week, staff member and service.
 */
export async function runStatsCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { site: { type: "string" }, weeks: { type: "string", default: "4" }, until: { type: "string" } },
  });
  const site = cliSite(io, values.site);
  const weeks = Number(values.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
    throw new InvalidInputError("--weeks", "must be 1 to 52");
  const until = parseUntil(values.until, site.timezone);
  if (!until) throw new InvalidInputError("--until", "must be a date like 2026-11-28");

  const { redis, keys, client, close } = await openCliSite(site);
  try {
    const weeksOfStats = await collectStats({
      client,
      activity: createActivityLog(redis, keys),
      waitlist: createWaitlistStore(redis, keys),
      site: site.id,
      zone: site.timezone,
      weeks,
      until,
    });
    io.out(formatStatsTable(site.id, weeksOfStats));
    return 0;
  } finally {
    close();
  }
}
