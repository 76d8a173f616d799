import type { Redis } from "ioredis";
import type { Appointment } from "../domain/appointment.ts";
import { decodeAppointment, encodeAppointment } from "./appointment-json.ts";
import type { Keys } from "./keys.ts";
import { luaScript } from "./lua.ts";

/** How long a customer's appointment list serves their next questions: a conversation's turns, not a day. */
export const LOOKUP_CACHE_MS = 30_000;

/**
 * A drop leaves a marker (`d<ms>`) so that a lookup that was already under way when the webhook
 * came cannot put back the list it read before the change.
 */
const put = luaScript(`
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 1) == 'd' and tonumber(string.sub(v, 2)) >= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1
`);

/**
 * A customer's appointments as one `apptbycellortz` answered them, for the next few turns of
 * their conversation. Dropped when a webhook touches one of their appointments or the bot changes
 * one. Keyed by the cell's HMAC; holds names and phones like the snapshots, never logged.
 */
export function createLookupCache(redis: Redis, keys: Keys, o: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = o.ttlMs ?? LOOKUP_CACHE_MS;
  const now = o.now ?? Date.now;
  return {
    async get(site: string, cell: string): Promise<Appointment[] | null> {
      const v = await redis.get(keys.lookupCache(site, cell));
      if (v === null || v.startsWith("d")) return null;
      return (JSON.parse(v) as string[]).map(decodeAppointment);
    },
    /** `readAt`: when the answer was asked for; a drop since then wins. */
    async put(site: string, cell: string, appts: readonly Appointment[], readAt: number): Promise<void> {
      const key = keys.lookupCache(site, cell);
      const json = JSON.stringify(appts.map(encodeAppointment));
      await put(redis, [key], [json, String(readAt), String(ttlMs)]);
      if (appts.length === 0) return;
      // Which list holds each appointment, for as long as lists are kept.
      const owners = keys.lookupOwners(site);
      await redis
        .multi()
        .hset(owners, Object.fromEntries(appts.map((a) => [a.id, key])))
        .pexpire(owners, ttlMs)
        .exec();
    },
    async drop(site: string, cell: string): Promise<void> {
      await redis.set(keys.lookupCache(site, cell), `d${now()}`, "PX", ttlMs);
    },
    /** A webhook that names only the appointment: the list holding it is dropped. */
    async dropAppointment(site: string, apptId: string): Promise<void> {
      const key = await redis.hget(keys.lookupOwners(site), apptId);
      if (key) await redis.set(key, `d${now()}`, "PX", ttlMs);
    },
  };
}
export type LookupCache = ReturnType<typeof createLookupCache>;
