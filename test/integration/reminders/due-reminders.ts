import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import { join } from "node:path";
import { demoSiteDefaults } from "../../../src/config/load.ts";
import { sitesFromEmulator } from "../../../src/roles/demo.ts";
import { dueReminderJob } from "../../support/reminder-jobs.ts";
import { offsetsOnly, SITE, startPipeline } from "./pipeline-world.ts";

/**
 * What the crash and scale-out tests share: `n` customers with linked Telegram chats, each with an
 * appointment two hours ahead, and a reminder for every one of them due now.
 */
export async function startDuePipeline(n: number, cellPrefix: string) {
  const customers = Array.from({ length: n }, (_, i) => ({
    id: String(5000 + i),
    cell: `${cellPrefix}${String(i).padStart(10 - cellPrefix.length, "0")}`,
  }));
  const p = await startPipeline({
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
  for (const [i, c] of customers.entries()) {
    site.customers.set(c.id, {
      ...site.customers.get("900")!,
      id: c.id,
      first: "C",
      last: String(i),
      cell: c.cell,
    });
    await p.app.identities.link(
      { site: SITE, channel: "telegram", chatId: String(7000 + i) },
      { cell: c.cell, linkedAt: 0 },
    );
  }
  return {
    p,
    site,
    /** The reminders, all due now, as the planner would have left them. */
    async enqueueDue() {
      await p.jobs.queues.reminders.addBulk(
        [...site.appointments.values()].map((a) => dueReminderJob(SITE, a)),
      );
    },
    /** What crash-worker.ts needs to run the production wiring against this pipeline. */
    workerConfig: (sinkUrl: string) => ({
      // The site's API budget (600 a minute in the demo) is not what these tests are about.
      sites: sitesFromEmulator(
        p.emulator,
        p.emulator.baseUrl!,
        demoSiteDefaults({ DEFAULT_LOCALE: "en" }),
      ).map((s) => ({ ...s, tor4you: { ...s.tor4you, ratePerMinute: 100_000, ratePerDay: 1_000_000 } })),
      prefix: p.app.keys.prefix,
      sinkUrl,
    }),
  };
}

/** "Telegram" for crash-worker.ts: records each message per chat, after `delayMs`, like a real API. */
export async function startRecordingSink(delayMs = 0) {
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const { chatId } = JSON.parse(body) as { chatId: string };
      received.set(chatId, (received.get(chatId) ?? 0) + 1);
      setTimeout(() => res.end("ok"), delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** crash-worker.ts in a child process; resolves once its workers run. */
export function startWorkerProcess(config: object): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "crash-worker.ts")], {
    env: { ...process.env, CRASH_WORKER_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    proc.stdout!.on("data", (d) => String(d).includes("ready") && resolve(proc));
    proc.on("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
}
