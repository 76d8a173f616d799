import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";

/** Failed admin logins per address. */
export interface LoginLimiter {
  /** Seconds until this address may try again; 0 when it may now. */
  blockedFor(address: string): Promise<number>;
  failed(address: string): Promise<void>;
}

/**
 * Failed admin logins per address, shared by every web process: `max` in `windowSeconds` (counted
 * from the first), then the address waits for the window to end. The address appears only as
 * an HMAC in the key name.
 */
export function createLoginFailures(
  redis: Redis,
  keys: Keys,
  opts: { max?: number; windowSeconds?: number } = {},
): LoginLimiter {
  const max = opts.max ?? 10;
  const window = opts.windowSeconds ?? 15 * 60;
  return {
    async blockedFor(address) {
      const key = keys.adminLoginFailures(address);
      const [count, ttl] = await Promise.all([redis.get(key), redis.ttl(key)]);
      return Number(count) >= max ? Math.max(1, ttl) : 0;
    },
    async failed(address) {
      const key = keys.adminLoginFailures(address);
      await redis.multi().set(key, "0", "EX", window, "NX").incr(key).exec();
    },
  };
}
