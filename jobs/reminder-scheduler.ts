import type { JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
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
 * A reminder job's options. Stamped with the same clock the delay came from, so the job is due
 * exactly at the planned time however long the add itself takes (BullMQ's due time is timestamp + delay).
 */
export const reminderJobOptions = (jobId: string, delay: number, timestamp: number): JobsOptions => ({
  jobId,
  delay,
  timestamp,
  attempts: 5,
  backoff: { type: "exponential", delay: 5_000 },
  // Kept after running by the reminders worker (REMINDER_KEPT), not per job.
});

/**
 * Makes the reminders queue hold exactly the desired jobs of one appointment: adds missing ones,
 * re-times moved ones, removes obsolete ones. Idempotent: the scan and the webhook both call it,
 * in any order and any number of times. `knownOffsets` are every offset any policy of the site
 * may have used, so jobs of an offset no longer configured are found and removed too.
 */
export function createReminderScheduler(queue: Queue<ReminderPayload>, now: () => DateTime) {
  const scheduler = {
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
        const nowMs = now().toMillis();
        const delay = Math.max(0, d.dueAt.toMillis() - nowMs);
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
          reminderJobOptions(jobId, delay, nowMs),
        );
      }
      return r;
    },

    /**
     * `converge` for a whole scan window at once, with the same outcome. One pipelined round trip
     * finds which of the appointments' jobs exist and, for those, their delayed due time and
     * planned start; appointments with no job yet get theirs in bulk (`addBulk`, which ignores a
     * job id that exists meanwhile, so a concurrent webhook or scan adds nothing twice); jobs
     * already delayed for the same start and time are left alone; anything else (a move, a job
     * that ran or is waiting) goes through `converge` one by one.
     */
    async convergeMany(
      site: string,
      items: readonly { apptId: string; plannedStart: DateTime; desired: DesiredReminder[] }[],
      knownOffsets: number[],
    ): Promise<ConvergeResult> {
      const r: ConvergeResult = { added: 0, moved: 0, removed: 0, unchanged: 0 };
      const slots = items.map((item) => {
        const want = new Map(item.desired.map((d) => [d.offsetMin, d]));
        const offsets = [...new Set([...knownOffsets, ...want.keys()])];
        return {
          item,
          want,
          offsets,
          jobIds: offsets.map((offsetMin) => reminderJobId({ site, apptId: item.apptId, offsetMin })),
        };
      });
      // The connection the queue was given (ioredis, one server or a cluster): the keys share the queue's slot.
      const client = (await queue.getBackend().client) as unknown as Redis;
      const delayedKey = queue.toKey("delayed");
      const pipe = client.pipeline();
      for (const s of slots)
        for (const jobId of s.jobIds) pipe.zscore(delayedKey, jobId).hget(queue.toKey(jobId), "data");
      const replies = (await pipe.exec()) ?? [];
      const nowMs = now().toMillis();
      const fresh: Parameters<typeof queue.addBulk>[0] = [];
      const oneByOne: typeof slots = [];
      let i = 0;
      for (const s of slots) {
        const startIso = s.item.plannedStart.toUTC().toISO()!;
        let simple = true;
        const adds: typeof fresh = [];
        let unchanged = 0;
        s.offsets.forEach((offsetMin, k) => {
          const [scoreErr, score] = replies[i++] ?? [];
          const [dataErr, data] = replies[i++] ?? [];
          if (scoreErr || dataErr) {
            simple = false;
            return;
          }
          const d = s.want.get(offsetMin);
          if (data == null) {
            if (d)
              adds.push({
                name: "remind",
                data: { site, apptId: s.item.apptId, offsetMin, plannedStart: startIso },
                opts: reminderJobOptions(s.jobIds[k]!, Math.max(0, d.dueAt.toMillis() - nowMs), nowMs),
              });
            return;
          }
          // Delayed jobs sit in the delayed set scored by due time × 4096 (BullMQ's layout).
          const dueMs = score == null ? null : Math.floor(Number(score) / 4096);
          let plannedStart: unknown;
          try {
            plannedStart = (JSON.parse(String(data)) as ReminderPayload).plannedStart;
          } catch {}
          if (d && dueMs !== null && plannedStart === startIso && Math.abs(dueMs - d.dueAt.toMillis()) < 1000)
            unchanged++;
          else simple = false;
        });
        if (!simple) {
          oneByOne.push(s);
          continue;
        }
        fresh.push(...adds);
        r.added += adds.length;
        r.unchanged += unchanged;
      }
      for (let k = 0; k < fresh.length; k += 500) await queue.addBulk(fresh.slice(k, k + 500));
      for (const s of oneByOne) {
        const one = await scheduler.converge(
          site,
          s.item.apptId,
          s.item.plannedStart,
          s.item.desired,
          knownOffsets,
        );
        r.added += one.added;
        r.moved += one.moved;
        r.removed += one.removed;
        r.unchanged += one.unchanged;
      }
      return r;
    },
  };
  return scheduler;
}
export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;
