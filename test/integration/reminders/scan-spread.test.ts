import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import type { JobsSite } from "../../../jobs/deps.ts";
import { queueOptions, type ScanPayload } from "../../../jobs/queues.ts";
import { createScanJobs, scanOffset } from "../../../jobs/scan.ts";
import { deletePrefix } from "../../support/redis-prefix.ts";
import { connectTestRedis } from "../../support/test-redis.ts";

const redis = connectTestRedis({ maxRetriesPerRequest: null });
const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await deletePrefix(redis, p);
  await redis.quit();
});

const EVERY = 10 * 60_000;
/** Only what scheduling reads of a site: its id and its period. */
const site = (id: string) => ({ id, scanEveryMs: EVERY }) as JobsSite;

/** The scan jobs' scheduling on a queue of its own; the scan itself is not run here. */
function scans(sites: JobsSite[]) {
  const prefix = `test-${randomBytes(6).toString("hex")}`;
  prefixes.push(prefix);
  const queue = new Queue<ScanPayload>("scan", queueOptions(redis, prefix, "scan"));
  const jobs = createScanJobs({ queue, sites } as unknown as Parameters<typeof createScanJobs>[0]);
  return { queue, jobs };
}

describe("scans of many sites are spread over their period", () => {
  it("gives 500 sites their own points in the 10-minute period instead of one moment", async () => {
    const sites = Array.from({ length: 500 }, (_, i) => site(`s${318000 + i}`));
    const { queue, jobs } = scans(sites);
    try {
      await jobs.schedule();
      const schedulers = await queue.getJobSchedulers(0, -1);
      expect(schedulers).toHaveLength(500);
      // Where each next scan falls within the period, by minute of the period.
      const perMinute = new Array(10).fill(0);
      for (const s of schedulers) perMinute[Math.floor(((s.next ?? 0) % EVERY) / 60_000)]++;
      // Evenly spread would be 50 a minute; all at once would be 500 in one.
      expect(Math.max(...perMinute)).toBeLessThan(80);
      expect(Math.min(...perMinute)).toBeGreaterThan(25);
      // Stable per site: a restart keeps each site's point in the period.
      await jobs.schedule();
      const again = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s.next]));
      for (const s of schedulers) expect(again.get(s.key)).toBe(s.next);
      expect(scanOffset("s318000", EVERY)).toBeGreaterThan(0);
    } finally {
      await queue.close();
    }
  });

  it("scans a site seen for the first time at once, and not again on a restart", async () => {
    const { queue, jobs } = scans([site("s319001"), site("s319002")]);
    try {
      await jobs.schedule();
      const first = (await queue.getJobs(["waiting"])).map((j) => j.data.site).sort();
      expect(first).toEqual(["s319001", "s319002"]);
      await queue.drain();
      await jobs.schedule(); // the process restarts
      expect(await queue.getJobs(["waiting"])).toHaveLength(0);
    } finally {
      await queue.close();
    }
  });
});
