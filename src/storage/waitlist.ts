import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { FreedTime, WaitlistEntry, WaitlistPort } from "../conversation/waitlist-port.ts";
import type { ChatAddress } from "../core/messages.ts";
import type { Keys } from "./keys.ts";

const newId = () => randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 8);

/**
 * The waitlist of each site: entries in join order, expiring when their last day passes; freed
 * times with who was offered them; and the one atomic claim per freed time that makes "book it"
 * book once however many customers tap at the same moment, on however many workers.
 */
export function createWaitlistStore(redis: Redis, keys: Keys) {
  const FREED_TTL = 3 * 24 * 3600;
  async function all(site: string): Promise<WaitlistEntry[]> {
    const ids = await redis.zrange(keys.waitlistOrder(site), "0", "-1");
    if (!ids.length) return [];
    const raw = await redis.hmget(keys.waitlistEntries(site), ...ids);
    return raw.filter((r): r is string => Boolean(r)).map((r) => JSON.parse(r) as WaitlistEntry);
  }
  const store = {
    async join(entry: Omit<WaitlistEntry, "id">): Promise<WaitlistEntry> {
      // The same wish from the same chat again is the same entry (a second tap changes nothing).
      const same = (await all(entry.address.site)).find(
        (e) =>
          e.address.channel === entry.address.channel &&
          e.address.chatId === entry.address.chatId &&
          e.serviceId === entry.serviceId &&
          e.staffId === entry.staffId &&
          e.from === entry.from &&
          e.to === entry.to &&
          e.part === entry.part &&
          e.replaces?.apptId === entry.replaces?.apptId,
      );
      if (same) return same;
      const full = { ...entry, id: newId() };
      // Join order is a counter, not the clock: two joins in the same millisecond stay in order.
      const seq = await redis.incr(keys.waitlistSeq(entry.address.site));
      await redis
        .multi()
        .hset(keys.waitlistEntries(entry.address.site), full.id, JSON.stringify(full))
        .zadd(keys.waitlistOrder(entry.address.site), seq, full.id)
        .exec();
      return full;
    },
    all,
    /** Entries still waiting on `today` (YYYYMMDD) or later; past ones are removed. */
    async current(site: string, today: string): Promise<WaitlistEntry[]> {
      const list = await all(site);
      const past = list.filter((e) => e.to < today);
      for (const e of past) await store.remove(site, e.id);
      return list.filter((e) => e.to >= today);
    },
    async ofChat(address: ChatAddress, today: string): Promise<WaitlistEntry[]> {
      return (await store.current(address.site, today)).filter(
        (e) => e.address.channel === address.channel && e.address.chatId === address.chatId,
      );
    },
    async get(site: string, id: string): Promise<WaitlistEntry | null> {
      const raw = await redis.hget(keys.waitlistEntries(site), id);
      return raw ? (JSON.parse(raw) as WaitlistEntry) : null;
    },
    async remove(site: string, id: string): Promise<void> {
      await redis.multi().hdel(keys.waitlistEntries(site), id).zrem(keys.waitlistOrder(site), id).exec();
    },
    /** A freed time, once: the webhook echo of the bot's own cancel frees nothing twice. */
    async putFreed(site: string, freed: Omit<FreedTime, "id">): Promise<FreedTime | null> {
      const marker = keys.waitlistFreed(site, `at-${freed.staffId}-${freed.from}`);
      if ((await redis.set(marker, "1", "EX", 600, "NX")) !== "OK") return null;
      const full = { ...freed, id: newId() };
      await redis.set(keys.waitlistFreed(site, full.id), JSON.stringify(full), "EX", FREED_TTL);
      return full;
    },
    async freed(site: string, id: string): Promise<FreedTime | null> {
      const raw = await redis.get(keys.waitlistFreed(site, id));
      return raw ? (JSON.parse(raw) as FreedTime) : null;
    },
    /** Records that an entry was offered a freed time; false when it already was. */
    async markOffered(site: string, freedId: string, entryId: string): Promise<boolean> {
      const key = keys.waitlistOffered(site, freedId);
      const added = await redis.sadd(key, entryId);
      await redis.expire(key, FREED_TTL);
      return added === 1;
    },
    async wasOffered(site: string, freedId: string, entryId: string): Promise<boolean> {
      return (await redis.sismember(keys.waitlistOffered(site, freedId), entryId)) === 1;
    },
    /** The one claim on a freed time: true for exactly one caller. */
    async claim(site: string, freedId: string, entryId: string): Promise<boolean> {
      return (await redis.set(keys.waitlistClaim(site, freedId), entryId, "EX", FREED_TTL, "NX")) === "OK";
    },
    async claimedBy(site: string, freedId: string): Promise<string | null> {
      return redis.get(keys.waitlistClaim(site, freedId));
    },
    async countFilled(site: string, week: string): Promise<void> {
      await redis.incr(keys.waitlistFilled(site, week));
      await redis.expire(keys.waitlistFilled(site, week), 400 * 24 * 3600);
    },
    async filled(site: string, week: string): Promise<number> {
      return Number(await redis.get(keys.waitlistFilled(site, week))) || 0;
    },
  };
  return store satisfies WaitlistPort;
}
export type WaitlistStore = ReturnType<typeof createWaitlistStore>;
