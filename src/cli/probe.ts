import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Redis } from "ioredis";
import { DateTime } from "luxon";
import { loadConfig } from "../config/load.ts";
import type { SiteConfig } from "../config/types.ts";
import { InvalidInputError } from "../core/errors.ts";
import { createLogger } from "../log/logger.ts";
import { startDemoBackend } from "../roles/demo.ts";
import { resolveAppSecret } from "../storage/app-secret.ts";
import { createKeys } from "../storage/keys.ts";
import { connectRedis, redisTargetFromEnv } from "../storage/redis-connection.ts";
import { createRedisUsageBudget } from "../storage/usage-budget.ts";
import type { UsageBudget } from "../tor4you/limiter.ts";
import { type ProbeReport, type ProbeRow, probeSite } from "../tor4you/probe.ts";
import type { CliIO } from "./io.ts";

/**
 * `tor4you-bot probe`: every read-only Tor4You call once per site, a table of what each answer
 * lacked or carried beyond what the client reads, and a redacted sample file for a bug report.
 * Exit 1 when any call failed or could not be read.
 */
export async function runProbe(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      site: { type: "string" },
      cell: { type: "string" },
      out: { type: "string" },
      days: { type: "string", default: "7" },
    },
  });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 31)
    throw new InvalidInputError("--days", "must be 1 to 31");
  const config = loadConfig(io.env);
  const logger = createLogger({ level: "silent" });

  let sites: readonly SiteConfig[] = config.sites;
  let closeDemo = async () => {};
  if (config.demo) {
    const demo = await startDemoBackend(io.env, logger);
    sites = demo.sites;
    closeDemo = () => demo.emulator.close();
    io.out("no Tor4You credentials: probing the built-in demo emulator");
  }
  const chosen = values.site ? sites.filter((s) => s.id === values.site) : sites;
  if (chosen.length === 0) {
    await closeDemo();
    throw new InvalidInputError("--site", `no such site (configured: ${sites.map((s) => s.id).join(", ")})`);
  }

  const shared = config.demo ? undefined : await sharedBudget(config, io);
  const reports: ProbeReport[] = [];
  try {
    for (const site of chosen) {
      const report = await probeSite({
        baseUrl: site.tor4you.apiUrl,
        site: site.id,
        auth: site.tor4you.auth,
        zone: site.timezone,
        cell: values.cell,
        days,
        budget: shared?.budget(site),
      });
      reports.push(report);
      printTable(io, site.id, report.rows);
    }
  } finally {
    shared?.redis.disconnect();
    await closeDemo();
  }

  const file = resolve(values.out ?? `tor4you-probe-${DateTime.now().toFormat("yyyyMMdd-HHmmss")}.json`);
  await writeFile(file, `${JSON.stringify({ probe: 1, reports }, null, 2)}\n`, { mode: 0o600 });
  io.out(`sample: ${file}`);
  io.out("  names, phones, ID numbers and e-mails are replaced by their shapes; attach it to a bug report");
  const failed = reports.flatMap((r) => r.rows).filter((r) => r.ok === false).length;
  return failed > 0 ? 1 : 0;
}

/** The running bot's Redis budget, so a probe's calls count against the same limit; optional. */
async function sharedBudget(
  config: ReturnType<typeof loadConfig>,
  io: CliIO,
): Promise<{ redis: Redis; budget: (site: SiteConfig) => UsageBudget } | undefined> {
  const redis = connectRedis(
    redisTargetFromEnv({ REDIS_URL: config.redisUrl, REDIS_CLUSTER_NODES: config.redisClusterNodes }),
    { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 1, retryStrategy: () => null },
  );
  try {
    await redis.connect();
  } catch {
    redis.disconnect();
    io.out("redis: unreachable; the probe's calls are not counted in the bot's shared API budget");
    return undefined;
  }
  // Budget keys do not depend on the secret, but the key builder wants the running bot's.
  const keys = createKeys("t4y", (await resolveAppSecret(redis, "t4y", config.appSecret)).secret);
  return {
    redis,
    budget: (site) =>
      createRedisUsageBudget({
        redis,
        keys,
        limits: () => ({ perMinute: site.tor4you.ratePerMinute, perDay: site.tor4you.ratePerDay }),
      }),
  };
}

const HEADERS = ["call", "ok", "fields missing", "fields we did not expect"] as const;

export function printTable(io: CliIO, site: string, rows: ProbeRow[]): void {
  const cells = rows.map((r) => [
    r.call,
    r.ok === true ? "ok" : r.ok === false ? "FAILED" : "skipped",
    r.missing.join(", ") || "-",
    r.unexpected.join(", ") || "-",
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  io.out(`site ${site}`);
  io.out(line(HEADERS));
  io.out(line(widths.map((w) => "-".repeat(w))));
  rows.forEach((r, i) => {
    io.out(line(cells[i]!));
    if (r.note) io.out(`    ${r.note}`);
  });
  io.out("");
}
