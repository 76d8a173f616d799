import type { Queue } from "bullmq";
import type { DateTime } from "luxon";
import { type ReminderPayload, reminderJobId } from "./queues.ts";

export interface DesiredReminder {
  offsetMin: number;
  dueAt: DateTime;
}

export interface ConvergeResult {
  added: number;
  moved: number;
  removed: number;
  unchanged: number;
}

/**
 * Makes the reminders queue hold exactly the desired jobs of one appointment: adds missing ones,
 * re-times moved ones, removes obsolete ones. Idempotent: the scan and the webhook both call it,
 * in any order and any number of times. `knownOffsets` are every offset any policy of the site
 * may have used, so jobs of an offset no longer configured are found and removed too.
 */
export function createReminderScheduler(queue: Queue<ReminderPayload>, now: () => DateTime) {
  return {
    async converge(
      site: string,
      apptId: string,
      plannedStart: DateTime,
      desired: DesiredReminder[],
      knownOffsets: number[],
    ): Promise<ConvergeResult> {
      const r: ConvergeResult = { added: 0, moved: 0, removed: 0, unchanged: 0 };
      const want = new Map(desired.map((d) => [d.offsetMin, d]));
      const offsets = new Set([...knownOffsets, ...want.keys()]);
      const startIso = plannedStart.toUTC().toISO()!;
      for (const offsetMin of offsets) {
        const jobId = reminderJobId({ site, apptId, offsetMin });
        const job = await queue.getJob(jobId);
        const d = want.get(offsetMin);
        const state = job ? await job.getState() : undefined;
        // A job that already ran (or is running) is history, not a plan: leave it to the ledger.
        const live = state === "delayed" || state === "waiting" || state === "prioritized";
        // Running now: it checks the appointment itself before sending; removing it would break its lock.
        if (state === "active") {
          r.unchanged++;
          continue;
        }
        if (!d) {
          if (job && live) {
            await job.remove();
            r.removed++;
          }
          continue;
        }
        const delay = Math.max(0, d.dueAt.toMillis() - now().toMillis());
        if (job && live) {
          if (
            job.data.plannedStart === startIso &&
            Math.abs(job.timestamp + (job.opts.delay ?? 0) - d.dueAt.toMillis()) < 1000
          ) {
            r.unchanged++;
            continue;
          }
          await job.remove();
          r.moved++;
        } else if (job) {
          if (job.data.plannedStart === startIso) {
            r.unchanged++;
            continue;
          }
          // It ran for the old time; the appointment moved: plan the new one under the same id.
          await job.remove();
          r.moved++;
        } else {
          r.added++;
        }
        await queue.add(
          "remind",
          { site, apptId, offsetMin, plannedStart: startIso },
          {
            jobId,
            delay,
            attempts: 5,
            backoff: { type: "exponential", delay: 5_000 },
            removeOnComplete: { age: 30 * 24 * 3600 },
            removeOnFail: { age: 30 * 24 * 3600 },
          },
        );
      }
      return r;
    },
  };
}
export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;
