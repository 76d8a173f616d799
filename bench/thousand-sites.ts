/**
 * Issue 16 §3: a thousand businesses on one deployment. The emulator (its own process, see
 * bench/thousand-sites-emulator.ts) holds SITES sites with PER_SITE appointments tomorrow each;
 * this process runs our real background (scan and sync workers, webhook route, BullMQ on the real
 * Redis) for all of them, each site with its own Tor4You budget and webhook. Measured:
 *
 * - Redis memory per idle site: MEMORY USAGE of every key under this run's prefix, after the job
 *   schedulers exist, and after each site's first scan planned its reminders (divided by sites);
 * - scan CPU per period: this process's CPU (user + system) for one scan of every site, the first
 *   (everything new) and a steady one (nothing changed since the cursor);
 * - spread: where the sites' next scans fall in the period, per minute (evenly: SITES / minutes);
 * - webhook to planned reminder: WEBHOOKS appointments created through the emulator's dashboard on
 *   random sites while a steady scan of every site runs, from the create call until the reminder's
 *   job is in the reminders queue (p50, p99).
 *
 *   npx tsx bench/thousand-sites.ts          (SITES=1000 PER_SITE=10 WEBHOOKS=50, REDIS_URL)
 *   REDIS_CLUSTER_NODES=127.0.0.1:7101,… npx tsx bench/thousand-sites.ts   (the same on a Redis Cluster)
 */

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Cluster, Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { reminderJobId } from "../jobs/queues.ts";
import { demoSiteDefaults } from "../src/config/load.ts";
import type { SiteConfig } from "../src/config/types.ts";
import { createMetrics } from "../src/http/metrics.ts";
import { createHttpServer } from "../src/http/server.ts";
import { createApp } from "../src/roles/app.ts";
import { createBackground } from "../src/roles/background.ts";
import { deleteKeysUnder } from "../src/storage/prefix-cleanup.ts";
import { connectRedis, redisTargetFromEnv } from "../src/storage/redis-connection.ts";
import { formatApiMinute } from "../src/tor4you/dates.ts";
import { TEST_APP_SECRET } from "../test/support/app-secret.ts";
import { emulatorAdmin } from "./emulator-admin.ts";

const SITES = Number(process.env.SITES ?? 1000);
const PER_SITE = Number(process.env.PER_SITE ?? 10);
const WEBHOOKS = Number(process.env.WEBHOOKS ?? 50);
const zone = "Asia/Jerusalem";
/** A Monday morning: tomorrow's appointments have their 24-hour reminders still to plan. */
const DAY = DateTime.fromISO("2026-11-23T09:00", { zone });
const SCAN_EVERY = 10 * 60_000;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

async function startEmulator(): Promise<{ apiUrl: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(import.meta.dirname, "thousand-sites-emulator.ts"),
      String(SITES),
      String(PER_SITE),
      DAY.toISO()!,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`emulator exited ${code}`)));
  });
  return { apiUrl: first.trim(), stop: () => child.kill("SIGTERM") };
}

/** Bytes held by every key of this run (its prefix), by Redis's own account; on a cluster, every master's. */
async function memoryUnder(redis: Redis, prefix: string): Promise<{ bytes: number; keys: number }> {
  const nodes = "nodes" in redis ? (redis as unknown as Cluster).nodes("master") : [redis];
  let bytes = 0;
  let keys = 0;
  for (const node of nodes) {
    let cursor = "0";
    do {
      const [next, batch] = await node.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      const pipe = node.pipeline();
      for (const k of batch) pipe.memory("USAGE", k);
      for (const [, v] of (await pipe.exec()) ?? []) bytes += Number(v) || 0;
      keys += batch.length;
    } while (cursor !== "0");
  }
  return { bytes, keys };
}

