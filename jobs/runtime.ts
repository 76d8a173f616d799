import { DelayedError, type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { DateTime } from "luxon";
import type { Logger } from "pino";
import type { StaffRole } from "../src/conversation/ports.ts";
import type { ChannelKind, ChatAddress, OutboundMessage } from "../src/core/messages.ts";
import type { StaffFormat } from "../src/digests/alerts.ts";
import type { Appointment } from "../src/domain/appointment.ts";
import { cellToWhatsAppId } from "../src/domain/phone.ts";
import { type LinkedChat, remindNow, type SkipCounter } from "../src/reminders/remind.ts";
import { createSendTimeCheck } from "../src/reminders/send-time-check.ts";
import type { ActivityLog, Escalations } from "../src/storage/activity-log.ts";
import type { AppointmentSeen, OwnChanges } from "../src/storage/appointment-marks.ts";
import type { AppointmentSnapshots } from "../src/storage/appointment-snapshots.ts";
import type { Outbox } from "../src/storage/outbox.ts";
import type { ReminderLedger } from "../src/storage/reminder-ledger.ts";
import type { WebhookHealth } from "../src/storage/webhook-health.ts";
import { type AppointmentReading, readAppointment } from "../src/tor4you/appointment-reading.ts";
import type { Tor4YouClient } from "../src/tor4you/client.ts";
import type { CursorStore } from "../src/tor4you/cursor-store.ts";
import { formatApiMinute, parseApiMinute } from "../src/tor4you/dates.ts";
import { Tor4YouUsageLimitError } from "../src/tor4you/errors.ts";
import { scanChanges } from "../src/tor4you/scan.ts";
import type { WebhookEvent } from "../src/tor4you/webhook.ts";
import {
  type OutboundPayload,
  type OutboundRequest,
  outboundPayload,
  QUEUES,
  queueOptions,
  type ReminderPayload,
  reminderPayload,
  type ScanPayload,
  type SyncPayload,
  scanPayload,
  syncJobId,
  syncPayload,
} from "./queues.ts";
import type { Reconciler } from "./reconcile.ts";
import { createReminderScheduler } from "./reminder-scheduler.ts";
import { createStaffMessages, type StaffSite } from "./staff-messages.ts";
import { applyFacts, factsOf } from "./webhook-facts.ts";

const parseLocalMinute = (v: string, zone: string): DateTime | undefined => {
  try {
    return parseApiMinute(v, zone);
  } catch {
    return undefined;
  }
};

export interface JobsSite {
  id: string;
  timezone: string;
  scanEveryMs: number;
  /** The scan's period while webhooks arrive and verify (default: scanEveryMs). */
  scanEveryHealthyMs?: number;
  /** A webhook key is configured: webhooks can verify at all. */
  webhooks?: boolean;
  /** How far ahead reminders are planned: the largest offset and a margin. */
  horizonDays: number;
  /** Local time of the staff digest. */
  digestAt?: { minutes: number };
  /** Real-time alerts the site wants (and the urgent ones); none when left out. */
  alerts?: StaffSite["alerts"];
  confirmDeadlineMs?: number | null;
  /** Quiet hours and Shabbat for staff messages; always open when left out. */
  sendAt?: (nowMs: number) => number;
}

export interface JobsDeps {
  /** A connection for BullMQ (maxRetriesPerRequest: null); closed by the caller, not here. */
  connection: Redis;
  /** BullMQ key prefix: the deployment's (or the test's) own. */
  prefix: string;
  sites: readonly JobsSite[];
  clients: ReadonlyMap<string, Tor4YouClient>;
  cursors: CursorStore;
  ledger: ReminderLedger;
  reconcilerFor: (scheduler: ReturnType<typeof createReminderScheduler>) => Reconciler;
  chatsFor: (site: string, cell: string) => Promise<LinkedChat[]>;
  channels: (site: string) => ChannelKind[];
  compose: (address: ChatAddress, appt: Appointment) => Promise<OutboundMessage[] | null>;
  /** Change notices: what the business did, told to the customer's chats. */
  composeNotice?: (
    address: ChatAddress,
    appt: Appointment,
    kind: "moved" | "cancelled",
  ) => Promise<OutboundMessage[] | null>;
  ownChanges: OwnChanges;
  seen: AppointmentSeen;
  /** What Tor4You last listed: send-time checks read it after a fresh `lu` scan (one call a site a minute). */
  snapshots?: AppointmentSnapshots;
  /** Webhook health: the scan period follows it, and changes the scan finds that no webhook told of are recorded. */
  webhookHealth?: WebhookHealth;
  /**
   * Delivers to Telegram; throws when it may work later (network, 5xx). "blocked" is Telegram's
   * 403: the customer blocked the bot, the channel has marked the chat unreachable, and retrying
   * is pointless.
   */
  sendTelegram?: (site: string, chatId: string, messages: OutboundMessage[]) => Promise<"sent" | "blocked">;
  /** WhatsApp: the session that serves a site, and the producer of its outbound queue. */
  whatsapp?: {
    sessionFor: (site: string) => string | undefined;
    enqueue: (session: string, request: OutboundRequest, jobId?: string, delayMs?: number) => Promise<void>;
  };
  outbox: Outbox;
  /** The site's linked staff chats and what each may see. */
  staffChats?: (site: string) => Promise<Array<{ address: ChatAddress; role: StaffRole }>>;
  /** Any other staff message, worded for the chat. */
  composeStaff?: (
    address: ChatAddress,
    build: (f: StaffFormat) => OutboundMessage[],
  ) => Promise<OutboundMessage[] | null>;
  escalations?: Escalations;
  /** The statistics' record of reminders sent. */
  activity?: Pick<ActivityLog, "reminderSent">;
  composeDigest?: (
    address: ChatAddress,
    data: {
      scope: { kind: "staff"; staffId: string } | { kind: "owner" };
      today: Appointment[];
      tomorrow: Appointment[];
    },
  ) => Promise<OutboundMessage[] | null>;
  now: () => DateTime;
  logger: Logger;
  countSkip?: SkipCounter;
  countSent?: (site: string, channel: string) => void;
  /** How fast a crashed worker's jobs are taken over (BullMQ's lock and stall check); tests shorten them. */
  workerTuning?: { lockDuration?: number; stalledInterval?: number };
  /** Telegram messages a second for the whole deployment (one bot's limit is about 30); default 28. */
  telegramPerSecond?: number;
}

/** Queues, producers, workers and schedulers of every background job, built from their dependencies. */
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
  const site = (id: string) => deps.sites.find((s) => s.id === id);
  const client = (id: string) => {
    const c = deps.clients.get(id);
    if (!c) throw new Error(`no Tor4You client for site ${id}`);
    return c;
  };
  const log = deps.logger.child({ mod: "jobs" });
  const workers: Worker[] = [];

  /** Evidence about one appointment; `day` (where it is believed to be) lets a list stand in for a refused apptinfo. */
  async function readEvidence(siteId: string, apptId: string, day?: DateTime): Promise<AppointmentReading> {
    return readAppointment(client(siteId), apptId, day ? { day } : {});
  }

  /** null only on evidence that it is gone; a refusal or a fault throws, so the job retries later. */
  async function fetchAppointment(siteId: string, apptId: string): Promise<Appointment | null> {
    const seen = await deps.seen.get(siteId, apptId);
    const s = site(siteId);
    const day = seen?.start && s ? parseLocalMinute(seen.start, s.timezone) : undefined;
    const r = await readEvidence(siteId, apptId, day);
    if (r.kind === "found") return r.appt;
    if (r.kind === "gone") return null;
    throw new UnverifiedError(r.reason);
  }

  /** Hands messages to the outbound queue of the address's channel (later, with a delay). */
  async function enqueueOutbound(address: ChatAddress, request: OutboundRequest, jobId: string, delayMs = 0) {
    if (address.channel === "whatsapp") {
      const session = deps.whatsapp?.sessionFor(address.site);
      if (!session) throw new Error(`site ${address.site} has no WhatsApp session`);
      return deps.whatsapp!.enqueue(session, request, jobId, delayMs);
    }
    const outboxId = await deps.outbox.put(request.site, {
      chatId: request.chatId,
      messages: request.messages,
    });
    const payload: OutboundPayload = { site: request.site, outboxId, ledger: request.ledger };
    await telegram.add("send", payload, {
      jobId,
      ...(delayMs > 0 ? { delay: delayMs } : {}),
      attempts: 5,
      backoff: { type: "exponential", delay: 2_000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  /** Reconcile one appointment and remember its start (to recognise a later move) and first sighting. */
  async function observe(
    siteId: string,
    appt: Appointment,
    seen?: Awaited<ReturnType<AppointmentSeen["get"]>>,
    from: "list" | "webhook" = "list",
  ) {
    const s = site(siteId)!;
    const before = seen === undefined ? await deps.seen.get(siteId, appt.id) : seen;
    if (from === "list") await deps.snapshots?.put(siteId, [appt]);
    const firstSeenMs = before?.firstSeenMs || deps.now().toMillis();
    const result = await reconciler.reconcile(
      siteId,
      appt,
      DateTime.fromMillis(firstSeenMs, { zone: s.timezone }),
    );
    const start = appt.status === "live" ? formatApiMinute(appt.start, s.timezone) : null;
    await deps.seen.set(siteId, appt.id, start, firstSeenMs);
    return result;
  }

  /** The business moved or cancelled an appointment: its customer's linked chats are told. */
  async function notice(
    siteId: string,
    appt: Appointment,
    kind: "moved" | "cancelled",
    notificationId: string,
  ) {
    const cell = appt.customer.cell;
    if (!cell || !deps.composeNotice) return;
    for (const chat of await deps.chatsFor(siteId, cell)) {
      if (chat.remindersOff || chat.unreachable) continue;
      const messages = await deps.composeNotice(chat.address, appt, kind);
      if (!messages?.length) continue;
      await enqueueOutbound(
        chat.address,
        { site: siteId, chatId: chat.address.chatId, messages },
        `notice-${siteId}-${notificationId}-${chat.address.channel}-${chat.address.chatId.replace(/[^\w.-]/g, "_")}`,
      );
    }
  }

  /** A change by the business the scan found before any webhook told of it: webhooks may be off. */
  async function noteMissed(siteId: string, appt: Appointment, before: { start: string | null } | null) {
    if (!deps.webhookHealth || !before?.start) return;
    const s = site(siteId)!;
    const moved = appt.status === "live" && formatApiMinute(appt.start, s.timezone) !== before.start;
    if (!moved && appt.status === "live") return;
    if (await deps.ownChanges.isOwn(siteId, appt.id)) return;
    await deps.webhookHealth.missedChange(siteId, deps.now().toMillis());
  }

  async function runScan(siteId: string) {
    const s = site(siteId)!;
    const startedAt = deps.now().toMillis();
    const from = deps.now().setZone(s.timezone).startOf("day");
    const to = from.plus({ days: s.horizonDays });
    let reconciled = 0;
    const result = await scanChanges(
      { client: client(siteId), cursors: deps.cursors },
      { from, to, format: 2, showCancelled: true },
      async (appts) => {
        await forgetAbsent(siteId, appts, from, to);
        for (const listed of appts) {
          let a = listed;
          if (a.status === "unknown") {
            // Listed without a status: ask for it alone; until then its reminders stay as they are.
            const r = await readEvidence(siteId, a.id);
            if (r.kind !== "found") {
              log.info(
                { site: siteId, apptId: a.id },
                "listed without a status and not readable: left as is",
              );
              continue;
            }
            a = r.appt;
          }
          const before = await deps.seen.get(siteId, a.id);
          await noteMissed(siteId, a, before);
          await observe(siteId, a, before);
          reconciled++;
        }
      },
    );
    await deps.snapshots?.setFresh(siteId, startedAt);
    log.info({ site: siteId, changed: result.changed, calls: result.calls, reconciled }, "scan done");
    return { changed: result.changed, calls: result.calls, reconciled };
  }

  /**
   * The send-time scan: the same `lu` listing on a cursor of its own, which only refreshes what
   * send-time checks read (and withdraws what is gone), so it answers within a reminder's job
   * however many appointments changed. A change it finds that was not reconciled yet (no webhook
   * told of it) starts a full scan at once, which re-plans.
   */
  async function runVerifyScan(siteId: string) {
    const s = site(siteId)!;
    const startedAt = deps.now().toMillis();
    const from = deps.now().setZone(s.timezone).startOf("day");
    const to = from.plus({ days: s.horizonDays });
    const cursors: CursorStore = {
      get: (siteKey, signature) => deps.cursors.get(siteKey, `verify-${signature}`),
      set: (siteKey, signature, lu) => deps.cursors.set(siteKey, `verify-${signature}`, lu),
    };
    let unplanned = false;
    const result = await scanChanges(
      { client: client(siteId), cursors },
      { from, to, format: 2, showCancelled: true },
      async (appts) => {
        await forgetAbsent(siteId, appts, from, to);
        const known = appts.filter((a) => a.status !== "unknown");
        await deps.snapshots?.put(siteId, known);
        await deps.snapshots?.delete(
          siteId,
          appts.filter((a) => a.status === "unknown").map((a) => a.id),
        );
        for (const a of known) {
          const before = await deps.seen.get(siteId, a.id);
          const start = a.status === "live" ? formatApiMinute(a.start, s.timezone) : null;
          if ((before?.start ?? null) !== start) unplanned = true;
        }
      },
    );
    await deps.snapshots?.setFresh(siteId, startedAt);
    if (unplanned) {
      await scan.add(
        "scan",
        { site: siteId, force: true },
        { jobId: `scan-now-${siteId}-${Math.floor(startedAt / 60_000)}`, removeOnComplete: { age: 3600 } },
      );
    }
    log.info(
      { site: siteId, changed: result.changed, calls: result.calls, unplanned },
      "send-time scan done",
    );
    return result;
  }

  /**
   * Evidence by absence: a full listing of the window that succeeded and does not hold an
   * appointment we kept means it is gone (deleted) or moved out of it. Only days certainly covered
   * count: the last day is left out in case Tor4You's `to` is exclusive.
   */
  async function forgetAbsent(siteId: string, listed: Appointment[], from: DateTime, to: DateTime) {
    if (!deps.snapshots || to.diff(from, "days").days >= 60) return;
    const ids = new Set(listed.map((a) => a.id));
    const old = from.minus({ days: 2 });
    const stale: string[] = [];
    for (const k of await deps.snapshots.starts(siteId)) {
      if (k.start < old) stale.push(k.id);
      else if (k.start >= from && k.start < to && !ids.has(k.id)) {
        log.info({ site: siteId, apptId: k.id }, "no longer listed on its day: its reminders are withdrawn");
        await reconciler.forget(siteId, k.id);
        await deps.seen.delete(siteId, k.id);
        stale.push(k.id);
      }
    }
    await deps.snapshots.delete(siteId, stale);
  }

  /**
   * The evening digest of one site: one apptlist (format 2) for today and tomorrow, then one
   * message per linked staff chat, each in its own language and scope.
   */
  async function runDigest(siteId: string) {
    const s = site(siteId)!;
    const nowMs = deps.now().toMillis();
    const at = s.sendAt?.(nowMs) ?? nowMs;
    if (at > nowMs) {
      // Quiet hours or Shabbat: compose it when they end, so its "today" and "tomorrow" are true then.
      const day = DateTime.fromMillis(at, { zone: s.timezone }).toFormat("yyyyMMdd");
      await digests.add(
        "digest",
        { site: siteId },
        {
          jobId: `digest-deferred-${siteId}-${day}`,
          delay: at - nowMs,
          removeOnComplete: { age: 7 * 24 * 3600 },
        },
      );
      log.info({ site: siteId, delayMs: at - nowMs }, "digest deferred past quiet time");
      return { deferred: true, staffChats: 0, appointments: 0, calls: 0 };
    }
    const today = deps.now().setZone(s.timezone).startOf("day");
    const list = await client(siteId).apptlist({ from: today, to: today.plus({ days: 1 }), format: 2 });
    const appts = list.changed ? list.appointments : [];
    const isToday = (a: Appointment) => a.start.setZone(s.timezone).hasSame(today, "day");
    const data = { today: appts.filter(isToday), tomorrow: appts.filter((a) => !isToday(a)) };
    const chats = await staffChats(siteId);
    let sent = 0;
    for (const { address, role } of chats) {
      const scope =
        role.kind === "owner"
          ? ({ kind: "owner" } as const)
          : ({ kind: "staff", staffId: role.staffId } as const);
      const messages = await deps.composeDigest?.(address, { scope, ...data });
      if (!messages?.length) continue;
      await enqueueOutbound(
        address,
        { site: siteId, chatId: address.chatId, messages },
        `digest-${siteId}-${today.toFormat("yyyyMMdd")}-${address.channel}-${address.chatId.replace(/[^\w.-]/g, "_")}`,
      );
      sent++;
    }
    log.info({ site: siteId, staffChats: sent, appointments: appts.length, calls: 1 }, "digest done");
    return { deferred: false, staffChats: sent, appointments: appts.length, calls: 1 };
  }

  const snapshots = deps.snapshots;
  const sendTimeCheck = snapshots
    ? createSendTimeCheck({
        freshAt: snapshots.freshAt,
        takeTurn: (siteId, minute) => snapshots.takeScanTurn(siteId, minute),
        scan: runVerifyScan,
        snapshot: snapshots.get,
        now: deps.now,
      })
    : undefined;

  /**
   * What the scan's job scheduler runs every scanEveryMs: while webhooks arrive and verify, only
   * every scanEveryHealthyMs (any scan, the send-time one too, counts), so it is back at the short
   * period as soon as they look off.
   */
  async function scheduledScan(siteId: string, force = false) {
    const s = site(siteId);
    if (!s) return { skipped: "unknown_site" };
    if (!force && s.webhooks && s.scanEveryHealthyMs && deps.webhookHealth && deps.snapshots) {
      const nowMs = deps.now().toMillis();
      const health = await deps.webhookHealth.status(siteId, nowMs);
      const age = nowMs - (await deps.snapshots.freshAt(siteId));
      if (health.healthy && age < s.scanEveryHealthyMs - s.scanEveryMs / 2)
        return { skipped: "webhooks_healthy" };
    }
    return runScan(siteId);
  }

  const staffChats = async (siteId: string) => (await deps.staffChats?.(siteId)) ?? [];
  const staff = createStaffMessages({
    queue: staffAlerts,
    sites: deps.sites.map((s) => ({
      id: s.id,
      timezone: s.timezone,
      alerts: s.alerts ?? { kinds: [], urgent: [] },
      confirmDeadlineMs: s.confirmDeadlineMs ?? null,
      sendAt: s.sendAt ?? ((ms) => ms),
    })),
    client,
    fetchAppointment,
    staffChats,
    compose: async (address, build) => (deps.composeStaff ? deps.composeStaff(address, build) : null),
    enqueue: enqueueOutbound,
    escalations: deps.escalations ?? { firstTime: async () => true },
    seen: deps.seen,
    now: deps.now,
    logger: deps.logger,
  });

  /** One due reminder: checked against Tor4You as it is now, then handed to its chat's channel. */
  async function remind(job: Job) {
    const p = reminderPayload.parse(job.data);
    const s = site(p.site);
    if (!s) return { skipped: "unknown_site" };
    const outcome = await remindNow(
      p,
      {
        appointment: async (due) => {
          const listed = await sendTimeCheck?.appointment(due.site, due.apptId);
          if (listed) return { kind: "found", appt: listed, via: "apptlist" } as const;
          return readEvidence(due.site, due.apptId, DateTime.fromISO(due.plannedStart));
        },
        chatsFor: deps.chatsFor,
        channels: deps.channels,
        compose: deps.compose,
        addressByCell: (siteId, channel, cell) =>
          channel === "whatsapp" && deps.whatsapp?.sessionFor(siteId)
            ? { site: siteId, channel, chatId: cellToWhatsAppId(cell) }
            : null,
        enqueue: async (address, messages, appt) => {
          const start = formatApiMinute(appt.start, s.timezone);
          await enqueueOutbound(
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
      log.info(
        { site: p.site, apptId: p.apptId, offsetMin: p.offsetMin, reason: outcome.reason },
        "reminder delayed: its appointment could not be verified",
      );
    } else {
      deps.countSkip?.(p.site, outcome.reason, { apptId: p.apptId, offsetMin: p.offsetMin });
      log.info(
        { site: p.site, apptId: p.apptId, offsetMin: p.offsetMin, reason: outcome.reason },
        "reminder not sent",
      );
    }
    return outcome;
  }

  const processors = {
    [QUEUES.digests]: async (job: Job) => runDigest(scanPayload.parse(job.data).site),
    [QUEUES.staffAlerts]: staff.process,
    [QUEUES.sync]: async (job: Job) => {
      const p = syncPayload.parse(job.data);
      const s = site(p.site);
      if (!s) return { skipped: "unknown_site" };
      const [own, seen] = await Promise.all([
        deps.ownChanges.isOwn(p.site, p.apptId),
        deps.seen.get(p.site, p.apptId),
      ]);
      if (p.facts && deps.snapshots) {
        // A notification older than one already applied (Tor4You retries, out of order) changes nothing.
        if (BigInt(p.notificationId) < (await deps.snapshots.lastNotification(p.site, p.apptId)))
          return { stale: true };
        const base = await deps.snapshots.get(p.site, p.apptId);
        const told = applyFacts(p.apptId, p.facts, base, s.timezone);
        if (told) {
          await deps.snapshots.setLastNotification(p.site, p.apptId, p.notificationId);
          if (base) await deps.snapshots.put(p.site, [told]);
          const result = await observe(p.site, told, seen, "webhook");
          const before = seen?.start;
          if (!own && before && told.customer.cell) {
            if (told.status !== "live") await notice(p.site, told, "cancelled", p.notificationId);
            else if (formatApiMinute(told.start, s.timezone) !== before)
              await notice(p.site, told, "moved", p.notificationId);
          }
          return { ...result, own, from: "webhook" };
        }
      }
      const day = seen?.start ? parseLocalMinute(seen.start, s.timezone) : undefined;
      const reading = await readEvidence(p.site, p.apptId, day);
      if (reading.kind === "unknown") {
        // A cancel webhook is evidence on its own; anything else waits for an answer (job retries).
        if (p.action !== "cancel" && p.action !== "expire") throw new UnverifiedError(reading.reason);
        log.info(
          { site: p.site, apptId: p.apptId, reason: reading.reason },
          "cancel webhook taken as evidence",
        );
      }
      const appt = reading.kind === "found" ? reading.appt : null;
      if (!appt) {
        await reconciler.forget(p.site, p.apptId);
        await deps.seen.delete(p.site, p.apptId);
        await deps.snapshots?.delete(p.site, [p.apptId]);
        return { gone: true };
      }
      if (
        deps.snapshots &&
        BigInt(p.notificationId) > (await deps.snapshots.lastNotification(p.site, p.apptId))
      )
        await deps.snapshots.setLastNotification(p.site, p.apptId, p.notificationId);
      const result = await observe(p.site, appt, seen);
      // Only what the business did is news to the customer; an echo of the bot's own call is not.
      const before = seen?.start;
      if (!own && before) {
        if (appt.status !== "live") await notice(p.site, appt, "cancelled", p.notificationId);
        else if (formatApiMinute(appt.start, s.timezone) !== before)
          await notice(p.site, appt, "moved", p.notificationId);
      }
      return { ...result, own };
    },
    [QUEUES.scan]: async (job: Job) => {
      const { site: siteId, force } = scanPayload.parse(job.data);
      return scheduledScan(siteId, force);
    },
    [QUEUES.reminders]: async (job: Job, token?: string) => {
      try {
        const outcome = await remind(job);
        if ("deferred" in outcome && token) {
          const tries = reminderPayload.parse(job.data).deferrals ?? 0;
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

    [QUEUES.telegramOutbound]: async (job: Job) => {
      const p = outboundPayload.parse(job.data);
      if (!deps.sendTelegram) throw new Error("telegram is not configured in this process");
      const entry = await deps.outbox.get(p.site, p.outboxId);
      if (!entry) {
        log.warn({ site: p.site }, "outgoing message expired before it could be sent");
        return { skipped: "expired" };
      }
      const ref = p.ledger ? { site: p.site, ...p.ledger } : null;
      if (ref) {
        const claim = await deps.ledger.claim(ref);
        // Another worker is sending this very reminder: look again after a backoff.
        if (!claim.ok && claim.state === "in_flight") throw new Error("reminder send in flight elsewhere");
        if (!claim.ok) {
          log.warn(
            { site: p.site, apptId: ref.apptId, offsetMin: ref.offsetMin, state: claim.state },
            "reminder not sent again",
          );
          deps.countSkip?.(p.site, claim.state === "uncertain" ? "uncertain" : "duplicate", ref);
          return { skipped: claim.state };
        }
      }
      let result: "sent" | "blocked";
      try {
        result = await deps.sendTelegram(p.site, entry.chatId, entry.messages);
      } catch (e) {
        // Refused for sure (no message went out): the next attempt may send it.
        if (ref) await deps.ledger.release(ref);
        throw e;
      }
      await deps.outbox.delete(p.site, p.outboxId);
      if (result === "blocked") {
        if (ref) await deps.ledger.release(ref);
        deps.countSkip?.(p.site, "unreachable", ref ?? undefined);
        log.info(
          { site: p.site, apptId: ref?.apptId },
          "customer blocked the bot: not sent, chat marked unreachable",
        );
        return { skipped: "unreachable" };
      }
      if (ref) {
        await deps.ledger.markSent(ref);
        await deps.activity?.reminderSent(p.site, ref.apptId, ref.start);
      }
      return { sent: true };
    },
  };

  return {
    queues: { sync, scan, reminders, telegram, digests, staffAlerts },
    staff,
    scheduler,
    reconciler,
    runScan,
    scheduledScan,
    runDigest,

    /** Webhook intake: recorded as a job, deduplicated by Tor4You's notification id. */
    async recordWebhook(siteId: string, e: WebhookEvent) {
      await sync.add(
        "sync",
        {
          site: siteId,
          notificationId: e.notificationId,
          apptId: e.appointmentId,
          action: e.action,
          own: false,
          facts: factsOf(e, site(siteId)?.timezone ?? "Asia/Jerusalem"),
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

    /** Per site: a scan every SCAN_EVERY, the digest at DIGEST_AT, the CONFIRM_DEADLINE check (BullMQ 6 job schedulers, not `repeat`). */
    async scheduleScans() {
      for (const s of deps.sites) {
        await scan.upsertJobScheduler(
          `scan-${s.id}`,
          { every: s.scanEveryMs },
          { name: "scan", data: { site: s.id } },
        );
        if (s.digestAt) {
          const m = s.digestAt.minutes;
          // A cron pattern in the site's zone: 19:00 stays 19:00 across the DST switches.
          await digests.upsertJobScheduler(
            `digest-${s.id}`,
            { pattern: `${m % 60} ${Math.floor(m / 60)} * * *`, tz: s.timezone },
            { name: "digest", data: { site: s.id } },
          );
        }
      }
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
          ...opts(name),
          ...tuning,
          concurrency: name === QUEUES.reminders ? 20 : 5,
          // Telegram allows about 30 messages a second per bot: 28/s, in quarter-second windows so a
          // burst at a window edge stays near the limit (a 429 beyond it is waited out by auto-retry).
          ...(name === QUEUES.telegramOutbound
            ? { limiter: { max: Math.max(1, Math.round((deps.telegramPerSecond ?? 28) / 4)), duration: 250 } }
            : {}),
        });
        worker.on("failed", (job, err) =>
          log.warn(
            { queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
            "job failed",
          ),
        );
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

/** Tor4You refused or could not be reached: not evidence of anything, so the job tries again later. */
export class UnverifiedError extends Error {
  constructor(readonly reason: string) {
    super(`appointment could not be verified (${reason}); will retry`);
  }
}

/** When a deferred reminder looks again: 15 s doubling to 5 minutes, jittered, never past its useful end. */
export function deferUntil(tries: number, nowMs: number, usefulUntilMs: number): number {
  const step = Math.min(5 * 60_000, 15_000 * 2 ** tries);
  const at = nowMs + Math.round(step * (0.75 + Math.random() * 0.25));
  return Math.max(nowMs + 1_000, Math.min(at, usefulUntilMs));
}
