import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BARBER_SITEID, DEMO_STUDIO_SITEID } from "../../src/emulator/seed-demo.ts";
import { all, SECRET, startTelegramWorld } from "./telegram-world.ts";

const DAVID = "0527654321"; // has an appointment at the barber: Tue 24.11 09:00, תספורת גברים

let w: Awaited<ReturnType<typeof startTelegramWorld>>;
beforeAll(async () => {
  w = await startTelegramWorld();
}, 30_000);
afterAll(async () => {
  await w.stop();
});

const liveFor = (site: string, cell: string) => {
  const s = w.emulator.site(site);
  const ids = [...s.customers.values()].filter((c) => c.cell === cell).map((c) => c.id);
  const now = w.emulator.clock.now();
  return [...s.appointments.values()].filter(
    (a) => ids.includes(a.customer) && a.status === "1" && a.from > now,
  );
};

describe("a customer on Telegram (Hebrew, the default)", () => {
  it("starts, links the own phone with the contact button, and sees the appointment", async () => {
    const c = w.customer(DEMO_BARBER_SITEID, { first: "דוד" });
    const welcome = await c.command("/start");
    expect(all(welcome)).toContain("מספרת הדקל");
    expect(
      welcome
        .at(-1)
        ?.reply_markup?.inline_keyboard?.flat()
        .map((b) => b.text),
    ).toContain("התורים שלי");

    const ask = await c.tap("התורים שלי");
    const button = ask[0]?.reply_markup?.keyboard?.[0]?.[0];
    expect(button?.request_contact).toBe(true);

    const list = await c.shareContact(`+972${DAVID.slice(1)}`);
    expect(list[0]?.reply_markup?.remove_keyboard).toBe(true);
    expect(all(list)).toContain("תספורת גברים");
    expect(all(list)).toContain("24.11 (מחר) בשעה 09:00"); // as people say it: no year, "tomorrow"
  });
});

describe("privacy", () => {
  it("a forwarded contact, another user's contact or a typed number never discloses an appointment", async () => {
    const c = w.customer(DEMO_BARBER_SITEID, { language: "en" });
    await c.say("my appointments");
    const other = await c.shareContact(DAVID, c.userId + 1000);
    const forwarded = await c.shareContact(DAVID, c.userId, {
      forward_origin: { type: "hidden_user", date: 1, sender_user_name: "x" },
    });
    const typed = await c.say(DAVID);
    const typedIntl = await c.say("+972 52-765-4321");
    for (const out of [other, forwarded, typed, typedIntl]) {
      expect(all(out)).toMatch(/only use your own number/);
      expect(out[0]?.reply_markup?.keyboard?.[0]?.[0]?.request_contact).toBe(true);
    }
    const everything = all(c.seen);
    expect(everything).not.toContain("תספורת");
    expect(everything).not.toContain("09:00");
    expect(everything).not.toContain("יוסי");
  });
});

