import type { Redis } from "ioredis";
import type { PendingReminder, PendingReminderStore } from "../conversation/ports.ts";
import type { ChatKey, Keys } from "./keys.ts";

/**
 * The reminders a chat may still answer by typing, each until its appointment starts. Kept apart
 * from the conversation state, so a question asked meanwhile or a state that expired does not
 * lose them; the key itself expires a day after the last appointment it holds.
 */
export function createPendingReminders(redis: Redis, keys: Keys): PendingReminderStore {
  return {
    async add(chat: ChatKey, r: PendingReminder, nowMs: number) {
      const key = keys.chatPendingReminders(chat);
      const last = Number((await redis.zrange(key, "-1", "-1", "WITHSCORES"))[1] ?? 0);
      // Relative to the program's clock (not Redis's): a day after the last appointment starts.
      const ttl = Math.max(last, r.startMs) - nowMs + 24 * 3600_000;
      await redis.multi().zadd(key, r.startMs, r.apptId).pexpire(key, Math.max(ttl, 60_000)).exec();
    },
    async open(chat: ChatKey, nowMs: number) {
      const key = keys.chatPendingReminders(chat);
      await redis.zremrangebyscore(key, "-inf", String(nowMs));
      const flat = await redis.zrange(key, "0", "-1", "WITHSCORES");
      const out: PendingReminder[] = [];
      for (let i = 0; i < flat.length; i += 2) out.push({ apptId: flat[i]!, startMs: Number(flat[i + 1]) });
      return out;
    },
    async remove(chat: ChatKey, apptId: string) {
      await redis.zrem(keys.chatPendingReminders(chat), apptId);
    },
  };
}
