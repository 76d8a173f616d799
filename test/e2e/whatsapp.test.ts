import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWhatsAppOutbound, whatsappOutboundProducer } from "../../jobs/whatsapp-outbound.ts";
import { renderForWhatsApp } from "../../src/channels/whatsapp/render.ts";
import { createWhatsAppSession } from "../../src/channels/whatsapp/session.ts";
import { createWhatsAppChannel } from "../../src/channels/whatsapp/whatsapp-channel.ts";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";
import { createMetrics } from "../../src/http/metrics.ts";
import { createBackground } from "../../src/roles/background.ts";
import { createReminderLedger } from "../../src/storage/reminder-ledger.ts";
import { startDemoApp } from "../support/demo-app.ts";
import { FakeClient } from "../unit/channels/whatsapp/fake-client.ts";

const DAVID = "972527654321@c.us"; // the demo customer with an appointment on Tue 24.11 09:00
const logger = pino({ level: "silent" });

/** The app on WhatsApp: the real session, channel, paced outbound queue and reminders; a fake Client. */
async function startWhatsAppWorld() {
  // A short HANDOFF_PAUSE so the test sees the bot come back.
  const base = await startDemoApp({ env: { WHATSAPP_SESSIONS: "main", HANDOFF_PAUSE: "3s" } });
  const { emulator, redis, prefix, sites, app } = base;
  const clients = [new FakeClient("ready"), new FakeClient("ready"), new FakeClient("ready")];
  const used: FakeClient[] = [];
  const producer = whatsappOutboundProducer(redis, prefix, app.outbox);
  const channel = createWhatsAppChannel({
    site: DEMO_BARBER_SITEID,
    engine: app.engine,
    lidToPhone: (lid) => session.lidToPhone(lid),
    deliver: (chatId, messages) => producer.reply("main", { site: DEMO_BARBER_SITEID, chatId, messages }),
    logger,
  });
  const session = createWhatsAppSession({
    name: "main",
    makeClient: () => {
      const c = clients.shift()!;
      used.push(c);
      return c;
    },
    backoff: { baseMs: 50, maxMs: 200 },
    wipeProfile: async () => {},
    onMessage: (m) => channel.onMessage(m),
    onBusinessMessage: (m) => channel.onBusinessMessage(m),
    logger,
  });
  session.start();
  await session.whenReady();
  const outbound = startWhatsAppOutbound({
    connection: redis,
    prefix,
    session,
    render: (m) => renderForWhatsApp(m, { shareContact: app.translator.t("he", "link-button") }),
    ledger: createReminderLedger(redis, app.keys),
    outbox: app.outbox,
    pacing: { minMs: 5, maxMs: 15 },
    replyPacing: { minMs: 5, maxMs: 15 },
    logger,
  });
  const { jobs } = createBackground({
    sites,
    app,
    connection: redis,
    logger,
    metrics: createMetrics(),
    whatsapp: { sessionFor: () => "main", enqueue: producer.enqueue },
  });
  jobs.startWorkers(["reminders"]);

  const all = () => used.flatMap((c) => c.sent);
  /** A customer writing from `from`; resolves with what the business sent back to them. */
  async function say(from: string, text: string, extra = {}, waitMs = 10_000) {
    const before = all().filter((m) => m.chatId === from).length;
    used.at(-1)!.incoming(from, text, extra);
    return waitForReplies(from, before, waitMs);
  }
  async function waitForReplies(chatId: string, before: number, waitMs = 10_000) {
    let quiet = Date.now();
    let count = before;
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      const now = all().filter((m) => m.chatId === chatId).length;
      if (now !== count) {
        count = now;
        quiet = Date.now();
      } else if (count > before && Date.now() - quiet > 300) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return all()
      .filter((m) => m.chatId === chatId)
      .slice(before)
      .map((m) => m.text.replace(/[\u2068\u2069]/g, ""));
  }
  return {
    emulator,
    app,
    jobs,
    session,
    clients,
    used,
    all,
    say,
    waitForReplies,
    producer,
    async stop() {
      await jobs.close();
      await outbound.close();
      await producer.close();
      await session.stop();
      await base.stop();
    },
  };
}

let w: Awaited<ReturnType<typeof startWhatsAppWorld>>;
beforeAll(async () => {
  w = await startWhatsAppWorld();
}, 30_000);
afterAll(async () => {
  await w.stop();
});