describe("self-service in English", () => {
  it("books on the open calendar, cancels, books again and changes the time", async () => {
    const c = w.customer(DEMO_BARBER_SITEID, { language: "en" });
    const cell = "0509876501";
    await c.say("book");
    const services = await c.shareContact(cell);
    expect(all(services)).toMatch(/Which service/);
    await c.tap(/^תספורת גברים ·/);
    await c.tap("סניף מרכז");
    await c.tap("יוסי כהן");
    await c.tap(/^Wed 25\.11/);
    await c.tap(/^Afternoon 12:00/);
    await c.tap("12:00");
    const summary = all(c.seen.slice(-1));
    expect(summary).toMatch(/Shall I book it/);
    const booked = await c.tap("Yes, book it");
    expect(all(booked)).toMatch(/You're booked/);
    const mine = liveFor(DEMO_BARBER_SITEID, cell);
    expect(mine.map((a) => a.from.toFormat("dd.MM HH:mm"))).toEqual(["25.11 12:00"]);

    await c.say("cancel");
    const done = await c.tap("Yes, cancel it");
    expect(all(done)).toMatch(/is cancelled/);
    expect(liveFor(DEMO_BARBER_SITEID, cell)).toHaveLength(0);
    expect(w.emulator.site(DEMO_BARBER_SITEID).appointments.get(mine[0]!.id)!.status).toBe("0");

    await c.say("book");
    await c.tap(/^תספורת גברים ·/);
    await c.tap("סניף מרכז");
    await c.tap("יוסי כהן");
    await c.tap(/^Wed 25\.11/);
    await c.tap(/^Afternoon/);
    await c.tap("12:30");
    await c.tap("Yes, book it");
    await c.say("change time");
    await c.tap(/^Thu 26\.11/);
    await c.tap(/^Morning/);
    // Any free morning time: other tests may have booked some, in whatever order they ran.
    const time = c.buttons().find((b) => /^\d\d:\d\d$/.test(b))!;
    await c.tap(time);
    const changed = await c.tap("Yes, book it");
    expect(all(changed)).toMatch(/previous appointment on Wednesday 25\.11 at 12:30 is cancelled/);
    expect(liveFor(DEMO_BARBER_SITEID, cell).map((a) => a.from.toFormat("dd.MM HH:mm"))).toEqual([
      `26.11 ${time}`,
    ]);
  }, 45_000);

  it("a linked customer books 'tomorrow afternoon' in 5 taps from the menu", async () => {
    const itai = "0502223344"; // his last appointment: תספורת וזקן with מורן לוי
    const c = w.customer(DEMO_BARBER_SITEID, { language: "en" });
    await c.say("my appointments");
    await c.shareContact(itai);
    await c.say("menu");
    const before = c.taps();
    await c.tap("Book an appointment");
    const services = all(c.seen.slice(-1));
    expect(services).toMatch(/Which service/);
    // duration and price on the service buttons, the customer's last choice first
    expect(c.buttons()[0]).toMatch(/^Again: תספורת וזקן with מורן לוי$/);
    expect(c.buttons().join("|")).toContain("תספורת גברים · 30 min · ₪60");
    await c.tap(/^Again:/);
    await c.tap("Tomorrow afternoon");
    const times = c.buttons().filter((b) => /^\d\d:\d\d$/.test(b));
    expect(times.length).toBeGreaterThan(0);
    expect(times.every((t) => t >= "12:00" && t < "16:00")).toBe(true);
    await c.tap(times[0]!);
    const confirm = all(c.seen.slice(-1));
    expect(confirm).toMatch(/In the name of: איתי וקנין/);
    expect(confirm).toMatch(/cancel or move it here up to 3 hours before/);
    const booked = await c.tap("Yes, book it");
    expect(all(booked)).toMatch(/You're booked/);
    expect(c.taps() - before).toBeLessThanOrEqual(5);
    console.log(`'tomorrow afternoon' booked in ${c.taps() - before} taps from the menu`);
    const tomorrow = liveFor(DEMO_BARBER_SITEID, itai).filter((a) => a.from.toFormat("dd.MM") === "24.11");
    expect(tomorrow.map((a) => [a.from.toFormat("HH:mm"), a.staff, a.service])).toEqual([
      [times[0], "202", "302"],
    ]);
  });

  it("books 2 places in a group class on the timeslot calendar, giving the ID number the studio requires", async () => {
    const c = w.customer(DEMO_STUDIO_SITEID, { language: "en" });
    const cell = "0509876502";
    await c.say("book");
    await c.shareContact(cell);
    await c.tap(/^פילאטיס מכשירים ·/);
    await c.tap("Tomorrow morning");
    const people = await c.tap("08:00");
    expect(all(people)).toMatch(/How many people/);
    const tz = await c.tap("2");
    expect(all(tz)).toMatch(/ID number/);
    expect(all(await c.say("123456789"))).toMatch(/isn't valid/);
    expect(all(await c.say("123456782"))).toMatch(/2 people/);
    await c.tap("Yes, book it");
    const mine = liveFor(DEMO_STUDIO_SITEID, cell);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.participants).toBe(2);
  });

  it("switches language and opts out of reminders", async () => {
    const c = w.customer(DEMO_BARBER_SITEID, { language: "en" });
    await c.command("/language");
    const he = await c.tap("עברית");
    expect(all(he)).toMatch(/עברית|בעברית/);
    const menu = await c.say("help");
    expect(all(menu)).toContain("התורים שלי");
    expect(all(menu)).not.toContain("My appointments");
    // Reminders go by phone: a chat not linked yet is asked for the number before anything is promised.
    const stop = await c.command("/stop");
    expect(stop.length).toBe(1);
    expect(stop[0]?.reply_markup?.keyboard?.[0]?.[0]?.request_contact).toBe(true);
    expect(await w.app.optOuts.has(DEMO_BARBER_SITEID, "0509876505")).toBe(false);
    expect(all(await c.shareContact("0509876505"))).toContain("לא יישלחו יותר תזכורות");
    expect(await w.app.optOuts.has(DEMO_BARBER_SITEID, "0509876505")).toBe(true);
  });

  it("a pressed keyboard goes away as in Telegram: the message says what was chosen, its buttons are gone", async () => {
    const c = w.customer(DEMO_BARBER_SITEID, { language: "en" });
    const [, menu] = await c.command("/start");
    await c.tap("Book an appointment");
    const pressed = w.botMessage(menu!.message_id!);
    expect(pressed?.text).toMatch(/\n\n✓ Book an appointment$/);
    expect(pressed?.reply_markup?.inline_keyboard ?? []).toHaveLength(0);
    await expect(c.tap("My appointments")).rejects.toThrow(/no visible button/);
  });

  it("an old button answers 'out of date' instead of acting", async () => {
    const c = w.customer(DEMO_BARBER_SITEID, { language: "en" });
    await c.say("book");
    await c.shareContact("0509876503");
    const first = c.seen.at(-1)!.reply_markup!.inline_keyboard!.flat()[0]!.callback_data;
    await c.say("book");
    expect(all(await c.tapData(first))).toMatch(/out of date/);
  });
});

/**
 * An appointment of the test's own (its own customer and cell), so that no other test's chats,
 * answers or reminder jobs can touch it, in whatever order the tests run.
 */
async function ownAppointment(site: string, cell: string, fromIso: string) {
  const like = liveFor(site, DAVID)[0]!;
  const res = await w.emulator.app.inject({
    method: "POST",
    url: `/__emulator/sites/${site}/appointments`,
    payload: {
      staff: like.staff,
      service: like.service,
      from: fromIso,
      customer: { first: "משה", last: "בדיקה", cell },
      force: true,
    },
  });
  expect(res.statusCode).toBe(200);
  return liveFor(site, cell)[0]!;
}

describe("a reminder on Telegram", () => {
  it("arrives with the appointment's details, and 'כן' sets iscoming=1 in Tor4You", async () => {
    // A customer and appointment no other test touches: a reminder goes to one of the chats
    // linked to the number, and an answer from another test would change what it says.
    const cell = "0509876504";
    const appt = await ownAppointment(DEMO_BARBER_SITEID, cell, "2026-11-25T16:00");
    const c = w.customer(DEMO_BARBER_SITEID, { first: "משה" });
    await c.say("התורים שלי");
    await c.shareContact(cell);
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
    const reminder = await c.replies();
    expect(all(reminder)).toMatch(/תזכורת מאת.*מספרת הדקל.*תספורת גברים.*יוסי כהן.*25\.11 בשעה 16:00/s);
    expect(reminder[0]?.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toEqual([
      "כן, אגיע",
      "לא אוכל להגיע",
      "להזיז את התור",
    ]);
    const thanks = await c.say("כן");
    expect(all(thanks)).toMatch(/16:00/);
    expect(w.emulator.site(DEMO_BARBER_SITEID).appointments.get(appt.id)!.iscoming).toBe("1");
  });
});

describe("typed answers to a reminder on Telegram, in each language", () => {
  // Each customer writes in their own language: the answer is read, iscoming reaches Tor4You,
  // and the reply comes in the language typed.
  it.each([
    ["he", "0509876520", "2026-11-26T10:00", "התורים שלי", "אגיע, תודה רבה 🙏", "1", /\p{Script=Hebrew}/u],
    [
      "en",
      "0509876521",
      "2026-11-26T11:00",
      "my appointments",
      "something came up, sorry, I can't make it",
      "2",
      /[a-z]{4}/,
    ],
    ["ar", "0509876522", "2026-11-26T12:00", "مواعيدي", "اه رح اجي ان شاء الله", "1", /\p{Script=Arabic}/u],
    [
      "ru",
      "0509876523",
      "2026-11-26T13:00",
      "мои записи",
      "к сожалению не смогу прийти",
      "2",
      /\p{Script=Cyrillic}/u,
    ],
  ])("%s (%s, %s): '%s', then answers '%s'", async (_lang, cell, at, ask, answer, iscoming, script) => {
    const appt = await ownAppointment(DEMO_BARBER_SITEID, cell, at);
    const c = w.customer(DEMO_BARBER_SITEID, { first: "Test" });
    await c.say(ask);
    await c.shareContact(cell);
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
    await c.replies();
    const reply = await c.say(answer);
    expect(w.emulator.site(DEMO_BARBER_SITEID).appointments.get(appt.id)!.iscoming).toBe(iscoming);
    expect(all(reply)).toMatch(script);
  });
});

describe("staff on Telegram", () => {
  it("a staff member links with a one-time code, gets the digest, and marks a no-show", async () => {
    const code = await w.app.staffLinks.createCode(DEMO_BARBER_SITEID, { kind: "staff", staffId: "201" });
    const staff = w.customer(DEMO_BARBER_SITEID, { language: "en", first: "Yossi" });
    expect(all(await staff.command(`/start ${code}`))).toMatch(/daily digest of your appointments/);
    // the code works once
    const other = w.customer(DEMO_BARBER_SITEID, { language: "en" });
    expect(all(await other.say(code))).toMatch(/not valid/);
    // an expired code is refused the same way, typed or through the deep link
    const short = await w.app.staffLinks.createCode(DEMO_BARBER_SITEID, { kind: "owner" }, 1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(all(await other.command(`/start ${short}`))).toMatch(/not valid/);
    expect(
      await w.app.staffLinks.roleOf({
        site: DEMO_BARBER_SITEID,
        channel: "telegram",
        chatId: String(other.userId),
      }),
    ).toBeNull();

    // the digest runs at DIGEST_AT, local time, from one job scheduler per site
    await w.jobs.scheduleScans();
    const schedulers = await w.jobs.queues.digests.getJobSchedulers();
    expect(schedulers.find((x) => x.key === `digest-${DEMO_BARBER_SITEID}`)).toMatchObject({
      pattern: "0 19 * * *",
      tz: "Asia/Jerusalem",
    });

    const result = await w.jobs.runDigest(DEMO_BARBER_SITEID);
    expect(result.calls).toBe(1);
    const digest = await staff.replies();
    const text = all(digest);
    expect(text).toMatch(/Tomorrow, Tue 24\.11:/);
    // יוסי's customer tomorrow, marked as he answered (an earlier test may have confirmed it)
    const david = liveFor(DEMO_BARBER_SITEID, DAVID)[0]!;
    const mark =
      david.iscoming === "1" ? "✓ confirmed" : david.iscoming === "2" ? "✗ declined" : "? no answer";
    expect(text).toContain(`09:00 דוד אברהם · תספורת גברים ${mark}`);
    expect(text).not.toContain("מורן"); // another barber's appointments are not in his digest

    // today's past appointment of his without attendance: mark it a no-show from the digest
    const buttons = digest.flatMap((m) => m.reply_markup?.inline_keyboard?.flat() ?? []);
    const noShow = buttons.find((b) => b.text === "No-show");
    expect(noShow).toBeDefined();
    const apptId = noShow!.callback_data.split(".")[2]!;
    const card = digest.find((m) =>
      m.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data === noShow!.callback_data),
    )!;
    const marked = await staff.tapIn(card, noShow!.callback_data);
    expect(all(marked)).toMatch(/Marked: no-show/);
    expect(w.emulator.site(DEMO_BARBER_SITEID).appointments.get(apptId)!.showstatus).toBe("2");
    // the digest's own message changes in place: it now says what was marked
    expect(card.message_id).toBeDefined();
    expect(w.botMessage(card.message_id!)?.text).toBe(`${card.text}\n\n✓ No-show`);

    // a customer cannot mark attendance
    expect(all(await other.tapData(noShow!.callback_data.replace(".n.", ".y.")))).toMatch(
      /Only the business's staff/,
    );
    expect(w.emulator.site(DEMO_BARBER_SITEID).appointments.get(apptId)!.showstatus).toBe("2");
  });
});

describe("a person when needed, on Telegram", () => {
  it("'talk to a person' gives the business's phone and passes the customer's message to the staff chats", async () => {
    const code = await w.app.staffLinks.createCode(DEMO_STUDIO_SITEID, { kind: "owner" });
    const owner = w.customer(DEMO_STUDIO_SITEID, { language: "en", first: "Owner" });
    await owner.command(`/start ${code}`);
    const c = w.customer(DEMO_STUDIO_SITEID, { language: "en" });
    await c.say("menu");
    const ask = all(await c.tap("Talk to a person"));
    expect(ask).toMatch(/Write your message here/);
    expect(ask).toMatch(/To call us: \+972 /); // the business's phone from Tor4You, tap-to-call form
    const passed = all(await c.say("Can I bring my daughter to the yoga class on Thursday?"));
    expect(passed).toMatch(/passed your message on to our team/);
    expect(c.buttons()).toContain("Menu");
    const alert = all(await owner.replies());
    expect(alert).toMatch(/asks to talk to a person \(telegram\)/);
    expect(alert).toContain("Can I bring my daughter to the yoga class on Thursday?");
  });

  it("after two messages in a row it did not understand, it offers a person instead of the menu again", async () => {
    const c = w.customer(DEMO_STUDIO_SITEID, { language: "en" });
    const first = all(await c.say("qwzx plonk"));
    expect(first).toMatch(/didn't understand/);
    expect(first).not.toMatch(/Would you like to talk to a person/);
    const second = await c.say("zzzt vroom");
    expect(all(second)).toMatch(/Would you like to talk to a person/);
    expect(c.buttons()[0]).toBe("Talk to a person");
  });
});

describe("voice notes, pictures and stickers on Telegram", () => {
  it("get 'I can read text only' and the menu; a picture with a caption is read by its words", async () => {
    const c = w.customer(DEMO_STUDIO_SITEID, { language: "en" });
    const voice = { voice: { file_id: "v1", file_unique_id: "u1", duration: 7, mime_type: "audio/ogg" } };
    expect(all(await c.sendMedia(voice))).toMatch(/I can read text only/);
    expect(c.buttons()).toContain("Book an appointment");
    const photo = { photo: [{ file_id: "p1", file_unique_id: "u2", width: 90, height: 90 }] };
    expect(all(await c.sendMedia(photo))).toMatch(/I can read text only/);
    const sticker = {
      sticker: {
        file_id: "s1",
        file_unique_id: "u3",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    };
    expect(all(await c.sendMedia(sticker))).toMatch(/I can read text only/);
    // Not counted as not understood: a word it does not know after them gets the menu, not a person.
    expect(all(await c.say("qwzx plonk"))).not.toMatch(/talk to a person/);
    const captioned = all(await c.sendMedia({ ...photo, caption: "help" }));
    expect(captioned).not.toMatch(/I can read text only/);
    expect(captioned).toMatch(/appointments/i);
  });
});

describe("the webhook", () => {
  const post = (path: string, body: unknown, secret?: string) =>
    fetch(`${w.httpUrl}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
      },
      body: JSON.stringify(body),
    });
  const text = (id: number, t: string, chatType = "private") => ({
    update_id: id,
    message: {
      message_id: id,
      date: 1,
      text: t,
      chat: { id: 4242, type: chatType },
      from: { id: 4242, is_bot: false, first_name: "X" },
    },
  });

  it("answers 401 only for a wrong secret token, and handles nothing then", async () => {
    expect((await post("/webhooks/telegram-guarded", text(1, "help"))).status).toBe(401);
    expect((await post("/webhooks/telegram-guarded", text(2, "help"), "wrong")).status).toBe(401);
    const state = await w.app.identities.preferences({
      site: DEMO_BARBER_SITEID,
      channel: "telegram",
      chatId: "4242",
    });
    expect(state.hintLocale).toBeUndefined();
  });

  it("answers 200 to updates it ignores: a group message, an edit, unknown callback data", async () => {
    const group = text(11, "help", "group");
    const edit = { update_id: 12, edited_message: text(12, "help").message };
    const unknown = {
      update_id: 13,
      callback_query: {
        id: "c1",
        chat_instance: "i",
        data: "zz.nonsense",
        from: { id: 4244, is_bot: false, first_name: "X" },
      },
    };
    for (const u of [group, edit, unknown]) {
      expect((await post("/webhooks/telegram-guarded", u, SECRET)).status).toBe(200);
    }
  });
});

describe("privacy, over all of this file's traffic and logs", () => {
  it("no chat got another customer's name or phone, and no log line holds a phone, ID number or name", async () => {
    // Traffic of its own, so the check has something to look at in whatever order tests run
    // (and whatever the other tests did before it is checked too).
    const own = w.customer(DEMO_BARBER_SITEID, { language: "en" });
    await own.say("my appointments");
    await own.shareContact("0531112233");
    const prying = w.customer(DEMO_BARBER_SITEID);
    await prying.say("התורים שלי");
    await prying.shareContact(DAVID, prying.userId + 1000);
    await prying.say(DAVID);
    const studio = w.customer(DEMO_STUDIO_SITEID);
    await studio.say("התורים שלי");
    await studio.shareContact("0546667788");
    const customers = [DEMO_BARBER_SITEID, DEMO_STUDIO_SITEID].flatMap((site) =>
      [...w.emulator.site(site).customers.values()]
        .filter((c) => c.cell && !c.isLozamin)
        .map((c) => ({
          cell: c.cell,
          intl: `+972${c.cell.slice(1)}`,
          name: `${c.first.trim()} ${c.last.trim()}`,
          tz: c.tz,
        })),
    );
    let chats = 0;
    for (const [chatId, texts] of w.traffic()) {
      const address = { site: "", channel: "telegram" as const, chatId };
      const roles = await Promise.all(
        [DEMO_BARBER_SITEID, DEMO_STUDIO_SITEID].map((site) => w.app.staff.roleOf({ ...address, site })),
      );
      if (roles.some(Boolean)) continue; // staff see their customers by design
      const own = await Promise.all(
        [DEMO_BARBER_SITEID, DEMO_STUDIO_SITEID].map((site) => w.app.identities.get({ ...address, site })),
      );
      const mine = new Set(own.flatMap((i) => (i ? [i.cell] : [])));
      const ownNames = new Set(customers.filter((c) => mine.has(c.cell)).map((c) => c.name));
      const text = texts.join("\n").replace(/[\u2068\u2069]/g, "");
      for (const c of customers) {
        if (mine.has(c.cell)) continue;
        expect(text, `chat ${chatId}`).not.toContain(c.cell);
        expect(text, `chat ${chatId}`).not.toContain(c.intl);
        if (!ownNames.has(c.name) && c.name.length > 4) expect(text, `chat ${chatId}`).not.toContain(c.name);
      }
      chats++;
    }
    expect(chats).toBeGreaterThanOrEqual(3);

    const logs = w.logLines.join("");
    expect(logs.length).toBeGreaterThan(1000); // the check looked at something
    for (const c of customers) {
      expect(logs).not.toContain(c.cell);
      expect(logs).not.toContain(c.intl.slice(1));
      if (c.tz) expect(logs).not.toContain(c.tz);
      if (c.name.length > 4) expect(logs).not.toContain(c.name);
    }
    expect(logs).not.toMatch(/(?<!\d)05\d{8}(?!\d)/);
    console.log(`privacy: ${chats} customer chats and ${w.logLines.length} log lines checked`);
  });
});
