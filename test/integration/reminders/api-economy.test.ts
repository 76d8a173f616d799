import type { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { offsetsOnly, SITE, startPipeline, waitFor } from "./pipeline-world.ts";

/** Issue 13, section 5: send-time verification costs one call a site a minute, not one apptinfo each. */
type P = Awaited<ReturnType<typeof startPipeline>>;
let p: P;
afterEach(async () => {
  await p?.stop();
});

const five = (now: DateTime) =>
  Array.from({ length: 5 }, (_, i) => {
    const from = now.plus({ minutes: 90 }).startOf("minute");
    return {
      id: String(8200 + i),
      staff: i % 2 ? "12" : "11",
      service: "21",
      customer: "900",
      from,
      to: from.plus({ minutes: 10 }),
    };
  });

describe("send-time verification", () => {
  it("five reminders due together cost one apptlist and no apptinfo; a cancel older than the last scan still withdraws one", async () => {
    p = await startPipeline({ appointments: five, plan: offsetsOnly([60]), offsets: [60] });
    await p.jobs.runScan(SITE);
    const cancel = await fetch(`${p.adminUrl}/sites/${SITE}/appointments/8203/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(cancel.status).toBe(200);
    await p.redis.del(p.app.keys.scanFresh(SITE)); // a minute later: the last scan no longer vouches
    // Count each call by name with zero-delay latency faults (the emulator spends one per call).
    const meter = async (call: string) =>
      fetch(`${p.adminUrl}/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ mode: "latency", ms: 0, count: 1000, calls: [call] }),
      });
    await meter("apptlist");
    await meter("apptinfo");
    const used = async (call: string) => {
      const { faults } = (await (await fetch(`${p.adminUrl}/faults`)).json()) as {
        faults: Array<{ calls: string[]; remaining: number }>;
      };
      const f = faults.find((x) => x.calls[0] === call);
      return 1000 - (f?.remaining ?? 1000);
    };
    const jobs = await p.jobs.queues.reminders.getDelayed();
    expect(jobs).toHaveLength(5);
    for (const j of jobs) await j.changeDelay(0);
    p.jobs.startWorkers();
    await waitFor(() => p.sent.length === 4 && p.skips.length === 1, 30_000);
    expect(p.skips).toEqual(["cancelled"]);
    // one apptlist (the send-time lu scan) for all five, and the full scan it starts to re-plan
    // the cancellation no webhook told of (at most one more)
    expect(await used("apptinfo")).toBe(0);
    expect(await used("apptlist")).toBeLessThanOrEqual(2);
  }, 60_000);

  it("the scheduled scan waits for SCAN_EVERY_HEALTHY while webhooks look healthy, and SCAN_EVERY once they look off", async () => {
    p = await startPipeline({ appointments: five, plan: offsetsOnly([60]), offsets: [60] });
    // the demo sites have a webhook key: a scan a minute ago is recent enough
    expect(await p.jobs.scheduledScan(SITE)).toMatchObject({ changed: true });
    expect(await p.jobs.scheduledScan(SITE)).toEqual({ skipped: "webhooks_healthy" });
    // a change no webhook told of: the next scheduled scan runs at the short period
    const now = String(Date.now());
    await p.redis.hset(p.app.keys.webhookHealth(SITE), { lastMissedAt: now, missedSince: now, missed: "2" });
    expect(await p.jobs.scheduledScan(SITE)).toMatchObject({ changed: false, calls: 1 });
  }, 60_000);
});
