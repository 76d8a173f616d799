import { randomBytes } from "node:crypto";
import { afterAll, afterEach } from "vitest";
import { createKeys } from "../../src/storage/keys.ts";
import { deleteKeysUnder } from "../../src/storage/prefix-cleanup.ts";
import { TEST_APP_SECRET } from "./app-secret.ts";
import { connectTestRedis } from "./test-redis.ts";

/** Tests and benchmarks share one Redis server: each cleans (or "loses") only its own keys. */
export const deletePrefix = deleteKeysUnder;

/**
 * A real Redis connection for a test file and a fresh key prefix per test (`fresh()`); after
 * each test only that test's prefixes are deleted.
 */
export function useRedisPrefix() {
  const redis = connectTestRedis();
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
      return createKeys(prefix, TEST_APP_SECRET);
    },
  };
}
