import { randomBytes } from "node:crypto";
import { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whatsappOutboundProducer } from "../../jobs/whatsapp-outbound.ts";
import type { ChatAddress, Inbound, OutboundMessage } from "../../src/core/messages.ts";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";
import { demoBackground, startDemoApp } from "../support/demo-app.ts";

/**
 * "Stop" means stop (issue 11, section 3): kept per site and phone, it holds on every channel,
 * including WhatsApp reminders to a number that never wrote to the bot, and outlives "forget me".
 * "Stop" from a chat that is not linked asks for the number and never says "done" for nothing.
 */
const SITE = DEMO_BARBER_SITEID;
let demo: Awaited<ReturnType<typeof startDemoApp>>;
let bg: ReturnType<typeof demoBackground>;
let producer: ReturnType<typeof whatsappOutboundProducer>;

beforeAll(async () => {
  demo = await startDemoApp({ env: { WHATSAPP_SESSIONS: "main" } });
  producer = whatsappOutboundProducer(demo.redis, demo.prefix, demo.app.outbox);
  // Reminders go out on WhatsApp first (the site's order), by number: the customer never wrote there.
  bg = demoBackground(demo, { whatsapp: { sessionFor: () => "main", enqueue: producer.enqueue } });
  bg.jobs.startWorkers(["reminders"]);
});
afterAll(async () => {
  await bg.jobs.close();
  await producer.close();
  await demo.stop();
});

/** The message `id` in whichever language the bot chose to answer in. */
const said = (out: OutboundMessage[], id: string) =>
  (["he", "en", "ar", "ru"] as const).some((l) => texts(out).includes(demo.app.translator.t(l, id)));
let nextEvent = 1;
const chat = (): ChatAddress => ({
  site: SITE,
  channel: "telegram",
  chatId: String(7_000_000 + nextEvent++),
});
const send = (address: ChatAddress, message: Inbound) =>
  demo.app.engine.handle({ id: `e${nextEvent++}`, address, message, languageHint: "he" });
const say = (address: ChatAddress, text: string) => send(address, { type: "text", text });
const shareOwn = (address: ChatAddress, cell: string) =>
  send(address, { type: "contact", phone: cell, own: true, first: "טל" });
const texts = (out: OutboundMessage[]) => out.map((m) => ("text" in m ? m.text : "")).join("\n");

/** An appointment of the test's own, tomorrow, for a phone no other test uses. */
async function appointmentFor(cell: string, hhmm: string) {
  const res = await demo.emulator.app.inject({
    method: "POST",
    url: `/__emulator/sites/${SITE}/appointments`,
    payload: {
      staff: "201",
      service: "301",
      from: `2026-11-24T${hhmm}`,
      customer: { first: "טל", last: "בדיקה", cell },
      force: true,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body).appt as { apptid: string; from: string };
}

/** Runs one due reminder through the real worker; its outcome and what reached WhatsApp's queue. */
async function remind(appt: { apptid: string }) {
  const a = demo.emulator.site(SITE).appointments.get(String(appt.apptid))!;
  const jobId = `r-${SITE}-${a.id}-1440m-${randomBytes(3).toString("hex")}`;
  const before = await producer.queueFor("main").count();
  await bg.jobs.queues.reminders.add(
    "remind",
    { site: SITE, apptId: a.id, offsetMin: 1440, plannedStart: a.from.toUTC().toISO()! },
    { jobId },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    const job = await Job.fromId(bg.jobs.queues.reminders, jobId);
    if (job?.finishedOn) {
      return { outcome: job.returnvalue, toWhatsApp: (await producer.queueFor("main").count()) - before };
    }
    if (Date.now() > deadline) throw new Error("the reminder job did not finish");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('"stop"', () => {
  it("said on Telegram, holds for WhatsApp reminders to the number, and survives 'forget me'; 'start' turns them on again", async () => {
    const cell = "0509871101";
    const appt = await appointmentFor(cell, "12:00");
    const tg = chat();
    await say(tg, "התורים שלי");
    await shareOwn(tg, cell);
    expect(said(await say(tg, "stop"), "stop-done")).toBe(true);
    expect(await demo.app.optOuts.has(SITE, cell)).toBe(true);

    await say(tg, "forget me");
    await say(tg, "כן");
    expect(await demo.app.identities.get(tg)).toBeNull();
    expect(await demo.app.optOuts.has(SITE, cell)).toBe(true);

    expect(await remind(appt)).toEqual({ outcome: { sent: false, reason: "opted_out" }, toWhatsApp: 0 });

    // "start" from the forgotten chat needs the number again; then reminders flow, on WhatsApp.
    const ask = await say(tg, "start reminders");
    expect(ask.map((m) => m.type)).toEqual(["requestPhone"]);
    expect(said(await shareOwn(tg, cell), "start-done")).toBe(true);
    expect(await remind(appt)).toEqual({ outcome: { sent: true, channel: "whatsapp" }, toWhatsApp: 1 });
  });

  it("from a chat that is not linked asks for the number, says nothing is done, records nothing; the number completes it", async () => {
    const cell = "0509871102";
    const appt = await appointmentFor(cell, "13:00");
    const tg = chat();
    const out = await say(tg, "stop");
    expect(out.map((m) => m.type)).toEqual(["requestPhone"]);
    expect(said(out, "stop-needs-number")).toBe(true);
    expect(said(out, "stop-done")).toBe(false);
    expect(await demo.app.identities.preferences(tg)).toMatchObject({ remindersOff: false });

    // Until the number comes, nothing was recorded and the reminder goes out.
    expect(await remind(appt)).toEqual({ outcome: { sent: true, channel: "whatsapp" }, toWhatsApp: 1 });

    const linked = await shareOwn(tg, cell);
    expect(said(linked, "stop-done")).toBe(true);
    expect(await demo.app.optOuts.has(SITE, cell)).toBe(true);
    const again = await appointmentFor(cell, "15:00");
    expect((await remind(again)).outcome).toEqual({ sent: false, reason: "opted_out" });
  });

  it("said on WhatsApp by a number, holds for the Telegram chat linked to the same number", async () => {
    const cell = "0509871103";
    const appt = await appointmentFor(cell, "14:00");
    const tg = chat();
    await say(tg, "התורים שלי");
    await shareOwn(tg, cell);
    const wa: ChatAddress = { site: SITE, channel: "whatsapp", chatId: `972${cell.slice(1)}@c.us` };
    const out = await demo.app.engine.handle({
      id: `w${nextEvent++}`,
      address: wa,
      message: { type: "text", text: "עצור" },
      verifiedPhone: cell,
    });
    expect(said(out, "stop-done")).toBe(true);
    expect(await demo.app.optOuts.has(SITE, cell)).toBe(true);
    expect((await remind(appt)).outcome).toEqual({ sent: false, reason: "opted_out" });
  });
});