async function main() {
  const emulator = await startEmulator();
  const admin = emulatorAdmin(emulator.apiUrl).base;
  const target = redisTargetFromEnv(process.env);
  const redis = connectRedis(target, { maxRetriesPerRequest: null });
  const where = target.clusterNodes
    ? `on a ${target.clusterNodes.length}-master Redis Cluster`
    : "on one Redis";
  const prefix = `bench-${randomBytes(4).toString("hex")}`;
  const logger = pino({ level: "silent" });
  const listed = (await (await fetch(`${admin}/sites`)).json()) as {
    sites: Array<{ siteid: string; name: string; torkey: string; webhookKey: string }>;
  };
  const defaults = demoSiteDefaults({
    DEFAULT_LOCALE: "en",
    SCAN_EVERY: "10m",
    QUIET_HOURS: "off",
    SHABBAT_QUIET: "false",
  });
  // Each site its own budget (the product's default share of a Tor4You key) and its own webhook key.
  const sites: SiteConfig[] = listed.sites.map((s) => ({
    ...defaults,
    id: s.siteid,
    name: s.name,
    tor4you: {
      apiUrl: emulator.apiUrl,
      auth: { kind: "torkey", torkey: s.torkey },
      webhookKey: s.webhookKey,
      ratePerMinute: 600,
      ratePerDay: 100_000,
    },
  }));
  const app = createApp({
    appSecret: TEST_APP_SECRET,
    sites,
    redis,
    logger,
    defaultLocale: "en",
    keyPrefix: prefix,
    now: () => DAY,
  });
  const { jobs, webhookRoutes } = createBackground({
    sites,
    app,
    connection: redis,
    logger,
    metrics: createMetrics(),
    telegram: { has: () => true, send: async () => "sent" },
  });
  const http = await createHttpServer({ logger, readiness: [], plugins: [webhookRoutes] });
  const { post } = emulatorAdmin(emulator.apiUrl);
  const { scan, sync } = jobs.queues;
  const idle = async (queues: Array<typeof scan | typeof sync>) => {
    for (;;) {
      let busy = 0;
      for (const q of queues) {
        const c = await q.getJobCounts("waiting", "active", "prioritized");
        busy += c.waiting! + c.active! + c.prioritized!;
      }
      if (busy === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  try {
    const port = await http.listen({ port: 0, host: "127.0.0.1" }).then((a) => new URL(a).port);
    for (const s of sites)
      await post(`/sites/${s.id}/webhook`, { url: `http://127.0.0.1:${port}/webhooks/tor4you/${s.id}` });

    // Schedulers for every site (each scan at its own point of the period), and each site's first scan queued.
    await jobs.scheduleScans();
    const schedulers = await scan.getJobSchedulers(0, -1);
    const perMinute = new Array(SCAN_EVERY / 60_000).fill(0);
    for (const s of schedulers) perMinute[Math.floor(((s.next ?? 0) % SCAN_EVERY) / 60_000)]++;
    const memScheduled = await memoryUnder(redis, prefix);

    // Period 1: every site's first scan, through the real scan workers (everything is new).
    let cpu = process.cpuUsage();
    let t = performance.now();
    jobs.startWorkers(["tor4you-scan", "tor4you-sync"]);
    await idle([scan]);
    const firstScan = { cpu: cpuMs(cpu), wall: performance.now() - t };
    const memScanned = await memoryUnder(redis, prefix);
    const planned = (await jobs.queues.reminders.getJobCounts("delayed")).delayed ?? 0;

    // Period 2: a steady scan of every site (nothing changed since the cursor), as the schedulers run them.
    cpu = process.cpuUsage();
    t = performance.now();
    await scan.addBulk(sites.map((s) => ({ name: "scan", data: { site: s.id, force: true } })));
    await idle([scan]);
    const steadyScan = { cpu: cpuMs(cpu), wall: performance.now() - t };

    // Period 3: webhooks arrive while every site is being scanned again.
    await scan.addBulk(sites.map((s) => ({ name: "scan", data: { site: s.id, force: true } })));
    const latencies: number[] = [];
    for (let i = 0; i < WEBHOOKS; i++) {
      const site = sites[Math.floor((i * 7919) % sites.length)]!;
      const from = DAY.plus({ days: 1 })
        .set({ hour: 16 })
        .plus({ minutes: 30 * (i % 6) });
      const start = performance.now();
      const made = await post<{ appt?: { id?: string; apptid?: string } }>(`/sites/${site.id}/appointments`, {
        staff: "11",
        service: "21",
        from: formatApiMinute(from),
        customer: { first: "W", last: "Bench", cell: `0571${String(i).padStart(6, "0")}` },
        by: "widget",
        force: true,
      });
      const apptId = String(made.appt?.id ?? made.appt?.apptid);
      const jobId = reminderJobId({ site: site.id, apptId, offsetMin: 1440 });
      while (!(await jobs.queues.reminders.getJob(jobId))) {
        if (performance.now() - start > 60_000)
          throw new Error(`no reminder planned for ${site.id}/${apptId} in 60 s`);
        await new Promise((r) => setTimeout(r, 2));
      }
      latencies.push(performance.now() - start);
    }
    const scanBusy = (await scan.getJobCounts("waiting", "active")).waiting ?? 0;
    await idle([scan, sync]);

    const even = SITES / perMinute.length;
    const load = loadavg()[0]!.toFixed(1);
    const line =
      `${SITES} sites × ${PER_SITE} appointments ${where}, each its own budget and webhook, emulator in its own process; ` +
      `Redis per idle site ${(memScheduled.bytes / SITES / 1024).toFixed(1)} KB scheduled (${memScheduled.keys} keys), ` +
      `${(memScanned.bytes / SITES / 1024).toFixed(1)} KB after its first scan (${memScanned.keys} keys, ${planned} reminders planned); ` +
      `scan CPU per period: first ${ms(firstScan.cpu)} (${(firstScan.cpu / SITES).toFixed(2)} ms/site, wall ${(firstScan.wall / 1000).toFixed(1)} s), ` +
      `steady ${ms(steadyScan.cpu)} (${(steadyScan.cpu / SITES).toFixed(2)} ms/site, wall ${(steadyScan.wall / 1000).toFixed(1)} s); ` +
      `scans per minute of the 10-minute period ${perMinute.join("/")} (even ${even.toFixed(0)}; unspread all ${SITES} in one); ` +
      `webhook → planned reminder during a full scan round (${scanBusy} scans still queued at the end): p50 ${ms(quantile(latencies, 0.5))} p99 ${ms(quantile(latencies, 0.99))} over ${latencies.length}; ` +
      `load average ${load}`;
    console.log(`thousand-sites: ${line}`);
    appendFileSync(
      join(import.meta.dirname, "RESULTS.md"),
      `| ${new Date().toISOString().slice(0, 16)} | thousand-sites | ${line} | ${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version} |\n`,
    );
  } finally {
    await jobs.close();
    await http.close();
    emulator.stop();
    await deleteKeysUnder(redis, prefix);
    await redis.quit();
  }
}

await main();
