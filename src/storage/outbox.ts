import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { ChannelKind, OutboundMessage } from "../core/messages.ts";
import type { Keys } from "./keys.ts";

export interface OutboxEntry {
  /** A Telegram chat id or a WhatsApp id (which is a phone number). */
  chatId: string;
  messages: OutboundMessage[];
}

/**
 * Where an outgoing message waits for its send job. Job payloads stay free of phone numbers and
 * names (BullMQ keeps them in plain sight, in dashboards and failed-job lists); the job carries
 * only this entry's id. Entries expire with the jobs that would use them.
 */
export function createOutbox(redis: Redis, keys: Keys, ttlSeconds = 8 * 24 * 3600) {
  return {
    /** The chat's own index of its entries lets "forget me" delete what still waits to be sent. */
    async put(site: string, channel: ChannelKind, entry: OutboxEntry): Promise<string> {
      const id = randomUUID();
      const index = keys.chatOutbox({ site, channel, chatId: entry.chatId });
      await redis
        .multi()
        .set(keys.outbox(site, id), JSON.stringify(entry), "EX", ttlSeconds)
        .sadd(index, id)
        .expire(index, ttlSeconds)
        .exec();
      return id;
    },
    async get(site: string, id: string): Promise<OutboxEntry | null> {
      const raw = await redis.get(keys.outbox(site, id));
      return raw ? (JSON.parse(raw) as OutboxEntry) : null;
    },
    async delete(site: string, id: string): Promise<void> {
      await redis.del(keys.outbox(site, id));
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
