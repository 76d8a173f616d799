import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import type { SiteConfig } from "../../../src/config/types.ts";
import type { ChatAddress, Inbound, OutboundMessage } from "../../../src/core/messages.ts";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { createMetrics } from "../../../src/http/metrics.ts";
import { createBackground } from "../../../src/roles/background.ts";
import { startDemoApp, T0 } from "../../support/demo-app.ts";

const DAVID = "0527654321"; // Tue 24.11 09:00 with יוסי (201) at the barber
const zone = "Asia/Jerusalem";

// The business's team as a sites file would name it: a barber each, and the owner.
const STAFF: SiteConfig["staff"] = [
  { channel: "telegram", chatId: "9201", role: { kind: "staff", staffId: "201" } },
  { channel: "telegram", chatId: "9202", role: { kind: "staff", staffId: "202" } },
  { channel: "telegram", chatId: "9300", role: { kind: "owner" } },
];

type World = Awaited<ReturnType<typeof world>>;
let w: World | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

/** The app with its background on real Redis and BullMQ; Telegram is the recording edge. */
async function world(opts: { env?: Record<string, string>; at?: DateTime } = {}) {
  const base = await startDemoApp({
    env: { STAFF_ALERTS: "declined,cancelled,booked,moved", ...opts.env },
    site: { staff: STAFF },
  });
  if (opts.at) base.emulator.clock.set(opts.at);
  const sent: Array<{ chatId: string; text: string }> = [];
  const background = createBackground({
    sites: base.sites,
    app: base.app,
    connection: base.redis,
    logger: base.logger,
    metrics: createMetrics(),
    telegram: {
      has: () => true,
      send: async (_site, chatId, messages: OutboundMessage[]) => {
        for (const m of messages) sent.push({ chatId, text: m.text.replace(/[\u2068\u2069]/g, "") });
        return "sent";
      },
    },
  });
  background.jobs.startWorkers(["staff-alerts", "telegram-outbound"]);
  const site = DEMO_BARBER_SITEID;
  const customer: ChatAddress = { site, channel: "telegram", chatId: randomUUID() };
  const transcript: OutboundMessage[] = [];
  const say = async (message: Inbound) => {
    const out = await base.app.engine.handle({
      id: randomUUID(),
      address: customer,
      message,
      languageHint: "en",
    });
    transcript.push(...out);
    return out;
  };
  /** Taps the button with this label in the last message that had buttons. */
  const tap = (label: string) => {
    const last = [...transcript].reverse().find((m) => m.type === "choices");
    const choice = last?.type === "choices" ? last.choices.find((c) => c.label === label) : undefined;
    if (!choice) throw new Error(`no button "${label}"`);
    return say({ type: "choice", id: choice.id });
  };
  const to = (chatId: string) => sent.filter((m) => m.chatId === chatId).map((m) => m.text);
  async function until(check: () => boolean, ms = 5_000) {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out; sent so far: ${JSON.stringify(sent)}`);
      await sleep(25);
    }
  }
  return {
    ...base,
    jobs: background.jobs,
    sent,
    to,
    until,
    say,
    tap,
    customer,
    async davidsAppointment() {
      const [appt] = await base.app.clients.get(site)!.apptbycellortz({ cell: DAVID, showFuture: true });
      return appt!;
    },
    async stop() {
      await background.jobs.close();
      await base.stop();
    },
  };
}

/** David links his phone and gets his reminder. */
async function reminded(x: World) {
  await x.say({ type: "text", text: "my appointments" });
  await x.say({ type: "contact", phone: DAVID, own: true, first: "דוד", last: "אברהם" });
  const appt = await x.davidsAppointment();
  await x.app.engine.prepareReminder(x.customer, appt);
  return appt;
}

describe("real-time staff alerts", () => {
  it("a decline reaches the customer's barber and the owner at once, with a number to call; not the other barber", async () => {
    w = await world();
    await reminded(w);
    await w.say({ type: "text", text: "no" });
    await w.until(() => w!.to("9201").length > 0 && w!.to("9300").length > 0);
    expect(w.to("9201")).toEqual([
      expect.stringMatching(
        /^✗ לא יגיע\/תגיע: דוד אברהם · תספורת גברים, .*24\.11\.2026 09:00 \+972527654321$/,
      ),
    ]);
    expect(w.to("9300")[0]).toContain("(יוסי כהן)"); // the owner sees whose customer it is
    await sleep(300);
    expect(w.to("9202")).toEqual([]);
  });

  it("cancelling through the bot alerts too, once", async () => {
    w = await world();
    const appt = await reminded(w);
    await w.say({ type: "text", text: "no" });
    await w.tap("Cancel it");
    await w.tap("Yes, cancel it");
    // the statistics count it as a cancellation through the bot, in the week of its start
    const week = (await w.app.activity.weeks(DEMO_BARBER_SITEID, ["20261122"])).get("20261122")!;
    expect([...week.cancels]).toEqual([[appt.id, { staffId: "201", serviceId: appt.serviceId }]]);
    await w.until(() => w!.to("9201").some((t) => t.startsWith("בוטל דרך הבוט")));
    expect(w.to("9201").filter((t) => t.startsWith("בוטל דרך הבוט"))).toHaveLength(1);
  });

  it("in quiet hours a non-urgent alert waits for the morning; an urgent one goes at once", async () => {
    const night = DateTime.fromISO("2026-11-23T22:30", { zone });
    w = await world({ at: night });
    await reminded(w);
    await w.say({ type: "text", text: "no" });
    await w.until(() => false, 1_500).catch(() => {});
    expect(w.to("9201")).toEqual([]);
    const delayed = await w.jobs.queues.telegram.getDelayed();
    expect(delayed).toHaveLength(2); // the barber's and the owner's
    // 22:30 -> 08:00: the alert waits nine and a half hours
    expect(delayed.map((j) => j.delay)).toEqual([9.5 * 3_600_000, 9.5 * 3_600_000]);
    await w.stop();

    w = await world({ at: night, env: { URGENT_ALERTS: "declined" } });
    await reminded(w);
    await w.say({ type: "text", text: "no" });
    await w.until(() => w!.to("9201").length > 0);
  });

  it("a site that wants no alerts sends none", async () => {
    w = await world({ env: { STAFF_ALERTS: "off" } });
    await reminded(w);
    await w.say({ type: "text", text: "no" });
    await sleep(800);
    expect(w.sent).toEqual([]);
    expect(await w.jobs.queues.staffAlerts.getJobCounts()).toMatchObject({
      waiting: 0,
      active: 0,
      completed: 0,
    });
  });
});

describe("the unanswered list (CONFIRM_DEADLINE)", () => {
  it("lists tomorrow's unanswered appointments to their barber and the owner, once, with numbers to call", async () => {
    w = await world({ env: { CONFIRM_DEADLINE: "24h" } });
    // The bot knew the appointments well before their deadline.
    w.emulator.clock.set(T0.minus({ days: 1 }));
    await w.jobs.runScan(DEMO_BARBER_SITEID);
    w.emulator.clock.set(T0.set({ hour: 12 }));
    const first = await w.jobs.staff.runEscalation(DEMO_BARBER_SITEID);
    expect(first).toMatchObject({ calls: 1 });
    await w.until(() => w!.to("9201").length > 0 && w!.to("9300").length > 0);
    // At Mon 12:00 with 24h: until Tue 12:00. Answered ones (יעל declined, עומר confirmed) and
    // רון's unpaid temporary booking (expired at 10:30) are left out.
    expect(first.unanswered).toBe(3);
    const barber = w.to("9201").join("\n").split("\n");
    expect(barber[0]).toMatch(/^עדיין אין תשובה ל־2 תורים/);
    expect(barber.slice(1)).toEqual([
      expect.stringMatching(/ 23\.11 12:30 תמר חדד · עיצוב זקן \+972503216549$/),
      expect.stringMatching(/ 24\.11 09:00 דוד אברהם · תספורת גברים \+972527654321$/),
    ]);
    const owner = w.to("9300").join("\n").split("\n").slice(1);
    expect(owner).toHaveLength(3);
    expect(owner[1]).toMatch(/דוד אברהם · תספורת גברים \(יוסי כהן\) \+972527654321$/);
    expect(owner[2]).toMatch(/ 24\.11 11:00 אלון טל · תספורת גברים \(אבי מזרחי\) \+972523334455$/);
    expect(owner.join("\n")).not.toMatch(/עומר|יעל|רון/);
    expect(w.to("9202")).toEqual([]); // nothing of his is unanswered
    const again = await w.jobs.staff.runEscalation(DEMO_BARBER_SITEID);
    expect(again).toMatchObject({ unanswered: 0, chats: 0 });
  });

  it("an appointment booked inside its deadline is not listed (nobody could have answered yet)", async () => {
    w = await world({ env: { CONFIRM_DEADLINE: "24h" } });
    w.emulator.clock.set(T0.set({ hour: 12 }));
    await w.jobs.runScan(DEMO_BARBER_SITEID); // first seen now: all of tomorrow is inside the deadline
    expect(await w.jobs.staff.runEscalation(DEMO_BARBER_SITEID)).toMatchObject({ unanswered: 0 });
  });

  it("quiet time holds the check; off means no check is scheduled", async () => {
    w = await world({ env: { CONFIRM_DEADLINE: "12h" }, at: DateTime.fromISO("2026-11-23T23:00", { zone }) });
    expect(await w.jobs.staff.runEscalation(DEMO_BARBER_SITEID)).toEqual({ skipped: "quiet" });
    await w.jobs.scheduleScans();
    const schedulers = await w.jobs.queues.staffAlerts.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain(`escalate-${DEMO_BARBER_SITEID}`);
    await w.stop();
    w = await world();
    await w.jobs.scheduleScans();
    expect(await w.jobs.queues.staffAlerts.getJobSchedulers()).toEqual([]);
  });
});

describe("the digest and quiet time", () => {
  it("a digest due in quiet hours is composed when they end, not sent into the night", async () => {
    w = await world({ at: DateTime.fromISO("2026-11-23T23:00", { zone }) });
    const r = await w.jobs.runDigest(DEMO_BARBER_SITEID);
    expect(r).toMatchObject({ deferred: true, calls: 0 });
    const [deferred] = await w.jobs.queues.digests.getDelayed();
    expect(deferred!.delay).toBe(9 * 3_600_000); // 23:00 -> 08:00
    expect(w.sent).toEqual([]);
  });

  it("configured staff chats get the digest without linking", async () => {
    w = await world({ at: T0.set({ hour: 19 }) });
    const r = await w.jobs.runDigest(DEMO_BARBER_SITEID);
    expect(r).toMatchObject({ deferred: false, staffChats: 3, calls: 1 });
    await w.until(() => ["9201", "9202", "9300"].every((c) => w!.to(c).length > 0));
    expect(w.to("9201").join("\n")).toContain("דוד אברהם");
    expect(w.to("9202").join("\n")).not.toContain("דוד אברהם");
  });
});
