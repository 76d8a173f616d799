import type { Job, Queue } from "bullmq";
import type { Logger } from "pino";
import type { Appointment } from "../src/domain/appointment.ts";
import { formatApiMinute } from "../src/tor4you/dates.ts";
import type { WebhookEvent } from "../src/tor4you/webhook.ts";
import { type AppointmentAccess, parseLocalMinute, UnverifiedError } from "./appointments.ts";
import type { EnqueueOutbound, JobsDeps } from "./deps.ts";
import { type SyncPayload, syncJobId, syncPayload } from "./queues.ts";
import type { Reconciler } from "./reconcile.ts";
import { applyFacts, factsOf } from "./webhook-facts.ts";

/**
 * The sync queue: each Tor4You webhook becomes a job (deduplicated by its notification id); the
 * worker reads the appointment as it is now, reconciles its reminders, and tells the customer's
 * chats when the business (not the bot) moved or cancelled it.
 */
export function createSyncJobs(
  deps: Pick<
    JobsDeps,
    "chatsFor" | "chatRef" | "composeNotice" | "ownChanges" | "seen" | "snapshots" | "lookups"
  > & {
    /** Read when a time frees: the waitlist may be wired after the jobs. */
    onFreed: () => JobsDeps["onFreed"];
    queue: Queue<SyncPayload>;
    appointments: AppointmentAccess;
    reconciler: Reconciler;
    enqueue: EnqueueOutbound;
    logger: Logger;
  },
) {
  const { appointments } = deps;

  /** The business moved or cancelled an appointment: its customer's linked chats are told. */
  async function notice(
    siteId: string,
    appt: Appointment,
    kind: "moved" | "cancelled",
    notificationId: string,
    /** `YYYYMMDDhhmm`, where it was before this change. */
    before?: string,
  ) {
    const cell = appt.customer.cell;
    if (!cell || !deps.composeNotice) return;
    const tz = appointments.site(siteId)?.timezone ?? "Asia/Jerusalem";
    const previousStart = before ? parseLocalMinute(before, tz) : undefined;
    for (const chat of await deps.chatsFor(siteId, cell)) {
      if (chat.remindersOff || chat.unreachable) continue;
      const messages = await deps.composeNotice(chat.address, appt, kind, previousStart);
      if (!messages?.length) continue;
      await deps.enqueue(
        chat.address,
        { site: siteId, chatId: chat.address.chatId, messages },
        `notice-${siteId}-${notificationId}-${deps.chatRef(chat.address)}`,
      );
    }
  }

  async function dropLookupOf(siteId: string, appt: Appointment | null) {
    if (appt?.customer.cell) await deps.lookups?.drop(siteId, appt.customer.cell);
  }

  return {
    /** Webhook intake: recorded as a job, deduplicated by Tor4You's notification id. */
    async recordWebhook(siteId: string, e: WebhookEvent) {
      // At once, not when the job runs: the customer may be asking about their appointments now.
      if (e.customer.cell) await deps.lookups?.drop(siteId, e.customer.cell);
      await deps.lookups?.dropAppointment(siteId, e.appointmentId);
      await deps.queue.add(
        "sync",
        {
          site: siteId,
          notificationId: e.notificationId,
          apptId: e.appointmentId,
          action: e.action,
          own: false,
          facts: factsOf(e, appointments.site(siteId)?.timezone ?? "Asia/Jerusalem"),
        },
        {
          jobId: syncJobId(e),
          attempts: 8,
          backoff: { type: "exponential", delay: 2_000 },
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      );
    },

    async process(job: Job) {
      const p = syncPayload.parse(job.data);
      const s = appointments.site(p.site);
      if (!s) return { skipped: "unknown_site" };
      const [own, seen] = await Promise.all([
        deps.ownChanges.isOwn(p.site, p.apptId),
        deps.seen.get(p.site, p.apptId),
      ]);
      // Only numbered notifications can be put in order; any other id is read from Tor4You itself.
      const ordered = /^\d+$/.test(p.notificationId);
      if (p.facts && deps.snapshots && ordered) {
        // A notification older than one already applied (Tor4You retries, out of order) changes nothing.
        if (BigInt(p.notificationId) < (await deps.snapshots.lastNotification(p.site, p.apptId)))
          return { stale: true };
        const base = await deps.snapshots.get(p.site, p.apptId);
        await dropLookupOf(p.site, base);
        const told = applyFacts(p.apptId, p.facts, base, s.timezone);
        if (told) {
          await deps.snapshots.setLastNotification(p.site, p.apptId, p.notificationId);
          if (base) await deps.snapshots.put(p.site, [told]);
          const result = await appointments.observe(p.site, told, seen, "webhook");
          const before = seen?.start;
          if (!own && before) {
            if (told.status !== "live") await notice(p.site, told, "cancelled", p.notificationId);
            else if (formatApiMinute(told.start, s.timezone) !== before)
              await notice(p.site, told, "moved", p.notificationId, before);
          }
          return { ...result, own, from: "webhook" };
        }
      }
      const day = await appointments.lastSeenDay(p.site, p.apptId, seen);
      const reading = await appointments.readEvidence(p.site, p.apptId, day);
      if (reading.kind === "unknown") {
        // A cancel webhook is evidence on its own; anything else waits for an answer (job retries).
        if (p.action !== "cancel" && p.action !== "expire") throw new UnverifiedError(reading.reason);
        deps.logger.info(
          { site: p.site, apptId: p.apptId, reason: reading.reason },
          "cancel webhook taken as evidence",
        );
      }
      const appt = reading.kind === "found" ? reading.appt : null;
      // A webhook without the customer's cell: theirs is known once the appointment is.
      await dropLookupOf(p.site, appt ?? (await deps.snapshots?.get(p.site, p.apptId)) ?? null);
      if (!appt) {
        await deps.reconciler.forget(p.site, p.apptId);
        await deps.seen.delete(p.site, p.apptId);
        await deps.snapshots?.delete(p.site, [p.apptId]);
        return { gone: true };
      }
      if (
        deps.snapshots &&
        ordered &&
        BigInt(p.notificationId) > (await deps.snapshots.lastNotification(p.site, p.apptId))
      )
        await deps.snapshots.setLastNotification(p.site, p.apptId, p.notificationId);
      const result = await appointments.observe(p.site, appt, seen);
      // Only what the business did is news to the customer; an echo of the bot's own call is not.
      const before = seen?.start;
      // A time the business freed (cancel, move, an expired temporary booking) goes to the waitlist.
      const wasAt = before ? parseLocalMinute(before, s.timezone) : undefined;
      if (!own && wasAt && (appt.status !== "live" || formatApiMinute(appt.start, s.timezone) !== before))
        await deps.onFreed()?.(p.site, { ...appt, start: wasAt });
      if (!own && before) {
        if (appt.status !== "live") await notice(p.site, appt, "cancelled", p.notificationId);
        else if (formatApiMinute(appt.start, s.timezone) !== before)
          await notice(p.site, appt, "moved", p.notificationId, before);
      }
      return { ...result, own };
    },
  };
}
