import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * A Lua script called by its SHA1 (EVALSHA): its body crosses the wire only when a server has not
 * met it yet (NOSCRIPT, after a restart or on a cluster node seeing it first), not on every call.
 */
export function luaScript(body: string) {
  const sha = createHash("sha1").update(body).digest("hex");
  return async (
    redis: Redis,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error)?.message).includes("NOSCRIPT")) throw err;
      return await redis.eval(body, keys.length, ...keys, ...args);
    }
  };
}
