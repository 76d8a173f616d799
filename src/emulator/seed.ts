import type { DateTime } from "luxon";
import type { ApptStatus, CalendarType, SiteSettings, WeeklyHours } from "./model.ts";

/**
 * Declarative description of a world, loaded by store.ts. Times are luxon DateTimes or
 * `YYYYMMDDhhmm` strings (local Israel time). A seed may be a function of the emulator's clock so
 * that demo appointments sit around "now" after every reset.
 */
export type SeedTime = DateTime | string;

export interface SeedSite {
  siteid: string;
  name: string;
  phone?: string;
  address?: string;
  settings?: Partial<SiteSettings> & { calendarType: CalendarType };
  /** Omitted ones are generated; `token` is the part after `<siteid>-` in the torkey header. */
  credentials?: { token?: string; key?: string; secret?: string; webhookKey?: string };
  webhookUrl?: string;
  branches: Array<{ id: string; name: string; address?: string; status?: "1" | "0" }>;
  staff: Array<{
    id: string;
    name: string;
    branch: string;
    showorder: number;
    hours?: WeeklyHours;
    status?: "1" | "0";
  }>;
  services: Array<{
    id: string;
    name: string;
    duration: number;
    price?: string;
    external?: boolean;
    status?: "1" | "0";
  }>;
  /** [staffId, serviceId] */
  links: Array<[string, string]>;
  closedDates?: string[];
  customers?: Array<{
    id: string;
    first: string;
    last: string;
    cell: string;
    tz?: string;
    email?: string;
    street?: string;
    city?: string;
    extra?: Record<string, string>;
    marketing?: boolean;
    createdAt?: SeedTime;
    vfib?: string;
  }>;
  slots?: Array<{
    id: string;
    staff: string;
    services?: string;
    from: SeedTime;
    to: SeedTime;
    maxmembers?: number;
    vfib?: string;
    zoom?: string;
  }>;
  appointments?: Array<{
    id: string;
    staff: string;
    service: string;
    /** Customer id; omit with `islozamin`. */
    customer?: string;
    from: SeedTime;
    to: SeedTime;
    slot?: string;
    participants?: number;
    status?: ApptStatus;
    iscoming?: "0" | "1" | "2";
    showstatus?: "0" | "1" | "2";
    islozamin?: boolean;
    tmpExpire?: SeedTime;
    extra?: Record<string, string>;
    notes?: string;
    conf?: string;
    createdAt?: SeedTime;
    subscription?: string;
  }>;
  subscriptions?: Array<{
    id: string;
    customer: string;
    name: string;
    service?: string;
    from: SeedTime;
    to: SeedTime;
    total: number;
  }>;
}

export interface Seed {
  sites: SeedSite[];
}

export type SeedSource = Seed | ((now: DateTime) => Seed);

const WEEKDAYS_9_TO_17: WeeklyHours = {
  sun: [["09:00", "17:00"]],
  mon: [["09:00", "17:00"]],
  tue: [["09:00", "17:00"]],
  wed: [["09:00", "17:00"]],
  thu: [["09:00", "17:00"]],
};

/**
 * A small site with known ids and credentials for tests: branch "1"; providers "11" and "12"
 * (plus admin user "19"); services "21" (30 min, external), "22" (60 min, external), "23"
 * (30 min, internal); everyone linked to everything except "12"–"22"; hours Sun–Thu 09:00–17:00.
 * Credentials: torkey `<siteid>-token`, key `key-<siteid>`, secret `secret-<siteid>`,
 * webhook key `whk-<siteid>`. Anything in `over` replaces the default wholesale.
 */
export function buildSite(siteid: string, over: Partial<SeedSite> = {}): SeedSite {
  return {
    siteid,
    name: `Test ${siteid}`,
    phone: "035550000",
    address: "Test st 1",
    settings: { calendarType: "open", istz: "0", stepMinutes: 30, minLeadMinutes: 0, maxHorizonDays: 365 },
    credentials: {
      token: "token",
      key: `key-${siteid}`,
      secret: `secret-${siteid}`,
      webhookKey: `whk-${siteid}`,
    },
    branches: [{ id: "1", name: "Main" }],
    staff: [
      { id: "11", name: "Dana ", branch: "1", showorder: 2, hours: WEEKDAYS_9_TO_17 },
      { id: "12", name: "Avi", branch: "1", showorder: 1, hours: WEEKDAYS_9_TO_17 },
      { id: "19", name: "Office", branch: "1", showorder: 0 },
    ],
    services: [
      { id: "21", name: "Cut", duration: 30, price: "80", external: true },
      { id: "22", name: "Color", duration: 60, price: "200", external: true },
      { id: "23", name: "Staff only", duration: 30, price: "0", external: false },
    ],
    links: [
      ["11", "21"],
      ["11", "22"],
      ["11", "23"],
      ["12", "21"],
      ["12", "23"],
    ],
    customers: [],
    ...over,
  };
}

export function buildSeed(...sites: SeedSite[]): Seed {
  return { sites };
}
