import type { ChildProcess } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import {
  startDuePipeline,
  startRecordingSink,
  startWorkerProcess,
} from "../integration/reminders/due-reminders.ts";
import { waitFor } from "../integration/reminders/pipeline-world.ts";

/**
 * The recording "Telegram" is a plain send with no bot behind it, so no per-bot pacing applies
 * (that is the Telegram channel's, see send-pacing.test.ts): what is measured is the workers.
 */
const N = 5_000;
let world: Awaited<ReturnType<typeof startDuePipeline>> | undefined;
let sink: Awaited<ReturnType<typeof startRecordingSink>> | undefined;
const children: ChildProcess[] = [];
const cleanUp = async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  await sink?.close();
  await world?.p.stop();
  sink = undefined;
  world = undefined;
};
afterEach(cleanUp);

/** N reminders due at once, sent by `workers` processes; this process plays the web role. */
async function run(workers: number) {
  world = await startDuePipeline(N, "05291");
  sink = await startRecordingSink();
  const config = world.workerConfig(sink.url);
  children.push(...(await Promise.all(Array.from({ length: workers }, () => startWorkerProcess(config)))));
  const started = Date.now();
  await world.enqueueDue();
  await waitFor(() => sink!.received.size >= N, 240_000);
  const ms = Date.now() - started;
  await new Promise((r) => setTimeout(r, 1_000)); // a late duplicate would show up here
  const received = new Map(sink.received);
  await cleanUp();
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
}, 600_000);
