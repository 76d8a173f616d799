import type { Redis } from "ioredis";
import { z } from "zod";
import type { OutboundMessage } from "../src/core/messages.ts";
import { isCluster } from "../src/storage/redis-connection.ts";
import { NOTIFICATION_ID } from "../src/tor4you/webhook.ts";

/**
 * Every BullMQ queue and job payload, in one place. BullMQ refuses `:` in queue names and job
 * ids, so names use `-`. Payloads carry ids only: no phone, ID number, name or token (the
 * processor re-reads what it needs from Tor4You or the stores).
 */
export const QUEUES = {
  /** Webhook notifications to reconcile, deduplicated by Tor4You's notification id. */
  sync: "tor4you-sync",
  /** Reconciliation scans, one job scheduler per site. */
  scan: "tor4you-scan",
  /** Delayed reminders, one job per (site, appointment, offset). */
  reminders: "reminders",
  /** Staff digests, one job scheduler per site at its local DIGEST_AT. */
  digests: "staff-digests",
  /** Real-time staff alerts and the CONFIRM_DEADLINE check (a job scheduler per site). */
  staffAlerts: "staff-alerts",
  /** Sends to Telegram, rate limited as a whole. */
  telegramOutbound: "telegram-outbound",
} as const;

export const whatsappOutboundQueue = (session: string) => `whatsapp-outbound-${session}`;
/** A session's fast lane: answers to a customer who has just written (see jobs/whatsapp-outbound.ts). */
export const whatsappRepliesQueue = (session: string) => `whatsapp-replies-${session}`;

/**
 * BullMQ options for one queue (its Queue and its Worker alike). On a Redis Cluster a queue's
 * Lua scripts touch many of its keys at once, so they must share a slot: the queue's name goes in
 * a hash tag in its prefix (BullMQ's documented way), which puts each queue on one master and
 * spreads the queues over the cluster. On one server the prefix stays as it always was, so an
 * upgrade keeps the jobs already waiting.
 */
export function queueOptions(connection: Redis, prefix: string, queue: string) {
  return { connection, prefix: isCluster(connection) ? `${prefix}:{${queue}}` : prefix };
}

/**
 * A Worker's options: its queue's, plus room for stalls. Every processor here may run again safely
 * (the reminder ledger, deterministic job ids, re-read state), and a stall is a crash or an event
 * loop too busy to renew a lock, not a poisoned job: BullMQ's default of failing a job on its second
 * stall would drop a reminder for no reason of its own.
 */
export function workerOptions(connection: Redis, prefix: string, queue: string) {
  return {
    ...queueOptions(connection, prefix, queue),
    maxStalledCount: 5,
    ...(queue === QUEUES.reminders ? { removeOnComplete: REMINDER_KEPT, removeOnFail: REMINDER_KEPT } : {}),
  };
}

/**
 * How long a reminder job stays once it ran: a re-plan tells from it that the reminder already went
 * for that start. Kept by the worker rather than written into each job's options, which saved 64
 * bytes on every planned reminder (issue 8's 1.2 KB a reminder).
 */
export const REMINDER_KEPT = { age: 30 * 24 * 3600 };

const siteId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i);
const numericId = z.string().regex(/^\d+$/);

const minute = z.string().regex(/^\d{12}$/);

/**
 * What a verified webhook says about its appointment, minus anything personal: enough to re-plan
 * its reminders without asking Tor4You again (times are local `YYYYMMDDhhmm`).
 */
export const webhookFacts = z.object({
  status: z.enum(["live", "cancelled", "expired"]),
  start: minute.optional(),
  end: minute.optional(),
  iscoming: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  tmpExpire: minute.optional(),
  serviceId: numericId.optional(),
  staffId: numericId.optional(),
});
export type WebhookFacts = z.infer<typeof webhookFacts>;

export const syncPayload = z.object({
  site: siteId,
  notificationId: z.string().regex(NOTIFICATION_ID),
  apptId: numericId,
  action: z.enum(["create", "update", "cancel", "expire"]),
  /** We caused this change ourselves (iscoming, addappt, delappt): reconcile, but tell nobody. */
  own: z.boolean().default(false),
  facts: webhookFacts.optional(),
});
export type SyncPayload = z.infer<typeof syncPayload>;

export const scanPayload = z.object({
  site: siteId,
  /** Run now even while webhooks look healthy (the send-time scan found something unplanned). */
  force: z.boolean().optional(),
});
export type ScanPayload = z.infer<typeof scanPayload>;

export const alertPayload = z.object({
  site: siteId,
  kind: z.enum(["declined", "cancelled", "booked", "moved", "late"]),
  apptId: numericId,
  /** For "moved": the replaced appointment's start, `YYYYMMDDhhmm` local. */
  previousStart: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export type AlertPayload = z.infer<typeof alertPayload>;

export const reminderPayload = z.object({
  site: siteId,
  apptId: numericId,
  /** Minutes before the start this reminder belongs to (the policy's offset). */
  offsetMin: z.number().int().positive(),
  /** The appointment's start when planned (ISO): a moved appointment makes this job stale. */
  plannedStart: z.string(),
  /** Times the send was put off because Tor4You could not confirm the appointment. */
  deferrals: z.number().int().min(0).optional(),
});
export type ReminderPayload = z.infer<typeof reminderPayload>;

/**
 * A send job. The chat id and the texts wait in the outbox (src/storage/outbox.ts): a WhatsApp
 * chat id is a phone number, and texts can hold names.
 */
export const outboundPayload = z.object({
  site: siteId,
  outboxId: z.uuid(),
  /** Set for reminders: the ledger entry to mark sent once the channel accepted the message. */
  ledger: z
    .object({ apptId: numericId, offsetMin: z.number().int(), start: z.string().regex(/^\d{12}$/) })
    .optional(),
});
export type OutboundPayload = z.infer<typeof outboundPayload>;

/** What a producer is asked to send; it becomes an outbox entry plus an OutboundPayload. */
export interface OutboundRequest {
  site: string;
  chatId: string;
  messages: OutboundMessage[];
  ledger?: OutboundPayload["ledger"];
}

/** Freed times offered to the waitlist, one job per wave (its worker: jobs/waitlist-offers.ts). */
export const WAITLIST_QUEUE = "waitlist-offers";

export const waitlistPayload = z.object({
  site: siteId,
  freedId: z.string().regex(/^\w{4,16}$/),
  wave: z.number().int().min(0),
});
export type WaitlistPayload = z.infer<typeof waitlistPayload>;

/** `r-<site>-<appt>-<offset>m`: one job per reminder; never purely numeric, never with `:`. */
export const reminderJobId = (p: Pick<ReminderPayload, "site" | "apptId" | "offsetMin">) =>
  `r-${p.site}-${p.apptId}-${p.offsetMin}m`;

/** Tor4You notification ids are global, so the webhook job id is too. */
export const syncJobId = (p: Pick<SyncPayload, "notificationId">) => `wh-${p.notificationId}`;
