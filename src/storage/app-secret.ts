import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { appSecretKey } from "./keys.ts";

/**
 * The key of every HMAC in Redis key names (phones, chat ids, staff codes). APP_SECRET when set;
 * otherwise one generated on the first start and kept in Redis, so that every process and every
 * restart agrees (SET NX: two processes starting at once keep the same one). Kept next to the
 * data it protects, it only stops someone who sees key names, not someone with a dump of Redis:
 * `generated` says so, and the caller warns.
 */
export async function resolveAppSecret(
  redis: Redis,
  prefix: string,
  configured: string | undefined,
): Promise<{ secret: string; generated: boolean }> {
  if (configured) return { secret: configured, generated: false };
  const key = appSecretKey(prefix);
  await redis.set(key, randomBytes(32).toString("hex"), "NX");
  const secret = await redis.get(key);
  if (!secret) throw new Error(`${key} vanished right after it was written`);
  return { secret, generated: true };
}
