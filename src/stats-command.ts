import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import pino from "pino";
import type { CliIO } from "./cli.ts";
import { loadConfig } from "./config/load.ts";
import { InvalidInputError } from "./core/errors.ts";
import { formatStatsTable } from "./digests/stats.ts";
import { collectStats, parseUntil } from "./stats-report.ts";
import { createActivityLog } from "./storage/activity-log.ts";
import { createKeys } from "./storage/keys.ts";
import { createRedisUsageBudget } from "./storage/usage-budget.ts";
import { createTor4YouClient } from "./tor4you/client.ts";

/**
 * `tor4you-bot stats --site S --weeks 4 [--until YYYY-MM-DD]`: reminders, answers, no-shows and
 * the bot's cancellations per week, staff member and service.
 */
export async function runStatsCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { site: { type: "string" }, weeks: { type: "string", default: "4" }, until: { type: "string" } },
  });
  const config = loadConfig(io.env);
  const site = config.sites.find((s) => s.id === (values.site ?? config.sites[0]?.id));
  if (!site)
    throw new InvalidInputError(
      "--site",
      config.demo ? "the demo has no fixed sites; configure one" : "no such site",
    );
  const weeks = Number(values.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
    throw new InvalidInputError("--weeks", "must be 1 to 52");
  const until = parseUntil(values.until, site.timezone);
  if (!until) throw new InvalidInputError("--until", "must be a date like 2026-11-28");

  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const keys = createKeys("t4y");
    const client = createTor4YouClient({
      baseUrl: site.tor4you.apiUrl,
      site: site.id,
      auth: site.tor4you.auth,
      zone: site.timezone,
      logger: pino({ level: "silent" }),
      // The command spends the same API budget as the running bot.
      budget: createRedisUsageBudget({
        redis,
        keys,
        limits: () => ({ perMinute: site.tor4you.ratePerMinute, perDay: site.tor4you.ratePerDay }),
      }),
    });
    const report = await collectStats({
      client,
      activity: createActivityLog(redis, keys),
      site: site.id,
      zone: site.timezone,
      weeks,
      until,
    });
    io.out(formatStatsTable(site.id, report.weeks));
    return 0;
  } finally {
    redis.disconnect();
  }
}
