import type { DateTime } from "luxon";
import type { OutboundMessage } from "../core/messages.ts";
import { inZone } from "../core/zones.ts";
import type { CalendarEvents } from "../storage/calendar-events.ts";
import type { Branch, SiteInfo } from "../tor4you/types.ts";
import { buildIcs } from "./ics.ts";

/** What a calendar entry needs to know about an appointment. */
export interface CalendarAppointment {
  id: string;
  start: DateTime;
  end: DateTime;
  serviceName?: string;
  staffName?: string;
  branchId?: string;
  branchName?: string;
}

export interface CalendarRequest {
  site: string;
  business: string;
  zone: string;
  appt: CalendarAppointment;
  /** The entry is a cancellation (METHOD:CANCEL). */
  cancelled?: boolean;
  /** The appointment this one replaces (the bot's "change time"): same event, next revision. */
  replaces?: string;
  /** Texts in the chat's language. */
  t: (id: string, args?: Record<string, string>) => string;
}

export interface CalendarFilesDeps {
  events: CalendarEvents;
  /** The business's and branches' addresses (siteinfo, branches), cached by the caller. */
  place: (site: string) => Promise<{ info?: SiteInfo; branches: Branch[] }>;
  now: () => DateTime;
}

/**
 * Booking confirmations, reminders, moves and cancellations carry the appointment as an .ics
 * file, so the customer's calendar holds it and follows its changes (same UID, higher SEQUENCE).
 */
export function createCalendarFiles(deps: CalendarFilesDeps) {
  return {
    async file(r: CalendarRequest): Promise<OutboundMessage | null> {
      const zone = r.zone;
      const version = await deps.events.version(r.site, r.appt.id, {
        start: inZone(r.appt.start, zone).toFormat("yyyyMMddHHmm"),
        cancelled: Boolean(r.cancelled),
        inheritFrom: r.replaces,
        newUid: `${r.appt.id}-${r.site}@tor4you-bot`,
      });
      if (!version) return null;
      const place = await deps.place(r.site).catch(() => ({ info: undefined, branches: [] as Branch[] }));
      const branch = place.branches.find((b) => b.id === r.appt.branchId);
      const where = [branch?.address ?? place.info?.address, r.appt.branchName ?? branch?.name]
        .map((s) => s?.trim())
        .filter(Boolean);
      const service = r.appt.serviceName?.trim() || r.t("calendar-appointment");
      const staff = r.appt.staffName?.trim() || undefined;
      const ics = buildIcs({
        uid: version.uid,
        sequence: version.sequence,
        cancelled: Boolean(r.cancelled),
        business: r.business,
        service,
        staff,
        location: where.length ? [...new Set(where)].join(", ") : r.business,
        description: r.t("calendar-description", {
          business: r.business,
          service,
          staff: staff ?? r.t("staff-anyone"),
          phone: place.info?.phone ?? "",
        }),
        start: r.appt.start,
        end: r.appt.end > r.appt.start ? r.appt.end : r.appt.start.plus({ minutes: 30 }),
        zone,
        stamp: deps.now(),
        organizerEmail: `bookings@${r.site.toLowerCase().replace(/[^a-z0-9-]/g, "-")}.invalid`,
      });
      const day = inZone(r.appt.start, zone).toFormat("yyyy-MM-dd-HHmm");
      return {
        type: "file",
        text: r.t(
          r.cancelled
            ? "calendar-cancel-file"
            : version.sequence > 0
              ? "calendar-update-file"
              : "calendar-file",
        ),
        fileName: `${r.cancelled ? "cancelled" : "appointment"}-${day}.ics`,
        mime: r.cancelled ? "text/calendar; method=CANCEL" : "text/calendar; method=REQUEST",
        content: ics,
      };
    },
  };
}
export type CalendarFiles = ReturnType<typeof createCalendarFiles>;
