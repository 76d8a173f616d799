import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { Redis } from "ioredis";
import type {
  ChatLock,
  ConversationStore,
  Identity,
  IdentityStore,
  InboundDedupe,
  Preferences,
} from "../conversation/ports.ts";
import type { ConversationState } from "../conversation/state.ts";
import { parseState } from "../conversation/state.ts";
import { AppError } from "../core/errors.ts";
import type { ChatAddress } from "../core/messages.ts";
import type { Keys } from "./keys.ts";
import { luaScript } from "./lua.ts";

/** A chat's link as its identity hash holds it; null when not linked. */
export function identityOf(h: Record<string, string>): Identity | null {
  if (!h.cell) return null;
  return {
    cell: h.cell,
    first: h.first || undefined,
    last: h.last || undefined,
    linkedAt: Number(h.linkedAt) || 0,
  };
}

/** A chat's preferences as their hash holds them. */
export function preferencesOf(h: Record<string, string>): Preferences {
  return {
    locale: h.locale || undefined,
    hintLocale: h.hintLocale || undefined,
    remindersOff: h.remindersOff === "1",
    unreachable: h.unreachable === "1",
  };
}

/** The saved conversation, or null when there is none or it cannot be read (it starts over). */
export function stateOf(raw: string | null): ConversationState | null {
  if (!raw) return null;
  try {
    return parseState(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** How long a conversation left alone is kept, in seconds. */
export const STATE_TTL_SECONDS = 24 * 3600;

export function createIdentityStore(redis: Redis, keys: Keys): IdentityStore {
  return {
    async get(a) {
      return identityOf(await redis.hgetall(keys.chatIdentity(a)));
    },
    async link(a, id: Identity) {
      const previous = await redis.hget(keys.chatIdentity(a), "cell");
      const tx = redis.multi();
      if (previous && previous !== id.cell) tx.srem(keys.chatsByCell(a.site, previous), chatMember(a));
      tx.del(keys.chatIdentity(a));
      tx.hset(keys.chatIdentity(a), {
        cell: id.cell,
        first: id.first ?? "",
        last: id.last ?? "",
        linkedAt: String(id.linkedAt),
      });
      tx.sadd(keys.chatsByCell(a.site, id.cell), chatMember(a));
      // Linked: the preferences are kept for as long as the link is.
      tx.persist(keys.chatPrefs(a));
      await tx.exec();
    },
    async preferences(a) {
      return preferencesOf(await redis.hgetall(keys.chatPrefs(a)));
    },
    async setPreferences(a, patch: Preferences) {
      const fields: Record<string, string> = {};
      if (patch.locale !== undefined) fields.locale = patch.locale;
      if (patch.hintLocale !== undefined) fields.hintLocale = patch.hintLocale;
      if (patch.remindersOff !== undefined) fields.remindersOff = patch.remindersOff ? "1" : "0";
      if (patch.unreachable !== undefined) fields.unreachable = patch.unreachable ? "1" : "0";
      if (!Object.keys(fields).length) return;
      const linked = (await redis.exists(keys.chatIdentity(a))) === 1;
      const tx = redis.multi().hset(keys.chatPrefs(a), fields);
      // A chat that never shared its number keeps its language and the like for a while, not for ever.
      if (!linked) tx.expire(keys.chatPrefs(a), UNLINKED_PREFS_TTL_SECONDS);
      await tx.exec();
    },
    async forget(a) {
      const cell = await redis.hget(keys.chatIdentity(a), "cell");
      // What still waits to be sent to the chat goes too: its send jobs find nothing and skip.
      const waiting = await redis.smembers(keys.chatOutbox(a));
      const tx = redis.multi();
      if (cell) tx.srem(keys.chatsByCell(a.site, cell), chatMember(a));
      tx.del(
        keys.chatIdentity(a),
        keys.chatPrefs(a),
        keys.chatState(a),
        keys.chatPendingReminders(a),
        keys.chatOutbox(a),
        ...waiting.map((id) => keys.outbox(a.site, id)),
      );
      await tx.exec();
    },
  };
}

/** Preferences of a chat that never linked a phone expire this long after their last change. */
export const UNLINKED_PREFS_TTL_SECONDS = 30 * 24 * 3600;

/** `channel|chatId`: how a chat is named inside the reverse index. */
export const chatMember = (a: ChatAddress) => `${a.channel}|${a.chatId}`;

/** A conversation left alone STATE_TTL_SECONDS starts over; the link and preferences stay. */
export function createConversationStore(redis: Redis, keys: Keys): ConversationStore {
  return {
    async load(a) {
      return stateOf(await redis.get(keys.chatState(a)));
    },
    async save(a, state: ConversationState) {
      await redis.set(keys.chatState(a), JSON.stringify(state), "EX", STATE_TTL_SECONDS);
    },
    async clear(a) {
      await redis.del(keys.chatState(a));
    },
  };
}

/** The chat's lock could not be had in time: another turn of the same chat is stuck. */
export class ChatBusyError extends AppError {
  constructor() {
    super("chat_busy", "another message of this chat is still being handled");
  }
}

const release = luaScript(
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`,
);

/**
 * One turn at a time per chat, across processes: SET NX with a lease (a crashed holder frees it
 * by expiry) and a token-checked release (a late holder never frees someone else's lock).
 */
export function createChatLock(
  redis: Redis,
  keys: Keys,
  opts: { leaseMs?: number; waitMs?: number } = {},
): ChatLock {
  const lease = opts.leaseMs ?? 30_000;
  const wait = opts.waitMs ?? 20_000;
  return {
    async withLock(a, fn) {
      const key = keys.chatLock(a);
      const token = randomUUID();
      const deadline = Date.now() + wait;
      let pause = 5;
      while ((await redis.set(key, token, "PX", lease, "NX")) !== "OK") {
        if (Date.now() > deadline) throw new ChatBusyError();
        await delay(pause);
        pause = Math.min(pause * 2, 100);
      }
      try {
        return await fn();
      } finally {
        await release(redis, [key], [token]);
      }
    },
  };
}

export function createInboundDedupe(redis: Redis, keys: Keys, ttlSeconds = 3 * 24 * 3600): InboundDedupe {
  return {
    async firstSeen(a, eventId) {
      return (await redis.set(keys.chatSeen(a, eventId), "1", "EX", ttlSeconds, "NX")) === "OK";
    },
  };
}
