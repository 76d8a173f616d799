import { DateTime } from "luxon";
import type { Appointment } from "../../../src/domain/appointment.ts";
import type { ApptListParams } from "../../../src/tor4you/endpoints/appointments.ts";
import type { ApptListResult } from "../../../src/tor4you/types.ts";

const ZONE = "Asia/Jerusalem";

export function appt(id: string, day: string, hour = 10): Appointment {
  const start = DateTime.fromFormat(day, "yyyyMMdd", { zone: ZONE }).set({ hour });
  return {
    id,
    status: "live",
    start,
    end: start.plus({ minutes: 30 }),
    iscoming: 0,
    showstatus: 0,
    customer: {},
  };
}

const day = (v: unknown) => (DateTime.isDateTime(v) ? v.toFormat("yyyyMMdd") : String(v));

/**
 * apptlist over an in-memory calendar with the API's row cap: answers at most `cap` rows, and
 * "no new information" when the caller's lu equals the current `lu`.
 */
export function fakeApptlist(rows: Appointment[], cap = 1000) {
  const calls: { from: string; to: string; lu?: string }[] = [];
  const state = { lu: "20240101000000000" as string | undefined, rows };
  const source = {
    site: "fake-site",
    zone: ZONE,
    apptlist: async (p: ApptListParams): Promise<ApptListResult> => {
      const from = day(p.from ?? p.createFrom);
      const to = day(p.to ?? p.createTo);
      calls.push({ from, to, ...(p.lu ? { lu: p.lu } : {}) });
      if (p.lu && p.lu === state.lu) return { changed: false };
      const hit = state.rows.filter((a) => {
        const d = a.start.toFormat("yyyyMMdd");
        return d >= from && d <= to;
      });
      const appointments = hit.slice(0, cap);
      return state.lu ? { changed: true, appointments, lu: state.lu } : { changed: true, appointments };
    },
  };
  return { source, calls, state };
}
