import { formatApiDate, formatApiMinute, formatWebhookDate } from "../tor4you/dates.ts";
import type { Appointment, Customer, HistoryEntry, Site, Slot, Subscription } from "./model.ts";
import { slotOccupancy } from "./occupancy.ts";

/**
 * The exact shapes of docs/wire-contract.md. Every value is a string; only the envelope's
 * `status` is a number, and the router adds that.
 */

type Wire = Record<string, string>;

export function shortAppointment(a: Appointment): Wire {
  return { id: a.id, staff: a.staff, from: formatApiMinute(a.from), to: formatApiMinute(a.to) };
}

export function longAppointment(site: Site, a: Appointment): Wire {
  const staff = site.staff.get(a.staff);
  const service = site.services.get(a.service);
  const branch = site.branches.get(a.branch);
  const c = site.customers.get(a.customer);
  const wire: Wire = {
    id: a.id,
    apptid: a.id,
    conf: a.conf,
    status: a.status,
    staff: a.staff,
    staffname: staff?.name ?? "",
    service: a.service,
    servicename: service?.name ?? "",
    branch: a.branch,
    branchname: branch?.name ?? "",
    from: formatApiMinute(a.from),
    to: formatApiMinute(a.to),
    customerid: a.customer,
    first: c?.first ?? "",
    last: c?.last ?? "",
    cell: c?.cell ?? "",
    email: c?.email ?? "",
    tz: c?.tz ?? "",
    slotid: a.slot,
    participants: String(a.participants),
    iscoming: a.iscoming,
    showstatus: a.showstatus,
    color: a.color,
    notes: a.notes,
    tmp_expire_date: a.tmpExpire ? formatApiMinute(a.tmpExpire) : "",
    islozamin: a.isLozamin ? "1" : "0",
  };
  for (let i = 1; i <= 20; i++) {
    const v = a.extra[`af${i}`];
    if (v) wire[`af${i}`] = v;
  }
  return wire;
}

export function slotShape(site: Site, s: Slot): Wire {
  const { members, placesLeft } = slotOccupancy(site, s);
  return {
    slotid: s.id,
    vfib: s.vfib,
    staff: s.staff,
    services: s.services,
    from: formatApiMinute(s.from),
    to: formatApiMinute(s.to),
    maxmembers: String(s.maxmembers),
    members: String(members),
    placesleft: String(placesLeft),
    status: s.status,
    zoom: s.zoom,
  };
}

export function customerShape(c: Customer): Wire {
  const wire: Wire = {
    customerid: c.id,
    vfib: c.vfib,
    first: c.first,
    last: c.last,
    cell: c.cell,
    email: c.email,
    tz: c.tz,
    street: c.street,
    city: c.city,
  };
  for (let i = 1; i <= 10; i++) {
    const v = c.extra[`cx${i}`];
    if (v) wire[`cx${i}`] = v;
  }
  wire.createdate = formatApiDate(c.createdAt);
  wire.status = c.status;
  return wire;
}

export function historyShape(h: HistoryEntry): Wire {
  return {
    date: h.at.toFormat("yyyyMMddHHmmss"),
    action: h.action,
    updateby: h.updateby,
    description: h.description,
  };
}

export function subscriptionShape(site: Site, s: Subscription): Wire {
  const used = subscriptionUse(site, s).reduce((n, a) => n + a.participants, 0);
  return {
    subid: s.id,
    customerid: s.customer,
    name: s.name,
    from: formatApiDate(s.from),
    to: formatApiDate(s.to),
    total: String(s.total),
    used: String(used),
    left: String(Math.max(0, s.total - used)),
    status: s.status,
  };
}

/** Live appointments drawing on a subscription, oldest first. */
export function subscriptionUse(site: Site, s: Subscription): Appointment[] {
  return [...site.appointments.values()]
    .filter((a) => a.subscription === s.id && a.status === "1")
    .sort((x, y) => x.from.toMillis() - y.from.toMillis());
}

/** The webhook body without `id` and `sh` (webhooks.ts adds those when it numbers the notification). */
export function webhookBody(site: Site, a: Appointment, action: string, updateby: string): Wire {
  const staff = site.staff.get(a.staff);
  const service = site.services.get(a.service);
  const c = site.customers.get(a.customer);
  const wire: Wire = {
    action,
    apptid: a.id,
    apptstatus: a.status,
    customerid: a.customer,
    From_date: formatWebhookDate(a.from),
    to_date: formatWebhookDate(a.to),
    staff: a.staff,
    staffname: staff?.name ?? "",
    service: a.service,
    servicename: service?.name ?? "",
    customercell: c?.cell ?? "",
    customerfirst: c?.first ?? "",
    customerlast: c?.last ?? "",
    updateby,
    tmp_expire_date: a.tmpExpire ? formatWebhookDate(a.tmpExpire) : "",
    iscoming: a.iscoming,
    showstatus: a.showstatus,
  };
  for (let i = 1; i <= 20; i++) wire[`af${i}`] = a.extra[`af${i}`] ?? "";
  for (let i = 1; i <= 10; i++) wire[`cf${i}`] = c?.extra[`cx${i}`] ?? "";
  wire.marketing = c?.marketing ?? "0";
  return wire;
}
