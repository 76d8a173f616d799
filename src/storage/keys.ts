import { createHmac } from "node:crypto";
import { InvalidInputError } from "../core/errors.ts";

export type Keys = ReturnType<typeof createKeys>;

/** A chat as keys see it: the site, the channel and the channel's chat id. */
export interface ChatKey {
  site: string;
  channel: string;
  chatId: string;
}

/** Shorter than this is no secret (APP_SECRET's own rule; a generated one is 64 hex characters). */
export const MIN_APP_SECRET = 32;

/** Where the deployment's generated APP_SECRET is kept when the setting is unset. */
export const appSecretKey = (prefix: string) => `${prefix}:app-secret`;

/**
 * Every Redis key the program uses is built here, so that one prefix separates deployments (and
 * tests) and every key names its site. The site sits in a hash tag (`{site}`): on Redis Cluster a
 * site's keys share a slot, which the budget's Lua script needs since it touches two keys at once.
 *
 * No key name holds a phone, a chat id (a WhatsApp one is a phone) or a staff code: they appear
 * as an HMAC keyed with the deployment's APP_SECRET. A bare hash of a 10-digit number is
 * reversed by trying them all; without the secret, the HMAC is not.
 */
export function createKeys(prefix: string, secret: string) {
  if (!/^[\w.:-]+$/.test(prefix))
    throw new InvalidInputError("redis.prefix", "must be non-empty: letters, digits, . : _ -");
  if (secret.length < MIN_APP_SECRET)
    throw new InvalidInputError("APP_SECRET", `must be at least ${MIN_APP_SECRET} characters`);
  /** The purpose is part of the message: a chat id and a phone with the same digits differ. */
  // Remembered: a chat turn builds a dozen keys of the same chat, each one HMAC otherwise.
  const digests = new Map<string, string>();
  const digest = (purpose: string, text: string) => {
    const message = `${purpose}\n${text}`;
    let d = digests.get(message);
    if (d === undefined) {
      d = createHmac("sha256", secret).update(message).digest("hex").slice(0, 32);
      if (digests.size >= 20_000) digests.clear();
      digests.set(message, d);
    }
    return d;
  };
  const chat = (c: ChatKey) => `${encodeURIComponent(c.channel)}-${digest("chat", c.chatId)}`;
  const site = (s: string) => {
    if (!s) throw new InvalidInputError("site", "is required for a Redis key");
    return `{${encodeURIComponent(s)}}`;
  };
  /** Everything of one chat lives under this name (its suffixes: identity, prefs, state, …). */
  const chatBase = (c: ChatKey) => `${prefix}:chat:${site(c.site)}:${chat(c)}`;
  return {
    prefix,
    chatBase,
    /**
     * A chat as job ids may name it (`telegram-<HMAC>`): unique per chat, without its id (a
     * WhatsApp one is a phone). BullMQ keeps job ids in key names and shows them on bull-board.
     */
    chatRef: (c: ChatKey) => chat(c),
    /** "2" once key names hold HMACs (APP_SECRET) instead of chat ids and bare sha256 digests. */
    keyScheme: () => `${prefix}:key-scheme`,
    keySchemeLock: () => `${prefix}:key-scheme-lock`,
    /** A phone as it may appear in key names and hash fields (opt-outs): an HMAC, 32 hex. */
    cellDigest: (cell: string) => digest("cell", cell),
    /** Sorted set of the last minute's admitted calls (sliding window). */
    budgetMinute: (s: string) => `${prefix}:t4y-budget:${site(s)}:minute`,
    /** Counter of calls admitted on one Israeli calendar day (`YYYYMMDD`). */
    budgetDay: (s: string, day: string) => `${prefix}:t4y-budget:${site(s)}:day:${day}`,
    /** When the site's Telegram bot may send its next message (epoch ms), across every process. */
    sendPacing: (s: string, channel: string) => `${prefix}:send-pacing:${site(s)}:${channel}`,
    /** apptlist `lu` cursor of one query (its signature is a hash of the query's parameters). */
    apptlistCursor: (s: string, signature: string) => `${prefix}:t4y-lu:${site(s)}:${signature}`,
    /** Hash: the chat's proven phone and name (cannot be rebuilt: AOF in production). */
    chatIdentity: (c: ChatKey) => `${chatBase(c)}:identity`,
    /** Hash: the chat's language and reminder consent. */
    chatPrefs: (c: ChatKey) => `${chatBase(c)}:prefs`,
    /** String (JSON, with TTL): the conversation in progress. */
    chatState: (c: ChatKey) => `${chatBase(c)}:state`,
    /** Sorted set: the chat's turns admitted in the last minute. */
    chatTurns: (c: ChatKey) => `${chatBase(c)}:turns`,
    /** Set for a minute once the chat was told to slow down. */
    chatTurnsWarned: (c: ChatKey) => `${chatBase(c)}:turns-warned`,
    /** Sorted set: the chat's reminders still open for a typed answer (apptId, scored by start ms). */
    chatPendingReminders: (c: ChatKey) => `${chatBase(c)}:pending-reminders`,
    chatLock: (c: ChatKey) => `${chatBase(c)}:lock`,
    /** String with TTL: a person at the business took over this chat; the bot stays quiet until it expires. */
    chatHandoff: (c: ChatKey) => `${chatBase(c)}:handoff`,
    /** Inbound event ids already handled (repeat deliveries are dropped); a WhatsApp one holds the phone. */
    chatSeen: (c: ChatKey, eventId: string) => `${chatBase(c)}:seen:${digest("event", eventId)}`,
    /**
     * One reminder's send state (claimed, sent, uncertain): at most one send per (appointment,
     * offset, start time); a moved appointment is a new start and gets its reminder again.
     */
    reminderLedger: (s: string, apptId: string, offsetMin: number, start: string) =>
      `${prefix}:ledger:${site(s)}:${apptId}:${offsetMin}m:${start}`,
    /** A one-time staff link code, by its HMAC (the code itself is never stored). */
    staffCode: (s: string, code: string) => `${prefix}:staff-code:${site(s)}:${digest("staff-code", code)}`,
    /** Counter (an hour's TTL from the first): wrong staff codes sent from one chat. */
    staffCodeFailures: (c: ChatKey) => `${chatBase(c)}:code-failures`,
    /** Counter (TTL: the window): failed admin logins from one address, by its HMAC. */
    adminLoginFailures: (address: string) => `${prefix}:admin-login-fail:${digest("address", address)}`,
    /** Hash: linked staff chats (`channel|chatId`) -> staff id or "owner". */
    staffChats: (s: string) => `${prefix}:staff-chats:${site(s)}`,
    /** Set: the ids of the chat's outgoing batches still in the outbox ("forget me" deletes them). */
    chatOutbox: (c: ChatKey) => `${chatBase(c)}:outbox`,
    /** One outgoing message batch (chat id and texts): job payloads carry only its id. */
    outbox: (s: string, id: string) => `${prefix}:outbox:${site(s)}:${id}`,
    /** Marks an appointment the bot itself just changed, so its echo webhook tells nobody. */
    ownChange: (s: string, apptId: string) => `${prefix}:own-change:${site(s)}:${apptId}`,
    /** Hash apptId -> start (YYYYMMDDhhmm) as last reconciled: tells a move from an echo. */
    apptSeen: (s: string) => `${prefix}:appt-seen:${site(s)}`,
    /** Hash per week of appointment starts (`yyyyMMdd` Sunday): reminders sent and bot cancellations. */
    activityWeek: (s: string, week: string) => `${prefix}:activity:${site(s)}:${week}`,
    /** An unanswered appointment already listed to staff for this start. */
    escalated: (s: string, apptId: string, start: string) =>
      `${prefix}:escalated:${site(s)}:${apptId}:${start}`,
    /** Capped list of the latest decisions not to send a reminder (JSON, newest first). */
    decisions: (s: string) => `${prefix}:decisions:${site(s)}`,
    /** One decision already in that list today. */
    decisionSeen: (s: string, id: string) => `${prefix}:decision-seen:${site(s)}:${id}`,
    /** Hash: phones (keyed digests) that said "stop" on this site -> when; survives "forget me". */
    optOuts: (s: string) => `${prefix}:opt-out:${site(s)}`,
    /** Set of the chats linked to one phone; the phone appears only as its HMAC. */
    chatsByCell: (s: string, cell: string) => `${prefix}:cell-chats:${site(s)}:${digest("cell", cell)}`,
    /** Sorted set of a site's waitlist entry ids, by join order (score: a counter, so ties cannot happen). */
    waitlistOrder: (s: string) => `${prefix}:waitlist:${site(s)}:order`,
    waitlistSeq: (s: string) => `${prefix}:waitlist:${site(s)}:seq`,
    /** Hash of a site's waitlist entries: id -> JSON (chat address, service, staff, days, part). */
    waitlistEntries: (s: string) => `${prefix}:waitlist:${site(s)}:entries`,
    /** A freed time offered to the waitlist (JSON), and who was offered it (set of entry ids). */
    waitlistFreed: (s: string, freedId: string) => `${prefix}:waitlist:${site(s)}:freed:${freedId}`,
    waitlistOffered: (s: string, freedId: string) => `${prefix}:waitlist:${site(s)}:offered:${freedId}`,
    /** The one claim on a freed time ("book it" taps race for it; SET NX). */
    waitlistClaim: (s: string, freedId: string) => `${prefix}:waitlist:${site(s)}:claim:${freedId}`,
    /** Counter: bookings made from the waitlist, per week of their start (`yyyyMMdd` Sunday). */
    waitlistFilled: (s: string, week: string) => `${prefix}:waitlist:${site(s)}:filled:${week}`,
    /** Hash: webhook health of a site (last verified, last missed change, counts by outcome). */
    webhookHealth: (s: string) => `${prefix}:webhook-health:${site(s)}`,
    /** Sorted set: times of webhooks refused for a wrong signature (the last hour is shown). */
    webhookBadSignatures: (s: string) => `${prefix}:webhook-bad-sh:${site(s)}`,
    /** Hash apptId -> the last webhook notification id applied (an older one arriving late is ignored). */
    webhookLast: (s: string) => `${prefix}:webhook-last:${site(s)}`,
    /** Hash apptId -> the appointment as Tor4You last listed it (JSON): what send-time checks read. */
    apptSnapshots: (s: string) => `${prefix}:appt-snap:${site(s)}`,
    /** When the last successful scan of the site started (ms): a scan younger than a minute verifies reminders. */
    scanFresh: (s: string) => `${prefix}:scan-fresh:${site(s)}`,
    /** Taken by the one process that runs the site's send-time scan this minute. */
    scanTurn: (s: string, minute: number) => `${prefix}:scan-turn:${site(s)}:${minute}`,
    /** A customer's appointment list (JSON, seconds-long TTL), by the cell's HMAC. */
    lookupCache: (s: string, cell: string) => `${prefix}:lookup:${site(s)}:${digest("cell", cell)}`,
    /** Hash: appointment id -> the lookupCache key of the list that holds it (a webhook may carry no cell). */
    lookupOwners: (s: string) => `${prefix}:lookup-owners:${site(s)}`,
    /** Hash: an appointment's calendar event (UID, SEQUENCE, start as last sent, cancelled). */
    calendarEvent: (s: string, apptId: string) => `${prefix}:calendar:${site(s)}:${apptId}`,
  };
}
