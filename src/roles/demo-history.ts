import type { Redis } from "ioredis";
import type { DateTime } from "luxon";
import type { SiteConfig } from "../config/types.ts";
import type { Emulator } from "../emulator/emulator.ts";
import { createActivityLog } from "../storage/activity-log.ts";
import type { Keys } from "../storage/keys.ts";
import { createReminderLedger } from "../storage/reminder-ledger.ts";
import { formatApiMinute } from "../tor4you/dates.ts";

/**
 * The bot's side of the demo's past, to match the emulator's: which past appointments got
 * reminders (most; a few customers never had a chat) and how many, which declines were
 * cancelled in the chat, and the reminders of today and tomorrow whose time has already come.
 * As if the bot had been running all along, so the statistics and the board show something on
 * the first run. Writes through the same stores the workers write through.
 */
export async function seedDemoActivity(deps: {
  emulator: Emulator;
  sites: readonly SiteConfig[];
  redis: Redis;
  keys: Keys;
  now: DateTime;
}): Promise<{ reminded: number; sentToday: number }> {
  const activity = createActivityLog(deps.redis, deps.keys);
  const ledger = createReminderLedger(deps.redis, deps.keys);
  let reminded = 0;
  let sentToday = 0;
  // Sent together rather than one round trip after another: the demo must start in seconds. Nothing
  // is awaited until all are started: a write that failed while the loop awaited another (Redis
  // closed by a quick stop) was a rejection nobody handled.
  const writes: Array<Promise<void>> = [];
  for (const s of deps.emulator.sites()) {
    const site = deps.sites.find((x) => x.id === s.siteid);
    if (!site) continue;
    const offsets = site.reminders.offsetsMs.map((ms) => Math.round(ms / 60_000));
    for (const a of s.appointments.values()) {
      if (a.isLozamin || !a.customer || a.status === "5") continue;
      const start = formatApiMinute(a.from, site.timezone);
      if (a.from < deps.now) {
        // One in six silent customers had no chat to remind them on.
        const answered = a.iscoming !== "0";
        if (!answered && Number(a.id) % 6 === 0) continue;
        for (let i = 0; i < (answered ? 1 : offsets.length); i++)
          writes.push(activity.reminderSent(site.id, a.id, start));
        if (a.status === "0" && a.iscoming === "2")
          writes.push(
            activity.cancelledByBot(site.id, {
              apptId: a.id,
              start,
              staffId: a.staff,
              serviceId: a.service,
            }),
          );
        reminded++;
        continue;
      }
      if (a.status !== "1" || a.tmpExpire || a.from > deps.now.plus({ days: 2 })) continue;
      for (const offsetMin of offsets) {
        const due = a.from.minus({ minutes: offsetMin });
        if (due >= deps.now || due < a.createdAt) continue;
        writes.push(ledger.markSent({ site: site.id, apptId: a.id, offsetMin, start }));
        writes.push(activity.reminderSent(site.id, a.id, start));
        sentToday++;
      }
    }
  }
  await Promise.all(writes);
  return { reminded, sentToday };
}
