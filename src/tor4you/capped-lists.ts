import type { DateTime } from "luxon";
import { inZone } from "../core/zones.ts";
import type { Appointment } from "../domain/appointment.ts";
import { listAppointments, mergeById } from "./apptlist-range.ts";
import type { Tor4YouClient } from "./client.ts";
import { fetchCappedRange } from "./day-windows.ts";
import type { CustApptsParams, CustListParams } from "./endpoints/customers.ts";
import type { SlotListParams } from "./endpoints/slots.ts";
import { API_LIMITS } from "./endpoints.ts";
import { Tor4YouResultCapError } from "./errors.ts";
import { type DateInput, toDay } from "./inputs.ts";
import type { Customer, Slot } from "./types.ts";

/**
 * The lists Tor4You cuts short without saying so (slotlist at 1000 rows, custlist at 500,
 * custappts at 25), read whole: an answer that reaches its cap is taken as truncated and the rest
 * is fetched, by smaller date windows, by id pages, or from apptlist.
 */

/** Every slot in a range of any length (60-day windows, a window of 1000 halved), earliest first. */
export async function listSlots(
  client: Pick<Tor4YouClient, "slotlist" | "zone">,
  query: Omit<SlotListParams, "from" | "to"> & { from: DateInput; to: DateInput },
): Promise<Slot[]> {
  const zone = client.zone;
  const rows = await fetchCappedRange<Slot>(
    { from: toDay("from", query.from, zone), to: toDay("to", query.to, zone) },
    {
      maxDays: API_LIMITS.slotlistDays,
      cap: API_LIMITS.slotlistRows,
      endpoint: "slotlist",
      zone,
      fetch: (w) => client.slotlist({ ...query, from: w.from, to: w.to }),
    },
  );
  const byId = new Map(rows.map((s) => [s.id, s]));
  return [...byId.values()].sort(
    (a, b) => a.start.toMillis() - b.start.toMillis() || a.id.localeCompare(b.id),
  );
}

/**
 * Every customer the filters match, in pages of 500 by id. The reference does not say whether
 * `minid`/`maxid` include their bound, so the next page starts at the last id seen (kept once).
 * A page in ascending id order is taken as the lowest ids (what `ORDER BY id LIMIT` gives);
 * a page in any other order may have been cut anywhere, so the ids below it are asked for too.
 */
export async function listCustomers(
  client: Pick<Tor4YouClient, "custlist">,
  filters: Omit<CustListParams, "minId" | "maxId"> & {
    minId?: number | string;
    maxId?: number | string;
  } = {},
): Promise<Customer[]> {
  const cap = API_LIMITS.custlistRows;
  const byId = new Map<string, Customer>();
  const ranges: Array<{ min?: bigint; max?: bigint }> = [
    { min: bound(filters.minId), max: bound(filters.maxId) },
  ];
  while (ranges.length > 0) {
    const r = ranges.pop()!;
    const page = await client.custlist({
      ...filters,
      minId: r.min === undefined ? undefined : String(r.min),
      maxId: r.max === undefined ? undefined : String(r.max),
    });
    const fresh = page.filter((c) => !byId.has(c.id)).length;
    for (const c of page) byId.set(c.id, c);
    if (page.length < cap) continue;
    // A full page that brings nothing new: the bounds are not being applied; never loop on it.
    if (fresh === 0) throw capError("custlist", cap, r);
    const ids = page.map((c) => BigInt(c.id));
    const lo = ids.reduce((a, b) => (b < a ? b : a));
    const hi = ids.reduce((a, b) => (b > a ? b : a));
    if (r.max === undefined || hi < r.max) ranges.push({ min: hi, max: r.max });
    const ascending = ids.every((id, i) => i === 0 || id > ids[i - 1]!);
    if (!ascending && (r.min === undefined || lo > r.min)) ranges.push({ min: r.min, max: lo });
  }
  return [...byId.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

/**
 * A customer's appointments as custappts gives them (upcoming, or from the oldest with
 * `showPast`), not cut at 25: a full answer is continued with apptlist for that customer from
 * the last row's day up to `until` (default: a year from now).
 */
export async function customerAppointments(
  client: Pick<Tor4YouClient, "custappts" | "apptlist" | "zone">,
  params: CustApptsParams,
  opts: { now: DateTime; until?: DateTime },
): Promise<Appointment[]> {
  const first = await client.custappts(params);
  if (first.length < API_LIMITS.custapptsRows) return first;
  const customerId = first[0]!.customer.id;
  const last = first.reduce((a, b) => (b.start > a.start ? b : a));
  const until = opts.until ?? opts.now.plus({ years: 1 });
  const rest = await listAppointments(client, {
    customer: customerId,
    format: 2,
    showCancelled: params.showCancelled,
    from: inZone(last.start, client.zone).startOf("day"),
    to: until,
  });
  const upcoming = params.showPast ? rest : rest.filter((a) => a.end > opts.now);
  return mergeById([...first, ...upcoming]);
}

function bound(v: number | string | undefined): bigint | undefined {
  return v === undefined || v === "" ? undefined : BigInt(v);
}

function capError(endpoint: string, cap: number, r: { min?: bigint; max?: bigint }) {
  const params: Record<string, string> = {};
  if (r.min !== undefined) params.minid = String(r.min);
  if (r.max !== undefined) params.maxid = String(r.max);
  return new Tor4YouResultCapError(cap, { endpoint, method: "GET", write: false, params });
}
