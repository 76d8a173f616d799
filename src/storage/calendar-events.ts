import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";
import { luaScript } from "./lua.ts";

export interface CalendarVersion {
  uid: string;
  sequence: number;
}

/** Long enough for any appointment the bot offers (booking horizon) plus its aftermath. */
const TTL_SECONDS = 120 * 24 * 3600;

/**
 * Which calendar event (UID) an appointment is, and its revision (SEQUENCE). A moved appointment
 * keeps its UID with a higher SEQUENCE, also when the move made a new Tor4You appointment (the
 * bot's "change time" books the new one and cancels the old): the new one inherits the old UID.
 * A cancellation is one more revision. Sending the same version again (a second reminder) does
 * not raise the SEQUENCE.
 */
export function createCalendarEvents(redis: Redis, keys: Keys) {
  // Read, compare and write in one step: a reminder and a notice for one appointment may race.
  const version = luaScript(`
local cur = redis.call('HMGET', KEYS[1], 'uid', 'seq', 'start', 'cancelled', 'moved')
local uid, seq, start, cancelled = cur[1], tonumber(cur[2]), cur[3], cur[4]
if cur[5] == '1' then return false end
if not uid then
  local old = redis.call('HMGET', KEYS[2], 'uid', 'seq')
  if old[1] then
    uid = old[1]; seq = tonumber(old[2]) + 1
    redis.call('HSET', KEYS[2], 'moved', '1')
  else uid = ARGV[1]; seq = 0 end
elseif (ARGV[3] == '1' and cancelled ~= '1') or (ARGV[3] ~= '1' and start ~= ARGV[2]) then
  seq = seq + 1
end
redis.call('HSET', KEYS[1], 'uid', uid, 'seq', seq, 'start', ARGV[2], 'cancelled', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return {uid, seq}`);
  return {
    /**
     * The version to send for the appointment as it is now (`start` as YYYYMMDDhhmm).
     * `inheritFrom`: the appointment this one replaces (a move done by booking anew). Null for
     * an appointment whose event moved on to its replacement.
     */
    async version(
      site: string,
      apptId: string,
      now: { start: string; cancelled: boolean; inheritFrom?: string; newUid: string },
    ): Promise<CalendarVersion | null> {
      const r = (await version(
        redis,
        [keys.calendarEvent(site, apptId), keys.calendarEvent(site, now.inheritFrom ?? apptId)],
        [now.newUid, now.start, now.cancelled ? "1" : "0", TTL_SECONDS],
      )) as [string, number] | null;
      // The event moved on to the appointment that replaced this one: nothing to send for this id.
      return r ? { uid: r[0], sequence: Number(r[1]) } : null;
    },
  };
}
export type CalendarEvents = ReturnType<typeof createCalendarEvents>;
