import { DateTime } from "luxon";
import { parseApiMinute, TOR4YOU_ZONE } from "../tor4you/dates.ts";
import {
  type Appointment,
  type Customer,
  linkKey,
  type Site,
  type SiteSettings,
  UPDATEBY_SYSTEM,
} from "./model.ts";
import { newConfToken, newSecret } from "./random.ts";
import type { Seed, SeedSite, SeedTime } from "./seed.ts";

type IdKind = "appointment" | "customer" | "slot" | "subscription";

/** Where fresh ids start: appointment ids are global on Tor4You, so they are here too. */
const ID_BASE: Record<IdKind, number> = {
  appointment: 700000,
  customer: 40000,
  slot: 9000,
  subscription: 300,
};

const DEFAULT_SETTINGS: Omit<SiteSettings, "calendarType"> = {
  istz: "0",
  stepMinutes: 30,
  minLeadMinutes: 60,
  maxHorizonDays: 60,
};

/** All sites, id counters and the change stamp behind `lu`. */
export class Store {
  readonly sites = new Map<string, Site>();
  private readonly counters = new Map<IdKind, number>();
  private lastStampMs = 0;

  constructor(private readonly now: () => DateTime) {}

  site(siteid: string): Site | undefined {
    return this.sites.get(siteid);
  }

  nextId(kind: IdKind): string {
    const next = (this.counters.get(kind) ?? ID_BASE[kind]) + 1;
    this.counters.set(kind, next);
    return String(next);
  }

  /**
   * A change time strictly after every stamp handed out so far, even when the clock is frozen or
   * two changes land in one millisecond: otherwise a client holding `lu` equal to the change
   * would be told "no new information" and miss it.
   */
  stamp(): DateTime {
    const ms = Math.max(this.now().toMillis(), this.lastStampMs + 1);
    this.lastStampMs = ms;
    return DateTime.fromMillis(ms, { zone: TOR4YOU_ZONE });
  }

  /** Hands out "now" as an `lu` and guarantees every later change stamps after it. */
  cursorNow(): DateTime {
    const ms = Math.max(this.now().toMillis(), this.lastStampMs);
    this.lastStampMs = ms;
    return DateTime.fromMillis(ms, { zone: TOR4YOU_ZONE });
  }

  clear(): void {
    this.sites.clear();
    this.counters.clear();
  }

  load(seed: Seed): void {
    for (const s of seed.sites) this.sites.set(s.siteid, this.buildSite(s));
  }

  private bump(kind: IdKind, id: string): void {
    const n = Number(id);
    if (Number.isFinite(n) && n > (this.counters.get(kind) ?? ID_BASE[kind])) this.counters.set(kind, n);
  }

  private buildSite(s: SeedSite): Site {
    const now = this.now();
    const at = (t: SeedTime | undefined, fallback: DateTime) =>
      t === undefined ? fallback : typeof t === "string" ? parseApiMinute(t) : t.setZone(TOR4YOU_ZONE);
    const settings: SiteSettings = {
      ...DEFAULT_SETTINGS,
      ...s.settings,
      calendarType: s.settings?.calendarType ?? "open",
    };
    const site: Site = {
      siteid: s.siteid,
      name: s.name,
      phone: s.phone ?? "",
      address: s.address ?? "",
      settings,
      credentials: {
        torkey: `${s.siteid}-${s.credentials?.token ?? newSecret(24)}`,
        key: s.credentials?.key ?? newSecret(8),
        secret: s.credentials?.secret ?? newSecret(16),
        webhookKey: s.credentials?.webhookKey ?? newSecret(16),
      },
      webhook: { url: s.webhookUrl ?? "", active: Boolean(s.webhookUrl) },
      branches: new Map(s.branches.map((b) => [b.id, { address: "", status: "1", ...b }])),
      staff: new Map(s.staff.map((p) => [p.id, { hours: {}, status: "1", ...p }])),
      services: new Map(
        s.services.map((v) => [v.id, { price: "0", external: true, status: "1", ...v }] as const),
      ),
      links: new Set(s.links.map(([staff, service]) => linkKey(staff, service))),
      closedDates: new Set(s.closedDates ?? []),
      slots: new Map(),
      customers: new Map(),
      appointments: new Map(),
      subscriptions: new Map(),
      lozaminCustomer: "",
    };
    for (const c of s.customers ?? []) {
      this.bump("customer", c.id);
      site.customers.set(c.id, {
        id: c.id,
        vfib: c.vfib ?? newConfToken(),
        first: c.first,
        last: c.last,
        cell: c.cell,
        email: c.email ?? "",
        tz: c.tz ?? "",
        street: c.street ?? "",
        city: c.city ?? "",
        extra: { ...c.extra },
        marketing: c.marketing ? "1" : "0",
        createdAt: at(c.createdAt, now.minus({ days: 30 })),
        status: "1",
        isLozamin: false,
      });
    }
    site.lozaminCustomer = this.addLozaminCustomer(site, now).id;
    for (const sl of s.slots ?? []) {
      this.bump("slot", sl.id);
      site.slots.set(sl.id, {
        id: sl.id,
        vfib: sl.vfib ?? newConfToken(),
        staff: sl.staff,
        services: sl.services ?? "0",
        from: at(sl.from, now),
        to: at(sl.to, now),
        maxmembers: sl.maxmembers ?? 1,
        zoom: sl.zoom ?? "",
        status: "1",
      });
    }
    for (const sub of s.subscriptions ?? []) {
      this.bump("subscription", sub.id);
      site.subscriptions.set(sub.id, {
        id: sub.id,
        customer: sub.customer,
        name: sub.name,
        service: sub.service ?? "",
        from: at(sub.from, now),
        to: at(sub.to, now),
        total: sub.total,
        status: "1",
      });
    }
    for (const a of s.appointments ?? []) {
      this.bump("appointment", a.id);
      const staff = site.staff.get(a.staff);
      // A seed that dates a booking in the future would make every `lu` look stale.
      const createdAt = DateTime.min(at(a.createdAt, now.minus({ days: 7 })), now);
      const appt: Appointment = {
        id: a.id,
        conf: a.conf ?? newConfToken(),
        status: a.status ?? "1",
        staff: a.staff,
        service: a.service,
        branch: staff?.branch ?? "",
        customer: a.islozamin ? site.lozaminCustomer : (a.customer ?? ""),
        slot: a.slot ?? "0",
        from: at(a.from, now),
        to: at(a.to, now),
        participants: a.participants ?? 1,
        iscoming: a.iscoming ?? "0",
        showstatus: a.showstatus ?? "0",
        color: "0",
        notes: a.notes ?? "",
        zoom: "",
        extra: { ...a.extra },
        isLozamin: a.islozamin ?? false,
        tmpExpire: a.tmpExpire === undefined ? null : at(a.tmpExpire, now),
        subscription: a.subscription ?? "",
        createdAt,
        changedAt: createdAt,
        previousFrom: null,
        history: [{ at: createdAt, action: "1", updateby: UPDATEBY_SYSTEM, description: "created (seed)" }],
      };
      site.appointments.set(a.id, appt);
    }
    return site;
  }

  private addLozaminCustomer(site: Site, now: DateTime): Customer {
    const c: Customer = {
      id: this.nextId("customer"),
      vfib: newConfToken(),
      first: "לא זמין",
      last: "",
      cell: "",
      email: "",
      tz: "",
      street: "",
      city: "",
      extra: {},
      marketing: "0",
      createdAt: now,
      status: "1",
      isLozamin: true,
    };
    site.customers.set(c.id, c);
    return c;
  }
}