const live = (cell: string) => {
  const s = w.emulator.site(DEMO_BARBER_SITEID);
  const ids = [...s.customers.values()].filter((c) => c.cell === cell).map((c) => c.id);
  return [...s.appointments.values()].filter(
    (a) => ids.includes(a.customer) && a.status === "1" && a.from > w.emulator.clock.now(),
  );
};

describe("a customer on WhatsApp", () => {
  it("is known by the sender's own number: asks and sees the appointment, no phone question", async () => {
    const out = await w.say(DAVID, "התורים שלי");
    expect(out.join("\n")).toContain("תספורת גברים");
    expect(out.join("\n")).toContain("24.11 (מחר) בשעה 09:00");
    expect(out.join("\n")).toMatch(/\n1\. /); // the choices as a numbered list
  });

  it("books by answering with numbers, then cancels", async () => {
    const from = "972509876511@c.us";
    let out = await w.say(from, "לקבוע תור");
    expect(out.join("\n")).toMatch(/1\. תספורת גברים/);
    out = await w.say(from, "1"); // service
    out = await w.say(from, "1"); // branch
    expect(out.join("\n")).toMatch(/2\. יוסי כהן/);
    out = await w.say(from, "2"); // staff
    out = await w.say(from, "3"); // a day
    out = await w.say(from, "1"); // the first time
    expect(out.join("\n")).toMatch(/שם/); // the customer's full name: no record, no contact
    out = await w.say(from, "Noa Bar");
    out = await w.say(from, "כן");
    expect(live("0509876511")).toHaveLength(1);
    await w.say(from, "לבטל תור");
    await w.say(from, "1"); // yes, cancel it
    expect(live("0509876511")).toHaveLength(0);
  });

  it("answers a reminder with '1' and iscoming=1 reaches Tor4You", async () => {
    // Its own customer, who never wrote: no other test's chat (an @lid chat linked to DAVID's
    // number, say) can be the one the reminder goes to, in whatever order the tests run.
    const cell = "0509876513";
    const from = `972${cell.slice(1)}@c.us`;
    const like = live("0527654321")[0]!;
    const res = await w.emulator.app.inject({
      method: "POST",
      url: `/__emulator/sites/${DEMO_BARBER_SITEID}/appointments`,
      payload: {
        staff: like.staff,
        service: like.service,
        from: "2026-11-25T17:00",
        customer: { first: "גיל", last: "בדיקה", cell },
        force: true,
      },
    });
    expect(res.statusCode).toBe(200);
    const appt = live(cell)[0]!;
    // Reminders spend no calls on the catalog: they show the address once any conversation has
    // read it (another customer asking for help, here).
    await w.say("972509876599@c.us", "עזרה");
    const before = w.all().filter((m) => m.chatId === from).length;
    await w.jobs.queues.reminders.add(
      "remind",
      {
        site: DEMO_BARBER_SITEID,
        apptId: appt.id,
        offsetMin: 1440,
        plannedStart: appt.from.toUTC().toISO()!,
      },
      { jobId: `r-${DEMO_BARBER_SITEID}-${appt.id}-1440m` },
    );
    const reminder = await w.waitForReplies(from, before);
    expect(reminder.join("\n")).toMatch(
      /תזכורת מאת מספרת הדקל[\s\S]*1\. כן, אגיע\n2\. לא אוכל להגיע\n3\. להזיז את התור/,
    );
    // Where to come (the staff member's branch and its address, with a map link) and whom to call.
    expect(reminder.join("\n")).toMatch(
      /📍 סניף (מרכז|צפון), [^\n]+\nhttps:\/\/www\.google\.com\/maps\/search\/\?api=1&query=%D7[^\s]+\n📞 לשאלות: \+972 3 555 1234/,
    );
    await w.say(from, "1");
    expect(w.emulator.site(DEMO_BARBER_SITEID).appointments.get(appt.id)!.iscoming).toBe("1");
    // The send jobs name an outbox entry, not the customer's number or the text.
    const jobs = await w.producer.queueFor("main").getJobs(["completed", "waiting", "active", "delayed"]);
    expect(jobs.length).toBeGreaterThan(0);
    expect(JSON.stringify(jobs.map((j) => j.data))).not.toMatch(/509876513|תזכורת/);
  });

  // Each customer writes in their own language; the typed answer sets iscoming in Tor4You and
  // the reply comes in the language typed.
  it.each([
    ["he", "0509876530", "2026-11-26T14:00", "התורים שלי", "כן אני מגיעה, תודה!", "1", /\p{Script=Hebrew}/u],
    [
      "en",
      "0509876531",
      "2026-11-26T15:00",
      "my appointments",
      "sorry, I won't be able to come",
      "2",
      /[a-z]{4}/,
    ],
    ["ar", "0509876532", "2026-11-26T16:00", "مواعيدي", "للاسف ما بقدر اجي", "2", /\p{Script=Arabic}/u],
    ["ru", "0509876533", "2026-11-26T17:00", "мои записи", "да, буду 👍", "1", /\p{Script=Cyrillic}/u],
  ])(
    "a typed answer in %s (%s, %s): '%s', then '%s'",
    async (_lang, cell, at, ask, answer, iscoming, script) => {
      await addAppointment(cell, at);
      const appt = live(cell)[0]!;
      const from = `972${cell.slice(1)}@c.us`;
      await w.say(from, ask);
      const before = w.all().filter((m) => m.chatId === from).length;
      await w.jobs.queues.reminders.add(
        "remind",
        {
          site: DEMO_BARBER_SITEID,
          apptId: appt.id,
          offsetMin: 1440,
          plannedStart: appt.from.toUTC().toISO()!,
        },
        { jobId: `r-${DEMO_BARBER_SITEID}-${appt.id}-1440m` },
      );
      expect((await w.waitForReplies(from, before)).join("\n")).toMatch(script);
      const reply = await w.say(from, answer);
      expect(w.emulator.site(DEMO_BARBER_SITEID).appointments.get(appt.id)!.iscoming).toBe(iscoming);
      expect(reply.join("\n")).toMatch(script);
    },
  );

  it("messages queued while the session is down go out once, in order, after it reconnects", async () => {
    const from = "972509876512@c.us";
    let reconnect!: () => void;
    w.clients.unshift(new FakeClient("ready", new Promise<void>((r) => (reconnect = r))));
    w.used.at(-1)!.emit("disconnected", "NAVIGATION");
    await new Promise((r) => setTimeout(r, 10));
    expect(w.session.status().state).toBe("disconnected");
    for (const n of [1, 2, 3]) {
      await w.producer.enqueue("main", {
        site: DEMO_BARBER_SITEID,
        chatId: from,
        messages: [{ type: "text", text: `message ${n}` }],
      });
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(w.all().filter((m) => m.chatId === from)).toHaveLength(0); // nothing sent while down
    reconnect();
    await w.session.whenReady();
    const got = await w.waitForReplies(from, 0);
    expect(got).toEqual(["message 1", "message 2", "message 3"]);
  });

  it("an @lid sender must share their own contact card before anything is shown", async () => {
    const lid = "11122233344455@lid";
    w.used.at(-1)!.lids.set(lid, "972527654321");
    const ask = await w.say(lid, "התורים שלי");
    expect(ask.join("\n")).not.toContain("תספורת");
    const vcard = (n: string) => `BEGIN:VCARD\nVERSION:3.0\nFN:X\nTEL;waid=${n}:+${n}\nEND:VCARD`;
    const other = await w.say(lid, "", { type: "vcard", vCards: [vcard("972501112233")] });
    expect(other.join("\n")).not.toContain("תספורת");
    const own = await w.say(lid, "", { type: "vcard", vCards: [vcard("972527654321")] });
    expect(own.join("\n")).toContain("תספורת גברים");
  });

  it("a person at the business writes from its phone: the bot keeps quiet in that chat, silently, then comes back", async () => {
    const from = "972509876513@c.us";
    const other = "972509876514@c.us";
    // the bot's own answers echo back as the account's messages: they do not pause anything
    expect((await w.say(from, "עזרה")).length).toBeGreaterThan(0);
    expect((await w.say(from, "עזרה")).length).toBeGreaterThan(0);
    w.used.at(-1)!.businessTypes(from, "היי, זה יוסי מהמספרה, אני אסדר לך את זה");
    await new Promise((r) => setTimeout(r, 100));
    const quiet = await w.say(from, "תודה! אז מחר ב-5?", {}, 1_200);
    expect(quiet).toEqual([]); // no reply, and nothing about the handover
    expect((await w.say(other, "עזרה")).length).toBeGreaterThan(0); // other chats are answered
    await new Promise((r) => setTimeout(r, 2_000)); // HANDOFF_PAUSE is 3 s here (12 h by default)
    expect((await w.say(from, "עזרה")).join("\n")).toMatch(/התורים שלי/);
  }, 20_000);

  it("a typed request for a person gets the business's phone and the way back to the menu", async () => {
    const out = (await w.say("972509876515@c.us", "אפשר לדבר עם נציג? יש לי שאלה על צבע")).join("\n");
    expect(out).toMatch(/\+972 3 555 1234/);
    expect(out).toMatch(/1\. לתפריט/);
  });

  it("a list of several appointments is numbered once across them, and a number picks the item it names", async () => {
    const cell = "0509876540";
    const from = `972${cell.slice(1)}@c.us`;
    for (const at of ["2026-11-27T10:00", "2026-11-30T12:00"]) await addAppointment(cell, at);
    const out = await w.say(from, "מה התורים שלי?");
    const text = out.join("\n");
    // Two cards, one count: the second card goes on from where the first stopped.
    expect(text).toMatch(/1\. כן, אגיע\n2\. .+\n3\. .+/);
    expect(text).toMatch(/4\. כן, אגיע\n5\. .+\n6\. לבטל את התור/);
    expect(text).not.toMatch(/\n7\. /);
    // The numbers are explained once, at the end.
    expect(out.at(-1)).toMatch(/6\. לבטל את התור\n\nאפשר לענות במספר\.$/);
    expect(text.match(/אפשר לענות במספר/g)).toHaveLength(1);
    const ask = (await w.say(from, "6")).join("\n");
    expect(ask).toMatch(/לבטל את התור.*30\.11/); // the second appointment's cancel, not the first's
    await w.say(from, "כן");
    expect(live(cell).map((a) => a.from.toFormat("dd.MM"))).toEqual(["27.11"]);
  });

  it("in a list of times, a time typed as people write it picks that time", async () => {
    const from = "972509876541@c.us";
    const times = await timesList(from);
    const hours = [...times.matchAll(/\d+\. (1[3-9]):00\b/g)].map((m) => Number(m[1]));
    expect(hours.length).toBeGreaterThan(0);
    const hour = hours.at(-1)!;
    // "ב-6" for 18:00: the hour as the clock on the wall says it.
    expect((await w.say(from, `ב-${hour - 12}`)).join("\n")).toMatch(/שם/); // the next question
    expect(await summaryAfterName(from)).toContain(`${hour}:00`);
  });

  it("a bare number picks the list's item, or the time at that hour when the list has no such item", async () => {
    const from = "972509876542@c.us";
    let times = await timesList(from);
    const items = [...times.matchAll(/^\d+\. /gm)].length;
    const beyond = [...times.matchAll(/\d+\. (\d\d):00\b/g)].map((m) => m[1]!).find((h) => Number(h) > items);
    expect(beyond).toBeDefined();
    // With 13 items, "17" is five o'clock.
    expect(await w.say(from, String(Number(beyond)))).not.toEqual([]);
    expect(await summaryAfterName(from)).toContain(`${beyond}:00`);
    times = (await w.say(from, "חזרה")).join("\n"); // from the summary back to the times
    expect(times).toMatch(/באיזו שעה/);
    const second = /^2\. (\d\d:\d\d)/m.exec(times)![1]!;
    // the second item; the name is known by now, so the summary comes at once
    expect((await w.say(from, "2")).join("\n")).toContain(second);
  });

  it("a voice note, a picture or a sticker gets 'I can read text only' and the menu; a caption is read", async () => {
    const from = "972509876544@c.us";
    for (const type of ["ptt", "image", "sticker"]) {
      const out = (await w.say(from, "", { type })).join("\n");
      expect(out).toMatch(/אני יכול לקרוא רק הודעות כתובות/);
      expect(out).toMatch(/\d\. לקבוע תור/); // the menu, numbered
    }
    // The menu's numbers work after it.
    const menu = (await w.say(from, "", { type: "ptt" })).join("\n");
    const book = /(\d+)\. לקבוע תור/.exec(menu)![1]!;
    expect((await w.say(from, book)).join("\n")).toMatch(/1\. /);
    await w.say(from, "עצור");
    await w.say(from, "כן");
    // A picture with words under it is the words; a system notice gets nothing.
    const captioned = (await w.say(from, "התורים שלי", { type: "image" })).join("\n");
    expect(captioned).not.toMatch(/רק הודעות כתובות/);
    expect(await w.say(from, "", { type: "e2e_notification" }, 800)).toEqual([]);
  });

  it("a reminder inside the cancel cut-off offers no 'move'; a typed cancel after 'can't come' is allowed like the button", async () => {
    const cell = "0509876545";
    const from = `972${cell.slice(1)}@c.us`;
    // An hour or so from now: inside the 3 h cut-off.
    const soon = w.emulator.clock.now().setZone("Asia/Jerusalem").plus({ minutes: 90 }).startOf("hour");
    await addAppointment(cell, soon.toFormat("yyyy-MM-dd'T'HH:mm"));
    const appt = live(cell)[0]!;
    const before = w.all().filter((m) => m.chatId === from).length;
    await w.jobs.queues.reminders.add(
      "remind",
      { site: DEMO_BARBER_SITEID, apptId: appt.id, offsetMin: 60, plannedStart: appt.from.toUTC().toISO()! },
      { jobId: `r-${DEMO_BARBER_SITEID}-${appt.id}-60m` },
    );
    const reminder = (await w.waitForReplies(from, before)).join("\n");
    expect(reminder).toMatch(/1\. כן, אגיע\n2\. לא אוכל להגיע\n\nאפשר לענות במספר/);
    expect(reminder).not.toMatch(/להזיז/);
    await w.say(from, "2"); // can't come
    expect(w.emulator.site(DEMO_BARBER_SITEID).appointments.get(appt.id)!.iscoming).toBe("2");
    // Typed instead of pressing "cancel it": the same waiver, not "too late".
    const ask = (await w.say(from, "אז תבטלו לי את התור בבקשה")).join("\n");
    expect(ask).not.toMatch(/אי אפשר לשנות/);
    await w.say(from, "כן");
    expect(live(cell)).toHaveLength(0);
  });

  it("'try again' after a failure works by its number and in words", async () => {
    const from = "972509876543@c.us";
    await addAppointment("0509876543", "2026-11-27T15:00");
    w.emulator.faults.add({ mode: "http500", calls: ["apptbycellortz"] });
    let out = (await w.say(from, "התורים שלי")).join("\n");
    expect(out).toMatch(/אין כרגע חיבור/);
    expect(out).toMatch(/1\. לנסות שוב\n2\. לתפריט/);
    w.emulator.faults.clear();
    out = (await w.say(from, "1")).join("\n");
    expect(out).toMatch(/27\.11/);
    // The list just read is kept for a few turns; gone (as after a webhook), the next lookup asks Tor4You.
    await w.app.lookups.drop(DEMO_BARBER_SITEID, "0509876543");
    w.emulator.faults.add({ mode: "http500", calls: ["apptbycellortz"] });
    await w.say(from, "התורים שלי");
    w.emulator.faults.clear();
    out = (await w.say(from, "תנסה שוב")).join("\n");
    expect(out).toMatch(/27\.11/);
  });
});

/** An appointment of the demo's usual service for `cell` at `at` (Jerusalem time). */
async function addAppointment(cell: string, at: string) {
  const like = live("0527654321")[0]!;
  const res = await w.emulator.app.inject({
    method: "POST",
    url: `/__emulator/sites/${DEMO_BARBER_SITEID}/appointments`,
    payload: {
      staff: like.staff,
      service: like.service,
      from: at,
      customer: { first: "Test", last: "Customer", cell },
      force: true,
    },
  });
  expect(res.statusCode).toBe(200);
}

/** Booking by numbers up to a day's list of times (the evening's, when the day is split). */
async function timesList(from: string): Promise<string> {
  await w.say(from, "אני רוצה לקבוע תור");
  await w.say(from, "1"); // service
  await w.say(from, "1"); // branch
  await w.say(from, "2"); // staff
  let out = (await w.say(from, "3")).join("\n"); // a day
  const evening = /(\d+)\. ערב/.exec(out);
  if (evening) out = (await w.say(from, evening[1]!)).join("\n");
  expect(out).toMatch(/באיזו שעה/);
  return out;
}

/** The customer gives a name; the booking's summary shows the time that was picked. */
async function summaryAfterName(from: string): Promise<string> {
  return (await w.say(from, "דנה לוי")).join("\n");
}
