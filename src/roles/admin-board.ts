import type { Redis } from "ioredis";
import type { DateTime } from "luxon";
import type { SiteConfig } from "../config/types.ts";
import { inZone } from "../core/zones.ts";
import { type BoardData, boardAppointments, boardRow } from "../digests/board.ts";
import { createSitePlans } from "../reminders/site-plans.ts";
import { createChatDirectory } from "../storage/chat-directory.ts";
import type { DecisionLog } from "../storage/decision-log.ts";
import type { Keys } from "../storage/keys.ts";
import { createReminderLedger } from "../storage/reminder-ledger.ts";
import { listAppointments } from "../tor4you/apptlist-range.ts";
import type { Tor4YouClient } from "../tor4you/client.ts";
import { formatApiMinute } from "../tor4you/dates.ts";

export interface BoardSourceDeps {
  sites: readonly SiteConfig[];
  redis: Redis;
  keys: Keys;
  clients: ReadonlyMap<string, Pick<Tor4YouClient, "apptlist">>;
  decisions: Pick<DecisionLog, "recent">;
  now: () => DateTime;
}

/**
 * Today's and tomorrow's appointments of a site with where each one's reminders stand: one
 * apptlist (format 2) for the two days, then what only the bot knows (the sent-reminder ledger,
 * the plan as the policy makes it now, the latest decisions not to send, linked chats).
 */
export function createBoardSource(deps: BoardSourceDeps) {
  const plans = createSitePlans(deps.sites);
  const ledger = createReminderLedger(deps.redis, deps.keys);
  const directory = createChatDirectory(deps.redis, deps.keys);
  return async (siteId: string): Promise<BoardData> => {
    const site = deps.sites.find((s) => s.id === siteId);
    const client = deps.clients.get(siteId);
    if (!site || !client) throw new Error(`unknown site ${siteId}`);
    const zone = site.timezone;
    const now = inZone(deps.now(), zone);
    const today = now.startOf("day");
    // A week ahead, so a closed tomorrow (Saturday) shows the next day that has appointments.
    const appts = boardAppointments(
      await listAppointments(
        { apptlist: client.apptlist, zone },
        { from: today, to: today.plus({ days: 7 }), format: 2 },
      ),
    );
    const later = appts.find((a) => inZone(a.start, zone).startOf("day") > today);
    const tomorrow = today.plus({ days: 1 });
    const next = later ? inZone(later.start, zone).startOf("day") : tomorrow;
    const shown = appts.filter((a) => {
      const day = inZone(a.start, zone).startOf("day");
      return +day === +today || +day === +next;
    });
    const decided = new Map<string, string>();
    // Newest first: the first decision seen for an appointment is its latest.
    for (const d of await deps.decisions.recent(siteId, 200))
      if (d.apptId && !decided.has(d.apptId)) decided.set(d.apptId, d.reason);
    const byNumber = site.channels.includes("whatsapp") && (site.whatsapp?.sessions.length ?? 0) > 0;

    const rows = await Promise.all(
      shown.map(async (a) => {
        const start = formatApiMinute(a.start, zone);
        const sentOffsets: number[] = [];
        for (const offsetMin of plans.knownOffsets(siteId)) {
          const state = await ledger.state({ site: siteId, apptId: a.id, offsetMin, start });
          if (state === "sent" || state === "uncertain") sentOffsets.push(offsetMin);
        }
        const plan = plans.plan(siteId, a, now);
        const chats = a.customer.cell ? await directory.chatsFor(siteId, a.customer.cell) : [];
        const reachable = byNumber || chats.some((c) => !c.unreachable && !c.remindersOff);
        return boardRow(
          a,
          {
            sentOffsets,
            planned: [...plan.desired].sort((x, y) => x.dueAt.toMillis() - y.dueAt.toMillis()),
            planSkips: plan.skipped.map((s) => s.reason),
            lastDecision: decided.get(a.id),
            reachable,
          },
          now,
        );
      }),
    );
    const onDay = (day: DateTime) => rows.filter((r) => inZone(r.start, zone).hasSame(day, "day"));
    return {
      zone,
      today: { day: today, rows: onDay(today) },
      next: { day: next, rows: onDay(next), isTomorrow: +next === +tomorrow },
      updatedAt: now,
    };
  };
}
export type BoardSource = ReturnType<typeof createBoardSource>;

/** What the admin pages need of a configured site. */
export const adminSite = (s: SiteConfig) => ({
  id: s.id,
  name: s.name,
  locale: s.locale,
  timezone: s.timezone,
});
