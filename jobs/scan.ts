import type { Job, Queue } from "bullmq";
import type { DateTime } from "luxon";
import type { Logger } from "pino";
import type { Appointment } from "../src/domain/appointment.ts";
import type { CursorStore } from "../src/tor4you/cursor-store.ts";
import { scanChanges } from "../src/tor4you/scan.ts";
import type { AppointmentAccess } from "./appointments.ts";
import type { JobsSite } from "./deps.ts";
import { type ScanPayload, scanPayload } from "./queues.ts";

/**
 * The scan queue: per site, every SCAN_EVERY, the appointments changed since the last scan (the
 * cursor) over the planning horizon, each reconciled into its reminders. It catches what a lost
 * webhook missed.
 */
export function createScanJobs(deps: {
  queue: Queue<ScanPayload>;
  sites: readonly JobsSite[];
  appointments: AppointmentAccess;
  cursors: CursorStore;
  now: () => DateTime;
  logger: Logger;
}) {
  const { appointments } = deps;

  async function runScan(siteId: string) {
    const s = appointments.site(siteId)!;
    const from = deps.now().setZone(s.timezone).startOf("day");
    let reconciled = 0;
    const result = await scanChanges(
      { client: appointments.client(siteId), cursors: deps.cursors },
      { from, to: from.plus({ days: s.horizonDays }), format: 2, showCancelled: true },
      async (appts) => {
        const known: Appointment[] = [];
        for (const listed of appts) {
          let a = listed;
          if (a.status === "unknown") {
            // Listed without a status: ask for it alone; until then its reminders stay as they are.
            const r = await appointments.readEvidence(siteId, a.id);
            if (r.kind !== "found") {
              deps.logger.info(
                { site: siteId, apptId: a.id },
                "listed without a status and not readable: left as is",
              );
              continue;
            }
            a = r.appt;
          }
          known.push(a);
        }
        await appointments.observeMany(siteId, known);
        reconciled += known.length;
      },
    );
    deps.logger.info({ site: siteId, changed: result.changed, calls: result.calls, reconciled }, "scan done");
    return { changed: result.changed, calls: result.calls, reconciled };
  }

  return {
    runScan,
    process: async (job: Job) => runScan(scanPayload.parse(job.data).site),
    /** A scan every SCAN_EVERY per site (a BullMQ 6 job scheduler, not `repeat`). */
    async schedule() {
      for (const s of deps.sites) {
        await deps.queue.upsertJobScheduler(
          `scan-${s.id}`,
          { every: s.scanEveryMs },
          { name: "scan", data: { site: s.id } },
        );
      }
    },
  };
}
