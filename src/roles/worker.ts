import type { Base } from "./base.ts";

/**
 * The `worker` role (and part of `all`): every background queue's worker (scans, syncs, reminders,
 * digests, staff alerts, Telegram sending) and the scan schedule. Its workers stop after the
 * intake, letting active jobs finish.
 */
export async function startWorker(base: Base): Promise<void> {
  const { jobs } = base.background;
  base.shutdown.add("workers", () => jobs.closeWorkers());
  jobs.startWorkers();
  await jobs.scheduleScans();
  base.print(
    `  workers: scan every ${Math.round((base.sites[0]?.scanEveryMs ?? 600_000) / 60_000)} min, reminders, outbound`,
  );
}
