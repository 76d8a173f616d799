import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { reminderJobId } from "../../../jobs/queues.ts";
import { formatApiMinute } from "../../../src/tor4you/dates.ts";
import { offsetsOnly, SITE, startPipeline, waitFor } from "./pipeline-world.ts";

type P = Awaited<ReturnType<typeof startPipeline>>;
let p: P;
afterEach(async () => {
  await p?.stop();
});

/** An appointment `seconds` after its 1-minute reminder is due, so the reminder fires in seconds. */
const appointmentDueIn =
  (seconds: number, id = "8001") =>
  (now: DateTime) => {
    const from = now.plus({ minutes: 1, seconds }).startOf("minute").plus({ minutes: 1 });
    return [{ id, staff: "11", service: "21", customer: "900", from, to: from.plus({ minutes: 30 }) }];
  };

const webhook = (apptid: string, action: "create" | "update" | "cancel" | "expire", n: number) => ({
  notificationId: String(90_000 + n),
  action,
  appointmentId: apptid,
  customer: {},
});

async function dashboard(p: P, path: string, body: unknown) {
  const res = await fetch(`${p.adminUrl}/sites/${SITE}/appointments${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

describe("reminder pipeline (real Redis, BullMQ, emulator)", () => {
  it("a scan plans the reminder and it goes out on time, once, with the appointment's details", async () => {
    // The plan makes the reminder due 3 s from now, so the test waits seconds, not a minute.
    const dueSoon = (appt: Parameters<ReturnType<typeof offsetsOnly>>[0], now: DateTime) => ({
      desired: appt.status === "live" ? [{ offsetMin: 1, dueAt: now.plus({ seconds: 3 }) }] : [],
      skipped: [],
    });
    p = await startPipeline({ appointments: appointmentDueIn(0), plan: dueSoon, offsets: [1] });
    p.jobs.startWorkers();
    const scan = await p.jobs.runScan(SITE);
    expect(scan.reconciled).toBe(1);
    const job = await p.jobs.queues.reminders.getJob(
      reminderJobId({ site: SITE, apptId: "8001", offsetMin: 1 }),
    );
    expect(await job?.getState()).toBe("delayed");
    const dueAt = job!.timestamp + (job!.opts.delay ?? 0);

    await waitFor(() => p.sent.length === 1, 40_000);
    expect(p.sent[0]!.chatId).toBe("5001");
    expect(p.sent[0]!.at - dueAt).toBeLessThan(30_000);
    expect(p.sent[0]!.at).toBeGreaterThanOrEqual(dueAt);
    const m = p.sent[0]!.messages[0]!;
    expect(m.type).toBe("choices");
    expect(m.text).toContain("Cut");
    expect(m.text).toContain("Dana");

    // a second scan changes nothing and costs one "no new information" call
    const again = await p.jobs.runScan(SITE);
    expect(again).toMatchObject({ changed: false, calls: 1, reconciled: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect(p.sent).toHaveLength(1);

    // The job that ran stays (the worker keeps reminders 30 days), so a webhook re-planning the
    // unchanged appointment finds it went and plans nothing new.
    const ranId = reminderJobId({ site: SITE, apptId: "8001", offsetMin: 1 });
    await waitFor(async () => (await p.jobs.queues.reminders.getJobState(ranId)) === "completed");
    await p.jobs.recordWebhook(SITE, webhook("8001", "update", 1));
    await waitFor(async () => (await p.jobs.queues.sync.getCompletedCount()) === 1);
    expect(await p.jobs.queues.reminders.getJobState(ranId)).toBe("completed");
    expect(await p.jobs.queues.reminders.getDelayedCount()).toBe(0);
    expect(p.sent).toHaveLength(1);
  }, 60_000);

  it("scan and webhook for the same appointment make one job; a move re-plans it; a cancel removes it", async () => {
    p = await startPipeline({
      appointments: appointmentDueIn(7_200),
      plan: offsetsOnly([60, 1]),
      offsets: [60, 1],
    });
    await p.jobs.runScan(SITE);
    await p.jobs.recordWebhook(SITE, webhook("8001", "update", 1));
    await p.jobs.recordWebhook(SITE, webhook("8001", "update", 1)); // Tor4You retried the same notification
    p.jobs.startWorkers(["tor4you-sync"]);
    await waitFor(async () => (await p.jobs.queues.sync.getCompletedCount()) === 1);
    const delayed = await p.jobs.queues.reminders.getDelayed();
    expect(delayed.map((j) => j.id).sort()).toEqual([
      reminderJobId({ site: SITE, apptId: "8001", offsetMin: 1 }),
      reminderJobId({ site: SITE, apptId: "8001", offsetMin: 60 }),
    ]);

    const appt = p.emulator.site(SITE).appointments.get("8001")!;
    const later = appt.from.plus({ days: 1 });
    await dashboard(p, "/8001/move", {
      from: formatApiMinute(later),
      to: formatApiMinute(later.plus({ minutes: 30 })),
      force: true, // the test runs at any hour; opening hours are not what it is about
    });
    await p.jobs.recordWebhook(SITE, webhook("8001", "update", 2));
    await waitFor(async () => (await p.jobs.queues.sync.getCompletedCount()) === 2);
    const moved = await p.jobs.queues.reminders.getDelayed();
    expect(moved).toHaveLength(2);
    for (const j of moved) {
      const due = j.timestamp + (j.opts.delay ?? 0);
      expect(Math.abs(due - later.minus({ minutes: j.data.offsetMin }).toMillis())).toBeLessThan(1000);
    }

    await dashboard(p, "/8001/cancel", {});
    await p.jobs.recordWebhook(SITE, webhook("8001", "cancel", 3));
    await waitFor(async () => (await p.jobs.queues.sync.getCompletedCount()) === 3);
    expect(await p.jobs.queues.reminders.getDelayed()).toHaveLength(0);
  }, 60_000);

  it("a notification whose id is not a number is read from Tor4You and plans the reminders", async () => {
    p = await startPipeline({
      appointments: appointmentDueIn(7_200),
      plan: offsetsOnly([60, 1]),
      offsets: [60, 1],
    });
    await p.jobs.recordWebhook(SITE, {
      ...webhook("8001", "create", 1),
      notificationId: "3f2b9c1e-8d4a-4c2b",
    });
    p.jobs.startWorkers(["tor4you-sync"]);
    await waitFor(async () => (await p.jobs.queues.sync.getCompletedCount()) === 1);
    const delayed = await p.jobs.queues.reminders.getDelayed();
    expect(delayed.map((j) => j.data.offsetMin).sort((a, b) => a - b)).toEqual([1, 60]);
  }, 30_000);

  it("at send time a cancelled, moved or answered appointment gets no reminder, and the reason is counted", async () => {
    p = await startPipeline({ appointments: appointmentDueIn(0), plan: offsetsOnly([1]), offsets: [1] });
    await p.jobs.runScan(SITE);
    // answered in the meantime (e.g. at the front desk): the due reminder checks and stays quiet
    const appt = p.emulator.site(SITE).appointments.get("8001")!;
    appt.iscoming = "1";
    // more than a minute later: the last scan no longer vouches for the appointment at send time
    await p.redis.del(p.app.keys.scanFresh(SITE));
    const job = (await p.jobs.queues.reminders.getDelayed())[0]!;
    await job.changeDelay(0);
    p.jobs.startWorkers();
    await waitFor(() => p.skips.includes("answered"));
    expect(p.sent).toHaveLength(0);
  }, 30_000);

  it("the ledger lets a reminder out at most once, and a send in flight at a crash is never repeated", async () => {
    // A short lease: when both sends run at once, the second finds the first's claim in flight and
    // waits the lease out before it sees "sent" (60 s in production, more than this test waits).
    p = await startPipeline({
      appointments: appointmentDueIn(3_000),
      plan: offsetsOnly([1]),
      offsets: [1],
      takeover: { ledgerLeaseMs: 1_000 },
    });
    p.jobs.startWorkers(["telegram-outbound"]);
    const ledger = { apptId: "8001", offsetMin: 1, start: "203001010900" };
    // Two enqueues of the same reminder (a retried remind job): two outbox entries, one ledger entry.
    const send = async (jobId: string, l = ledger) => {
      const outboxId = await p.app.outbox.put(SITE, "telegram", {
        chatId: "5001",
        messages: [{ type: "text", text: "hello" }],
      });
      await p.jobs.queues.telegram.add(
        "send",
        { site: SITE, outboxId, ledger: l },
        { jobId, attempts: 5, backoff: { type: "fixed", delay: 200 } },
      );
    };
    await send("a1");
    await send("a2");
    await waitFor(async () => (await p.jobs.queues.telegram.getCompletedCount()) === 2);
    expect(p.sent).toHaveLength(1);
    expect(p.skips).toContain("duplicate");
    // the statistics count the one that went out, in the week of the appointment (Sun 30.12.2029)
    const week = (await p.app.activity.weeks(SITE, ["20291230"])).get("20291230")!;
    expect([...week.reminders]).toEqual([["8001", 1]]);

    // a process died between claim and "sent": the entry is still "claimed"
    await p.redis.set(
      p.app.keys.reminderLedger(SITE, "8001", 1, "203001020900"),
      `claimed:${Date.now() - 120_000}`,
    );
    await send("a3", { ...ledger, start: "203001020900" });
    await waitFor(async () => (await p.jobs.queues.telegram.getCompletedCount()) === 3);
    expect(p.sent).toHaveLength(1);
    expect(p.skips).toContain("uncertain");
  }, 30_000);
});

describe("a moved appointment", () => {
  it("loses its old reminder and gets a new one that fires at the new time", async () => {
    p = await startPipeline({ appointments: appointmentDueIn(7_200), plan: offsetsOnly([1]), offsets: [1] });
    p.jobs.startWorkers();
    await p.jobs.runScan(SITE);
    const before = (await p.jobs.queues.reminders.getDelayed())[0]!;
    const soon = DateTime.now().setZone("Asia/Jerusalem").plus({ minutes: 2 }).startOf("minute");
    await dashboard(p, "/8001/move", {
      from: formatApiMinute(soon),
      to: formatApiMinute(soon.plus({ minutes: 30 })),
      force: true,
    });
    await p.jobs.recordWebhook(SITE, webhook("8001", "update", 31));
    await waitFor(async () => (await p.jobs.queues.sync.getCompletedCount()) === 1);
    const after = (await p.jobs.queues.reminders.getDelayed())[0]!;
    expect(after.timestamp + (after.opts.delay ?? 0)).toBeLessThan(
      before.timestamp + (before.opts.delay ?? 0),
    );
    expect(after.data.plannedStart).toBe(soon.toUTC().toISO());
    // First the notice of the move (the business did it), then the reminder for the new time.
    const reminder = () => p.sent.find((x) => x.messages[0]!.text.startsWith("Reminder from"));
    await waitFor(() => Boolean(reminder()), 130_000);
    expect(p.sent[0]!.messages[0]!.text).toMatch(/moved your appointment/);
    expect(reminder()!.messages[0]!.text).toContain(soon.toFormat("HH:mm"));
    expect(reminder()!.at).toBeGreaterThanOrEqual(soon.minus({ minutes: 1 }).toMillis());
    expect(p.sent).toHaveLength(2);
  }, 150_000);
});

describe("webhooks out of order", () => {
  it("an old 'update' processed after the cancel does not bring the reminder back: the sync reads the appointment as it is now", async () => {
    p = await startPipeline({
      appointments: appointmentDueIn(7_200),
      plan: offsetsOnly([60]),
      offsets: [60],
    });
    await p.jobs.runScan(SITE);
    expect(await p.jobs.queues.reminders.getDelayedCount()).toBe(1);
    await dashboard(p, "/8001/cancel", {});
    await p.jobs.recordWebhook(SITE, webhook("8001", "cancel", 21));
    await p.jobs.recordWebhook(SITE, webhook("8001", "update", 20)); // sent earlier, arrives later
    p.jobs.startWorkers(["tor4you-sync"]);
    await waitFor(async () => (await p.jobs.queues.sync.getCompletedCount()) === 2);
    expect(await p.jobs.queues.reminders.getDelayedCount()).toBe(0);
  }, 30_000);

  it("an expired temporary booking gets no reminder", async () => {
    p = await startPipeline({
      appointments: (now) =>
        appointmentDueIn(7_200)(now).map((a) => ({ ...a, tmpExpire: now.plus({ minutes: 20 }) })),
    });
    await p.jobs.runScan(SITE);
    expect(await p.jobs.queues.reminders.getDelayedCount()).toBe(0);
  }, 30_000);
});

describe("change notices", () => {
  it("a move or cancel by the business tells the linked customer; the bot's own change tells nobody", async () => {
    const two = (now: DateTime) => [
      ...appointmentDueIn(7_200, "8001")(now),
      ...appointmentDueIn(10_800, "8002")(now),
    ];
    p = await startPipeline({ appointments: two, plan: offsetsOnly([60]), offsets: [60] });
    p.jobs.startWorkers(["tor4you-sync", "telegram-outbound"]);
    await p.jobs.runScan(SITE);
    const appt = p.emulator.site(SITE).appointments.get("8001")!;
    const later = appt.from.plus({ days: 1 }).set({ hour: 11, minute: 0 });
    // The notice shows the old time and the new, so the customer sees what changed.
    const wasAt = appt.from.setZone("Asia/Jerusalem");
    const was = `${wasAt.toFormat("dd.MM")}[^\\n]*${wasAt.toFormat("HH:mm")}`;
    await dashboard(p, "/8001/move", {
      from: formatApiMinute(later),
      to: formatApiMinute(later.plus({ minutes: 30 })),
      force: true,
    });
    await p.jobs.recordWebhook(SITE, webhook("8001", "update", 11));
    await waitFor(() => p.sent.length === 1);
    expect(p.sent[0]!.chatId).toBe("5001");
    expect(p.sent[0]!.messages[0]!.text).toMatch(
      new RegExp(
        `moved your appointment[^]*Was: [^\\n]*${was}[^\\n]*\\n\\s*Now: [^\\n]*${later.toFormat("dd.MM")}[^\\n]*11:00`,
      ),
    );

    // The customer cancels 8002 through the bot (marked as our own change): its echo is not news.
    await p.app.ownChanges.mark(SITE, "8002");
    await dashboard(p, "/8002/cancel", {});
    await p.jobs.recordWebhook(SITE, webhook("8002", "cancel", 12));
    await waitFor(async () => (await p.jobs.queues.sync.getCompletedCount()) === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(p.sent).toHaveLength(1);

    // The business cancels 8001: that is news.
    await dashboard(p, "/8001/cancel", {});
    await p.jobs.recordWebhook(SITE, webhook("8001", "cancel", 13));
    await waitFor(() => p.sent.length === 2);
    const cancelled = p.sent[1]!.messages[0]!;
    expect(cancelled.text).toMatch(/cancelled your appointment/);
    // …and offers to book again.
    expect(cancelled.type === "choices" && cancelled.choices.map((c) => c.label)).toContain("Book again");
    expect(await p.jobs.queues.reminders.getDelayedCount()).toBe(0);
  }, 30_000);
});

describe("with the site's policy", () => {
  it("plans 24h and 2h reminders at the configured offsets, and moves one out of quiet hours", async () => {
    const start = DateTime.now()
      .setZone("Asia/Jerusalem")
      .plus({ days: 3 })
      .set({ hour: 7, minute: 30, second: 0, millisecond: 0 });
    p = await startPipeline({
      appointments: () => [
        {
          id: "8100",
          staff: "11",
          service: "21",
          customer: "900",
          from: start,
          to: start.plus({ minutes: 30 }),
        },
      ],
      env: { REMINDER_OFFSETS: "24h,2h", QUIET_HOURS: "21:30-08:00", SHABBAT_QUIET: "false" },
    });
    await p.jobs.runScan(SITE);
    const due = new Map(
      (await p.jobs.queues.reminders.getDelayed()).map((j) => [
        j.data.offsetMin,
        DateTime.fromMillis(j.timestamp + (j.opts.delay ?? 0), { zone: "Asia/Jerusalem" }),
      ]),
    );
    // 24h before 07:30 is 07:30, inside the quiet night: moved to 21:30 the evening before.
    expect(due.get(1440)?.toFormat("dd.MM HH:mm")).toBe(
      start.minus({ days: 2 }).set({ hour: 21, minute: 30 }).toFormat("dd.MM HH:mm"),
    );
    // 2h before is 05:30, also quiet: moved to 21:30 the evening before the appointment.
    expect(due.get(120)?.toFormat("dd.MM HH:mm")).toBe(
      start.minus({ days: 1 }).set({ hour: 21, minute: 30 }).toFormat("dd.MM HH:mm"),
    );
    expect(due.size).toBe(2);
  }, 30_000);
});
