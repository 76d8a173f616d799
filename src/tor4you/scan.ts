import type { Appointment } from "../domain/appointment.ts";
import type { DayWindow } from "./apptlist-range.ts";
import {
  type AppointmentQuery,
  type ApptListSource,
  fetchHalves,
  mergeById,
  queryRange,
  type RangeOptions,
  splitRange,
  windowParams,
} from "./apptlist-range.ts";
import type { CursorStore } from "./cursor-store.ts";
import { formatApiDate, TOR4YOU_ZONE } from "./dates.ts";
import { API_LIMITS } from "./endpoints.ts";
import { sha256Hex } from "./signature.ts";

export interface ScanDeps {
  client: ApptListSource & { site: string };
  cursors: CursorStore;
}

export interface ScanResult {
  changed: boolean;
  /** Every appointment of the windows that changed (Tor4You answers a changed query in full). */
  appointments: Appointment[];
  /** apptlist calls made (a window at the row cap costs more). */
  calls: number;
}

/**
 * Reconciliation scan with apptlist's `lu`: each ≤60-day window of the query keeps its own cursor,
 * so scanning the same query again costs one call per window, answered "no new information" when
 * nothing changed. Cursors move only after `onChanges` resolves: a crash while handling the
 * changes means they are fetched again next time, not lost.
 */
export async function scanChanges(
  deps: ScanDeps,
  query: AppointmentQuery,
  onChanges: (appointments: Appointment[]) => Promise<void> | void,
  options: RangeOptions = {},
): Promise<ScanResult> {
  const { client, cursors } = deps;
  const zone = client.zone ?? TOR4YOU_ZONE;
  const cap = options.cap ?? API_LIMITS.apptlistRows;
  const pending: { signature: string; lu: string }[] = [];
  const rows: Appointment[] = [];
  let changed = false;
  let calls = 0;
  const counting: ApptListSource = {
    zone,
    apptlist: (p) => {
      calls++;
      return client.apptlist(p);
    },
  };

  for (const w of splitRange(queryRange(query, zone), options.maxDays ?? API_LIMITS.apptlistDays)) {
    const signature = querySignature(query, w, zone);
    const lu = await cursors.get(client.site, signature);
    const answer = await counting.apptlist(lu ? { ...windowParams(query, w), lu } : windowParams(query, w));
    if (answer.lu && answer.lu !== lu) pending.push({ signature, lu: answer.lu });
    if (!answer.changed) continue;
    changed = true;
    // A full window was probably truncated: fetch it in pieces, keeping the big answer's lu, which
    // is no newer than the pieces' data.
    rows.push(
      ...(answer.appointments.length >= cap
        ? await fetchHalves(counting, query, w, zone, cap)
        : answer.appointments),
    );
  }

  const appointments = mergeById(rows);
  if (changed) await onChanges(appointments);
  for (const { signature, lu } of pending) await cursors.set(client.site, signature, lu);
  return { changed, appointments, calls };
}

/** Stable across processes and restarts: the window and every filter that changes the answer. */
export function querySignature(query: AppointmentQuery, w: DayWindow, zone: string): string {
  const parts = {
    by: query.by ?? "appointment",
    from: formatApiDate(w.from, zone),
    to: formatApiDate(w.to, zone),
    format: query.format ?? 1,
    showCancelled: Boolean(query.showCancelled),
    staff: idOrNull(query.staff),
    service: idOrNull(query.service),
    customer: idOrNull(query.customer),
    slotId: idOrNull(query.slotId),
  };
  return sha256Hex(JSON.stringify(parts)).slice(0, 24);
}

function idOrNull(v: string | number | undefined): string | null {
  return v === undefined ? null : String(v).trim();
}
