import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { Redis } from "ioredis";
import { DateTime } from "luxon";
import { InvalidInputError } from "../core/errors.ts";
import { rememberingZone } from "../core/zones.ts";
import { formatApiDate, TOR4YOU_ZONE } from "../tor4you/dates.ts";
import { Tor4YouUsageLimitError } from "../tor4you/errors.ts";
import { DEFAULT_USAGE_LIMITS, type UsageBudget, type UsageLimits } from "../tor4you/limiter.ts";
import { msUntilWindowEnds } from "../tor4you/usage-limit.ts";
import type { Keys } from "./keys.ts";
import { luaScript } from "./lua.ts";

/**
 * Check and take one unit in a single step, so that any number of processes sharing the Redis
 * never admit more than the limits between them. The minute is a sliding window (a sorted set of
 * admission times): it also holds within any fixed minute Tor4You might count in, whereas fixed
 * windows would allow twice the limit across a minute boundary. The day is Israel's calendar day.
 * Returns {0} admitted, {1, ms until a unit frees} minute spent, {2} day spent.
 */
const ACQUIRE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[4]) then return {2, 0} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {1, math.max(1, tonumber(oldest[2]) + window - now)}
end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], window)
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[6])) end
return {0, 0}
`;
const acquire = luaScript(ACQUIRE);

const MINUTE_MS = 60_000;
/** A day key outlives its day (DST days are 23 or 25 hours) and then goes by itself. */
const DAY_KEY_TTL_MS = 49 * 3_600_000;

export interface RedisUsageBudgetOptions {
  /** Shared connection, owned by the caller. */
  redis: Redis;
  keys: Keys;
  /** One budget for every site, or per site (a sites file gives each its own). */
  limits?: UsageLimits | ((site: string) => UsageLimits);
  /** How long acquire may wait for the minute budget before giving up; default 20 s. */
  maxWaitMs?: number;
  /** Epoch ms; every process should run NTP, since admissions are stamped with this clock. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createRedisUsageBudget(o: RedisUsageBudgetOptions): UsageBudget {
  const limitsOf =
    typeof o.limits === "function" ? o.limits : () => (o.limits as UsageLimits) ?? DEFAULT_USAGE_LIMITS;
  const maxWaitMs = o.maxWaitMs ?? 20_000;
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0)
    throw new InvalidInputError("maxWaitMs", "must be 0 or more");
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => delay(ms));

  async function tryTake(site: string, limits: UsageLimits, t: number): Promise<[number, number]> {
    const day = formatApiDate(DateTime.fromMillis(t, { zone: rememberingZone(TOR4YOU_ZONE) }));
    const keys = [o.keys.budgetMinute(site), o.keys.budgetDay(site, day)];
    const args = [t, MINUTE_MS, limits.perMinute, limits.perDay, `${t}-${randomUUID()}`, DAY_KEY_TTL_MS];
    return (await acquire(o.redis, keys, args)) as [number, number];
  }

  return {
    async acquire(site: string): Promise<void> {
      const limits = limitsOf(site);
      checkLimits(limits);
      const deadline = now() + maxWaitMs;
      for (;;) {
        const t = now();
        const [verdict, freeInMs] = await tryTake(site, limits, t);
        if (verdict === 0) return;
        if (verdict === 2) {
          const retryAfterMs = msUntilWindowEnds("day", DateTime.fromMillis(t));
          throw new Tor4YouUsageLimitError({ scope: "day", retryAfterMs, source: "budget" });
        }
        // Waiters woken together race again; a little spread keeps them from colliding every time.
        const waitMs = freeInMs + Math.floor(Math.random() * 25);
        if (t + waitMs > deadline) {
          throw new Tor4YouUsageLimitError({ scope: "minute", retryAfterMs: freeInMs, source: "budget" });
        }
        await sleep(waitMs);
      }
    },
  };
}

function checkLimits(l: UsageLimits): void {
  if (!Number.isInteger(l.perMinute) || l.perMinute < 1)
    throw new InvalidInputError("perMinute", "must be 1 or more");
  if (!Number.isInteger(l.perDay) || l.perDay < 1) throw new InvalidInputError("perDay", "must be 1 or more");
}
