import { type Job, Queue, Worker } from "bullmq";
import { createSendTimeCheck } from "../src/reminders/send-time-check.ts";
import { createAppointmentAccess } from "./appointments.ts";
import type { JobsDeps } from "./deps.ts";
import { createDigestJobs } from "./digests.ts";
import { routeOutbound } from "./outbound.ts";
import {
  type OutboundPayload,
  QUEUES,
  queueOptions,
  type ReminderPayload,
  reminderPayload,
  type ScanPayload,
  type SyncPayload,
  workerOptions,
} from "./queues.ts";
import { createRemindWorker } from "./remind.ts";
import { isFinal } from "./reminder-claims.ts";
import { createReminderScheduler } from "./reminder-scheduler.ts";
import { createScanJobs } from "./scan.ts";
import { createStaffMessages } from "./staff-messages.ts";
import { createSyncJobs } from "./sync.ts";
import { createTelegramOutbound } from "./telegram-outbound.ts";

export type { JobsDeps, JobsSite } from "./deps.ts";

/** Jobs each worker process runs at once, per queue (others: 5). */
export const CONCURRENCY: Partial<Record<string, number>> = {
  [QUEUES.reminders]: 20,
  // Each Telegram send waits for its bot's turn (the channel's pacing): more sends in flight keep
  // every bot's turns used while some wait.
  [QUEUES.telegramOutbound]: 10,
};

/**
 * Queues, producers, workers and schedulers of every background job, built from their
 * dependencies. Each queue's worker and producer live in their own file (scan, sync, remind,
 * telegram-outbound, digests, staff-messages; WhatsApp's in whatsapp-outbound.ts, run by the
 * process owning the session); this only wires them and runs their workers.
 */
