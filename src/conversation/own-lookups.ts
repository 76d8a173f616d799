import type { DateTime } from "luxon";
import { inZone } from "../core/zones.ts";
import type { Appointment } from "../domain/appointment.ts";
import type { ApptLookupParams } from "../tor4you/endpoints/appointments.ts";
import type { BookingApi } from "./ports.ts";

/** Where a customer's appointment list is kept between turns (src/storage/lookup-cache.ts). */
export interface LookupStore {
  get(site: string, cell: string): Promise<Appointment[] | null>;
  put(site: string, cell: string, appts: readonly Appointment[], readAt: number): Promise<void>;
  drop(site: string, cell: string): Promise<void>;
}

/**
 * A kept list turned out old when the turn was about to change something: nothing was changed,
 * and the engine runs the turn again on a fresh list.
 */
export class LookupChangedError extends Error {
  constructor() {
    super("the customer's appointments changed since they were kept; the turn runs again");
  }
}

/**
 * The chat's Tor4You calls for one turn, where every lookup of the customer's own appointments
 * (today, past, future, cancelled: whatever a flow asks) is served by one `apptbycellortz` of all
 * of them, kept briefly for the next turns. The bot's own changes drop it, as webhooks do.
 * A kept list may show, never act: before the turn's first change (book, cancel, confirm) a list
 * that came from the cache is read again, and if anything in it changed (a webhook that never
 * came, one still on its way) the turn stops there with LookupChangedError.
 */
export function withOwnLookups(
  api: BookingApi,
  o: { site: string; cell: string; zone: string; now: DateTime; store?: LookupStore; clock?: () => number },
): BookingApi {
  const clock = o.clock ?? Date.now;
  let all: Promise<Appointment[]> | null = null;
  /** The list this turn used came from the cache and is not yet checked against Tor4You. */
  let unchecked: Appointment[] | null = null;

  const readAll = () =>
    api.apptbycellortz({ cell: o.cell, showPast: true, showFuture: true, showCancelled: true });

  async function everything(): Promise<Appointment[]> {
    const kept = await o.store?.get(o.site, o.cell);
    if (kept) {
      unchecked = kept;
      return kept;
    }
    const readAt = clock();
    const rows = await readAll();
    await o.store?.put(o.site, o.cell, rows, readAt);
    return rows;
  }

  async function checkBeforeChange() {
    if (!unchecked) return;
    const kept = unchecked;
    unchecked = null;
    const now = await readAll();
    if (sameAppointments(kept, now)) return;
    await forget();
    throw new LookupChangedError();
  }

  async function forget() {
    all = null;
    await o.store?.drop(o.site, o.cell);
  }

  /** A write to one of the customer's appointments: whatever it did, the kept list is old now. */
  const dropping =
    <P, R>(call: (p: P) => Promise<R>) =>
    async (p: P): Promise<R> => {
      await checkBeforeChange();
      try {
        return await call(p);
      } finally {
        await forget();
      }
    };

  return {
    ...api,
    apptbycellortz: async (p: ApptLookupParams) => {
      if (p.tz !== undefined || p.cell !== o.cell) return api.apptbycellortz(p);
      if (!all) {
        all = everything();
        all.catch(() => {
          all = null;
        });
      }
      const rows = await all;
      // Without statuses, cancelled rows cannot be told from live ones: ask exactly as the flow did.
      if (!p.showCancelled && rows.some((a) => a.status === "unknown")) return api.apptbycellortz(p);
      return rows.filter((a) => shown(a, p, inZone(o.now, o.zone).startOf("day"))).map(copy);
    },
    addappt: dropping(api.addappt),
    delappt: dropping(api.delappt),
    iscoming: dropping(api.iscoming),
    showstatus: dropping(api.showstatus),
  };
}

/** What `apptbycellortz` answers for these flags: today by default, past and future when asked, live unless cancelled ones are asked for. */
function shown(a: Appointment, p: ApptLookupParams, today: DateTime): boolean {
  if (!p.showCancelled && (a.status === "cancelled" || a.status === "expired")) return false;
  const tomorrow = today.plus({ days: 1 });
  if (a.start < today) return Boolean(p.showPast);
  if (a.start >= tomorrow) return Boolean(p.showFuture);
  return true;
}

/** Everything a flow decides on: which appointments, their status, time, people and answer. */
function sameAppointments(a: readonly Appointment[], b: readonly Appointment[]): boolean {
  const key = (x: Appointment) =>
    [x.id, x.status, x.start.toMillis(), x.end.toMillis(), x.staffId, x.serviceId, x.iscoming, x.conf].join(
      "|",
    );
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** Flows may change what they are given; the kept list stays as Tor4You said it. */
function copy(a: Appointment): Appointment {
  return { ...a, customer: { ...a.customer } };
}
