import { type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { DateTime } from "luxon";
import type { Logger } from "pino";
import { matches } from "../src/conversation/flows/waitlist.ts";
import type { FreedTime, WaitlistEntry } from "../src/conversation/waitlist-port.ts";
import type { ChatAddress, OutboundMessage } from "../src/core/messages.ts";
import { inZone } from "../src/core/zones.ts";
import type { WaitlistStore } from "../src/storage/waitlist.ts";
import { formatApiDate } from "../src/tor4you/dates.ts";
import {
  type OutboundRequest,
  queueOptions,
  WAITLIST_QUEUE,
  type WaitlistPayload,
  waitlistPayload,
  workerOptions,
} from "./queues.ts";

export interface WaitlistSite {
  id: string;
  timezone: string;
  enabled: boolean;
  waveSize: number;
  waveSpacingMs: number;
  /** The first instant at or after `nowMs` outside quiet hours and Shabbat. */
  sendAt: (nowMs: number) => number;
}

export interface WaitlistOffersDeps {
  connection: Redis;
  /** How a job id names a chat: an HMAC, never the chat id. */
  chatRef: (address: ChatAddress) => string;
  prefix: string;
  sites: readonly WaitlistSite[];
  store: WaitlistStore;
  compose: (
    address: ChatAddress,
    freed: FreedTime,
    entry: WaitlistEntry,
  ) => Promise<OutboundMessage[] | null>;
  enqueue: (address: ChatAddress, request: OutboundRequest, jobId: string, delayMs: number) => Promise<void>;
  now: () => DateTime;
  logger: Logger;
}

/**
 * A freed time goes to the waitlist in waves: the first WAITLIST_WAVE_SIZE matching entries in
 * join order, then the next ones WAITLIST_WAVE_SPACING later, until someone books it (the claim)
 * or the time is near. Each offer respects quiet hours and Shabbat; one that would have to wait
 * past the time itself is not sent.
 */
export function createWaitlistOffers(deps: WaitlistOffersDeps) {
  const options = queueOptions(deps.connection, deps.prefix, WAITLIST_QUEUE);
  const queue = new Queue<WaitlistPayload>(WAITLIST_QUEUE, options);
  const log = deps.logger.child({ mod: "waitlist" });
  const site = (id: string) => deps.sites.find((s) => s.id === id);
  let worker: Worker | undefined;

  async function addWave(p: WaitlistPayload, delayMs: number) {
    await queue.add("offer", p, {
      jobId: `wl-${p.site}-${p.freedId}-${p.wave}`,
      delay: delayMs,
      attempts: 5,
      backoff: { type: "exponential", delay: 2_000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  /** A cancellation, a move or an expired temporary booking freed this time. */
  async function freed(siteId: string, time: Omit<FreedTime, "id">) {
    const s = site(siteId);
    if (!s?.enabled || time.startMs <= deps.now().toMillis()) return null;
    const f = await deps.store.putFreed(siteId, time);
    if (!f) return null;
    await addWave({ site: siteId, freedId: f.id, wave: 0 }, 0);
    log.info({ site: siteId, freedId: f.id }, "time freed: waitlist offers start");
    return f;
  }

  async function runWave(p: WaitlistPayload) {
    const s = site(p.site);
    const f = await deps.store.freed(p.site, p.freedId);
    if (!s || !f) return { skipped: "gone" };
    if (await deps.store.claimedBy(p.site, p.freedId)) return { skipped: "booked" };
    const nowMs = deps.now().toMillis();
    if (f.startMs <= nowMs) return { skipped: "past" };
    const today = formatApiDate(inZone(deps.now(), s.timezone), s.timezone);
    const waiting: WaitlistEntry[] = [];
    for (const e of await deps.store.current(p.site, today))
      if (matches(e, f) && !(await deps.store.wasOffered(p.site, f.id, e.id))) waiting.push(e);
    const wave = waiting.slice(0, s.waveSize);
    const delayMs = Math.max(0, s.sendAt(nowMs) - nowMs);
    let sent = 0;
    for (const e of wave) {
      if (nowMs + delayMs >= f.startMs) {
        log.info({ site: p.site, freedId: f.id, reason: "quiet_until_start" }, "waitlist offer not sent");
      } else {
        const messages = await deps.compose(e.address, f, e);
        if (messages?.length) {
          await deps.enqueue(
            e.address,
            { site: p.site, chatId: e.address.chatId, messages },
            `wlo-${p.site}-${f.id}-${deps.chatRef(e.address)}`,
            delayMs,
          );
          sent++;
        }
      }
      // Marked once queued, not before: a wave retried after a failed enqueue (or a crash) offers
      // it again, and the job id keeps that to one message.
      await deps.store.markOffered(p.site, f.id, e.id);
    }
    if (waiting.length > wave.length) await addWave({ ...p, wave: p.wave + 1 }, s.waveSpacingMs + delayMs);
    log.info(
      { site: p.site, freedId: f.id, wave: p.wave, sent, left: waiting.length - wave.length },
      "waitlist wave",
    );
    return { sent, left: waiting.length - wave.length };
  }

  return {
    queue,
    freed,
    runWave,
    startWorker() {
      worker = new Worker(WAITLIST_QUEUE, async (job: Job) => runWave(waitlistPayload.parse(job.data)), {
        ...workerOptions(deps.connection, deps.prefix, WAITLIST_QUEUE),
        concurrency: 2,
      });
      worker.on("failed", (job, err) =>
        log.warn({ jobId: job?.id, err: err.message }, "waitlist wave failed"),
      );
      return worker;
    },
    async close() {
      await worker?.close();
      await queue.close();
    },
  };
}
export type WaitlistOffers = ReturnType<typeof createWaitlistOffers>;
