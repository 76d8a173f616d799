import type { Redis } from "ioredis";
import type { CursorStore } from "../tor4you/cursor-store.ts";
import type { Keys } from "./keys.ts";

export interface RedisCursorStoreOptions {
  redis: Redis;
  keys: Keys;
  /** Scan queries usually roll with the date, so an old query's cursor is dropped after this; default 7 days. */
  ttlMs?: number;
}

/** Cursors can be rebuilt by one full scan, so they expire instead of piling up. */
export function createRedisCursorStore(o: RedisCursorStoreOptions): CursorStore {
  const ttlMs = o.ttlMs ?? 7 * 86_400_000;
  return {
    async get(site, signature) {
      return (await o.redis.get(o.keys.apptlistCursor(site, signature))) ?? undefined;
    },
    async set(site, signature, lu) {
      await o.redis.set(o.keys.apptlistCursor(site, signature), lu, "PX", ttlMs);
    },
  };
}
