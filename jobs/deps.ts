import type { Redis } from "ioredis";
import type { DateTime } from "luxon";
import type { Logger } from "pino";
import type { StaffRole } from "../src/conversation/ports.ts";
import type { ChannelKind, ChatAddress, OutboundMessage, SendTelegram } from "../src/core/messages.ts";
import type { StaffFormat } from "../src/digests/alerts.ts";
import type { Appointment } from "../src/domain/appointment.ts";
import type { LinkedChat, SkipCounter } from "../src/reminders/remind.ts";
import type { ActivityLog, Escalations } from "../src/storage/activity-log.ts";
import type { AppointmentSeen, OwnChanges } from "../src/storage/appointment-marks.ts";
import type { AppointmentSnapshots } from "../src/storage/appointment-snapshots.ts";
import type { Outbox } from "../src/storage/outbox.ts";
import type { ReminderLedger } from "../src/storage/reminder-ledger.ts";
import type { WebhookHealth } from "../src/storage/webhook-health.ts";
import type { Tor4YouClient } from "../src/tor4you/client.ts";
import type { CursorStore } from "../src/tor4you/cursor-store.ts";
import type { OutboundRequest } from "./queues.ts";
import type { Reconciler } from "./reconcile.ts";
import type { ReminderScheduler } from "./reminder-scheduler.ts";
import type { StaffSite } from "./staff-messages.ts";

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

/** Everything the background jobs need, passed in (jobs/runtime.ts hands each queue its share). */
export interface JobsDeps {
  /** A connection for BullMQ (maxRetriesPerRequest: null); closed by the caller, not here. */
  connection: Redis;
  /** BullMQ key prefix: the deployment's (or the test's) own. */
  prefix: string;
  sites: readonly JobsSite[];
  clients: ReadonlyMap<string, Tor4YouClient>;
  cursors: CursorStore;
  ledger: ReminderLedger;
  reconcilerFor: (scheduler: ReminderScheduler) => Reconciler;
  chatsFor: (site: string, cell: string) => Promise<LinkedChat[]>;
  /** How a job id names a chat: an HMAC, never the chat id (src/storage/keys.ts chatRef). */
  chatRef: (address: ChatAddress) => string;
  /** The phone said "stop" on this site. */
  optedOut: (site: string, cell: string) => Promise<boolean>;
  channels: (site: string) => ChannelKind[];
  compose: (address: ChatAddress, appt: Appointment) => Promise<OutboundMessage[] | null>;
  /** Change notices: what the business did, told to the customer's chats. */
  composeNotice?: (
    address: ChatAddress,
    appt: Appointment,
    kind: "moved" | "cancelled",
    /** Where a moved appointment was: the notice shows the old time and the new. */
    previousStart?: DateTime,
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
  sendTelegram?: SendTelegram;
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
  /** A time that became free (the appointment as it was): offered to the waitlist. */
  onFreed?: (site: string, was: Appointment) => Promise<void>;
  /** Customers' appointment lists kept for their conversations: a webhook touching one drops it. */
  lookups?: {
    drop(site: string, cell: string): Promise<void>;
    dropAppointment(site: string, apptId: string): Promise<void>;
  };
  now: () => DateTime;
  logger: Logger;
  countSkip?: SkipCounter;
  countSent?: (site: string, channel: string) => void;
  /** How fast a crashed worker's jobs are taken over (BullMQ's lock and stall check); tests shorten them. */
  workerTuning?: { lockDuration?: number; stalledInterval?: number };
}

/** Sends messages to a chat on its channel's outbound queue (later, with a delay); see jobs/outbound.ts. */
export type EnqueueOutbound = (
  address: ChatAddress,
  request: OutboundRequest,
  jobId: string,
  delayMs?: number,
) => Promise<void>;
