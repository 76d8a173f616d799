import type { FluentVariable } from "@fluent/bundle";
import type { DateTime } from "luxon";
import type { CalendarAppointment } from "../calendar/calendar-files.ts";
import type { ChatAddress, Choice, OutboundMessage } from "../core/messages.ts";
import type { Locale } from "../i18n/translator.ts";
import type { Catalog } from "./catalog.ts";
import type { Intent } from "./intents.ts";
import type {
  BookingApi,
  Identity,
  PendingReminder,
  Preferences,
  SitePolicy,
  StaffEvent,
  StaffRole,
} from "./ports.ts";
import type { Flow } from "./state.ts";
import type { WhenSlots } from "./understanding/slots.ts";
import type { WaitlistPort } from "./waitlist-port.ts";

/** Everything a step may read. Steps change nothing outside themselves except through BookingApi and effects. */
export interface StepContext {
  address: ChatAddress;
  site: SitePolicy;
  api: BookingApi;
  catalog: Catalog;
  identity: Identity | null;
  /** Set when this chat belongs to the business's staff. */
  staffRole: StaffRole | null;
  prefs: Preferences;
  /** Reminders this chat may still answer by typing, nearest first (until each appointment starts). */
  pending: readonly PendingReminder[];
  locale: Locale;
  now: DateTime;
  senderName?: { first?: string; last?: string };
  t: (id: string, args?: Record<string, FluentVariable>) => string;
  /** Weekday + date, for buttons. */
  day: (dt: DateTime) => string;
  /** HH:MM in the site's zone. */
  time: (dt: DateTime) => string;
  /** Weekday, date and time, for sentences. */
  when: (dt: DateTime) => string;
  /**
   * The appointment as a calendar file (.ics) for this chat, or nothing when calendar files are
   * off or could not be made; never fails the turn.
   */
  calendarFile: (
    appt: CalendarAppointment,
    opts?: { cancelled?: boolean; replaces?: string },
  ) => Promise<OutboundMessage[]>;
  /** The site's waitlist; absent where this deployment has none. */
  waitlist?: WaitlistPort;
  /** Tells staff (and the statistics) what the customer just did; never fails the turn. */
  report: (event: StaffEvent) => Promise<void>;
}

/** Changes to our own stores, applied by the engine after the step. */
export type Effect =
  | { type: "link"; identity: Identity }
  | { type: "prefs"; patch: Preferences }
  /** Reminders to the linked phone on this site: off (stop) or on again (start). */
  | { type: "optOut"; stopped: boolean }
  | { type: "forget" };

export interface StepResult {
  flow: Flow | null;
  out: OutboundMessage[];
  effects?: Effect[];
  /** Continue with this intent in the same turn (e.g. after linking, show what was asked for). */
  continueWith?: Intent;
  /** Messages in a row not understood, this one included (absent: understood). */
  misunderstood?: number;
  /** The day / part of day / time the request named, for `continueWith` (a booking after linking). */
  continueSlots?: WhenSlots;
}

export const text = (t: string): OutboundMessage => ({ type: "text", text: t });
export const choices = (t: string, list: Choice[]): OutboundMessage => ({
  type: "choices",
  text: t,
  choices: list,
});

export function done(...out: OutboundMessage[]): StepResult {
  return { flow: null, out };
}
