import { DateTime } from "luxon";
import { zoneFor } from "../src/core/zones.ts";
import type { Appointment } from "../src/domain/appointment.ts";
import type { AppointmentSeen } from "../src/storage/appointment-marks.ts";
import type { AppointmentSnapshots } from "../src/storage/appointment-snapshots.ts";
import { type AppointmentReading, readAppointment } from "../src/tor4you/appointment-reading.ts";
import type { Tor4YouClient } from "../src/tor4you/client.ts";
import { formatApiMinute, parseApiMinute } from "../src/tor4you/dates.ts";
import type { JobsSite } from "./deps.ts";
import type { Reconciler } from "./reconcile.ts";

export const parseLocalMinute = (v: string, zone: string): DateTime | undefined => {
  try {
    return parseApiMinute(v, zone);
  } catch {
    return undefined;
  }
};

/** What the scan, sync, remind and staff-alert workers share: reading an appointment and reconciling it. */
export function createAppointmentAccess(deps: {
  sites: readonly JobsSite[];
  clients: ReadonlyMap<string, Tor4YouClient>;
  reconciler: Reconciler;
  seen: AppointmentSeen;
  snapshots?: AppointmentSnapshots;
  now: () => DateTime;
}) {
  const site = (id: string) => deps.sites.find((s) => s.id === id);
  const client = (id: string) => {
    const c = deps.clients.get(id);
    if (!c) throw new Error(`no Tor4You client for site ${id}`);
    return c;
  };

  /** Evidence about one appointment; `day` (where it is believed to be) lets a list stand in for a refused apptinfo. */
  async function readEvidence(siteId: string, apptId: string, day?: DateTime): Promise<AppointmentReading> {
    return readAppointment(client(siteId), apptId, day ? { day } : {});
  }

  /** Where the appointment was last seen (its day), for readEvidence. */
  async function lastSeenDay(
    siteId: string,
    apptId: string,
    seen?: Awaited<ReturnType<AppointmentSeen["get"]>>,
  ) {
    const before = seen === undefined ? await deps.seen.get(siteId, apptId) : seen;
    const s = site(siteId);
    return before?.start && s ? parseLocalMinute(before.start, s.timezone) : undefined;
  }

  /** null only on evidence that it is gone; a refusal or a fault throws, so the job retries later. */
  async function fetchAppointment(siteId: string, apptId: string): Promise<Appointment | null> {
    const r = await readEvidence(siteId, apptId, await lastSeenDay(siteId, apptId));
    if (r.kind === "found") return r.appt;
    if (r.kind === "gone") return null;
    throw new UnverifiedError(r.reason);
  }

  /** Reconcile one appointment and remember its start (to recognise a later move) and first sighting. */
  async function observe(
    siteId: string,
    appt: Appointment,
    seen?: Awaited<ReturnType<AppointmentSeen["get"]>>,
    from: "list" | "webhook" = "list",
  ) {
    const s = site(siteId)!;
    const before = seen === undefined ? await deps.seen.get(siteId, appt.id) : seen;
    // What a list (or apptinfo) said is what send-time checks read; a webhook's facts are merged by the caller.
    if (from === "list") await deps.snapshots?.put(siteId, [appt]);
    const firstSeenMs = before?.firstSeenMs || deps.now().toMillis();
    const result = await deps.reconciler.reconcile(
      siteId,
      appt,
      DateTime.fromMillis(firstSeenMs, { zone: zoneFor(s.timezone) }),
    );
    const start = appt.status === "live" ? formatApiMinute(appt.start, s.timezone) : null;
    await deps.seen.set(siteId, appt.id, start, firstSeenMs);
    return result;
  }

  /** `observe` for a scan's window: a few round trips for the lot instead of several each. */
  async function observeMany(siteId: string, appts: readonly Appointment[]) {
    const s = site(siteId)!;
    const nowMs = deps.now().toMillis();
    for (let i = 0; i < appts.length; i += 1000) {
      const chunk = appts.slice(i, i + 1000);
      const before = await deps.seen.getMany(
        siteId,
        chunk.map((a) => a.id),
      );
      const firstSeen = chunk.map((a) => before.get(a.id)?.firstSeenMs || nowMs);
      await deps.reconciler.reconcileMany(
        siteId,
        chunk.map((appt, k) => ({
          appt,
          seenAt: DateTime.fromMillis(firstSeen[k]!, { zone: zoneFor(s.timezone) }),
        })),
      );
      await deps.seen.setMany(
        siteId,
        chunk.map((a, k) => ({
          apptId: a.id,
          start: a.status === "live" ? formatApiMinute(a.start, s.timezone) : null,
          firstSeenMs: firstSeen[k]!,
        })),
      );
    }
  }

  return { site, client, readEvidence, lastSeenDay, fetchAppointment, observe, observeMany };
}
export type AppointmentAccess = ReturnType<typeof createAppointmentAccess>;

/** Tor4You refused or could not be reached: not evidence of anything, so the job tries again later. */
export class UnverifiedError extends Error {
  constructor(readonly reason: string) {
    super(`appointment could not be verified (${reason}); will retry`);
  }
}
