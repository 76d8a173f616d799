import type { Redis } from "ioredis";
import pino from "pino";
import { loadConfig } from "../config/load.ts";
import type { SiteConfig } from "../config/types.ts";
import { InvalidInputError } from "../core/errors.ts";
import { resolveAppSecret } from "../storage/app-secret.ts";
import { createKeys, type Keys } from "../storage/keys.ts";
import { connectRedis, redisTargetFromEnv } from "../storage/redis-connection.ts";
import { createRedisUsageBudget } from "../storage/usage-budget.ts";
import { createTor4YouClient, type Tor4YouClient } from "../tor4you/client.ts";
import type { CliIO } from "./io.ts";

export type CliSite = SiteConfig & { redisUrl: string; redisClusterNodes?: string; appSecret?: string };

/** The site a command names (`--site`, or the only one), without connecting anything yet. */
export function cliSite(io: CliIO, siteArg: string | undefined): CliSite {
  const config = loadConfig(io.env);
  const site = config.sites.find((s) => s.id === (siteArg ?? config.sites[0]?.id));
  if (!site)
    throw new InvalidInputError(
      "--site",
      config.demo ? "the demo has no fixed sites; configure one" : "no such site",
    );
  return {
    ...site,
    redisUrl: config.redisUrl,
    redisClusterNodes: config.redisClusterNodes,
    appSecret: config.appSecret,
  };
}

/**
 * Redis and a Tor4You client for a one-off command on one site. The client spends the same API
 * budget as the running bot, so a report cannot starve reminders.
 */
export async function openCliSite(site: CliSite): Promise<{
  redis: Redis;
  keys: Keys;
  client: Tor4YouClient;
  close: () => void;
}> {
  const redis = connectRedis(
    redisTargetFromEnv({ REDIS_URL: site.redisUrl, REDIS_CLUSTER_NODES: site.redisClusterNodes }),
    { lazyConnect: true, maxRetriesPerRequest: 1 },
  );
  await redis.connect();
  // The running bot's secret: a staff code made here must be found by the bot's HMAC.
  const keys = createKeys("t4y", (await resolveAppSecret(redis, "t4y", site.appSecret)).secret);
  const client = createTor4YouClient({
    baseUrl: site.tor4you.apiUrl,
    site: site.id,
    auth: site.tor4you.auth,
    zone: site.timezone,
    logger: pino({ level: "silent" }),
    budget: createRedisUsageBudget({
      redis,
      keys,
      limits: () => ({ perMinute: site.tor4you.ratePerMinute, perDay: site.tor4you.ratePerDay }),
    }),
  });
  return { redis, keys, client, close: () => redis.disconnect() };
}
