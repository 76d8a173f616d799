import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { inZone } from "../core/zones.ts";

/** One appointment as a calendar event: what the customer's calendar shows and updates. */
export interface CalendarEvent {
  /** Stable across moves and cancellation: the customer's calendar matches versions by it. */
  uid: string;
  /** Revision number: a later version (a move, a cancel) carries a higher one. */
  sequence: number;
  cancelled: boolean;
  business: string;
  service: string;
  staff?: string;
  /** The branch's or business's address; the branch or business name when none is known. */
  location?: string;
  /** A line the customer reads in the event (localized by the caller). */
  description?: string;
  start: DateTime;
  end: DateTime;
  /** The business's time zone (IANA), written with its VTIMEZONE. */
  zone: string;
  /** When this version was made (DTSTAMP). */
  stamp: DateTime;
  /** Who sends updates (iTIP needs an organizer for REQUEST and CANCEL). */
  organizerEmail: string;
}

/** VTIMEZONE blocks from timezones-ical-library (IANA data), so calendars need not know the zone. */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  const text = Array.isArray(block) ? block[0] : block;
  return text?.includes("BEGIN:VTIMEZONE") ? text : null;
}

/**
 * The event as an iCalendar document (RFC 5545 / iTIP): METHOD:REQUEST for a booking or a move
 * (same UID, higher SEQUENCE), METHOD:CANCEL with STATUS:CANCELLED for a cancellation.
 */
export function buildIcs(e: CalendarEvent): string {
  const cal = ical({
    prodId: { company: "tor4you-bot", product: "appointments", language: "EN" },
    method: e.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    name: e.business,
    // No calendar-wide zone: ical-generator would write DTSTAMP in it, and RFC 5545 wants it in UTC.
    timezone: { name: null, generator: vtimezone },
  });
  cal.createEvent({
    id: e.uid,
    sequence: e.sequence,
    start: inZone(e.start, e.zone),
    end: inZone(e.end, e.zone),
    timezone: e.zone,
    stamp: e.stamp.toJSDate(),
    summary: e.staff ? `${e.service} · ${e.staff} · ${e.business}` : `${e.service} · ${e.business}`,
    description: e.description ?? null,
    location: e.location ?? null,
    organizer: { name: e.business, email: e.organizerEmail },
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}
