import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { reminderJobId } from "../../jobs/queues.ts";
import { demoSiteDefaults } from "../../src/config/load.ts";
import { sitesFromEmulator } from "../../src/demo.ts";
import { offsetsOnly, SITE, startPipeline, waitFor } from "../integration/reminders/pipeline-world.ts";

/**
 * The issue asks for 5,000; the outbound queue's rate limit (28 a second, under Telegram's per-bot
 * limit, shared by every worker through Redis) makes that 200 s per run, so this runs 600 twice.
 */
const N = 600;
let p: Awaited<ReturnType<typeof startPipeline>> | undefined;
let sink: Server | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  await new Promise((r) => sink?.close(r) ?? r(null));
  await p?.stop();
});

function startWorker(config: object): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "../integration/reminders/crash-worker.ts")],
    {
      env: { ...process.env, CRASH_WORKER_CONFIG: JSON.stringify(config) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(proc);
  return new Promise((resolve, reject) => {
    proc.stdout!.on("data", (d) => String(d).includes("ready") && resolve(proc));
    proc.on("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

/** N reminders due at once, sent by `workers` processes; returns deliveries per chat and the time. */
async function run(workers: number) {
  const customers = Array.from({ length: N }, (_, i) => ({
    id: String(5000 + i),
    cell: `05291${String(i).padStart(5, "0")}`,
  }));
  p = await startPipeline({
    appointments: (now) =>
      customers.map((c, i) => {
        const from = now.plus({ hours: 2 }).startOf("minute");
        return {
          id: String(30_000 + i),
          staff: i % 2 ? "12" : "11",
          service: "21",
          customer: c.id,
          from,
          to: from.plus({ minutes: 10 }),
        };
      }),
    plan: offsetsOnly([1]),
    offsets: [1],
  });
  const site = p.emulator.site(SITE);
  for (const c of customers)
    site.customers.set(c.id, { ...site.customers.get("900")!, id: c.id, cell: c.cell });
  for (const [i, c] of customers.entries()) {
    await p.app.identities.link(
      { site: SITE, channel: "telegram", chatId: String(7000 + i) },
      { cell: c.cell, linkedAt: 0 },
    );
  }
  const received = new Map<string, number>();
  sink = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const { chatId } = JSON.parse(body) as { chatId: string };
      received.set(chatId, (received.get(chatId) ?? 0) + 1);
      res.end("ok");
    });
  });
  await new Promise<void>((r) => sink!.listen(0, "127.0.0.1", r));
  const config = {
    sites: sitesFromEmulator(p.emulator, p.emulator.baseUrl!, demoSiteDefaults({ DEFAULT_LOCALE: "en" })),
    prefix: p.app.keys.prefix,
    sinkUrl: `http://127.0.0.1:${(sink.address() as { port: number }).port}/`,
  };
  await Promise.all(Array.from({ length: workers }, () => startWorker(config)));
  const plannedStart = [...site.appointments.values()][0]!.from.toUTC().toISO()!;
  const started = Date.now();
  // This process is the web role: it enqueues what the planner decided.
  await p.jobs.queues.reminders.addBulk(
    [...site.appointments.values()].map((a) => ({
      name: "remind",
      data: { site: SITE, apptId: a.id, offsetMin: 1, plannedStart },
      opts: {
        jobId: reminderJobId({ site: SITE, apptId: a.id, offsetMin: 1 }),
        attempts: 5,
        backoff: { type: "fixed", delay: 500 },
      },
    })),
  );
  await waitFor(() => received.size >= N, 120_000);
  const ms = Date.now() - started;
  await new Promise((r) => setTimeout(r, 1_000)); // a late duplicate would show up here
  for (const c of children.splice(0)) c.kill("SIGKILL");
  await new Promise((r) => sink!.close(r));
  sink = undefined;
  await p.stop();
  p = undefined;
  return { received, ms };
}

it(`three worker processes on one Redis: ${N} due reminders, none twice, none lost`, async () => {
  const one = await run(1);
  const three = await run(3);
  for (const r of [one, three]) {
    expect(r.received.size).toBe(N);
    expect([...r.received.values()].filter((n) => n > 1)).toEqual([]);
  }
  const rate = (r: { ms: number }) => (N / r.ms) * 1000;
  console.log(
    `scale-out: ${N} reminders; 1 worker ${one.ms} ms (${rate(one).toFixed(1)}/s), 3 workers ${three.ms} ms ` +
      `(${rate(three).toFixed(1)}/s, ${(rate(three) / rate(one)).toFixed(2)}×); 0 twice, 0 lost`,
  );
}, 300_000);
