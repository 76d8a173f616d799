import type { ChildProcess } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import { QUEUES } from "../../../jobs/queues.ts";
import { CONCURRENCY } from "../../../jobs/runtime.ts";
import { startDuePipeline, startRecordingSink, startWorkerProcess } from "./due-reminders.ts";
import { SITE, waitFor } from "./pipeline-world.ts";

const N = 500;
let world: Awaited<ReturnType<typeof startDuePipeline>> | undefined;
let sink: Awaited<ReturnType<typeof startRecordingSink>> | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  await sink?.close();
  await world?.p.stop();
});

it(`a worker killed with SIGKILL during ${N} due reminders: none sent twice, none lost but the uncertain`, async () => {
  world = await startDuePipeline(N, "05290");
  const { p, site } = world;
  // The "Telegram" every worker sends to: it records each message, a little slowly, like a real API.
  sink = await startRecordingSink(15);
  const { received } = sink;
  const config = world.workerConfig(sink.url);
  await world.enqueueDue();

  child = await startWorkerProcess(config);
  await waitFor(() => received.size >= 150, 60_000);
  child.kill("SIGKILL");
  const atKill = received.size;
  await new Promise((r) => child!.once("exit", r));
  child = await startWorkerProcess(config);

  const ledgerStates = async () => {
    const states = { sent: 0, uncertain: 0, other: 0 };
    for (const a of site.appointments.values()) {
      const start = a.from.toFormat("yyyyMMddHHmm");
      const v = (await p.redis.get(p.app.keys.reminderLedger(SITE, a.id, 1, start))) ?? "none";
      if (v === "sent") states.sent++;
      else if (v === "uncertain") states.uncertain++;
      else states.other++;
    }
    return states;
  };
  const otherValues = async () => {
    const out: string[] = [];
    for (const a of site.appointments.values()) {
      const v = await p.redis.get(p.app.keys.reminderLedger(SITE, a.id, 1, a.from.toFormat("yyyyMMddHHmm")));
      if (v !== "sent" && v !== "uncertain") out.push(`${a.id}=${v}`);
    }
    return out;
  };
  // Generous: in a full run the cluster's scale-out test (5,000 reminders) may share the machine.
  await waitFor(async () => (await ledgerStates()).other === 0, 200_000).catch(async (e) => {
    throw new Error(
      `${e.message}: ledger ${JSON.stringify(await ledgerStates())}, ${received.size} delivered; ` +
        `outbound jobs ${JSON.stringify(await p.jobs.queues.telegram.getJobCounts())}, ` +
        `reminder jobs ${JSON.stringify(await p.jobs.queues.reminders.getJobCounts())}; others ${JSON.stringify(await otherValues())}`,
    );
  });
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
  expect(states.uncertain).toBeLessThanOrEqual(CONCURRENCY[QUEUES.telegramOutbound]!);
}, 320_000);
