import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { DateTime } from "luxon";
import type { Logger } from "pino";
import type { OutboundRequest } from "../../jobs/queues.ts";
import { createReconciler } from "../../jobs/reconcile.ts";
import { createJobs, type Jobs } from "../../jobs/runtime.ts";
import { createWaitlistOffers, type WaitlistOffers } from "../../jobs/waitlist-offers.ts";
import type { SiteConfig } from "../config/types.ts";
import type { SendTelegram } from "../core/messages.ts";
import { personAlerts } from "../digests/person-alert.ts";
import type { Metrics } from "../http/metrics.ts";
import { tor4youWebhookRoutes } from "../http/tor4you-webhook.ts";
import type { SkipCounter } from "../reminders/remind.ts";
import { createSitePlans, type SitePlans } from "../reminders/site-plans.ts";
import { staffSendTime } from "../reminders/staff-quiet.ts";
import { createAppointmentSeen } from "../storage/appointment-marks.ts";
import { createAppointmentSnapshots } from "../storage/appointment-snapshots.ts";
import { createChatDirectory } from "../storage/chat-directory.ts";
import { createRedisCursorStore } from "../storage/cursors.ts";
import { createReminderLedger } from "../storage/reminder-ledger.ts";
import { createWebhookHealth, type WebhookHealth } from "../storage/webhook-health.ts";
import { formatApiMinute } from "../tor4you/dates.ts";
import type { App } from "./app.ts";

/**
 * Reminders in the background: the jobs (scan, sync, remind, outbound) for every site, and the
 * Tor4You webhook route that feeds them. Workers run only where the role says so; producers and
 * the webhook route work in any process.
 */
