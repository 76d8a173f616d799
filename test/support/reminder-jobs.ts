import type { JobsOptions } from "bullmq";
import type { DateTime } from "luxon";
import { reminderJobId } from "../../jobs/queues.ts";

/**
 * A reminder job as the planner leaves it (its job id, the planned start), due now unless
 * `opts.delay` says otherwise: for tests that make reminders fall due without waiting for them.
 */
export function dueReminderJob(
  site: string,
  appt: { id: string; from: DateTime },
  opts: JobsOptions & { offsetMin?: number } = {},
) {
  const { offsetMin = 1, ...jobOpts } = opts;
  return {
    name: "remind",
    data: { site, apptId: appt.id, offsetMin, plannedStart: appt.from.toUTC().toISO()! },
    opts: {
      jobId: reminderJobId({ site, apptId: appt.id, offsetMin }),
      attempts: 5,
      backoff: { type: "fixed", delay: 500 },
      ...jobOpts,
    },
  };
}
