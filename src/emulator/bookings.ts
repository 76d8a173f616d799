import type { DateTime } from "luxon";
import { formatApiMinute } from "../tor4you/dates.ts";
import type { EmulatorClock } from "./clock.ts";
import { type Appointment, linkKey, type Site, type Slot, UPDATEBY_SYSTEM } from "./model.ts";
import { slotOccupancy, staffBusy, withinWorkingHours } from "./occupancy.ts";
import { newConfToken } from "./random.ts";
import { refuse } from "./refusal.ts";
import type { Store } from "./store.ts";
import type { WebhookDispatcher } from "./webhooks.ts";

export interface Placement {
  staff: string;
  service: string;
  from: DateTime;
  to: DateTime;
  /** "0" when not on a slot. */
  slot: string;
  participants: number;
  isLozamin: boolean;
}

export interface NewAppointment extends Placement {
  customer: string;
  color?: string;
  notes?: string;
  zoom?: string;
  extra?: Record<string, string>;
  tmpExpire?: DateTime | null;
}

export interface Bookings {
  /** Checks a placement against the site's calendar rules; refuses with the API's message. */
  check(site: Site, p: Placement, exceptAppt?: string): void;
  create(site: Site, input: NewAppointment, updateby: string, opts?: { skipRules?: boolean }): Appointment;
  /** Applies `change` (which returns a description, or null for "nothing changed") and tells the world. */
  update(site: Site, appt: Appointment, updateby: string, change: (a: Appointment) => string | null): boolean;
  cancel(site: Site, appt: Appointment, updateby: string): void;
  /** Marks temporary bookings whose time has passed as expired (status 5, webhook action 5). */
  expireDue(): number;
}

/**
 * The one place appointments change, whether through the API or the dashboard endpoints, so
 * both get the same rules, history, `lu` stamps and webhooks.
 */
export function createBookings(deps: {
  store: Store;
  clock: EmulatorClock;
  webhooks: WebhookDispatcher;
}): Bookings {
  const { store, webhooks } = deps;

  const check = (site: Site, p: Placement, exceptAppt?: string) => {
    const staff = site.staff.get(p.staff);
    if (staff?.status !== "1") refuse("staff not found");
    if (staff.showorder <= 0) refuse("staff member does not provide services");
    const service = site.services.get(p.service);
    if (service?.status !== "1") refuse("service not found");
    if (!p.isLozamin && !site.links.has(linkKey(p.staff, p.service)))
      refuse("service is not linked to this staff member");
    if (!(p.to > p.from)) refuse("to must be after from");
    if (!Number.isInteger(p.participants) || p.participants < 1) refuse("participants must be 1 or more");
    if (site.settings.calendarType === "slots" && p.slot !== "0") {
      checkSlot(site, site.slots.get(p.slot), p, exceptAppt);
      return;
    }
    if (site.settings.calendarType === "slots" && !p.isLozamin)
      refuse("slotid and vfib are required on a time slots calendar");
    if (!p.isLozamin && !withinWorkingHours(site, staff, p.from, p.to))
      refuse("the requested time is outside working hours");
    const clash = staffBusy(site, p.staff, p.from, p.to, exceptAppt);
    if (clash) refuse("the requested time is not available (overlaps another appointment)");
  };

  const checkSlot = (site: Site, slot: Slot | undefined, p: Placement, exceptAppt?: string) => {
    if (slot?.status !== "1") refuse("slot not found");
    if (slot.staff !== p.staff) refuse("staff does not match the slot");
    if (slot.services !== "0" && slot.services !== p.service) refuse("service does not match the slot");
    if (+slot.from !== +p.from || +slot.to !== +p.to) refuse("from/to do not match the slot");
    const { placesLeft, blocked, members } = slotOccupancy(site, slot);
    if (p.isLozamin) return;
    if (blocked) refuse("slot is not available");
    const own = exceptAppt ? (site.appointments.get(exceptAppt)?.participants ?? 0) : 0;
    const sameSlot = exceptAppt && site.appointments.get(exceptAppt)?.slot === slot.id;
    const left = sameSlot ? slot.maxmembers - (members - own) : placesLeft;
    if (p.participants > left) refuse(`not enough places left in the slot (${Math.max(0, left)} left)`);
  };

  const history = (a: Appointment, action: "1" | "2" | "3" | "5", updateby: string, description: string) => {
    a.changedAt = store.stamp();
    a.history.push({ at: deps.clock.now(), action, updateby, description });
  };

  const drawOnSubscription = (site: Site, a: Appointment) => {
    for (const sub of site.subscriptions.values()) {
      if (sub.status !== "1" || sub.customer !== a.customer) continue;
      if (sub.service !== "" && sub.service !== a.service) continue;
      if (a.from < sub.from || a.from > sub.to.endOf("day")) continue;
      const used = [...site.appointments.values()]
        .filter((x) => x.subscription === sub.id && x.status === "1")
        .reduce((n, x) => n + x.participants, 0);
      if (used + a.participants > sub.total) continue;
      a.subscription = sub.id;
      return;
    }
  };

  return {
    check,
    create(site, input, updateby, opts = {}) {
      if (!opts.skipRules) check(site, input);
      const now = deps.clock.now();
      const a: Appointment = {
        id: store.nextId("appointment"),
        conf: newConfToken(),
        status: "1",
        staff: input.staff,
        service: input.service,
        branch: site.staff.get(input.staff)?.branch ?? "",
        customer: input.isLozamin ? site.lozaminCustomer : input.customer,
        slot: input.slot,
        from: input.from,
        to: input.to,
        participants: input.participants,
        iscoming: "0",
        showstatus: "0",
        color: input.color ?? "0",
        notes: input.notes ?? "",
        zoom: input.zoom ?? "",
        extra: { ...input.extra },
        isLozamin: input.isLozamin,
        tmpExpire: input.tmpExpire ?? null,
        subscription: "",
        createdAt: now,
        changedAt: now,
        previousFrom: null,
        history: [],
      };
      if (!a.isLozamin) drawOnSubscription(site, a);
      site.appointments.set(a.id, a);
      history(a, "1", updateby, a.isLozamin ? "lozamin block created" : "appointment created");
      webhooks.notify(site, a, "1", updateby);
      return a;
    },
    update(site, appt, updateby, change) {
      const before = appt.from;
      const description = change(appt);
      if (description === null) return false;
      if (+before !== +appt.from) appt.previousFrom = before;
      history(appt, "2", updateby, description);
      webhooks.notify(site, appt, "2", updateby);
      return true;
    },
    cancel(site, appt, updateby) {
      if (appt.status !== "1") refuse("appointment is not live");
      appt.status = "0";
      history(appt, "3", updateby, "appointment cancelled");
      webhooks.notify(site, appt, "3", updateby);
    },
    expireDue() {
      const now = deps.clock.now();
      let n = 0;
      for (const site of store.sites.values()) {
        for (const a of site.appointments.values()) {
          if (a.status !== "1" || !a.tmpExpire || a.tmpExpire > now) continue;
          a.status = "5";
          history(a, "5", UPDATEBY_SYSTEM, `temporary booking expired at ${formatApiMinute(a.tmpExpire)}`);
          webhooks.notify(site, a, "5", UPDATEBY_SYSTEM);
          n++;
        }
      }
      return n;
    },
  };
}
