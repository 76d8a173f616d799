import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach } from "vitest";
import { createKeys } from "../../../src/storage/keys.ts";
import { deletePrefix } from "../../support/redis-prefix.ts";

/**
 * A real Redis connection and a fresh key prefix per test; afterwards only that prefix's keys are
 * deleted, since other test files share the server.
 */
export function useRedisPrefix() {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { lazyConnect: false });
  const used: string[] = [];
  afterEach(async () => {
    for (const prefix of used.splice(0)) {
      await deletePrefix(redis, prefix);
    }
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
