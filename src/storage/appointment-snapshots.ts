import type { Redis } from "ioredis";
import type { DateTime } from "luxon";
import type { Appointment } from "../domain/appointment.ts";
import { decodeAppointment, encodeAppointment } from "./appointment-json.ts";
import type { Keys } from "./keys.ts";
import { luaScript } from "./lua.ts";

/**
 * The appointments as Tor4You last listed them, per site. A scan whose `lu` answer says "no new
 * information" proves these are still current, so a due reminder is verified by one scan a minute
 * for the whole site instead of one apptinfo each. Holds a customer's cell and names (like the
 * chat identities): never copied into logs or job payloads.
 */
/** Sets the scan's start time only forward. */
const forward = luaScript(
  "local v = tonumber(redis.call('GET', KEYS[1]) or '0') if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1], 'PX', 86400000) end",
);

export function createAppointmentSnapshots(redis: Redis, keys: Keys) {
  const encode = encodeAppointment;
  const decode = decodeAppointment;
  return {
    async get(site: string, apptId: string): Promise<Appointment | null> {
      const v = await redis.hget(keys.apptSnapshots(site), apptId);
      return v ? decode(v) : null;
    },
    async put(site: string, appts: Appointment[]): Promise<void> {
      if (appts.length === 0) return;
      await redis.hset(keys.apptSnapshots(site), Object.fromEntries(appts.map((a) => [a.id, encode(a)])));
    },
    async delete(site: string, apptIds: string[]): Promise<void> {
      if (apptIds.length > 0) await redis.hdel(keys.apptSnapshots(site), ...apptIds);
    },
    /** Ids and starts of every kept appointment (to find those a full list no longer holds). */
    async starts(site: string): Promise<Array<{ id: string; start: DateTime }>> {
      const all = await redis.hgetall(keys.apptSnapshots(site));
      return Object.entries(all).map(([id, json]) => ({ id, start: decode(json).start }));
    },
    /** When the last successful scan started; a scan younger than a minute verifies a reminder. */
    async freshAt(site: string): Promise<number> {
      return Number(await redis.get(keys.scanFresh(site))) || 0;
    },
    async setFresh(site: string, startedAtMs: number): Promise<void> {
      // Only ever forward: a slow scan that started earlier must not make the record older.
      await forward(redis, [keys.scanFresh(site)], [String(startedAtMs)]);
    },
    /** One process a minute (`minute` = epoch minutes of the app's clock) runs the send-time scan. */
    async takeScanTurn(site: string, minute: number): Promise<boolean> {
      return (await redis.set(keys.scanTurn(site, minute), "1", "PX", 120_000, "NX")) === "OK";
    },
    async releaseScanTurn(site: string, minute: number): Promise<void> {
      await redis.del(keys.scanTurn(site, minute));
    },
    /** The last webhook notification applied to an appointment; an older one arriving late changes nothing. */
    async lastNotification(site: string, apptId: string): Promise<bigint> {
      const v = await redis.hget(keys.webhookLast(site), apptId);
      return v ? BigInt(v) : 0n;
    },
    async setLastNotification(site: string, apptId: string, id: string): Promise<void> {
      await redis
        .multi()
        .hset(keys.webhookLast(site), apptId, id)
        .expire(keys.webhookLast(site), 60 * 86400)
        .exec();
    },
  };
}
export type AppointmentSnapshots = ReturnType<typeof createAppointmentSnapshots>;
