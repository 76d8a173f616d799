import type { DateTime } from "luxon";
import { normalizeEmail } from "../domain/email.ts";
import { normalizeIsraeliId } from "../domain/israeli-id.ts";
import { normalizeCell } from "../domain/phone.ts";
import type { Customer, Site } from "./model.ts";
import { newConfToken } from "./random.ts";
import { refuse } from "./refusal.ts";
import type { Store } from "./store.ts";

export interface CustomerInput {
  first: string;
  last: string;
  cell: string;
  tz: string;
  email: string;
  street: string;
  city: string;
  /** cx1..cx10 as sent. */
  extra: Record<string, string>;
}

/**
 * Validates and normalizes what addcust / editcust / addappt send. The reference wants the cell as
 * exactly 10 digits starting with 05, so other spellings (+972…) are refused rather than fixed.
 */
export function checkCustomerInput(site: Site, input: CustomerInput, self?: string): CustomerInput {
  const first = input.first.trim();
  const last = input.last.trim();
  if (!first) refuse("first name is required");
  if (!last) refuse("last name is required");
  const cellRaw = input.cell.trim();
  if (!/^05\d{8}$/.test(cellRaw)) refuse("cell must be 10 digits starting with 05");
  const cell = normalizeCell(cellRaw);
  let tz = input.tz.trim();
  if (tz) tz = normalizeIsraeliId(tz);
  else if (site.settings.istz === "2") refuse("tz is required");
  const email = input.email.trim() ? normalizeEmail(input.email) : "";
  const sameName = findByFirstAndCell(site, first, cell);
  if (sameName && sameName.id !== self) refuse(`customer already exists (customerid ${sameName.id})`);
  if (tz) {
    const holder = findByTz(site, tz);
    if (holder && holder.id !== self) refuse("tz already belongs to another customer");
  }
  return { ...input, first, last, cell, tz, email, street: input.street.trim(), city: input.city.trim() };
}

export function liveCustomers(site: Site): Customer[] {
  return [...site.customers.values()].filter((c) => c.status === "1" && !c.isLozamin);
}

/** Uniqueness is first name + cell (a parent booking for a child gets a second record). */
export function findByFirstAndCell(site: Site, first: string, cell: string): Customer | undefined {
  const f = first.trim();
  return liveCustomers(site).find((c) => c.cell === cell && c.first.trim() === f);
}

export function findByTz(site: Site, tz: string): Customer | undefined {
  return liveCustomers(site).find((c) => c.tz !== "" && c.tz === tz);
}

export function createCustomer(store: Store, site: Site, input: CustomerInput, now: DateTime): Customer {
  const c: Customer = {
    id: store.nextId("customer"),
    vfib: newConfToken(),
    first: input.first,
    last: input.last,
    cell: input.cell,
    email: input.email,
    tz: input.tz,
    street: input.street,
    city: input.city,
    extra: pickSet(input.extra),
    marketing: "0",
    createdAt: now,
    status: "1",
    isLozamin: false,
  };
  site.customers.set(c.id, c);
  return c;
}

/** editcust semantics: every field not sent becomes blank (the reference's IMPORTANT note). */
export function replaceCustomer(c: Customer, input: CustomerInput): void {
  c.first = input.first;
  c.last = input.last;
  c.cell = input.cell;
  c.tz = input.tz;
  c.email = input.email;
  c.street = input.street;
  c.city = input.city;
  c.extra = pickSet(input.extra);
}

function pickSet(extra: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(extra).filter(([, v]) => v.trim() !== ""));
}
