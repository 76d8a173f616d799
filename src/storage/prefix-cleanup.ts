import type { Redis } from "ioredis";
import { mastersOf } from "./redis-connection.ts";

/**
 * Deletes every key under one prefix, and nothing else: the demo clears its own state this way,
 * and tests sharing one Redis server clean only theirs. On a cluster every master is scanned, and
 * keys go one per command (a multi-key DEL across slots is refused).
 */
export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<void> {
  for (const node of mastersOf(redis)) {
    for await (const keys of node.scanStream({ match: `${prefix}:*`, count: 1000 })) {
      const batch = keys as string[];
      if (!batch.length) continue;
      if (node === redis) await redis.del(...batch);
      else await batch.reduce((p, k) => p.unlink(k), node.pipeline()).exec();
    }
  }
}
