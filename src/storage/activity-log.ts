import type { Redis } from "ioredis";
import { type WeekRecord, weekKeyOfStamp } from "../domain/week.ts";
import type { Keys } from "./keys.ts";

const RETAIN_SECONDS = 400 * 24 * 3600;

/**
 * The bot's own part of the statistics (what Tor4You cannot tell: which reminders went out,
 * which cancellations came through the chat), one hash per site and week of the appointment's
 * start. Ids only: Tor4You remains the source of names, answers and attendance.
 */
export function createActivityLog(redis: Redis, keys: Keys) {
  return {
    /** `start` is the appointment's local `YYYYMMDDhhmm`, as the reminder ledger has it. */
    async reminderSent(site: string, apptId: string, start: string): Promise<void> {
      const key = keys.activityWeek(site, weekKeyOfStamp(start));
      await redis.multi().hincrby(key, `r:${apptId}`, 1).expire(key, RETAIN_SECONDS).exec();
    },
    async cancelledByBot(
      site: string,
      a: { apptId: string; start: string; staffId?: string; serviceId?: string },
    ): Promise<void> {
      const key = keys.activityWeek(site, weekKeyOfStamp(a.start));
      await redis
        .multi()
        .hset(key, `x:${a.apptId}`, `${a.staffId ?? ""}|${a.serviceId ?? ""}`)
        .expire(key, RETAIN_SECONDS)
        .exec();
    },
    /** `weeks` are week keys (`yyyyMMdd` of their Sunday). */
    async weeks(site: string, weeks: string[]): Promise<Map<string, WeekRecord>> {
      const out = new Map<string, WeekRecord>();
      for (const week of weeks) {
        const all = await redis.hgetall(keys.activityWeek(site, week));
        const reminders = new Map<string, number>();
        const cancels = new Map<string, { staffId: string; serviceId: string }>();
        for (const [field, value] of Object.entries(all)) {
          if (field.startsWith("r:")) reminders.set(field.slice(2), Number(value));
          else if (field.startsWith("x:")) {
            const [staffId = "", serviceId = ""] = value.split("|");
            cancels.set(field.slice(2), { staffId, serviceId });
          }
        }
        out.set(week, { reminders, cancels });
      }
      return out;
    },
  };
}
export type ActivityLog = ReturnType<typeof createActivityLog>;

/**
 * Unanswered appointments already reported to staff (CONFIRM_DEADLINE), so each is listed once
 * per start time.
 */
export function createEscalations(redis: Redis, keys: Keys) {
  return {
    /** True the first time for this appointment and start. */
    async firstTime(site: string, apptId: string, start: string): Promise<boolean> {
      return (await redis.set(keys.escalated(site, apptId, start), "1", "EX", 7 * 24 * 3600, "NX")) === "OK";
    },
  };
}
export type Escalations = ReturnType<typeof createEscalations>;
