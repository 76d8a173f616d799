import type { DateTime } from "luxon";
import type { WaitlistEntry } from "../conversation/waitlist-port.ts";
import { escapeHtml } from "../core/html.ts";
import { inZone } from "../core/zones.ts";
import { weekKey } from "../domain/week.ts";
import type { AdminSiteSection } from "./admin-page.ts";
import type { AdminView } from "./admin-view.ts";

export interface WaitlistSource {
  /** Sites with the waitlist turned off show no block. */
  enabled: (site: string) => boolean;
  /** Entries still waiting on `today` (YYYYMMDD) or later. */
  current: (site: string, today: string) => Promise<WaitlistEntry[]>;
  /** Bookings the waitlist filled in a week (`yyyyMMdd` Sunday). */
  filled: (site: string, week: string) => Promise<number>;
  /** Service and staff names by id; ids are shown when Tor4You cannot be read. */
  names: (site: string) => Promise<{ services: Map<string, string>; staff: Map<string, string> }>;
  now: () => DateTime;
}

/** How far ahead the page lists days: the longest range a customer can wait for. */
const DAYS_SHOWN = 14;
const e = escapeHtml;

/**
 * Who waits for which day, so the owner knows whom a freed time would reach (and that a
 * cancellation is not a lost hour): per day, the wishes grouped by service, staff member and
 * part of the day, with how many wait for each. No customer is named: the entries hold chats, not people.
 */
export function waitlistSection(src: WaitlistSource): AdminSiteSection {
  return {
    id: "waitlist",
    render: async (site, view) => {
      if (!src.enabled(site.id)) return "";
      const zone = site.timezone ?? "Asia/Jerusalem";
      const today = inZone(src.now(), zone).startOf("day");
      const [entries, filled, names] = await Promise.all([
        src.current(site.id, today.toFormat("yyyyMMdd")),
        src.filled(site.id, weekKey(today)),
        src
          .names(site.id)
          .catch(() => ({ services: new Map<string, string>(), staff: new Map<string, string>() })),
      ]);
      const days = Array.from({ length: DAYS_SHOWN }, (_, i) => today.plus({ days: i }))
        .map((day) => ({ day, waiting: entries.filter((x) => onDay(x, day.toFormat("yyyyMMdd"))) }))
        .filter((d) => d.waiting.length > 0);
      const list = days.length
        ? `<ul>${days.map((d) => dayHtml(d.day, d.waiting, names, view, zone)).join("")}</ul>`
        : `<p>${e(view.t("admin-waitlist-empty"))}</p>`;
      return `<section class="waitlist" data-testid="waitlist"><h3>${e(view.t("admin-waitlist-title"))}</h3>${list}
<p data-testid="waitlist-filled">${e(view.t("admin-waitlist-filled-week", { count: filled }))}</p></section>`;
    },
  };
}

const onDay = (x: WaitlistEntry, day: string) => x.from <= day && day <= x.to;

function dayHtml(
  day: DateTime,
  waiting: WaitlistEntry[],
  names: { services: Map<string, string>; staff: Map<string, string> },
  view: AdminView,
  zone: string,
): string {
  const groups = new Map<string, { entry: WaitlistEntry; count: number }>();
  for (const x of waiting) {
    const key = `${x.serviceId}|${x.staffId}|${x.part}`;
    const g = groups.get(key) ?? { entry: x, count: 0 };
    g.count += 1;
    groups.set(key, g);
  }
  const items = [...groups.values()]
    .map(({ entry, count }) => {
      const text = view.t("admin-waitlist-item", {
        service: names.services.get(entry.serviceId)?.trim() || entry.serviceId,
        staff:
          entry.staffId === "any"
            ? view.t("admin-waitlist-any-staff")
            : names.staff.get(entry.staffId)?.trim() || entry.staffId,
        part: entry.part,
        count,
      });
      return `<li>${e(text)}</li>`;
    })
    .join("");
  const heading = view.t("admin-waitlist-day", { day: view.day(day, zone), count: waiting.length });
  return `<li data-testid="waitlist-day" data-day="${day.toFormat("yyyy-MM-dd")}" data-waiting="${waiting.length}">${e(heading)}<ul>${items}</ul></li>`;
}
