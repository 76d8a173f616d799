import type { Redis } from "ioredis";

/**
 * Deletes every key under one prefix, and nothing else: tests and benchmarks share one Redis
 * server, so each cleans (or "loses") only its own keys.
 */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  }
}
