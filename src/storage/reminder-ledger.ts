import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";

export type LedgerState = "claimed" | "sent" | "uncertain";

export interface ReminderRef {
  site: string;
  apptId: string;
  offsetMin: number;
  /** The appointment's start the reminder was for, `YYYYMMDDhhmm` local. */
  start: string;
}

/**
 * The sent-reminder ledger: the only thing standing between a retried, stalled or restarted job
 * and a duplicate message, since Telegram and WhatsApp take no idempotency key. A send claims its
 * entry right before the call and marks it sent right after. Finding an entry still "claimed"
 * means a process died mid-send: whether the customer got it is unknown, so it becomes
 * "uncertain" and is never sent again.
 */
export function createReminderLedger(redis: Redis, keys: Keys, ttlSeconds = 45 * 24 * 3600) {
  const key = (r: ReminderRef) => keys.reminderLedger(r.site, r.apptId, r.offsetMin, r.start);
  return {
    /** True when this caller may send; otherwise the state another attempt left. */
    async claim(r: ReminderRef): Promise<{ ok: true } | { ok: false; state: LedgerState }> {
      const set = await redis.set(key(r), "claimed", "EX", ttlSeconds, "NX");
      if (set === "OK") return { ok: true };
      const state = (await redis.get(key(r))) as LedgerState | null;
      if (state === "claimed") {
        await redis.set(key(r), "uncertain", "EX", ttlSeconds, "XX");
        return { ok: false, state: "uncertain" };
      }
      return { ok: false, state: state ?? "sent" };
    },
    async markSent(r: ReminderRef): Promise<void> {
      await redis.set(key(r), "sent", "EX", ttlSeconds);
    },
    /** The send failed for sure (the API refused it): the reminder may be tried again. */
    async release(r: ReminderRef): Promise<void> {
      await redis.del(key(r));
    },
    async state(r: ReminderRef): Promise<LedgerState | null> {
      return (await redis.get(key(r))) as LedgerState | null;
    },
  };
}
export type ReminderLedger = ReturnType<typeof createReminderLedger>;
