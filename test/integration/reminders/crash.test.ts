import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { reminderJobId } from "../../../jobs/queues.ts";
import { demoSiteDefaults } from "../../../src/config/load.ts";
import { sitesFromEmulator } from "../../../src/demo.ts";
import { offsetsOnly, SITE, startPipeline, waitFor } from "./pipeline-world.ts";

const N = 500;
let p: Awaited<ReturnType<typeof startPipeline>> | undefined;
let sink: Server | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  await new Promise((r) => sink?.close(r) ?? r(null));
  await p?.stop();
});

function startWorker(config: object): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "crash-worker.ts")], {
    env: { ...process.env, CRASH_WORKER_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    proc.stdout!.on("data", (d) => String(d).includes("ready") && resolve(proc));
    proc.on("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

it(`a worker killed with SIGKILL during ${N} due reminders: none sent twice, none lost but the uncertain`, async () => {
  const customers = Array.from({ length: N }, (_, i) => ({
    id: String(5000 + i),
    first: "C",
    last: String(i),
    cell: `05290${String(i).padStart(5, "0")}`,
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
    site.customers.set(c.id, {
      ...site.customers.get("900")!,
      id: c.id,
      first: c.first,
      last: c.last,
      cell: c.cell,
    });

  // The customers' Telegram chats, linked to their phones.
  for (const [i, c] of customers.entries()) {
    await p.app.identities.link(
      { site: SITE, channel: "telegram", chatId: String(7000 + i) },
      { cell: c.cell, linkedAt: 0 },
    );
  }

  // The "Telegram" every worker sends to: it records each message, a little slowly, like a real API.
  const received = new Map<string, number>();
  sink = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const { chatId } = JSON.parse(body) as { chatId: string };
      received.set(chatId, (received.get(chatId) ?? 0) + 1);
      setTimeout(() => res.end("ok"), 15);
    });
  });
  await new Promise<void>((r) => sink!.listen(0, "127.0.0.1", r));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}/`;
  const config = {
    sites: sitesFromEmulator(p.emulator, p.emulator.baseUrl!, demoSiteDefaults({ DEFAULT_LOCALE: "en" })),
    prefix: p.app.keys.prefix,
    sinkUrl,
  };

  // 200 reminders, all due now.
  const plannedStart = [...site.appointments.values()][0]!.from.toUTC().toISO()!;
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

  child = await startWorker(config);
  await waitFor(() => received.size >= 150, 60_000);
  child.kill("SIGKILL");
  const atKill = received.size;
  await new Promise((r) => child!.once("exit", r));
  child = await startWorker(config);

  const ledgerStates = async () => {
    const states = { sent: 0, uncertain: 0, other: 0 };
    for (const a of site.appointments.values()) {
      const start = a.from.toFormat("yyyyMMddHHmm");
      const v = (await p!.redis.get(p!.app.keys.reminderLedger(SITE, a.id, 1, start))) ?? "none";
      if (v === "sent") states.sent++;
      else if (v === "uncertain") states.uncertain++;
      else states.other++;
    }
    return states;
  };
  await waitFor(async () => (await ledgerStates()).other === 0, 120_000);
  const states = await ledgerStates();
  const twice = [...received.values()].filter((n) => n > 1).length;
  console.log(
    `crash test: ${atKill} delivered before the kill; after restart ${received.size}/${N} delivered, ` +
      `${states.uncertain} logged uncertain, ${twice} delivered twice`,
  );
  expect(twice).toBe(0);
  // Every reminder was delivered, except those whose send was in flight at the kill (uncertain).
  expect(received.size + states.uncertain).toBeGreaterThanOrEqual(N);
  expect(states.sent + states.uncertain).toBe(N);
  // In flight at a kill: at most the outbound worker's concurrency.
  expect(states.uncertain).toBeLessThanOrEqual(5);
}, 240_000);
