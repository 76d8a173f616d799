import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach } from "vitest";
import { createKeys } from "../../src/storage/keys.ts";

/**
 * Deletes every key under one prefix, and nothing else: tests and benchmarks share one Redis
 * server, so each cleans (or "loses") only its own keys.
 */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  }
}

/**
 * A real Redis connection for a test file and a fresh key prefix per test (`fresh()`); after
 * each test only that test's prefixes are deleted.
 */
export function useRedisPrefix() {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const used: string[] = [];
  afterEach(async () => {
    for (const prefix of used.splice(0)) await deletePrefix(redis, prefix);
  });
  afterAll(async () => {
    await redis.quit();
  });
  return {
    redis,
    fresh() {
      const prefix = `test-${randomBytes(6).toString("hex")}`;
      used.push(prefix);
      return createKeys(prefix);
    },
  };
}
