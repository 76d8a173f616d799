import { InvalidInputError } from "../core/errors.ts";
import type { Appointment } from "../domain/appointment.ts";
import type { Tor4YouClient } from "./client.ts";
import { formatApiDate, TOR4YOU_ZONE } from "./dates.ts";
import { type DayWindow, splitRange } from "./day-windows.ts";
import type { ApptListParams } from "./endpoints/appointments.ts";
import { API_LIMITS } from "./endpoints.ts";
import { Tor4YouResultCapError } from "./errors.ts";
import { type DateInput, inclusiveDays, toDay } from "./inputs.ts";

export { type DayWindow, splitRange };

/** An apptlist query over any range: split into calls the API accepts, merged back into one list. */
export interface AppointmentQuery
  extends Omit<ApptListParams, "from" | "to" | "createFrom" | "createTo" | "lu"> {
  from: DateInput;
  /** Inclusive. */
  to: DateInput;
  /** Which dates `from`/`to` select on: the appointment's own (default) or its creation date. */
  by?: "appointment" | "created";
}

export type ApptListSource = Pick<Tor4YouClient, "apptlist"> & { zone?: string };

export interface RangeOptions {
  /** Days per call; the API's limit is 60. */
  maxDays?: number;
  /** Rows at which an answer is taken as truncated; the API's limit is 1000. */
  cap?: number;
}

/**
 * Every appointment in the range, once each, sorted by start. A window whose answer reaches the
 * row cap was probably truncated, so it is fetched again in halves; a single day at the cap cannot
 * be split further and fails with Tor4YouResultCapError rather than silently losing rows.
 */
export async function listAppointments(
  client: ApptListSource,
  query: AppointmentQuery,
  options: RangeOptions = {},
): Promise<Appointment[]> {
  const zone = client.zone ?? TOR4YOU_ZONE;
  const maxDays = options.maxDays ?? API_LIMITS.apptlistDays;
  const rows: Appointment[] = [];
  for (const w of splitRange(queryRange(query, zone), maxDays)) {
    rows.push(...(await fetchUncapped(client, query, w, zone, options.cap ?? API_LIMITS.apptlistRows)));
  }
  return mergeById(rows);
}

export function queryRange(query: AppointmentQuery, zone: string): DayWindow {
  const from = toDay("from", query.from, zone);
  const to = toDay("to", query.to, zone);
  if (to < from) throw new InvalidInputError("to", "must not be before from");
  return { from, to };
}

export function windowParams(query: AppointmentQuery, w: DayWindow): ApptListParams {
  const { by, from: _f, to: _t, ...filters } = query;
  return by === "created"
    ? { ...filters, createFrom: w.from, createTo: w.to }
    : { ...filters, from: w.from, to: w.to };
}

export async function fetchUncapped(
  client: ApptListSource,
  query: AppointmentQuery,
  w: DayWindow,
  zone: string,
  cap: number,
): Promise<Appointment[]> {
  const answer = await client.apptlist(windowParams(query, w));
  const rows = answer.changed ? answer.appointments : [];
  if (rows.length < cap) return rows;
  return fetchHalves(client, query, w, zone, cap);
}

/** A window whose answer reached the cap: fetched again as two halves (a single day cannot be split). */
export async function fetchHalves(
  client: ApptListSource,
  query: AppointmentQuery,
  w: DayWindow,
  zone: string,
  cap: number,
): Promise<Appointment[]> {
  const days = inclusiveDays(w.from, w.to);
  if (days === 1) {
    const day = formatApiDate(w.from, zone);
    const dates: Record<string, string> =
      query.by === "created" ? { createfrom: day, createto: day } : { from: day, to: day };
    throw new Tor4YouResultCapError(cap, {
      endpoint: "apptlist",
      method: "GET",
      write: false,
      params: dates,
    });
  }
  const mid = w.from.plus({ days: Math.floor(days / 2) });
  const left = await fetchUncapped(client, query, { from: w.from, to: mid.minus({ days: 1 }) }, zone, cap);
  const right = await fetchUncapped(client, query, { from: mid, to: w.to }, zone, cap);
  return [...left, ...right];
}

/** Windows can overlap in what they return (a moved appointment); the later answer wins. */
export function mergeById(rows: Appointment[]): Appointment[] {
  const byId = new Map<string, Appointment>();
  for (const a of rows) byId.set(a.id, a);
  return [...byId.values()].sort(
    (a, b) => a.start.toMillis() - b.start.toMillis() || a.id.localeCompare(b.id),
  );
}
