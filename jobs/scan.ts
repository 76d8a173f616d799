import { createHash } from "node:crypto";
import type { Job, Queue } from "bullmq";
import type { DateTime } from "luxon";
import type { Logger } from "pino";
import { inZone } from "../src/core/zones.ts";
import type { Appointment } from "../src/domain/appointment.ts";
import type { AppointmentSeen, OwnChanges } from "../src/storage/appointment-marks.ts";
import type { AppointmentSnapshots } from "../src/storage/appointment-snapshots.ts";
import type { WebhookHealth } from "../src/storage/webhook-health.ts";
import type { CursorStore } from "../src/tor4you/cursor-store.ts";
import { formatApiMinute } from "../src/tor4you/dates.ts";
import { scanChanges } from "../src/tor4you/scan.ts";
import type { AppointmentAccess } from "./appointments.ts";
import type { JobsSite } from "./deps.ts";
import { type ScanPayload, scanPayload } from "./queues.ts";
import type { Reconciler } from "./reconcile.ts";

/**
 * Where in its period a site's scan falls (ms after each multiple of the period): stable for a
 * site, so a restart keeps it, and spread evenly over many sites. Never 0, which BullMQ reads as
 * "no offset".
 */
export function scanOffset(siteId: string, everyMs: number): number {
  const h = createHash("sha256").update(siteId).digest().readUInt32BE(0);
  return 1 + (h % Math.max(1, everyMs - 1));
}

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
  reconciler: Reconciler;
  seen: AppointmentSeen;
  ownChanges: OwnChanges;
  snapshots?: AppointmentSnapshots;
  webhookHealth?: WebhookHealth;
  now: () => DateTime;
  logger: Logger;
}) {
  const { appointments } = deps;

  /** A change by the business the scan found before any webhook told of it: webhooks may be off. */
  async function noteMissed(siteId: string, appt: Appointment, before: { start: string | null } | null) {
    if (!deps.webhookHealth || !before?.start) return;
    const s = appointments.site(siteId)!;
    const moved = appt.status === "live" && formatApiMinute(appt.start, s.timezone) !== before.start;
    if (!moved && appt.status === "live") return;
    if (await deps.ownChanges.isOwn(siteId, appt.id)) return;
    await deps.webhookHealth.missedChange(siteId, deps.now().toMillis());
  }

  /**
   * Evidence by absence: a full listing of the window that succeeded and does not hold an
   * appointment we kept means it is gone (deleted) or moved out of it. Only days certainly covered
   * count: the last day is left out in case Tor4You's `to` is exclusive.
   */
  async function forgetAbsent(siteId: string, listed: Appointment[], from: DateTime, to: DateTime) {
    if (!deps.snapshots || to.diff(from, "days").days >= 60) return;
    const ids = new Set(listed.map((a) => a.id));
    const old = from.minus({ days: 2 });
    const stale: string[] = [];
    for (const k of await deps.snapshots.starts(siteId)) {
      if (k.start < old) stale.push(k.id);
      else if (k.start >= from && k.start < to && !ids.has(k.id)) {
        deps.logger.info(
          { site: siteId, apptId: k.id },
          "no longer listed on its day: its reminders are withdrawn",
        );
        await deps.reconciler.forget(siteId, k.id);
        await deps.seen.delete(siteId, k.id);
        stale.push(k.id);
      }
    }
    await deps.snapshots.delete(siteId, stale);
  }

  async function runScan(siteId: string) {
    const s = appointments.site(siteId)!;
    const startedAt = deps.now().toMillis();
    const from = inZone(deps.now(), s.timezone).startOf("day");
    const to = from.plus({ days: s.horizonDays });
    let reconciled = 0;
    const result = await scanChanges(
      { client: appointments.client(siteId), cursors: deps.cursors },
      { from, to, format: 2, showCancelled: true },
      async (appts) => {
        await forgetAbsent(siteId, appts, from, to);
        // What each appointment was when last reconciled, for the whole batch in one round trip
        // (one read per appointment was a thousand round trips a site).
        const before = deps.webhookHealth
          ? await deps.seen.getMany(
              siteId,
              appts.map((a) => a.id),
            )
          : new Map<string, { start: string | null }>();
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
          await noteMissed(siteId, a, before.get(a.id) ?? null);
          known.push(a);
        }
        await deps.snapshots?.put(siteId, known);
        await appointments.observeMany(siteId, known);
        reconciled += known.length;
      },
    );
    await deps.snapshots?.setFresh(siteId, startedAt);
    // Appointments over for two days no longer need their "seen" record (moves and echoes of
    // them are history); those seen without a start go after 30 days.
    const pruned = await deps.seen.prune(
      siteId,
      formatApiMinute(from.minus({ days: 2 }), s.timezone),
      startedAt - 30 * 24 * 3600_000,
    );
    deps.logger.info(
      { site: siteId, changed: result.changed, calls: result.calls, reconciled, pruned },
      "scan done",
    );
    return { changed: result.changed, calls: result.calls, reconciled };
  }

  /**
   * The send-time scan: the same `lu` listing on a cursor of its own, which only refreshes what
   * send-time checks read (and withdraws what is gone), so it answers within a reminder's job
   * however many appointments changed. A change it finds that was not reconciled yet (no webhook
   * told of it) starts a full scan at once, which re-plans.
   */
  async function runVerifyScan(siteId: string) {
    const s = appointments.site(siteId)!;
    const startedAt = deps.now().toMillis();
    const from = inZone(deps.now(), s.timezone).startOf("day");
    const to = from.plus({ days: s.horizonDays });
    const cursors: CursorStore = {
      get: (siteKey, signature) => deps.cursors.get(siteKey, `verify-${signature}`),
      set: (siteKey, signature, lu) => deps.cursors.set(siteKey, `verify-${signature}`, lu),
    };
    let unplanned = false;
    const result = await scanChanges(
      { client: appointments.client(siteId), cursors },
      { from, to, format: 2, showCancelled: true },
      async (appts) => {
        await forgetAbsent(siteId, appts, from, to);
        const known = appts.filter((a) => a.status !== "unknown");
        await deps.snapshots?.put(siteId, known);
        await deps.snapshots?.delete(
          siteId,
          appts.filter((a) => a.status === "unknown").map((a) => a.id),
        );
        const seen = await deps.seen.getMany(
          siteId,
          known.map((a) => a.id),
        );
        for (const a of known) {
          const before = seen.get(a.id);
          const start = a.status === "live" ? formatApiMinute(a.start, s.timezone) : null;
          if ((before?.start ?? null) !== start) unplanned = true;
        }
      },
    );
    await deps.snapshots?.setFresh(siteId, startedAt);
    if (unplanned) {
      await deps.queue.add(
        "scan",
        { site: siteId, force: true },
        { jobId: `scan-now-${siteId}-${Math.floor(startedAt / 60_000)}`, removeOnComplete: { age: 3600 } },
      );
    }
    deps.logger.info(
      { site: siteId, changed: result.changed, calls: result.calls, unplanned },
      "send-time scan done",
    );
    return result;
  }

  /**
   * What the scan's job scheduler runs every scanEveryMs: while webhooks arrive and verify, only
   * every scanEveryHealthyMs (any scan, the send-time one too, counts), so it is back at the short
   * period as soon as they look off.
   */
  async function scheduledScan(siteId: string, force = false) {
    const s = appointments.site(siteId);
    if (!s) return { skipped: "unknown_site" };
    if (!force && s.webhooks && s.scanEveryHealthyMs && deps.webhookHealth && deps.snapshots) {
      const nowMs = deps.now().toMillis();
      const health = await deps.webhookHealth.status(siteId, nowMs);
      const age = nowMs - (await deps.snapshots.freshAt(siteId));
      if (health.healthy && age < s.scanEveryHealthyMs - s.scanEveryMs / 2)
        return { skipped: "webhooks_healthy" };
    }
    return runScan(siteId);
  }

  return {
    runScan,
    runVerifyScan,
    scheduledScan,
    process: async (job: Job) => {
      const { site, force } = scanPayload.parse(job.data);
      return scheduledScan(site, force);
    },
    /**
     * A scan every SCAN_EVERY per site (a BullMQ 6 job scheduler, not `repeat`), each site at its
     * own point of the period: a thousand sites started together would otherwise scan in the same
     * second, every period, and queue behind each other and the shared Redis. A site seen for the
     * first time is scanned at once too, so a new deployment plans its reminders without waiting.
     */
    async schedule() {
      for (const s of deps.sites) {
        const id = `scan-${s.id}`;
        const known = await deps.queue.getJobScheduler(id);
        await deps.queue.upsertJobScheduler(
          id,
          { every: s.scanEveryMs, offset: scanOffset(s.id, s.scanEveryMs) },
          { name: "scan", data: { site: s.id } },
        );
        if (!known)
          await deps.queue.add(
            "scan",
            { site: s.id },
            { jobId: `scan-first-${s.id}`, removeOnComplete: true },
          );
      }
    },
  };
}
