import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";

/**
 * Tor4You sends webhooks for changes made through the API too, the bot's own included. The bot
 * marks an appointment right before it changes it; a webhook about a marked appointment is
 * reconciled like any other but announces nothing to the customer.
 */
export function createOwnChanges(redis: Redis, keys: Keys, ttlSeconds = 15 * 60) {
  return {
    async mark(site: string, apptId: string): Promise<void> {
      await redis.set(keys.ownChange(site, apptId), "1", "EX", ttlSeconds);
    },
    async isOwn(site: string, apptId: string): Promise<boolean> {
      return (await redis.exists(keys.ownChange(site, apptId))) === 1;
    },
  };
}
export type OwnChanges = ReturnType<typeof createOwnChanges>;

/**
 * Per appointment: the start it had when last reconciled (to tell a move from an echo) and when
 * the bot first saw it (the policy's late-booking rule needs it). Stored as `start|firstSeenMs`.
 */
export function createAppointmentSeen(redis: Redis, keys: Keys) {
  return {
    async get(site: string, apptId: string): Promise<{ start: string | null; firstSeenMs: number } | null> {
      const v = await redis.hget(keys.apptSeen(site), apptId);
      if (!v) return null;
      const [start, first] = v.split("|");
      return { start: start || null, firstSeenMs: Number(first) || 0 };
    },
    async set(site: string, apptId: string, start: string | null, firstSeenMs: number): Promise<void> {
      await redis.hset(keys.apptSeen(site), apptId, `${start ?? ""}|${firstSeenMs}`);
    },
    /** Many at once (a scan's whole window): one round trip. */
    async getMany(
      site: string,
      apptIds: readonly string[],
    ): Promise<Map<string, { start: string | null; firstSeenMs: number }>> {
      const out = new Map<string, { start: string | null; firstSeenMs: number }>();
      if (apptIds.length === 0) return out;
      const values = await redis.hmget(keys.apptSeen(site), ...apptIds);
      values.forEach((v, i) => {
        if (!v) return;
        const [start, first] = v.split("|");
        out.set(apptIds[i]!, { start: start || null, firstSeenMs: Number(first) || 0 });
      });
      return out;
    },
    async setMany(
      site: string,
      entries: readonly { apptId: string; start: string | null; firstSeenMs: number }[],
    ): Promise<void> {
      if (entries.length === 0) return;
      await redis.hset(
        keys.apptSeen(site),
        Object.fromEntries(entries.map((e) => [e.apptId, `${e.start ?? ""}|${e.firstSeenMs}`])),
      );
    },
    async delete(site: string, apptId: string): Promise<void> {
      await redis.hdel(keys.apptSeen(site), apptId);
    },
    /**
     * Drops the records of appointments that started before `startBefore` (`YYYYMMDDhhmm`: they
     * are over) and of those without a start first seen before `seenBeforeMs`; returns how many.
     * Without it the hash would keep every appointment the bot ever saw.
     */
    async prune(site: string, startBefore: string, seenBeforeMs: number): Promise<number> {
      const key = keys.apptSeen(site);
      let cursor = "0";
      let pruned = 0;
      do {
        const [next, flat] = await redis.hscan(key, cursor, "COUNT", 500);
        cursor = next;
        const stale: string[] = [];
        for (let i = 0; i < flat.length; i += 2) {
          const [start, first] = flat[i + 1]!.split("|");
          if (start ? start < startBefore : Number(first) < seenBeforeMs) stale.push(flat[i]!);
        }
        if (stale.length) pruned += await redis.hdel(key, ...stale);
      } while (cursor !== "0");
      return pruned;
    },
  };
}
export type AppointmentSeen = ReturnType<typeof createAppointmentSeen>;
