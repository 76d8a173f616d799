import type { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { reminderJobId } from "../../../jobs/queues.ts";
import { offsetsOnly, SITE, startPipeline, waitFor } from "./pipeline-world.ts";

/**
 * Issue 13, section 1: a refusal is not evidence. Tor4You answers every failure with `status: 0`;
 * a passing fault must not be read as "the appointment is gone".
 */
type P = Awaited<ReturnType<typeof startPipeline>>;
let p: P;
afterEach(async () => {
  await p?.stop();
});

const appointmentIn = (minutes: number) => (now: DateTime) => {
  const from = now.plus({ minutes }).startOf("minute");
  return [{ id: "8101", staff: "11", service: "21", customer: "900", from, to: from.plus({ minutes: 30 }) }];
};

async function fault(p: P, spec: unknown) {
  const res = await fetch(`${p.adminUrl}/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(spec),
  });
  expect(res.status).toBe(200);
}
const clearFaults = (p: P) => fetch(`${p.adminUrl}/faults`, { method: "DELETE" });

async function dueNow(p: P) {
  const job = await p.jobs.queues.reminders.getJob(
    reminderJobId({ site: SITE, apptId: "8101", offsetMin: 60 }),
  );
  expect(await job?.getState()).toBe("delayed");
  await job!.changeDelay(0);
  return job!;
}

describe("a refused apptinfo at send time (appointment live in every list)", () => {
  it("does not drop the reminder: it goes out once, and nothing is counted as not_found", async () => {
    p = await startPipeline({ appointments: appointmentIn(90), plan: offsetsOnly([60]), offsets: [60] });
    await p.jobs.runScan(SITE);
    // "temporary error, please try again later" for every apptinfo, around the due time
    await fault(p, { mode: "status0", calls: ["apptinfo"] });
    await p.redis.del(p.app.keys.scanFresh(SITE)); // the send-time check has to ask Tor4You
    p.jobs.startWorkers();
    await dueNow(p);
    await waitFor(() => p.sent.length === 1, 30_000);
    await clearFaults(p);
    expect(p.sent[0]!.chatId).toBe("5001");
    expect(p.skips).not.toContain("not_found");
    await new Promise((r) => setTimeout(r, 500));
    expect(p.sent).toHaveLength(1);
  }, 60_000);

  it("while every read is refused, the reminder waits (delayed, not dropped) and goes out once the fault ends", async () => {
    p = await startPipeline({ appointments: appointmentIn(90), plan: offsetsOnly([60]), offsets: [60] });
    await p.jobs.runScan(SITE);
    await fault(p, { mode: "status0", calls: ["apptinfo", "apptlist"] });
    await p.redis.del(p.app.keys.scanFresh(SITE)); // the last good scan is over a minute old
    p.jobs.startWorkers();
    const job = await dueNow(p);
    await waitFor(
      async () => ((await p.jobs.queues.reminders.getJob(job.id!))?.data.deferrals ?? 0) >= 1,
      20_000,
    );
    const later = await p.jobs.queues.reminders.getJob(job.id!);
    expect(await later!.getState()).toBe("delayed");
    expect(p.sent).toHaveLength(0);
    expect(p.skips).toEqual([]);
    // the fault ends; the next look (shortened here instead of waiting its backoff) sends it
    await clearFaults(p);
    await new Promise((r) => setTimeout(r, 31_000)); // the site's breaker pause after refused lists
    await later!.promote();
    await waitFor(() => p.sent.length === 1, 30_000);
    expect(p.skips).toEqual([]);
  }, 90_000);

  it("a real cancellation still withdraws it, even while apptinfo is refused", async () => {
    p = await startPipeline({ appointments: appointmentIn(90), plan: offsetsOnly([60]), offsets: [60] });
    await p.jobs.runScan(SITE);
    await fault(p, { mode: "status0", calls: ["apptinfo"] });
    const res = await fetch(`${p.adminUrl}/sites/${SITE}/appointments/8101/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    // the cancellation is more than a minute old when the reminder falls due (the scan is older)
    await p.redis.del(p.app.keys.scanFresh(SITE));
    p.jobs.startWorkers();
    await dueNow(p);
    await waitFor(() => p.skips.length > 0, 30_000);
    // the list of its day (which succeeded) shows it cancelled
    expect(p.skips).toEqual(["cancelled"]);
    expect(p.sent).toHaveLength(0);
  }, 60_000);

  it("a cancel webhook ends it although apptinfo is refused; an update webhook under refusal changes nothing", async () => {
    p = await startPipeline({ appointments: appointmentIn(90), plan: offsetsOnly([60]), offsets: [60] });
    await p.jobs.runScan(SITE);
    await fault(p, { mode: "status0", calls: ["apptinfo", "apptlist"] });
    p.jobs.startWorkers(["tor4you-sync"]);
    const webhook = (n: number, action: "update" | "cancel") => ({
      notificationId: String(95_000 + n),
      action,
      appointmentId: "8101",
      customer: {},
    });
    await p.jobs.recordWebhook(SITE, webhook(1, "update"));
    await waitFor(async () => (await p.jobs.queues.sync.getJob("wh-95001"))!.attemptsMade >= 1, 20_000);
    expect(await p.jobs.queues.reminders.getDelayedCount()).toBe(1);
    await p.jobs.recordWebhook(SITE, webhook(2, "cancel"));
    await waitFor(async () => (await p.jobs.queues.reminders.getDelayedCount()) === 0, 20_000);
  }, 60_000);
});
