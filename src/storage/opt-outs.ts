import type { Redis } from "ioredis";
import type { OptOutStore } from "../conversation/ports.ts";
import type { Keys } from "./keys.ts";

/**
 * "Stop" is kept per site and phone, not per chat: it holds on every channel (a WhatsApp number
 * that never wrote included) and outlives "forget me", which deletes only what the chat holds.
 * The phone appears only as a keyed digest; the value is when the customer said it (ms).
 */
export function createOptOuts(redis: Redis, keys: Keys, digest: (cell: string) => string): OptOutStore {
  return {
    async set(site, cell, stopped) {
      if (stopped) await redis.hset(keys.optOuts(site), digest(cell), String(Date.now()));
      else await redis.hdel(keys.optOuts(site), digest(cell));
    },
    async has(site, cell) {
      return (await redis.hexists(keys.optOuts(site), digest(cell))) === 1;
    },
  };
}
