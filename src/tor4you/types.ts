import type { DateTime } from "luxon";
import type { Appointment } from "../domain/appointment.ts";

/** Results of the Tor4You calls, normalized: ids are strings, times are DateTime in the site's zone. */

export interface SiteInfo {
  siteId: string;
  name: string;
  phone?: string;
  address?: string;
  /** 0 = tz not used, 1 = optional, 2 = required on every booking. */
  istz: number;
  calendarType?: "open" | "slots";
}

export interface Branch {
  id: string;
  name: string;
  address?: string;
  active: boolean;
}

export interface StaffMember {
  id: string;
  name: string;
  branchId?: string;
  /** > 0 for a service provider with a calendar; higher shows first. */
  showOrder: number;
  isProvider: boolean;
  active: boolean;
}

export interface Service {
  id: string;
  name: string;
  durationMinutes?: number;
  price?: number;
  /** Bookable by customers themselves (not staff-only). */
  external?: boolean;
  active: boolean;
}

export interface StaffServiceLink {
  staffId: string;
  serviceId: string;
}

export interface Slot {
  id: string;
  vfib?: string;
  staffId?: string;
  staffName?: string;
  /** Service ids the slot accepts; empty = any of the staff member's services (`0` on the wire). */
  serviceIds: string[];
  start: DateTime;
  end: DateTime;
  maxMembers?: number;
  members?: number;
  placesLeft?: number;
  active: boolean;
  zoom?: string;
}

export interface HistoryEntry {
  at: DateTime;
  action?: string;
  updateBy?: string;
  description?: string;
}

export interface Subscription {
  id: string;
  customerId?: string;
  name?: string;
  from?: DateTime;
  to?: DateTime;
  total?: number;
  used?: number;
  left?: number;
  active: boolean;
}

export interface SubscriptionUsage {
  apptId: string;
  at?: DateTime;
  participants?: number;
}

export interface Customer {
  id: string;
  vfib?: string;
  first?: string;
  last?: string;
  /** `05XXXXXXXX`, absent when the record has none we can read. */
  cell?: string;
  email?: string;
  tz?: string;
  street?: string;
  city?: string;
  /** cx1..cx10 (cf1..cf10 in webhooks) that are set, keyed `cxN`. */
  extra: Record<string, string>;
  createdAt?: DateTime;
  active: boolean;
}

export interface OpenHour {
  staffId?: string;
  staffName?: string;
  start: DateTime;
  end: DateTime;
}

export type AvailabilityResult =
  | { kind: "dates"; dates: DateTime[] }
  | { kind: "slots"; slots: Slot[] }
  | { kind: "openhours"; openHours: OpenHour[] };

/** apptlist: with `lu` and nothing changed, Tor4You answers "no new information". */
export type ApptListResult =
  | { changed: true; appointments: Appointment[]; lu?: string }
  | { changed: false; lu?: string };

/** New objects come back with the token (conf / vfib) that every later change of them needs. */
export interface AddedAppointment {
  apptId: string;
  conf: string;
}

export interface AddedSlot {
  slotId: string;
  vfib: string;
}

export interface AddedCustomer {
  customerId: string;
  vfib: string;
}
