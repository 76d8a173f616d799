import { type CustomerInput, checkCustomerInput, createCustomer, replaceCustomer } from "../customers.ts";
import type { Customer, Site } from "../model.ts";
import { type Params, tokenMatches } from "../params.ts";
import { refuse } from "../refusal.ts";
import { customerShape } from "../wire-shapes.ts";
import type { CallHandler } from "./context.ts";

export const CUSTLIST_MAX = 500;

function findCustomer(site: Site, p: Params): Customer {
  const c = site.customers.get(p.id("customerid", { required: true }));
  if (!c || c.isLozamin) refuse("customer not found");
  return c;
}

function input(p: Params): CustomerInput {
  return {
    first: p.required("first"),
    last: p.required("last"),
    cell: p.required("cell"),
    tz: p.text("tz"),
    email: p.text("email"),
    street: p.text("street"),
    city: p.text("city"),
    extra: p.numbered("cx", 10),
  };
}

export const custinfo: CallHandler = ({ site, p }) => ({ customer: customerShape(findCustomer(site, p)) });

export const addcust: CallHandler = ({ site, p, store, now }) => {
  const c = createCustomer(store, site, checkCustomerInput(site, input(p)), now);
  return { customerid: c.id, vfib: c.vfib };
};

/**
 * Replaces the whole record: a field not sent becomes blank (the reference's IMPORTANT note).
 * The reference asks only for customerid; a vfib, when sent, must still match. No webhook.
 */
export const editcust: CallHandler = ({ site, p }) => {
  const c = findCustomer(site, p);
  if (c.status !== "1") refuse("customer is deleted");
  if (p.has("vfib") && !tokenMatches(c.vfib, p.text("vfib"))) refuse("vfib does not match");
  replaceCustomer(c, checkCustomerInput(site, input(p), c.id));
  return {};
};

export const delcust: CallHandler = ({ site, p }) => {
  const c = findCustomer(site, p);
  if (!tokenMatches(c.vfib, p.required("vfib"))) refuse("vfib does not match");
  if (c.status !== "1") refuse("customer is already deleted");
  c.status = "0";
  return {};
};

/** 1 yes, 2 no, blank any. */
function triState(p: Params, name: string): boolean | undefined {
  const v = p.int(name, 0, { min: 0, max: 2 });
  return v === 0 ? undefined : v === 1;
}

export const custlist: CallHandler = ({ site, p, now }) => {
  const all = p.flag("showcancelled");
  const minid = p.id("minid");
  const maxid = p.id("maxid");
  const minDate = p.has("mincreatedate") ? p.date("mincreatedate").startOf("day") : null;
  const maxDate = p.has("maxcreatedate") ? p.date("maxcreatedate").startOf("day").plus({ days: 1 }) : null;
  const hasAppt = triState(p, "hasappointment");
  const hasFuture = triState(p, "hasfutureappointment");
  const live = [...site.appointments.values()].filter((a) => a.status === "1");
  const withAppt = new Set(live.map((a) => a.customer));
  const withFuture = new Set(live.filter((a) => a.from > now).map((a) => a.customer));
  const rows = [...site.customers.values()]
    .filter((c) => !c.isLozamin && (all || c.status === "1"))
    .filter((c) => (!minid || Number(c.id) >= Number(minid)) && (!maxid || Number(c.id) <= Number(maxid)))
    .filter((c) => (!minDate || c.createdAt >= minDate) && (!maxDate || c.createdAt < maxDate))
    .filter((c) => hasAppt === undefined || withAppt.has(c.id) === hasAppt)
    .filter((c) => hasFuture === undefined || withFuture.has(c.id) === hasFuture)
    .sort((a, b) => Number(a.id) - Number(b.id))
    .slice(0, CUSTLIST_MAX);
  return { customers: rows.map(customerShape) };
};
