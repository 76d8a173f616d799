import { DelayedError, type Job } from "bullmq";
import { DateTime } from "luxon";
import type { Logger } from "pino";
import { cellToWhatsAppId } from "../src/domain/phone.ts";
import { remindNow } from "../src/reminders/remind.ts";
import type { SendTimeCheck } from "../src/reminders/send-time-check.ts";
import { formatApiMinute } from "../src/tor4you/dates.ts";
import { Tor4YouUsageLimitError } from "../src/tor4you/errors.ts";
import type { AppointmentAccess } from "./appointments.ts";
import type { EnqueueOutbound, JobsDeps } from "./deps.ts";
import { reminderPayload } from "./queues.ts";

/**
 * The reminders queue's worker (its producer is the reminder scheduler, jobs/reminder-scheduler.ts):
 * one due reminder, checked against Tor4You as it is now, then handed to its chat's channel.
 */
export function createRemindWorker(
  deps: Pick<
    JobsDeps,
    "chatsFor" | "optedOut" | "channels" | "compose" | "whatsapp" | "countSent" | "countSkip" | "now"
  > & {
    appointments: AppointmentAccess;
    /** Send-time verification by one scan a site a minute; null = read the appointment alone. */
    sendTimeCheck?: SendTimeCheck;
    enqueue: EnqueueOutbound;
    logger: Logger;
  },
) {
  async function remind(job: Job) {
    const p = reminderPayload.parse(job.data);
    const s = deps.appointments.site(p.site);
    if (!s) return { skipped: "unknown_site" };
    const outcome = await remindNow(
      p,
      {
        appointment: async (due) => {
          const listed = await deps.sendTimeCheck?.appointment(due.site, due.apptId);
          if (listed) return { kind: "found", appt: listed, via: "apptlist" } as const;
          return deps.appointments.readEvidence(due.site, due.apptId, DateTime.fromISO(due.plannedStart));
        },
        chatsFor: deps.chatsFor,
        optedOut: deps.optedOut,
        channels: deps.channels,
        compose: deps.compose,
        addressByCell: (siteId, channel, cell) =>
          channel === "whatsapp" && deps.whatsapp?.sessionFor(siteId)
            ? { site: siteId, channel, chatId: cellToWhatsAppId(cell) }
            : null,
        enqueue: async (address, messages, appt) => {
          const start = formatApiMinute(appt.start, s.timezone);
          await deps.enqueue(
            address,
            {
              site: p.site,
              chatId: address.chatId,
              messages,
              ledger: { apptId: p.apptId, offsetMin: p.offsetMin, start },
            },
            `out-${p.site}-${p.apptId}-${p.offsetMin}m-${start}`,
          );
        },
      },
      deps.now(),
    );
    if (outcome.sent) deps.countSent?.(p.site, outcome.channel);
    else if ("deferred" in outcome) {
      deps.logger.info(
        { site: p.site, apptId: p.apptId, offsetMin: p.offsetMin, reason: outcome.reason },
        "reminder delayed: its appointment could not be verified",
      );
    } else {
      deps.countSkip?.(p.site, outcome.reason, { apptId: p.apptId, offsetMin: p.offsetMin });
      deps.logger.info(
        { site: p.site, apptId: p.apptId, offsetMin: p.offsetMin, reason: outcome.reason },
        "reminder not sent",
      );
    }
    return outcome;
  }

  return {
    async process(job: Job, token?: string) {
      try {
        const outcome = await remind(job);
        if ("deferred" in outcome && token) {
          const tries = reminderPayload.parse(job.data).deferrals ?? 0;
          if (outcome.retryAfterMs !== undefined) {
            // The minute's usage was spent, nothing was refused: look again as soon as it frees,
            // not after a doubling wait that can overshoot it by minutes.
            const at = Date.now() + outcome.retryAfterMs + Math.floor(Math.random() * 1_000);
            await job.moveToDelayed(Math.min(at, Math.max(Date.now() + 1_000, outcome.usefulUntil)), token);
            throw new DelayedError();
          }
          const at = deferUntil(tries, Date.now(), outcome.usefulUntil);
          await job.updateData({ ...job.data, deferrals: tries + 1 });
          await job.moveToDelayed(at, token);
          throw new DelayedError();
        }
        return outcome;
      } catch (e) {
        // The site's API budget for this minute is spent (a burst of reminders due together):
        // come back when it frees, without spending one of the job's attempts, so none is lost.
        if (e instanceof Tor4YouUsageLimitError && e.scope === "minute" && token) {
          await job.moveToDelayed(Date.now() + e.retryAfterMs + Math.floor(Math.random() * 1_000), token);
          throw new DelayedError();
        }
        throw e;
      }
    },
  };
}

/** When a deferred reminder looks again: 15 s doubling to 5 minutes, jittered, never past its useful end. */
export function deferUntil(tries: number, nowMs: number, usefulUntilMs: number): number {
  const step = Math.min(5 * 60_000, 15_000 * 2 ** tries);
  const at = nowMs + Math.round(step * (0.75 + Math.random() * 0.25));
  return Math.max(nowMs + 1_000, Math.min(at, usefulUntilMs));
}
