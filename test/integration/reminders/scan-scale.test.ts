import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { deletePrefix } from "../../support/redis-prefix.ts";
import { offsetsOnly, SITE, startPipeline } from "./pipeline-world.ts";

type P = Awaited<ReturnType<typeof startPipeline>>;
let p: P;
afterEach(async () => {
  await p?.stop();
});

/** 1,000 appointments spread over the next 48 hours, two staff, every 5 minutes. */
const thousand = (now: DateTime) =>
  Array.from({ length: 1000 }, (_, i) => {
    const from = now.startOf("hour").plus({ hours: 3, minutes: 5 * Math.floor(i / 2) });
    return {
      id: String(20_000 + i),
      staff: i % 2 ? "12" : "11",
      service: "21",
      customer: "900",
      from,
      to: from.plus({ minutes: 5 }),
    };
  });

describe("scan at scale", () => {
  it("1,000 appointments in 48 h: one scan plans every reminder, a second scan is one 'no new information' call", async () => {
    p = await startPipeline({ appointments: thousand, plan: offsetsOnly([120, 60]), offsets: [120, 60] });
    const first = await p.jobs.runScan(SITE);
    expect(first.reconciled).toBe(1000);
    const now = DateTime.now();
    const expected = [...p.emulator.site(SITE).appointments.values()].reduce(
      (n, a) => n + [120, 60].filter((o) => a.from.minus({ minutes: o }) > now.minus({ seconds: 5 })).length,
      0,
    );
    expect(await p.jobs.queues.reminders.getDelayedCount()).toBe(expected);

    const second = await p.jobs.runScan(SITE);
    // The horizon (3 days) fits one 60-day window: one call, answered "no new information".
    expect(second).toEqual({ changed: false, calls: 1, reconciled: 0 });
    expect(await p.jobs.queues.reminders.getDelayedCount()).toBe(expected);
    console.log(
      `scan of 1000 appointments: ${first.calls} apptlist call(s), ${expected} reminders; re-scan: ${second.calls} call`,
    );
  }, 60_000);

  it("after the test's Redis keys are wiped, the next scan rebuilds every reminder", async () => {
    p = await startPipeline({
      appointments: (now) => thousand(now).slice(0, 50),
      plan: offsetsOnly([60]),
      offsets: [60],
    });
    await p.jobs.runScan(SITE);
    const before = (await p.jobs.queues.reminders.getDelayed()).map((j) => j.id).sort();
    expect(before).toHaveLength(50);
    // Lose Redis: only this test's prefix (other tests share the server).
    await deletePrefix(p.redis, p.app.keys.prefix);
    expect(await p.jobs.queues.reminders.getDelayedCount()).toBe(0);
    await p.jobs.runScan(SITE);
    expect((await p.jobs.queues.reminders.getDelayed()).map((j) => j.id).sort()).toEqual(before);
  }, 60_000);
});
