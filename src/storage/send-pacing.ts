import type { Redis } from "ioredis";
import { InvalidInputError } from "../core/errors.ts";
import type { Keys } from "./keys.ts";
import { luaScript } from "./lua.ts";

// Redis's own clock, so that processes on machines whose clocks differ still space one bot's sends.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
// %.3f: tostring() would keep 14 digits of an epoch in ms, rounding the gap away.
const reserve = luaScript(`${NOW}
local at = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local after = at + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.3f', after), 'PX', math.ceil(after - now) + 1000)
return math.ceil(at - now)`);
const hold = luaScript(`${NOW}
local after = now + tonumber(ARGV[1])
if after > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%.3f', after), 'PX', math.ceil(after - now) + 1000)
end
return 0`);
const shift = luaScript(`${NOW}
local after = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0')) + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.3f', after), 'PX', math.ceil(after - now) + 1000)
return 0`);

/**
 * Evenly spaced sends for each site's bot, shared by every process that sends for it: a send
 * reserves the bot's next free moment, one gap after the previous send's, and waits for it. A
 * window of N a second lets N through at once at each window's start, and Telegram answers the
 * excess with 429 and a second's wait; evenly spaced, the sends reach the limit without crossing it.
 */
export function createSendPacing(redis: Redis, keys: Keys, opts: { perSecond: number; channel?: string }) {
  if (!(opts.perSecond > 0)) throw new InvalidInputError("perSecond", "must be a positive number");
  const gapMs = 1000 / opts.perSecond;
  const key = (site: string) => keys.sendPacing(site, opts.channel ?? "telegram");
  const pacing = {
    gapMs,
    /** Takes the bot's next `turns` turns; resolves with how long to wait for the first (ms). */
    async reserve(site: string, turns = 1): Promise<number> {
      return Number(await reserve(redis, [key(site)], [String(gapMs * turns)]));
    },
    /**
     * A send went out `ms` later than its turn (a busy event loop, a slow round trip): the turns
     * not yet given move back as much, so that no second holds more sends than the rate.
     */
    async late(site: string, ms: number): Promise<void> {
      await shift(redis, [key(site)], [String(ms)]);
    },
    /** Telegram asked the bot to wait (429 retry_after): no send of the bot's starts before then. */
    async hold(site: string, ms: number): Promise<void> {
      await hold(redis, [key(site)], [String(ms)]);
    },
    /** One site's bot's pacing, as its channel takes it. */
    forSite: (site: string) => ({
      reserve: (turns?: number) => pacing.reserve(site, turns),
      late: (ms: number) => pacing.late(site, ms),
      hold: (ms: number) => pacing.hold(site, ms),
    }),
  };
  return pacing;
}
export type SendPacing = ReturnType<typeof createSendPacing>;
