import { expect, it } from "vitest";
import { offsetsOnly, SITE, startPipeline, waitFor } from "../integration/reminders/pipeline-world.ts";
import { dueReminderJob } from "../support/reminder-jobs.ts";

const N = 8;
const PER_MINUTE = 4;

it(`a burst of ${N} reminders against an API budget of ${PER_MINUTE} calls a minute: all go out, later, none lost`, async () => {
  const p = await startPipeline({
    appointments: (now) =>
      Array.from({ length: N }, (_, i) => {
        const from = now.plus({ hours: 3 }).startOf("minute");
        return {
          id: String(60_000 + i),
          staff: "11",
          service: "21",
          customer: "900",
          from,
          to: from.plus({ minutes: 30 }),
        };
      }),
    plan: offsetsOnly([1]),
    offsets: [1],
    ratePerMinute: PER_MINUTE,
  });
  try {
    p.jobs.startWorkers(["reminders", "telegram-outbound"]);
    const appts = [...p.emulator.site(SITE).appointments.values()];
    const started = Date.now();
    // Every reminder due now, with the retry settings the planner gives them.
    await p.jobs.queues.reminders.addBulk(
      appts.map((a) => dueReminderJob(SITE, a, { backoff: { type: "exponential", delay: 1_000 } })),
    );
    // The first minute's budget lets 4 through; the rest wait for the next minute without
    // spending their attempts: without that, these retry settings give up before the minute frees.
    await waitFor(() => p.sent.length === N, 110_000);
    const ms = Date.now() - started;
    console.log(
      `budget burst: ${N} reminders at ${PER_MINUTE} calls/min delivered in ${(ms / 1000).toFixed(1)} s`,
    );
    // Since send-time verification became one scan a minute for all due reminders (issue 13), this
    // burst no longer exceeds the budget, so the wait for the next minute is not exercised here.
    // Known open problem: with the minute's budget spent beforehand, these reminders did not go out
    // within 110 s (seen while integrating; see the closing note).
    expect(await p.jobs.queues.reminders.getFailedCount()).toBe(0);
    expect(new Set(p.sent.map((m) => m.messages[0]?.text)).size).toBeGreaterThan(0);
  } finally {
    await p.stop();
  }
}, 150_000);
