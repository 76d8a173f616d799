import type { Job, Queue } from "bullmq";
import type { Logger } from "pino";
import type { SendTelegram } from "../src/core/messages.ts";
import { scrubError } from "../src/log/scrub.ts";
import type { SkipCounter } from "../src/reminders/remind.ts";
import type { ActivityLog } from "../src/storage/activity-log.ts";
import type { Outbox } from "../src/storage/outbox.ts";
import type { ReminderLedger } from "../src/storage/reminder-ledger.ts";
import { sentSoFar } from "./outbound.ts";
import { type OutboundPayload, type OutboundRequest, outboundPayload } from "./queues.ts";
import { createReminderClaims } from "./reminder-claims.ts";

/**
 * The Telegram outbound queue: its producer (texts into the outbox, ids into the job) and its
 * worker, which claims a reminder in the ledger before sending so no reminder goes out twice.
 */
export function createTelegramOutbound(deps: {
  queue: Queue<OutboundPayload>;
  outbox: Outbox;
  ledger: ReminderLedger;
  sendTelegram?: SendTelegram;
  activity?: Pick<ActivityLog, "reminderSent">;
  countSkip?: SkipCounter;
  logger: Logger;
}) {
  const log = deps.logger;
  const claims = createReminderClaims(deps);

  async function enqueue(request: OutboundRequest, jobId: string, delayMs = 0) {
    const outboxId = await deps.outbox.put(request.site, "telegram", {
      chatId: request.chatId,
      messages: request.messages,
    });
    const payload: OutboundPayload = { site: request.site, outboxId, ledger: request.ledger };
    await deps.queue.add("send", payload, {
      jobId,
      ...(delayMs > 0 ? { delay: delayMs } : {}),
      // 2 s doubling over 8 tries: a Telegram or network outage of about four minutes is waited
      // out (a reminder a few minutes late still helps); beyond it the send is counted send_failed.
      attempts: 8,
      backoff: { type: "exponential", delay: 2_000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  async function process(job: Job, token?: string) {
    const p = outboundPayload.parse(job.data);
    if (!deps.sendTelegram) throw new Error("telegram is not configured in this process");
    const ref = p.ledger ? { site: p.site, ...p.ledger } : null;
    const entry = await deps.outbox.get(p.site, p.outboxId);
    if (!entry) return claims.entryGone(p.site, ref);
    if (ref) {
      const refused = await claims.claim(job, token, ref);
      if (refused) return refused;
    }
    let result: "sent" | "blocked";
    try {
      // A retry goes on from the first message not yet sent: the ones before it went out.
      result = await deps.sendTelegram(p.site, entry.chatId, entry.messages, {
        from: sentSoFar(job),
        sent: (n) => job.updateProgress(n),
      });
    } catch (e) {
      // Refused for sure (no message went out): the next attempt may send it. The error stays on
      // the job (bull-board, failed lists): without the chat id it may name.
      if (ref) await deps.ledger.release(ref);
      throw scrubError(e);
    }
    if (result === "blocked") {
      if (ref) await deps.ledger.release(ref);
      await deps.outbox.delete(p.site, p.outboxId);
      deps.countSkip?.(p.site, "unreachable", ref ?? undefined);
      log.info(
        { site: p.site, apptId: ref?.apptId },
        "customer blocked the bot: not sent, chat marked unreachable",
      );
      return { skipped: "unreachable" };
    }
    // The ledger first: a crash between the two then leaves a message already marked, never an
    // open claim whose outbox entry is gone.
    if (ref) await deps.ledger.markSent(ref);
    await deps.outbox.delete(p.site, p.outboxId);
    if (ref) await deps.activity?.reminderSent(p.site, ref.apptId, ref.start);
    return { sent: true };
  }

  return { enqueue, process, failed: claims.failed };
}
