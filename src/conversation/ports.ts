import type { DateTime } from "luxon";
import type { ChatAddress } from "../core/messages.ts";
import type { Tor4YouClient } from "../tor4you/client.ts";
import type { ConversationState } from "./state.ts";

/** The Tor4You calls a customer conversation may make. Passed in, never imported. */
export type BookingApi = Pick<
  Tor4YouClient,
  | "siteinfo"
  | "branches"
  | "staff"
  | "services"
  | "staffservice"
  | "apptbycellortz"
  | "apptinfo"
  | "availability"
  | "addappt"
  | "delappt"
  | "iscoming"
  | "showstatus"
  | "custappts"
>;

/**
 * Something a customer did through the bot that the business's staff may want to hear about at
 * once (and that the statistics count). Ids and times only.
 */
export interface StaffEvent {
  kind: "declined" | "cancelled" | "booked" | "moved" | "late";
  apptId: string;
  staffId?: string;
  serviceId?: string;
  start: DateTime;
  /** For "moved": the start of the appointment it replaced. */
  previousStart?: DateTime;
}
export type StaffEventSink = (site: string, event: StaffEvent) => Promise<void>;

/** A customer asked for a person: their words, and who they are when the chat is linked. */
export interface PersonRequest {
  from: ChatAddress;
  text: string;
  cell?: string;
  name?: string;
}
/** Tells the staff chats; resolves with how many were told (0: nobody to tell). */
export type PersonRequestSink = (site: string, request: PersonRequest) => Promise<number>;

/** Who a staff chat belongs to: a service provider (Tor4You staff id) or the owner. */
export type StaffRole = { kind: "staff"; staffId: string } | { kind: "owner" };

/** Staff chats: linked with a one-time code from `tor4you-bot staff link`. */
export interface StaffDirectory {
  /** "locked": this chat sent too many wrong codes lately; none is tried. */
  redeem(site: string, code: string, address: ChatAddress): Promise<StaffRole | "locked" | null>;
  /** `linked`: the chat's entry in the site's staff list when already read (null: none); otherwise it is read. */
  roleOf(address: ChatAddress, linked?: string | null): Promise<StaffRole | null>;
}

/** A chat's proven phone and preferences. */
export interface Identity {
  /** `05XXXXXXXX`, proven by the channel (own contact, WhatsApp sender). */
  cell: string;
  first?: string;
  last?: string;
  linkedAt: number;
}

export interface Preferences {
  /** Chosen by the customer ("Language"). */
  locale?: string;
  /** Negotiated from the client's language the last time they wrote: what reminders use until they choose. */
  hintLocale?: string;
  /** The customer said "stop": no reminders until "start". */
  remindersOff?: boolean;
  /** The channel said the chat cannot be reached (Telegram 403: the bot was blocked). */
  unreachable?: boolean;
}

export interface IdentityStore {
  get(address: ChatAddress): Promise<Identity | null>;
  link(address: ChatAddress, identity: Identity): Promise<void>;
  preferences(address: ChatAddress): Promise<Preferences>;
  setPreferences(address: ChatAddress, patch: Preferences): Promise<void>;
  /** Forget me: the link, the preferences and the conversation. */
  forget(address: ChatAddress): Promise<void>;
}

/**
 * One chat's share of the bot: "ok" to handle the turn, "warn" for the first turn over the limit
 * (told to wait a moment), "drop" for the rest, unanswered.
 */
export interface TurnLimiter {
  take(address: ChatAddress): Promise<"ok" | "warn" | "drop">;
}

/** "Stop" per site and phone: every channel's reminders to that phone, whatever chat said it. */
export interface OptOutStore {
  set(site: string, cell: string, stopped: boolean): Promise<void>;
  has(site: string, cell: string): Promise<boolean>;
}

/** A reminder sent to a chat that a typed answer may still settle (until its appointment starts). */
export interface PendingReminder {
  apptId: string;
  startMs: number;
}

export interface PendingReminderStore {
  add(address: ChatAddress, reminder: PendingReminder, nowMs: number): Promise<void>;
  /** The chat's reminders whose appointments have not started, nearest first. */
  open(address: ChatAddress, nowMs: number): Promise<PendingReminder[]>;
  remove(address: ChatAddress, apptId: string): Promise<void>;
}

export interface ConversationStore {
  load(address: ChatAddress): Promise<ConversationState | null>;
  save(address: ChatAddress, state: ConversationState): Promise<void>;
  clear(address: ChatAddress): Promise<void>;
}

/** Serializes one chat's events across processes. */
export interface ChatLock {
  withLock<T>(address: ChatAddress, fn: () => Promise<T>): Promise<T>;
}

/**
 * A turn's start and end in one Redis round trip each (the issue-16 cut): `open` drops a repeated
 * delivery, checks the business's takeover and the chat's turn limit, takes the chat's lock and
 * reads the conversation, link, preferences and open reminders, stopping at the first that says
 * no; `close` saves the state (when given) and frees the lock. "busy": another turn of the chat
 * holds the lock; the engine then waits for it the ordinary way.
 */
export interface TurnOpener {
  open(address: ChatAddress, eventId: string, nowMs: number): Promise<OpenedTurn>;
  close(address: ChatAddress, token: string, state: ConversationState | undefined): Promise<void>;
}

export type OpenedTurn =
  | { kind: "seen" }
  | { kind: "paused" }
  | { kind: "busy" }
  | { kind: "limited"; admitted: "warn" | "drop" }
  | {
      kind: "open";
      token: string;
      state: ConversationState | null;
      identity: Identity | null;
      prefs: Preferences;
      pending: PendingReminder[];
      /** The chat's entry in the site's linked staff chats, as stored (null: not staff). */
      staffLink: string | null;
    };

/** True the first time an inbound event id is seen for a chat, false on a repeat delivery. */
export interface InboundDedupe {
  firstSeen(address: ChatAddress, eventId: string): Promise<boolean>;
}

export interface SitePolicy {
  id: string;
  name: string;
  /** The business's phone, offered when the bot cannot help (cut-off, failures). */
  phone?: string;
  timezone: string;
  locale: string;
  cancelCutoffMs: number;
  /** WAITLIST: offer "tell me if something frees up" (default on). */
  waitlist?: boolean;
  /** HANDOFF_PAUSE: how long the bot keeps quiet in a chat a person at the business wrote in. */
  handoffPauseMs?: number;
}

/** Chats a person at the business has taken over: the bot keeps quiet there for a while. */
export interface HandoffPort {
  pause(address: ChatAddress, ms: number, nowMs: number): Promise<void>;
  isPaused(address: ChatAddress): Promise<boolean>;
}

export interface Clock {
  now(): DateTime;
}
