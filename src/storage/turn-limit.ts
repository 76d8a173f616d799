import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { TurnLimiter } from "../conversation/ports.ts";
import type { Keys } from "./keys.ts";
import { luaScript } from "./lua.ts";

/**
 * A chat's turns in one script call (one round trip per turn), on Redis's own clock (TIME) so
 * every process agrees: a token bucket whose every token comes back exactly a minute after it was
 * spent (the last minute's admitted turns, kept as a sorted set). So no 60 seconds ever hold more
 * than `perMinute` turns, however they are spread, and a person tapping through a booking is
 * never slowed. Over the limit, the chat is told to wait at most once a minute ("warn"); every
 * other turn over it is dropped unanswered. Returns 0 admitted, 1 warn, 2 drop.
 */
const TAKE = `
local perMinute = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 60000)
if redis.call('ZCARD', KEYS[1]) < perMinute then
  redis.call('ZADD', KEYS[1], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[1], 60000)
  return 0
end
if redis.call('SET', KEYS[2], '1', 'PX', 60000, 'NX') then return 1 end
return 2
`;
const take = luaScript(TAKE);
const VERDICTS = ["ok", "warn", "drop"] as const;

export function createTurnLimiter(redis: Redis, keys: Keys, opts: { perMinute: number }): TurnLimiter {
  const perMinute = opts.perMinute;
  return {
    async take(address) {
      const verdict = (await take(
        redis,
        [keys.chatTurns(address), keys.chatTurnsWarned(address)],
        [perMinute, randomUUID()],
      )) as number;
      return VERDICTS[verdict] ?? "drop";
    },
  };
}
