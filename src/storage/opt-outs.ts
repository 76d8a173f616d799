import type { Redis } from "ioredis";
import type { OptOutStore } from "../conversation/ports.ts";
import { legacyCellDigest } from "./key-migration.ts";
import type { Keys } from "./keys.ts";

/**
 * "Stop" is kept per site and phone, not per chat: it holds on every channel (a WhatsApp number
 * that never wrote included) and outlives "forget me", which deletes only what the chat holds.
 * The phone appears only as a keyed digest; the value is when the customer said it (ms).
 */
export function createOptOuts(redis: Redis, keys: Keys): OptOutStore {
  const digest = keys.cellDigest;
  return {
    async set(site, cell, stopped) {
      if (stopped) await redis.hset(keys.optOuts(site), digest(cell), String(Date.now()));
      else await redis.hdel(keys.optOuts(site), digest(cell));
      await redis.hdel(keys.optOuts(site), legacyCellDigest(cell));
    },
    async has(site, cell) {
      const [now, before] = await redis.hmget(keys.optOuts(site), digest(cell), legacyCellDigest(cell));
      if (now) return true;
      if (!before) return false;
      // An opt-out from before APP_SECRET whose phone no chat knew at the migration: re-keyed now.
      await redis
        .multi()
        .hset(keys.optOuts(site), digest(cell), before)
        .hdel(keys.optOuts(site), legacyCellDigest(cell))
        .exec();
      return true;
    },
  };
}
