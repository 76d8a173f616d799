import type { DateTime } from "luxon";
import type { Logger } from "pino";
import type { Appointment } from "../src/domain/appointment.ts";
import type { SkipCounter } from "../src/reminders/remind.ts";
import type { ConvergeResult, DesiredReminder, ReminderScheduler } from "./reminder-scheduler.ts";

export interface PlannedReminders {
  desired: DesiredReminder[];
  skipped: Array<{ offsetMin: number; reason: string }>;
}

export interface ReconcileDeps {
  scheduler: ReminderScheduler;
  /** The site's policy applied to one appointment as it is now. */
  plan: (site: string, appt: Appointment, now: DateTime, seenAt?: DateTime) => PlannedReminders;
  /** Every offset (minutes) the site's policy can produce, so stale jobs are found. */
  knownOffsets: (site: string) => number[];
  now: () => DateTime;
  logger: Logger;
  /** Counts decisions not to remind, by reason (a metric). */
  countSkip?: SkipCounter;
}

/**
 * The one planner both the scan and the webhooks feed: from an appointment's current state,
 * converge its reminder jobs. Running it twice changes nothing.
 */
export function createReconciler(deps: ReconcileDeps) {
  return {
    async reconcile(site: string, appt: Appointment, seenAt?: DateTime): Promise<ConvergeResult> {
      const now = deps.now();
      const planned = deps.plan(site, appt, now, seenAt);
      for (const s of planned.skipped) {
        deps.countSkip?.(site, s.reason, { apptId: appt.id, offsetMin: s.offsetMin });
        deps.logger.info(
          { site, apptId: appt.id, offsetMin: s.offsetMin, reason: s.reason },
          "no reminder planned",
        );
      }
      return deps.scheduler.converge(site, appt.id, appt.start, planned.desired, deps.knownOffsets(site));
    },
    /** `reconcile` for a scan's whole window: planned one by one, converged in bulk. */
    async reconcileMany(
      site: string,
      items: readonly { appt: Appointment; seenAt?: DateTime }[],
    ): Promise<ConvergeResult> {
      const now = deps.now();
      const planned = items.map(({ appt, seenAt }) => {
        const p = deps.plan(site, appt, now, seenAt);
        for (const s of p.skipped) {
          deps.countSkip?.(site, s.reason, { apptId: appt.id, offsetMin: s.offsetMin });
          deps.logger.info(
            { site, apptId: appt.id, offsetMin: s.offsetMin, reason: s.reason },
            "no reminder planned",
          );
        }
        return { apptId: appt.id, plannedStart: appt.start, desired: p.desired };
      });
      return deps.scheduler.convergeMany(site, planned, deps.knownOffsets(site));
    },
    /** Tor4You no longer knows the appointment: none of its reminders may fire. */
    async forget(site: string, apptId: string): Promise<ConvergeResult> {
      return deps.scheduler.converge(site, apptId, deps.now(), [], deps.knownOffsets(site));
    },
  };
}
export type Reconciler = ReturnType<typeof createReconciler>;
