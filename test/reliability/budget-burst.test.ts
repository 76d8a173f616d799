import { expect, it } from "vitest";
import { offsetsOnly, SITE, startPipeline, waitFor } from "../integration/reminders/pipeline-world.ts";
import { dueReminderJob } from "../support/reminder-jobs.ts";

const N = 8;
const PER_MINUTE = 4;

it(`${N} reminders fall due after the site's ${PER_MINUTE}-calls-a-minute budget was spent: all go out once it frees, none lost`, async () => {
  const calls: number[] = [];
  const p = await startPipeline({
    appointments: (now) =>
      Array.from({ length: N }, (_, i) => {
        // A minute apart, so each reminder's text (its time) is its own.
        const from = now.plus({ hours: 3, minutes: i }).startOf("minute");
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
    fetch: (input, init) => {
      calls.push(Date.now());
      return fetch(input, init);
    },
  });
  try {
    // Something else (a staff command, a digest) spent this minute's budget just before.
    const client = p.app.clients.get(SITE)!;
    for (let i = 0; i < PER_MINUTE; i++) await client.siteinfo();
    const budgetFreesAt = calls[0]! + 60_000;

    p.jobs.startWorkers(["reminders", "telegram-outbound"]);
    const appts = [...p.emulator.site(SITE).appointments.values()];
    // Every reminder due now, with the retry settings the planner gives them.
    await p.jobs.queues.reminders.addBulk(
      appts.map((a) => dueReminderJob(SITE, a, { backoff: { type: "exponential", delay: 1_000 } })),
    );
    await waitFor(() => p.sent.length === N, 140_000);
    const lastAt = Math.max(...p.sent.map((s) => s.at));
    console.log(
      `budget burst: ${N} reminders, budget spent beforehand, last delivered ${((lastAt - budgetFreesAt) / 1000).toFixed(1)} s after the budget freed`,
    );
    // Before the fix, the send-time scan refused by the budget gave up for its minute, so each
    // reminder read its appointment alone (8 apptinfo at 4 a minute) after doubling deferrals:
    // half were still waiting after 140 s. Now they wait for the budget and one scan covers all.
    // Delayed by the budget, not sent around it and not dropped.
    expect(Math.min(...p.sent.map((s) => s.at))).toBeGreaterThanOrEqual(budgetFreesAt);
    // Soon after it frees: not after doubling deferrals that overshoot the minute.
    expect(lastAt - budgetFreesAt).toBeLessThan(30_000);
    expect(new Set(p.sent.map((m) => m.messages[0]?.text)).size).toBe(N);
    expect(await p.jobs.queues.reminders.getFailedCount()).toBe(0);
    // The budget held throughout: never more than its calls in any minute.
    for (const t of calls)
      expect(calls.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(PER_MINUTE);
  } finally {
    await p.stop();
  }
}, 180_000);
