import type { RedisOptions } from "ioredis";
import { connectRedis, redisTargetFromEnv } from "../../src/storage/redis-connection.ts";

/**
 * The Redis of the test run: the server at REDIS_URL, or the cluster at REDIS_CLUSTER_NODES (the
 * `cluster` test project sets it), connected the way the product connects.
 */
export const connectTestRedis = (options: RedisOptions = {}) =>
  connectRedis(redisTargetFromEnv(process.env), options);
