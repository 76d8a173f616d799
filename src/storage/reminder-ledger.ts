import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";
import { luaScript } from "./lua.ts";

export type LedgerState = "claimed" | "sent" | "uncertain";
/** What a failed claim found: already sent, lost in a crash, or another sender busy with it right now. */
export type ClaimRefusal = "sent" | "uncertain" | "in_flight";

export interface ReminderRef {
  site: string;
  apptId: string;
  offsetMin: number;
  /** The appointment's start the reminder was for, `YYYYMMDDhhmm` local. */
  start: string;
}

/** A dead claim turns "uncertain", unless a racing markSent changed it meanwhile (ARGV[1]: the value seen). */
const giveUp = luaScript(
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], 'uncertain', 'EX', ARGV[2]) end return 0",
);
/** An open claim turns "uncertain" ('abandoned' is returned); anything else is returned as found. */
const abandonOpen = luaScript(
  "local v = redis.call('GET', KEYS[1]) if v and string.sub(v, 1, 7) == 'claimed' then redis.call('SET', KEYS[1], 'uncertain', 'EX', ARGV[1]) return 'abandoned' end return v",
);

/**
 * The sent-reminder ledger: the only thing standing between a retried, stalled or restarted job
 * and a duplicate message, since Telegram and WhatsApp take no idempotency key. A send claims its
 * entry right before the call and marks it sent right after. Finding an entry still "claimed"
 * for longer than a send can take means a process died mid-send: whether the customer got it is
 * unknown, so it becomes "uncertain" and is never sent again. A younger claim is another worker
 * sending right now: the caller waits and looks again.
 */
export function createReminderLedger(
  redis: Redis,
  keys: Keys,
  opts: { ttlSeconds?: number; leaseMs?: number; now?: () => number } = {},
) {
  const ttlSeconds = opts.ttlSeconds ?? 45 * 24 * 3600;
  const leaseMs = opts.leaseMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const key = (r: ReminderRef) => keys.reminderLedger(r.site, r.apptId, r.offsetMin, r.start);
  return {
    /** True when this caller may send; otherwise the state another attempt left. */
    async claim(
      r: ReminderRef,
    ): Promise<
      | { ok: true }
      | { ok: false; state: ClaimRefusal /** in_flight: when the claim's lease ends. */; retryAt?: number }
    > {
      const set = await redis.set(key(r), `claimed:${now()}`, "EX", ttlSeconds, "NX");
      if (set === "OK") return { ok: true };
      const value = (await redis.get(key(r))) ?? "sent";
      if (!value.startsWith("claimed"))
        return { ok: false, state: value === "uncertain" ? "uncertain" : "sent" };
      const since = Number(value.split(":")[1]);
      if (Number.isFinite(since) && now() - since < leaseMs)
        return { ok: false, state: "in_flight", retryAt: since + leaseMs };
      // Only the first to notice turns a dead claim uncertain; the value check keeps a racing markSent.
      await giveUp(redis, [key(r)], [value, String(ttlSeconds)]);
      return { ok: false, state: "uncertain" };
    },
    async markSent(r: ReminderRef): Promise<void> {
      await redis.set(key(r), "sent", "EX", ttlSeconds);
    },
    /**
     * The job behind a claim ended for good (attempts spent, stalled past its limit): nobody will
     * look at the claim again, so one still open becomes "uncertain" now instead of staying open.
     * Returns "abandoned" when it closed an open claim, else the state it found (`null`: none).
     */
    async abandon(r: ReminderRef): Promise<"abandoned" | LedgerState | null> {
      const v = (await abandonOpen(redis, [key(r)], [String(ttlSeconds)])) as string | null;
      return v ? (v.split(":")[0] as "abandoned" | LedgerState) : null;
    },
    /** The send failed for sure (the API refused it): the reminder may be tried again. */
    async release(r: ReminderRef): Promise<void> {
      await redis.del(key(r));
    },
    async state(r: ReminderRef): Promise<LedgerState | null> {
      const v = await redis.get(key(r));
      return v ? (v.split(":")[0] as LedgerState) : null;
    },
  };
}
export type ReminderLedger = ReturnType<typeof createReminderLedger>;
