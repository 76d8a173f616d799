import { randomUUID } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { SITE, startPipeline, waitFor } from "./pipeline-world.ts";

/**
 * How a reminder's send ends when it cannot simply go out: another sender holds it, or the
 * messenger keeps refusing. Either way the reminder ends in the ledger and as a decision the
 * owner can read, never as a job that gave up with its claim still open.
 */
let p: Awaited<ReturnType<typeof startPipeline>> | undefined;
afterEach(async () => {
  await p?.stop();
  p = undefined;
});

async function enqueue(world: NonNullable<typeof p>, jobId: string, start: string, attempts = 2) {
  const outboxId = await world.app.outbox.put(SITE, "telegram", {
    chatId: "5001",
    messages: [{ type: "text", text: "Reminder: tomorrow at 09:00" }],
  });
  await world.jobs.queues.telegram.add(
    "send",
    { site: SITE, outboxId, ledger: { apptId: "8101", offsetMin: 60, start } },
    // Retries close together: a job that counted waiting as failing would spend them in 200 ms.
    { jobId, attempts, backoff: { type: "fixed", delay: 100 } },
  );
}

const ledgerOf = (world: NonNullable<typeof p>, start: string) =>
  world.redis.get(world.app.keys.reminderLedger(SITE, "8101", 60, start));

it("a send another worker is in the middle of is waited out, then ends as 'uncertain' once that worker is gone", async () => {
  p = await startPipeline({ appointments: () => [], takeover: { ledgerLeaseMs: 1_500 } });
  p.jobs.startWorkers(["telegram-outbound"]);
  const start = "203003040900";
  // A sender claimed it just now and then died (SIGKILL): nobody will ever mark it sent.
  await p.redis.set(p.app.keys.reminderLedger(SITE, "8101", 60, start), `claimed:${Date.now()}`);
  const t0 = Date.now();
  await enqueue(p, "ends-inflight", start);

  await waitFor(async () => (await ledgerOf(p!, start)) === "uncertain", 10_000);
  await waitFor(async () => (await p!.jobs.queues.telegram.getCompletedCount()) === 1, 5_000);
  // Not sent again (it may have arrived), not failed, and only once the claim's lease had run out.
  expect(p.sent).toHaveLength(0);
  expect(await p.jobs.queues.telegram.getFailedCount()).toBe(0);
  expect(Date.now() - t0).toBeGreaterThanOrEqual(1_400);
  expect(p.skips).toEqual(["uncertain"]);
  // What the owner's page lists, ids and reason only.
  await waitFor(async () =>
    (await p!.app.decisions.recent(SITE)).some((d) => d.apptId === "8101" && d.reason === "uncertain"),
  );
}, 20_000);

it("a reminder the messenger refuses on every attempt is logged and counted as not sent, and can be sent later", async () => {
  let refuse = true;
  p = await startPipeline({
    appointments: () => [],
    sendTelegram: async () => {
      if (refuse) throw new Error("Telegram answered 502 Bad Gateway");
    },
  });
  p.jobs.startWorkers(["telegram-outbound"]);
  const start = "203003050900";
  await enqueue(p, "ends-refused", start);

  await waitFor(async () => (await p!.jobs.queues.telegram.getFailedCount()) === 1, 10_000);
  await waitFor(() => p!.skips.length > 0, 5_000);
  expect(p.skips).toEqual(["send_failed"]);
  // What the owner's page lists, ids and reason only.
  await waitFor(async () =>
    (await p!.app.decisions.recent(SITE)).some((d) => d.apptId === "8101" && d.reason === "send_failed"),
  );
  // Nothing went out, so nothing blocks a later send of the same reminder.
  expect(await ledgerOf(p, start)).toBeNull();
  refuse = false;
  await enqueue(p, "ends-refused-again", start);
  await waitFor(() => p!.sent.length === 1, 10_000);
  expect(await ledgerOf(p, start)).toBe("sent");
}, 20_000);

it("a send whose message is gone while its claim is still open (its process died mid-send) ends as 'uncertain'", async () => {
  p = await startPipeline({ appointments: () => [] });
  p.jobs.startWorkers(["telegram-outbound"]);
  const start = "203003060900";
  // What a process that died between sending and marking the send leaves behind under the old
  // order (outbox entry deleted first): an open claim and no message to send.
  await p.redis.set(p.app.keys.reminderLedger(SITE, "8101", 60, start), `claimed:${Date.now() - 120_000}`);
  await p.jobs.queues.telegram.add(
    "send",
    { site: SITE, outboxId: randomUUID(), ledger: { apptId: "8101", offsetMin: 60, start } },
    { jobId: "ends-gone", attempts: 2 },
  );
  await waitFor(async () => (await p!.jobs.queues.telegram.getCompletedCount()) === 1, 10_000);
  expect(await ledgerOf(p, start)).toBe("uncertain");
  expect(p.sent).toHaveLength(0);
  expect(p.skips).toEqual(["uncertain"]);
}, 20_000);
