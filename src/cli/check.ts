import { parseArgs } from "node:util";
import { loadConfig } from "../config/load.ts";
import type { SiteConfig } from "../config/types.ts";
import { createLogger } from "../log/logger.ts";
import { startDemoBackend } from "../roles/demo.ts";
import { connectRedis, redisTargetFromEnv } from "../storage/redis-connection.ts";
import { createTor4YouClient } from "../tor4you/client.ts";
import { Tor4YouError, Tor4YouResponseError } from "../tor4you/errors.ts";
import type { CliIO } from "./io.ts";

/**
 * `tor4you-bot check`: is the configuration valid, does Redis answer, and do the credentials of
 * every site work? One line per finding; exit 1 when anything failed.
 */
export async function runCheck(args: string[], io: CliIO): Promise<number> {
  parseArgs({ args, options: {} });
  const config = loadConfig(io.env);
  io.out(`config: ok (${config.demo ? "demo: no Tor4You credentials" : `${config.sites.length} site(s)`})`);
  let failures = 0;

  const target = redisTargetFromEnv({
    REDIS_URL: config.redisUrl,
    REDIS_CLUSTER_NODES: config.redisClusterNodes,
  });
  const where = target.clusterNodes ? `cluster ${config.redisClusterNodes}` : new URL(config.redisUrl).host;
  const redis = connectRedis(target, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
    io.out(`redis: ok (${where})`);
  } catch (e) {
    failures++;
    io.out(`redis: FAILED at ${where}: ${(e as Error).message}`);
  } finally {
    redis.disconnect();
  }

  const logger = createLogger({ level: "silent" });
  let sites: readonly SiteConfig[] = config.sites;
  let close = async () => {};
  if (config.demo) {
    const demo = await startDemoBackend(io.env, logger);
    sites = demo.sites;
    close = () => demo.emulator.close();
  }
  try {
    for (const site of sites) {
      const client = createTor4YouClient({
        baseUrl: site.tor4you.apiUrl,
        site: site.id,
        auth: site.tor4you.auth,
        zone: site.timezone,
        retry: { attempts: 1, baseMs: 0, maxMs: 0 },
      });
      try {
        const info = await client.siteinfo();
        const calendar = info.calendarType ? `, ${info.calendarType} calendar` : "";
        io.out(`site ${site.id}: ok (${info.name}${calendar}, ${site.tor4you.auth.kind} auth)`);
      } catch (e) {
        failures++;
        const reason = e instanceof Tor4YouError ? `${e.code}: ${e.message}` : (e as Error).message;
        io.out(`site ${site.id}: FAILED (${reason})`);
        if (e instanceof Tor4YouResponseError) {
          io.out(
            `  Tor4You answered in a shape the client does not read: run \`tor4you-bot probe --site ${site.id}\`` +
              " and attach the sample file it writes to a bug report",
          );
        }
      }
    }
  } finally {
    await close();
  }
  return failures ? 1 : 0;
}
