import type { Redis } from "ioredis";

/**
 * Deletes every key under one prefix, and nothing else: the demo clears its own state this way,
 * and tests sharing one Redis server clean only theirs.
 */
export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  }
}
