/**
 * Issue goals for reminder planning at scale (sites × appointments in the emulator, two offsets):
 * the first scan of every site turns each appointment into delayed BullMQ jobs, 100,000 of them at
 * ≤ 0.1 ms per appointment (issue 16) and the time per appointment at 100k within 1.2× of that at
 * 10k; a second scan with nothing changed is cheap (the `lu` cursor); Redis holds ≤ 1.2 KB per
 * scheduled reminder, our own keys included (a bare BullMQ delayed job is about 0.9 KB).
 * Everything is real but Tor4You, which is the in-process emulator.
 *
 *   npx tsx bench/reminder-planning.ts     (REDIS_URL; SITES_LARGE=100 for a quicker run than the 100k)
 */

import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { reminderJobId } from "../jobs/queues.ts";
import { reminderJobOptions } from "../jobs/reminder-scheduler.ts";
import { demoSiteDefaults } from "../src/config/load.ts";
import { createEmulator } from "../src/emulator/emulator.ts";
import { buildSeed, buildSite } from "../src/emulator/seed.ts";
import { createMetrics } from "../src/http/metrics.ts";
import { createApp } from "../src/roles/app.ts";
import { createBackground } from "../src/roles/background.ts";
import { sitesFromEmulator } from "../src/roles/demo.ts";
import { deleteKeysUnder } from "../src/storage/prefix-cleanup.ts";
import { TEST_APP_SECRET } from "../test/support/app-secret.ts";

// Tor4You lists at most 1,000 appointments a day (the product refuses a truncated day), and the
// spread below may fall on one calendar day at night: 500 a site stays under it at any hour.
const PER_SITE = 500;
const SITES_SMALL = 20;
const SITES_LARGE = Number(process.env.SITES_LARGE ?? 200);
// The scan worker runs this many site scans at once (jobs/runtime.ts).
const CONCURRENCY = 5;

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
const root = `bench-${randomBytes(4).toString("hex")}`;
const logger = pino({ level: "silent" });

async function pool(items: string[], work: (item: string) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) await work(item);
    }),
  );
}

/** Bytes of every key under a prefix, exactly (SAMPLES 0 walks whole sets and hashes). */
async function bytesUnder(prefix: string) {
  let total = 0;
  for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
    const pipe = redis.pipeline();
    for (const key of batch as string[]) pipe.memory("USAGE", key, "SAMPLES", 0);
    for (const [, n] of (await pipe.exec()) ?? []) total += Number(n) || 0;
  }
  return total;
}

/** CPU time the Redis server has used so far, in ms (its main thread does the scripts). */
async function redisCpuMs() {
  const info = await redis.info("cpu");
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
  return (field("used_cpu_user") + field("used_cpu_sys")) * 1000;
}

/** One world of `siteCount` sites: scans them all twice and reports the times and the memory. */
async function run(siteCount: number) {
  const prefix = `${root}:w${siteCount}`;
  const now = DateTime.now();
  const emulator = createEmulator({
    limits: { perMinute: 1e6, perDay: 1e7 },
    seed: buildSeed(
      ...Array.from({ length: siteCount }, (_, s) =>
        buildSite(String(800_000 + s), {
          customers: [{ id: "900", first: "Noa", last: "Bar", cell: "0527777777" }],
          // From 25 h to 45 h ahead: both the 24 h and the 2 h reminder are still to come, and the
          // whole spread sits inside the scan's horizon (today plus 3 days) at any hour.
          appointments: Array.from({ length: PER_SITE }, (_, i) => {
            const from = now
              .plus({ hours: 25, minutes: Math.floor((i * 1200) / PER_SITE) })
              .startOf("minute");
            const id = String(100_000 + i);
            return {
              id,
              staff: i % 2 ? "12" : "11",
              service: "21",
              customer: "900",
              from,
              to: from.plus({ minutes: 30 }),
            };
          }),
        }),
      ),
    ),
  });
  const apiUrl = await emulator.listen(0);
  const defaults = demoSiteDefaults({
    DEFAULT_LOCALE: "en",
    REMINDER_OFFSETS: "24h,2h",
    QUIET_HOURS: "off",
    SHABBAT_QUIET: "false",
  });
  const sites = sitesFromEmulator(emulator, apiUrl, defaults).map((s) => ({
    ...s,
    tor4you: { ...s.tor4you, ratePerMinute: 1e6, ratePerDay: 1e7 },
  }));
  const app = createApp({
    appSecret: TEST_APP_SECRET,
    sites,
    redis,
    logger,
    defaultLocale: "en",
    keyPrefix: prefix,
  });
  const { jobs } = createBackground({ sites, app, connection: redis, logger, metrics: createMetrics() });
  const ids = sites.map((s) => s.id);

  let t = performance.now();
  const cpu0 = process.cpuUsage();
  const redisCpu0 = await redisCpuMs();
  await pool(ids, (id) => jobs.runScan(id));
  const firstMs = performance.now() - t;
  const redisCpuMsUsed = (await redisCpuMs()) - redisCpu0;
  // This process's CPU (the emulator's answers included, Redis's own work not): on a shared
  // machine it moves less with the load than the wall time does.
  const cpu = process.cpuUsage(cpu0);
  const firstCpuMs = (cpu.user + cpu.system) / 1000;
  const delayed = await jobs.queues.reminders.getDelayedCount();
  if (delayed !== 2 * siteCount * PER_SITE) throw new Error(`${delayed} reminders planned`);
  let reread = 0;
  t = performance.now();
  await pool(ids, async (id) => (reread += (await jobs.runScan(id)).reconciled));
  const againMs = performance.now() - t;
  if ((await jobs.queues.reminders.getDelayedCount()) !== delayed) throw new Error("re-plan changed jobs");
  const bytes = await bytesUnder(prefix);

  await jobs.close();
  await emulator.close();
  await deleteKeysUnder(redis, prefix);
  const appts = siteCount * PER_SITE;
  return {
    siteCount,
    appts,
    delayed,
    firstMs,
    againMs,
    reread,
    perApptMs: firstMs / appts,
    cpuPerApptMs: firstCpuMs / appts,
    redisCpuPerApptMs: redisCpuMsUsed / appts,
    bytesPerJob: bytes / delayed,
  };
}

