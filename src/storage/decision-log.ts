import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";

export interface Decision {
  at: number;
  reason: string;
  apptId?: string;
  offsetMin?: number;
}

/**
 * The latest decisions not to send a reminder, per site, for the admin page (the log has them
 * all). Ids and reasons only; capped, so it never grows.
 */
export function createDecisionLog(
  redis: Redis,
  keys: Keys,
  opts: { keep?: number; now?: () => number } = {},
) {
  const keep = opts.keep ?? 200;
  const now = opts.now ?? Date.now;
  return {
    async record(site: string, d: Omit<Decision, "at">): Promise<void> {
      // Every scan re-plans and re-decides: one entry per decision a day is what a reader wants.
      const once = keys.decisionSeen(site, `${d.apptId ?? ""}-${d.offsetMin ?? ""}-${d.reason}`);
      if ((await redis.set(once, "1", "EX", 24 * 3600, "NX")) !== "OK") return;
      const key = keys.decisions(site);
      await redis
        .multi()
        .lpush(key, JSON.stringify({ at: now(), ...d }))
        .ltrim(key, 0, keep - 1)
        .exec();
    },
    async recent(site: string, count = 50): Promise<Decision[]> {
      const raw = await redis.lrange(keys.decisions(site), 0, count - 1);
      return raw.flatMap((r) => {
        try {
          return [JSON.parse(r) as Decision];
        } catch {
          return [];
        }
      });
    },
  };
}
export type DecisionLog = ReturnType<typeof createDecisionLog>;
