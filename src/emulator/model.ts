import type { DateTime } from "luxon";

/** The emulator's in-memory world. Wire shapes live in wire-shapes.ts; this is what the rules work on. */

export type CalendarType = "open" | "slots";
export type Weekday = "sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat";
/** `[["09:00","13:00"],["14:00","19:00"]]`: local wall-clock intervals of one weekday. */
export type DayHours = Array<[string, string]>;
export type WeeklyHours = Partial<Record<Weekday, DayHours>>;

/** 1 live, 0 cancelled, 5 expired: the wire's own codes, kept as-is so nothing needs translating. */
export type ApptStatus = "1" | "0" | "5";

export interface SiteSettings {
  /** "0" tz not used, "1" optional, "2" required (and unique). */
  istz: "0" | "1" | "2";
  calendarType: CalendarType;
  /** Open calendars: availability offers a time every `stepMinutes` from the start of each working interval. */
  stepMinutes: number;
  /** External booking rules (availability without internal=1): nothing starting sooner than this… */
  minLeadMinutes: number;
  /** …or later than this. */
  maxHorizonDays: number;
}

export interface Credentials {
  /** Full header value: `<siteid>-<token>`. */
  torkey: string;
  key: string;
  secret: string;
  webhookKey: string;
}

export interface Branch {
  id: string;
  name: string;
  address: string;
  status: "1" | "0";
}

export interface Staff {
  id: string;
  name: string;
  branch: string;
  /** > 0 provides services (higher first); 0 is an administrative user. */
  showorder: number;
  status: "1" | "0";
  hours: WeeklyHours;
}

export interface Service {
  id: string;
  name: string;
  duration: number;
  price: string;
  external: boolean;
  status: "1" | "0";
}

export interface Slot {
  id: string;
  vfib: string;
  staff: string;
  /** "0" = any service linked to the staff member, else one service id. */
  services: string;
  from: DateTime;
  to: DateTime;
  maxmembers: number;
  zoom: string;
  status: "1" | "0";
}

export interface Customer {
  id: string;
  vfib: string;
  first: string;
  last: string;
  cell: string;
  email: string;
  tz: string;
  street: string;
  city: string;
  /** cx1..cx10 that are set (the webhook calls them cf1..cf10). */
  extra: Record<string, string>;
  marketing: "0" | "1";
  createdAt: DateTime;
  status: "1" | "0";
  /** The site's stand-in customer for lozamin blocks: never listed, never matched. */
  isLozamin: boolean;
}

export interface HistoryEntry {
  at: DateTime;
  /** The webhook's action code: "1" create, "2" update, "3" cancel, "5" expire. */
  action: "1" | "2" | "3" | "5";
  updateby: string;
  description: string;
}

export interface Appointment {
  id: string;
  conf: string;
  status: ApptStatus;
  staff: string;
  service: string;
  branch: string;
  customer: string;
  /** "0" when not on a slot. */
  slot: string;
  from: DateTime;
  to: DateTime;
  participants: number;
  iscoming: "0" | "1" | "2";
  showstatus: "0" | "1" | "2";
  color: string;
  notes: string;
  zoom: string;
  /** af1..af20 that are set. */
  extra: Record<string, string>;
  isLozamin: boolean;
  /** A temporary booking (awaiting payment) that expires when the clock passes this. */
  tmpExpire: DateTime | null;
  /** Subscription this appointment draws on, "" when none. */
  subscription: string;
  createdAt: DateTime;
  /** Change stamp behind the apptlist `lu` cursor; strictly increasing across the store. */
  changedAt: DateTime;
  /** Where it was before the last move, so a moved-away appointment still counts as a change in its old range. */
  previousFrom: DateTime | null;
  history: HistoryEntry[];
}

export interface Subscription {
  id: string;
  customer: string;
  name: string;
  /** Appointments of this service draw on the subscription; "" = any service. */
  service: string;
  from: DateTime;
  to: DateTime;
  total: number;
  status: "1" | "0";
}

export interface WebhookConfig {
  url: string;
  /** Switched off after a notification exhausts its retries; the admin endpoint switches it back on. */
  active: boolean;
}

export interface Site {
  siteid: string;
  name: string;
  phone: string;
  address: string;
  settings: SiteSettings;
  credentials: Credentials;
  webhook: WebhookConfig;
  branches: Map<string, Branch>;
  staff: Map<string, Staff>;
  services: Map<string, Service>;
  /** `${staffId}:${serviceId}` */
  links: Set<string>;
  /** YYYYMMDD dates the whole site is closed (holidays). */
  closedDates: Set<string>;
  slots: Map<string, Slot>;
  customers: Map<string, Customer>;
  appointments: Map<string, Appointment>;
  subscriptions: Map<string, Subscription>;
  lozaminCustomer: string;
}

export const linkKey = (staff: string, service: string) => `${staff}:${service}`;

/** Who made a change, as the webhook's and history's `updateby`. */
export const UPDATEBY_API = "1000";
export const UPDATEBY_WIDGET = "99";
export const UPDATEBY_SYSTEM = "0";