/** The same number of BullMQ delayed jobs, same payload, nothing of ours around them. */
async function bareJobBytes(count: number) {
  const prefix = `${root}:bare`;
  const queue = new Queue("bare", { connection: redis, prefix });
  const plannedStart = DateTime.now().plus({ days: 1 }).toUTC().toISO()!;
  for (let i = 0; i < count; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
        name: "remind",
        data: { site: "800000", apptId: String(100_000 + i + k), offsetMin: 1440, plannedStart },
        opts: { jobId: `r-800000-${100_000 + i + k}-1440m`, delay: 86_400_000 },
      })),
    );
  }
  const bytes = await bytesUnder(prefix);
  await queue.close();
  await deleteKeysUnder(redis, prefix);
  return bytes / count;
}

/**
 * BullMQ's own cost for the same number of reminders and nothing else: delayed jobs with the
 * planner's ids and options, added 500 at a time like the planner does. The floor of any planner
 * that makes one BullMQ job per reminder when it plans.
 */
async function bareAddFloor(count: number) {
  const prefix = `${root}:floor`;
  const queue = new Queue("floor", { connection: redis, prefix });
  const plannedStart = DateTime.now().plus({ days: 1 }).toUTC().toISO()!;
  const nowMs = Date.now();
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  const redisCpu0 = await redisCpuMs();
  for (let i = 0; i < count; i += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, count - i) }, (_, k) => {
        const p = {
          site: "800000",
          apptId: String(100_000 + ((i + k) >> 1)),
          offsetMin: (i + k) % 2 ? 120 : 1440,
        };
        return {
          name: "remind",
          data: { ...p, plannedStart },
          opts: reminderJobOptions(reminderJobId(p), 86_400_000 + i + k, nowMs),
        };
      }),
    );
  }
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const redisMs = (await redisCpuMs()) - redisCpu0;
  await queue.close();
  await deleteKeysUnder(redis, prefix);
  return { ms, nodeCpuMs: (cpu.user + cpu.system) / 1000, redisMs };
}

async function main() {
  await run(1); // warm-up: JIT and connections would otherwise be charged to the 10k run
  const small = await run(SITES_SMALL);
  const large = await run(SITES_LARGE);
  const bare = await bareJobBytes(small.delayed);
  const floor = await bareAddFloor(large.delayed);
  const scaling = large.perApptMs / small.perApptMs;
  const scaled =
    SITES_LARGE === 200 ? "" : `scaled: ${SITES_LARGE} sites × ${PER_SITE} instead of 200 × ${PER_SITE}; `;
  const fastEnough = large.appts < 100_000 || large.perApptMs <= 0.1;
  const ok = small.bytesPerJob <= 1.2 * 1024 && scaling <= 1.2 && fastEnough && large.reread === 0;
  const kb = (b: number) => (b / 1024).toFixed(2);
  const summary =
    `${scaled}plan ${large.appts} appts → ${large.delayed} reminders in ${(large.firstMs / 1000).toFixed(1)} s ` +
    `(${large.perApptMs.toFixed(3)} ms/appt; ${small.appts}: ${small.perApptMs.toFixed(3)} ms/appt, ×${scaling.toFixed(2)}; ` +
    `process CPU ${large.cpuPerApptMs.toFixed(3)} ms/appt, ${small.cpuPerApptMs.toFixed(3)} at ${small.appts}; Redis CPU ${large.redisCpuPerApptMs.toFixed(3)} ms/appt; load average ${loadavg()[0]!.toFixed(1)}), ` +
    `BullMQ alone adding the same ${large.delayed} delayed jobs ${(floor.ms / 1000).toFixed(1)} s (${(floor.ms / large.appts).toFixed(3)} ms/appt; process CPU ${(floor.nodeCpuMs / large.appts).toFixed(3)}, Redis CPU ${(floor.redisMs / large.appts).toFixed(3)} ms/appt), ` +
    `no-change re-plan ${large.againMs.toFixed(0)} ms, ${large.reread} appts re-read (${small.againMs.toFixed(0)} ms at ${small.appts}), ` +
    `${kb(small.bytesPerJob)} KB/reminder with our keys vs bare BullMQ ${kb(bare)} KB (MEMORY USAGE of every key, ${small.delayed} jobs)`;
  console.log(
    `reminder planning: ${summary} (goals: ≤ 0.1 ms/appt at 100k, ≤ ×1.2, ≤ 1.2 KB) ${ok ? "OK" : "MISSED"}`,
  );
  appendFileSync(
    join(import.meta.dirname, "RESULTS.md"),
    `| ${new Date().toISOString().slice(0, 16)} | reminder-planning | ${summary} | ${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version} |\n`,
  );
  await deleteKeysUnder(redis, root);
  await redis.quit();
}

await main();