export function createJobs(deps: JobsDeps) {
  const opts = (queue: string) => queueOptions(deps.connection, deps.prefix, queue);
  const sync = new Queue<SyncPayload>(QUEUES.sync, opts(QUEUES.sync));
  const scan = new Queue<ScanPayload>(QUEUES.scan, opts(QUEUES.scan));
  const reminders = new Queue<ReminderPayload>(QUEUES.reminders, opts(QUEUES.reminders));
  const telegram = new Queue<OutboundPayload>(QUEUES.telegramOutbound, opts(QUEUES.telegramOutbound));
  const digests = new Queue<ScanPayload>(QUEUES.digests, opts(QUEUES.digests));
  const staffAlerts = new Queue(QUEUES.staffAlerts, opts(QUEUES.staffAlerts));
  const scheduler = createReminderScheduler(reminders, deps.now);
  const reconciler = deps.reconcilerFor(scheduler);
  const log = deps.logger.child({ mod: "jobs" });
  const workers: Worker[] = [];

  const appointments = createAppointmentAccess({
    sites: deps.sites,
    clients: deps.clients,
    reconciler,
    seen: deps.seen,
    snapshots: deps.snapshots,
    now: deps.now,
  });
  const telegramOutbound = createTelegramOutbound({
    queue: telegram,
    outbox: deps.outbox,
    ledger: deps.ledger,
    sendTelegram: deps.sendTelegram,
    activity: deps.activity,
    countSkip: deps.countSkip,
    logger: log,
  });
  const enqueue = routeOutbound({ whatsapp: deps.whatsapp, telegram: telegramOutbound.enqueue });
  const scans = createScanJobs({
    queue: scan,
    sites: deps.sites,
    appointments,
    cursors: deps.cursors,
    reconciler,
    seen: deps.seen,
    ownChanges: deps.ownChanges,
    snapshots: deps.snapshots,
    webhookHealth: deps.webhookHealth,
    now: deps.now,
    logger: log,
  });
  const snapshots = deps.snapshots;
  const sendTimeCheck = snapshots
    ? createSendTimeCheck({
        freshAt: snapshots.freshAt,
        takeTurn: (siteId, minute) => snapshots.takeScanTurn(siteId, minute),
        releaseTurn: (siteId, minute) => snapshots.releaseScanTurn(siteId, minute),
        scan: scans.runVerifyScan,
        snapshot: snapshots.get,
        now: deps.now,
      })
    : undefined;
  let onFreed = deps.onFreed;
  const syncs = createSyncJobs({
    ...deps,
    queue: sync,
    appointments,
    reconciler,
    enqueue,
    logger: log,
    onFreed: () => onFreed,
  });
  const remind = createRemindWorker({ ...deps, appointments, sendTimeCheck, enqueue, logger: log });
  const staffChats = async (siteId: string) => (await deps.staffChats?.(siteId)) ?? [];
  const digest = createDigestJobs({
    queue: digests,
    sites: deps.sites,
    appointments,
    staffChats,
    composeDigest: deps.composeDigest,
    chatRef: deps.chatRef,
    enqueue,
    now: deps.now,
    logger: log,
  });
  const staff = createStaffMessages({
    queue: staffAlerts,
    sites: deps.sites.map((s) => ({
      id: s.id,
      timezone: s.timezone,
      alerts: s.alerts ?? { kinds: [], urgent: [] },
      confirmDeadlineMs: s.confirmDeadlineMs ?? null,
      sendAt: s.sendAt ?? ((ms) => ms),
    })),
    client: appointments.client,
    fetchAppointment: appointments.fetchAppointment,
    staffChats,
    compose: async (address, build) => (deps.composeStaff ? deps.composeStaff(address, build) : null),
    chatRef: deps.chatRef,
    enqueue,
    escalations: deps.escalations ?? { firstTime: async () => true },
    seen: deps.seen,
    now: deps.now,
    logger: deps.logger,
  });

  const processors: Record<
    (typeof QUEUES)[keyof typeof QUEUES],
    (job: Job, token?: string) => Promise<unknown>
  > = {
    [QUEUES.digests]: digest.process,
    [QUEUES.staffAlerts]: staff.process,
    [QUEUES.sync]: syncs.process,
    [QUEUES.scan]: scans.process,
    [QUEUES.reminders]: remind.process,
    [QUEUES.telegramOutbound]: telegramOutbound.process,
  };

  /** A reminder whose job ended for good is a decision not to send: logged and counted with its reason. */
  async function settleFailed(queue: string, job: Job | undefined, err: Error) {
    if (queue === QUEUES.telegramOutbound) return telegramOutbound.failed(job, err);
    if (queue !== QUEUES.reminders || !job || !isFinal(job)) return;
    const p = reminderPayload.safeParse(job.data);
    if (!p.success) return;
    log.warn(
      {
        site: p.data.site,
        apptId: p.data.apptId,
        offsetMin: p.data.offsetMin,
        reason: "send_failed",
        err: err.message,
      },
      "reminder not sent: its job ended for good",
    );
    deps.countSkip?.(p.data.site, "send_failed", { apptId: p.data.apptId, offsetMin: p.data.offsetMin });
  }

  return {
    queues: { sync, scan, reminders, telegram, digests, staffAlerts },
    staff,
    scheduler,
    reconciler,
    runScan: scans.runScan,
    scheduledScan: scans.scheduledScan,
    runDigest: digest.runDigest,
    recordWebhook: syncs.recordWebhook,
    /** A message to one chat through its channel's outbound queue (staff alerts outside a job). */
    sendTo: enqueue,
    /** Where freed times go (the waitlist), set once the waitlist exists. */
    setOnFreed(fn: NonNullable<JobsDeps["onFreed"]>) {
      onFreed = fn;
    },

    /** Per site: a scan every SCAN_EVERY, the digest at DIGEST_AT, the CONFIRM_DEADLINE check (BullMQ 6 job schedulers, not `repeat`). */
    async scheduleScans() {
      await scans.schedule();
      await digest.schedule();
      await staff.schedule();
    },

    startWorkers(
      which: Array<keyof typeof processors> = Object.keys(processors) as Array<keyof typeof processors>,
    ) {
      for (const name of which) {
        const tuning = Object.fromEntries(
          Object.entries(deps.workerTuning ?? {}).filter(([, v]) => v !== undefined),
        );
        const worker = new Worker(name, processors[name], {
          ...workerOptions(deps.connection, deps.prefix, name),
          ...tuning,
          concurrency: CONCURRENCY[name] ?? 5,
        });
        worker.on("failed", (job, err) => {
          log.warn(
            { queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
            "job failed",
          );
          settleFailed(name, job, err).catch((e) =>
            log.warn({ queue: name, err: (e as Error).message }, "failed job not settled"),
          );
        });
        workers.push(worker);
      }
      return workers;
    },

    /** Stops taking jobs and waits for the active ones to finish. */
    async closeWorkers() {
      await Promise.all(workers.map((w) => w.close()));
    },
    async closeQueues() {
      await Promise.all([sync, scan, reminders, telegram, digests, staffAlerts].map((q) => q.close()));
    },
    /** Workers first (active jobs finish), then queues; the connection is the caller's to close. */
    async close() {
      await this.closeWorkers();
      await this.closeQueues();
    },
  };
}
export type Jobs = ReturnType<typeof createJobs>;
