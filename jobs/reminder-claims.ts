import { DelayedError, type Job } from "bullmq";
import type { Logger } from "pino";
import type { SkipCounter } from "../src/reminders/remind.ts";
import type { ReminderLedger, ReminderRef } from "../src/storage/reminder-ledger.ts";
import { outboundPayload } from "./queues.ts";

/**
 * What every outbound queue does with a reminder's ledger entry around its send: claim it first,
 * and settle it when the job ends for good, so that no reminder is sent twice and none is left
 * without a logged reason.
 */
export function createReminderClaims(deps: {
  ledger: ReminderLedger;
  countSkip?: SkipCounter;
  logger: Logger;
}) {
  return {
    /**
     * Null: this job may send. Otherwise what the job returns (already sent, or lost in a crash).
     * When another sender holds the claim the job waits out its lease, without spending an attempt:
     * a crash mid-send must end as "uncertain", not as a job that gave up while the claim was young.
     */
    async claim(job: Job, token: string | undefined, ref: ReminderRef): Promise<null | { skipped: string }> {
      const claim = await deps.ledger.claim(ref);
      if (claim.ok) return null;
      if (claim.state === "in_flight") {
        await job.moveToDelayed(Math.max(Date.now() + 250, (claim.retryAt ?? 0) + 250), token);
        throw new DelayedError();
      }
      deps.logger.warn(
        { site: ref.site, apptId: ref.apptId, offsetMin: ref.offsetMin, state: claim.state },
        "reminder not sent again",
      );
      deps.countSkip?.(ref.site, claim.state === "uncertain" ? "uncertain" : "duplicate", ref);
      return { skipped: claim.state };
    },

    /**
     * The job's outbox entry is gone: expired, forgotten, or deleted by a send whose process died
     * before it marked the reminder sent. In that last case the claim is still open and no job will
     * look at it again: it becomes "uncertain" now.
     */
    async entryGone(site: string, ref: ReminderRef | null): Promise<{ skipped: "expired" }> {
      deps.logger.warn(
        { site },
        "outgoing message gone before it could be sent (expired, or the chat asked to be forgotten)",
      );
      if (ref && (await deps.ledger.abandon(ref)) === "abandoned") {
        deps.logger.warn(
          { site: ref.site, apptId: ref.apptId, offsetMin: ref.offsetMin, reason: "uncertain" },
          "reminder not sent again: its send may have happened before a crash",
        );
        deps.countSkip?.(ref.site, "uncertain", ref);
      }
      return { skipped: "expired" };
    },

    /**
     * A worker's "failed" event. Once the job has failed for good (its attempts spent, or stalled
     * past BullMQ's limit), a claim it left open becomes "uncertain", and a reminder it never sent
     * is logged and counted as not sent.
     */
    async failed(job: Job | undefined, err: Error): Promise<void> {
      if (!job || !isFinal(job)) return;
      const p = outboundPayload.safeParse(job.data);
      if (!p.success || !p.data.ledger) return;
      const ref = { site: p.data.site, ...p.data.ledger };
      const ended = await deps.ledger.abandon(ref);
      if (ended === "sent") return;
      const reason = ended === "abandoned" || ended === "uncertain" ? "uncertain" : "send_failed";
      deps.logger.warn(
        {
          site: ref.site,
          apptId: ref.apptId,
          offsetMin: ref.offsetMin,
          reason,
          attempts: job.attemptsMade,
          err: err.message,
        },
        "reminder not sent: its send job ended for good",
      );
      deps.countSkip?.(ref.site, reason, ref);
    },
  };
}
export type ReminderClaims = ReturnType<typeof createReminderClaims>;

/** After a worker's "failed" event: true when BullMQ will not run the job again. */
export function isFinal(job: Job): boolean {
  if (typeof job.finishedOn === "number") return true;
  return job.attemptsMade >= (job.opts.attempts ?? 1);
}
