import { setTimeout as sleep } from "node:timers/promises";
import { type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { WaOutgoing } from "../src/channels/whatsapp/render.ts";
import type { OutboundMessage } from "../src/core/messages.ts";
import { scrubError } from "../src/log/scrub.ts";
import type { SkipCounter } from "../src/reminders/remind.ts";
import type { ActivityLog } from "../src/storage/activity-log.ts";
import type { Outbox } from "../src/storage/outbox.ts";
import type { ReminderLedger } from "../src/storage/reminder-ledger.ts";
import { sentSoFar } from "./outbound.ts";
import {
  type OutboundPayload,
  type OutboundRequest,
  outboundPayload,
  queueOptions,
  whatsappOutboundQueue,
  whatsappRepliesQueue,
  workerOptions,
} from "./queues.ts";
import { createReminderClaims } from "./reminder-claims.ts";

export interface WhatsAppSender {
  name: string;
  whenReady(): Promise<void>;
  send(chatId: string, content: WaOutgoing): Promise<void>;
}

/**
 * Two lanes per session. "paced": what nobody asked for (reminders, notices, offers), one
 * message every 2-4 s across all chats, which protects the business's number. "reply": the
 * answer to a customer who has just written, out within a second or two; its volume is bounded
 * by what customers write (and CHAT_TURNS_PER_MINUTE per chat).
 */
export type WhatsAppLane = "paced" | "reply";

const queueName = (session: string, lane: WhatsAppLane) =>
  lane === "reply" ? whatsappRepliesQueue(session) : whatsappOutboundQueue(session);

/** The producer side: any process may enqueue; only the session's owner consumes. */
export function whatsappOutboundProducer(connection: Redis, prefix: string, outbox: Outbox) {
  const queues = new Map<string, Queue<OutboundPayload>>();
  const queueFor = (session: string, lane: WhatsAppLane = "paced") => {
    const name = queueName(session, lane);
    let q = queues.get(name);
    if (!q) {
      q = new Queue<OutboundPayload>(name, queueOptions(connection, prefix, name));
      queues.set(name, q);
    }
    return q;
  };
  async function add(
    lane: WhatsAppLane,
    session: string,
    request: OutboundRequest,
    jobId?: string,
    delayMs = 0,
  ) {
    const outboxId = await outbox.put(request.site, "whatsapp", {
      chatId: request.chatId,
      messages: request.messages,
    });
    const payload: OutboundPayload = { site: request.site, outboxId, ledger: request.ledger };
    await queueFor(session, lane).add("send", payload, {
      jobId,
      ...(delayMs > 0 ? { delay: delayMs } : {}),
      attempts: 10,
      backoff: { type: "exponential", delay: 5_000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
  }
  return {
    queueFor,
    /** Unsolicited messages: the slow, shared pace. */
    enqueue: (session: string, request: OutboundRequest, jobId?: string, delayMs = 0) =>
      add("paced", session, request, jobId, delayMs),
    /** The answer to a customer's own message: the fast lane. */
    reply: (session: string, request: OutboundRequest) => add("reply", session, request),
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

/**
 * The consumer: one worker per lane of a session, in the process that owns the session, one
 * message at a time, paced with jitter (a number that sends like a machine gets banned): the
 * paced lane at `pacing`, the reply lane at `replyPacing`. A message waits while the session is
 * down, so everything queued meanwhile goes out once and in order on reconnect.
 */
export function startWhatsAppOutbound(deps: {
  connection: Redis;
  prefix: string;
  session: WhatsAppSender;
  render: (messages: OutboundMessage[]) => WaOutgoing[];
  ledger: ReminderLedger;
  outbox: Outbox;
  pacing?: { minMs: number; maxMs: number };
  /** Between the messages of an answer to a customer who just wrote. */
  replyPacing?: { minMs: number; maxMs: number };
  logger: Logger;
  countSkip?: SkipCounter;
  countSent?: (site: string, channel: string) => void;
  /** The statistics' record of reminders sent. */
  activity?: Pick<ActivityLog, "reminderSent">;
}) {
  const log = deps.logger.child({ mod: "whatsapp-outbound", session: deps.session.name });
  const lanes = [
    lane(deps, log, whatsappOutboundQueue(deps.session.name), deps.pacing ?? { minMs: 2_000, maxMs: 4_000 }),
    lane(deps, log, whatsappRepliesQueue(deps.session.name), deps.replyPacing ?? { minMs: 250, maxMs: 600 }),
  ];
  return {
    worker: lanes[0]!,
    replies: lanes[1]!,
    close: () => Promise.all(lanes.map((w) => w.close())).then(() => undefined),
  };
}

function lane(
  deps: Parameters<typeof startWhatsAppOutbound>[0],
  log: Logger,
  queue: string,
  pacing: { minMs: number; maxMs: number },
) {
  let last = 0;
  const claims = createReminderClaims({ ...deps, logger: log });
  const worker = new Worker(
    queue,
    async (job: Job, token?: string) => {
      const p = outboundPayload.parse(job.data);
      const ref = p.ledger ? { site: p.site, ...p.ledger } : null;
      const entry = await deps.outbox.get(p.site, p.outboxId);
      if (!entry) return claims.entryGone(p.site, ref);
      await deps.session.whenReady();
      if (ref) {
        const refused = await claims.claim(job, token, ref);
        if (refused) return refused;
      }
      try {
        // A retry goes on from the first message not yet sent: the ones before it went out.
        const from = sentSoFar(job);
        for (const [i, item] of deps.render(entry.messages).entries()) {
          if (i < from) continue;
          const gap = pacing.minMs + Math.random() * (pacing.maxMs - pacing.minMs);
          const wait = last + gap - Date.now();
          if (wait > 0) await sleep(wait);
          // A file (calendar entry) follows the message it belongs to: failing it must not resend that.
          await deps.session.send(entry.chatId, item).catch((e) => {
            if (typeof item === "string") throw e;
            log.warn({ site: p.site, err: (e as Error).message }, "file not delivered");
          });
          last = Date.now();
          await job.updateProgress(i + 1);
        }
      } catch (e) {
        if (ref) await deps.ledger.release(ref);
        // Kept on the job as failedReason: a WhatsApp error names the number it failed on.
        throw scrubError(e);
      }
      // The ledger first: a crash between the two then leaves a message already marked, never an
      // open claim whose outbox entry is gone.
      if (ref) await deps.ledger.markSent(ref);
      await deps.outbox.delete(p.site, p.outboxId);
      if (ref) {
        await deps.activity?.reminderSent(p.site, ref.apptId, ref.start);
        deps.countSent?.(p.site, "whatsapp");
      }
      return { sent: true };
    },
    { ...workerOptions(deps.connection, deps.prefix, queue), concurrency: 1 },
  );
  worker.on("failed", (job, err) => {
    log.warn({ jobId: job?.id, queue, err: err.message }, "whatsapp send failed");
    claims.failed(job, err).catch((e) => log.warn({ err: (e as Error).message }, "failed send not settled"));
  });
  return worker;
}
