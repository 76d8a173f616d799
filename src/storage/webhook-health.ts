import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";

/** What the webhook route decided about one delivery (see src/http/tor4you-webhook.ts for the answers). */
export type WebhookOutcome = "verified" | "unsigned" | "malformed" | "not_json" | "unknown_site";

const HOUR = 3_600_000;

export interface WebhookHealthStatus {
  lastVerifiedAt: number | null;
  wrongSignaturesLastHour: number;
  /** Changes made by the business that the scan found and no webhook announced, since the last verified webhook. */
  missedSinceLastWebhook: number;
  lastMissedAt: number | null;
  counts: Record<WebhookOutcome, number>;
  /** Hours since the last verified webhook (since the first missed change when none ever came). */
  hoursWithoutWebhook: number | null;
  /** Tor4You has most likely switched the webhook off (or never sent one): it must be turned on again. */
  looksOff: boolean;
  /** Webhooks arrive and verify: the scan may run at the long period. */
  healthy: boolean;
}

/**
 * Tor4You retries a webhook it could not deliver 8 times over about 47 hours and then switches it
 * off without telling anyone. This keeps what shows it: the last verified webhook, wrong
 * signatures, and changes the scan found that no webhook announced.
 */
export function createWebhookHealth(redis: Redis, keys: Keys) {
  return {
    async record(site: string, outcome: WebhookOutcome, atMs: number): Promise<void> {
      const m = redis.multi().hincrby(keys.webhookHealth(site), `count:${outcome}`, 1);
      if (outcome === "verified") m.hset(keys.webhookHealth(site), "lastVerifiedAt", String(atMs));
      if (outcome === "unsigned") {
        const k = keys.webhookBadSignatures(site);
        m.zadd(k, atMs, `${atMs}-${Math.random().toString(36).slice(2, 8)}`)
          .zremrangebyscore(k, 0, atMs - HOUR)
          .pexpire(k, HOUR);
      }
      await m.exec();
    },

    /** The scan found a change by the business to an appointment it knew, and no webhook had told of it. */
    async missedChange(site: string, atMs: number): Promise<void> {
      const k = keys.webhookHealth(site);
      const last = Number(await redis.hget(k, "lastVerifiedAt")) || 0;
      const since = Number(await redis.hget(k, "missedSince")) || 0;
      const m = redis.multi().hset(k, "lastMissedAt", String(atMs));
      // Counted since the last verified webhook: a webhook that arrives resets the count.
      if (since < last) m.hset(k, "missedSince", String(atMs), "missed", "1");
      else m.hincrby(k, "missed", 1).hsetnx(k, "missedSince", String(atMs));
      await m.exec();
    },

    async status(site: string, nowMs: number): Promise<WebhookHealthStatus> {
      const [h, bad] = await Promise.all([
        redis.hgetall(keys.webhookHealth(site)),
        redis.zcount(keys.webhookBadSignatures(site), nowMs - HOUR, "+inf"),
      ]);
      const num = (k: string) => (h[k] ? Number(h[k]) : null);
      const lastVerifiedAt = num("lastVerifiedAt");
      const lastMissedAt = num("lastMissedAt");
      const missedSince = num("missedSince") ?? 0;
      const missed = lastMissedAt !== null && missedSince >= (lastVerifiedAt ?? 0) ? (num("missed") ?? 0) : 0;
      const counts = Object.fromEntries(
        (["verified", "unsigned", "malformed", "not_json", "unknown_site"] as const).map((o) => [
          o,
          Number(h[`count:${o}`] ?? 0),
        ]),
      ) as Record<WebhookOutcome, number>;
      const reference = lastVerifiedAt ?? (missed > 0 ? missedSince : null);
      const hoursWithoutWebhook = reference === null ? null : Math.floor((nowMs - reference) / HOUR);
      // Two missed changes, or one an hour without a webhook: one could be a webhook still in flight.
      const looksOff = missed >= 2 || (missed >= 1 && nowMs - (lastVerifiedAt ?? 0) > HOUR);
      return {
        lastVerifiedAt,
        wrongSignaturesLastHour: bad,
        missedSinceLastWebhook: missed,
        lastMissedAt,
        counts,
        hoursWithoutWebhook,
        looksOff,
        healthy: missed === 0 && bad === 0,
      };
    },
  };
}
export type WebhookHealth = ReturnType<typeof createWebhookHealth>;