export function createBackground(deps: {
  sites: readonly SiteConfig[];
  app: App;
  /** BullMQ's connection (maxRetriesPerRequest: null), owned by the caller. */
  connection: Redis;
  logger: Logger;
  metrics: Metrics;
  /** The Telegram bots this deployment runs, by site. */
  telegram?: {
    has: (site: string) => boolean;
    send: SendTelegram;
  };
  /** The WhatsApp sessions serving each site, and their outbound queues' producer. */
  whatsapp?: {
    sessionFor: (site: string) => string | undefined;
    enqueue: (session: string, request: OutboundRequest, jobId?: string, delayMs?: number) => Promise<void>;
  };
  /** Replaces the sites' reminder policy (tests that need a reminder due in seconds). */
  plans?: Pick<SitePlans, "plan" | "knownOffsets">;
  /** How soon a crashed sender's claim and jobs are taken over (tests shorten them). */
  takeover?: { ledgerLeaseMs?: number; lockDuration?: number; stalledInterval?: number };
}): {
  jobs: Jobs;
  webhookRoutes: (app: FastifyInstance) => Promise<void>;
  countSkip: SkipCounter;
  waitlist: WaitlistOffers;
  webhookHealth: WebhookHealth;
} {
  const { app, connection, sites } = deps;
  const plans = deps.plans ?? createSitePlans(sites);
  const directory = createChatDirectory(connection, app.keys);
  /** Counted for /metrics (reason only), kept with its ids for the admin page. */
  const countSkip: SkipCounter = (site, reason, detail) => {
    deps.metrics.skipped(site, reason);
    app.decisions
      .record(site, { reason, ...detail })
      .catch((e) => deps.logger.warn({ err: (e as Error).message }, "decision not kept for the admin page"));
  };
  const snapshots = createAppointmentSnapshots(connection, app.keys);
  const webhookHealth = createWebhookHealth(connection, app.keys);
  const jobs = createJobs({
    connection,
    prefix: app.keys.prefix,
    sites: sites.map((s) => ({
      id: s.id,
      timezone: s.timezone,
      scanEveryMs: s.scanEveryMs,
      scanEveryHealthyMs: s.scanEveryHealthyMs,
      webhooks: Boolean(s.tor4you.webhookKey),
      // Far enough for the largest offset, plus a day for quiet windows that pull reminders earlier.
      horizonDays: Math.ceil(Math.max(...plans.knownOffsets(s.id), 60) / 1440) + 2,
      digestAt: s.digestAt,
      alerts: s.alerts,
      confirmDeadlineMs: s.confirmDeadlineMs,
      sendAt: staffSendTime(s),
    })),
    clients: app.clients,
    cursors: createRedisCursorStore({ redis: connection, keys: app.keys }),
    ledger: createReminderLedger(connection, app.keys, { leaseMs: deps.takeover?.ledgerLeaseMs }),
    reconcilerFor: (scheduler) =>
      createReconciler({
        scheduler,
        plan: plans.plan,
        knownOffsets: plans.knownOffsets,
        now: app.now,
        logger: deps.logger.child({ mod: "planner" }),
        countSkip,
      }),
    chatsFor: directory.chatsFor,
    chatRef: app.keys.chatRef,
    optedOut: directory.optedOut,
    channels: (site) => {
      const s = sites.find((x) => x.id === site);
      // Only channels this deployment can send on; WhatsApp joins when its sessions run.
      return (s?.channels ?? []).filter((c) =>
        c === "telegram" ? Boolean(deps.telegram?.has(site)) : Boolean(deps.whatsapp?.sessionFor(site)),
      );
    },
    compose: (address, appt) => app.engine.prepareReminder(address, appt),
    composeNotice: (address, appt, kind, previousStart) =>
      app.engine.prepareNotice(address, appt, kind, previousStart),
    ownChanges: app.ownChanges,
    lookups: app.lookups,
    seen: createAppointmentSeen(connection, app.keys),
    snapshots,
    webhookHealth,
    sendTelegram: deps.telegram?.send,
    whatsapp: deps.whatsapp,
    outbox: app.outbox,
    staffChats: (site) => app.staff.list(site),
    composeDigest: (address, data) => app.engine.prepareDigest(address, data),
    composeStaff: (address, build) => app.engine.prepareStaffMessage(address, build),
    escalations: app.escalations,
    activity: app.activity,
    now: app.now,
    logger: deps.logger,
    countSkip,
    countSent: deps.metrics.sent,
    workerTuning: deps.takeover && {
      lockDuration: deps.takeover.lockDuration,
      stalledInterval: deps.takeover.stalledInterval,
    },
  });
  app.onStaffEvent((site, e) => jobs.staff.report(site, e));
  const waitlist = createWaitlistOffers({
    connection,
    prefix: app.keys.prefix,
    sites: sites.map((s) => ({
      id: s.id,
      timezone: s.timezone,
      ...s.waitlist,
      // Like staff messages, an offer waits out quiet hours and Shabbat (never sent earlier).
      sendAt: staffSendTime(s),
    })),
    store: app.waitlist,
    chatRef: app.keys.chatRef,
    compose: (address, freed, entry) => app.engine.prepareWaitlistOffer(address, freed, entry),
    enqueue: (address, request, jobId, delayMs) => jobs.sendTo(address, request, jobId, delayMs),
    now: app.now,
    logger: deps.logger,
  });
  const offerFreed = async (site: string, a: { staffId?: string; serviceId?: string; start: DateTime }) => {
    if (!a.staffId) return;
    const zone = sites.find((s) => s.id === site)?.timezone;
    const from = formatApiMinute(a.start, zone);
    await waitlist.freed(site, {
      staffId: a.staffId,
      serviceId: a.serviceId,
      from,
      to: from,
      startMs: a.start.toMillis(),
    });
  };
  jobs.setOnFreed(offerFreed);
  // The bot's own cancellations and moves free a time at once (the webhook echo is marked own).
  app.onStaffEvent(async (site, e) => {
    if (e.kind === "cancelled") await offerFreed(site, e);
    if (e.kind === "moved" && e.previousStart) await offerFreed(site, { ...e, start: e.previousStart });
  });
  // The waitlist's worker runs wherever all the workers run; its queue closes with the others.
  const startWorkers = jobs.startWorkers.bind(jobs);
  jobs.startWorkers = (which) => {
    const list = startWorkers(which);
    if (!which) list.push(waitlist.startWorker());
    return list;
  };
  const closeQueues = jobs.closeQueues.bind(jobs);
  jobs.closeQueues = async () => {
    await waitlist.close();
    await closeQueues();
  };
  app.onPersonRequest(
    personAlerts({
      staffChats: (site) => app.staff.list(site),
      compose: (address, build) => app.engine.prepareStaffMessage(address, build),
      chatRef: app.keys.chatRef,
      send: (address, messages, jobId) =>
        jobs.sendTo(address, { site: address.site, chatId: address.chatId, messages }, jobId),
    }),
  );
  const webhookRoutes = tor4youWebhookRoutes({
    sites: sites.map((s) => ({ id: s.id, webhookKey: s.tor4you.webhookKey, timezone: s.timezone })),
    record: jobs.recordWebhook,
    logger: deps.logger,
    count: deps.metrics.webhook,
    health: (site, outcome) =>
      webhookHealth
        .record(site, outcome, app.now().toMillis())
        .catch((e) => deps.logger.warn({ err: (e as Error).message }, "webhook health not recorded")),
  });
  return { jobs, webhookRoutes, countSkip, webhookHealth, waitlist };
}
