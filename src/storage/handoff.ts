import type { Redis } from "ioredis";
import type { ChatAddress } from "../core/messages.ts";
import type { Keys } from "./keys.ts";

/**
 * A person at the business wrote in a chat (WhatsApp, from the business's own phone): the bot
 * keeps quiet there for a while. One key with a TTL per chat; writing again extends it.
 */
export function createHandoffStore(redis: Redis, keys: Keys) {
  return {
    async pause(address: ChatAddress, ms: number, nowMs: number): Promise<void> {
      if (ms <= 0) return;
      await redis.set(keys.chatHandoff(address), String(nowMs + ms), "PX", ms);
    },
    async isPaused(address: ChatAddress): Promise<boolean> {
      return (await redis.exists(keys.chatHandoff(address))) === 1;
    },
    async resume(address: ChatAddress): Promise<void> {
      await redis.del(keys.chatHandoff(address));
    },
  };
}
export type HandoffStore = ReturnType<typeof createHandoffStore>;
