import type { Redis } from "ioredis";
import type { ChannelKind } from "../core/messages.ts";
import type { LinkedChat } from "../reminders/remind.ts";
import type { Keys } from "./keys.ts";
import { createOptOuts } from "./opt-outs.ts";

/** From a phone to the chats proven to be its owner's (what reminders need), with their consent. */
export function createChatDirectory(redis: Redis, keys: Keys) {
  const optOuts = createOptOuts(redis, keys);
  return {
    optedOut: optOuts.has,
    /** Each chat's remindersOff includes the phone's own "stop", said from any chat. */
    async chatsFor(site: string, cell: string): Promise<LinkedChat[]> {
      const stopped = await optOuts.has(site, cell);
      const members = await redis.smembers(keys.chatsByCell(site, cell));
      const chats: LinkedChat[] = [];
      for (const m of members) {
        const bar = m.indexOf("|");
        if (bar < 0) continue;
        const address = { site, channel: m.slice(0, bar) as ChannelKind, chatId: m.slice(bar + 1) };
        const prefs = await redis.hmget(keys.chatPrefs(address), "remindersOff", "unreachable");
        chats.push({ address, remindersOff: stopped || prefs[0] === "1", unreachable: prefs[1] === "1" });
      }
      return chats;
    },
  };
}
