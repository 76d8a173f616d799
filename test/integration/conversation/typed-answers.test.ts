import { afterEach, describe, expect, it } from "vitest";
import type { StaffEvent } from "../../../src/conversation/ports.ts";
import type { Appointment } from "../../../src/domain/appointment.ts";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { startWorld, texts } from "./world.ts";

const DAVID = "0527654321"; // the demo's customer with a barber appointment on Tue 24.11 09:00
type World = Awaited<ReturnType<typeof startWorld>>;
let w: World;
afterEach(async () => {
  await w?.stop();
});

const api = () => w.app.clients.get(DEMO_BARBER_SITEID)!;
const stored = (id: string) => w.emulator.site(DEMO_BARBER_SITEID).appointments.get(id)!;

/** David's chat, linked (in English), with reminders sent for his appointments. */
async function linked(opts: { extra?: string[] } = {}) {
  w = await startWorld();
  const events: StaffEvent[] = [];
  w.app.onStaffEvent(async (_site, e) => {
    events.push(e);
  });
  const c = w.chat(DEMO_BARBER_SITEID);
  await c.text("my appointments");
  await c.shareOwnContact(DAVID, "David", "Avraham");
  const [first] = await api().apptbycellortz({ cell: DAVID, showFuture: true });
  // More appointments for David, with the same service and barber (`YYYYMMDDhhmm` starts).
  for (const from of opts.extra ?? []) {
    const to = `${from.slice(0, 8)}${String(Number(from.slice(8, 10)) + 1).padStart(2, "0")}${from.slice(10)}`;
    await api().addappt({
      staff: first!.staffId!,
      service: first!.serviceId!,
      at: { from, to },
      customer: { first: "David", last: "Avraham", cell: DAVID },
      sendNotice: false,
    });
  }
  // Tor4You's webhook for these bookings drops the list the chat keeps; this world receives none.
  if (opts.extra?.length) await w.app.lookups.drop(DEMO_BARBER_SITEID, DAVID);
  const all = (await api().apptbycellortz({ cell: DAVID, showFuture: true })).sort(
    (a, b) => a.start.toMillis() - b.start.toMillis(),
  );
  const remind = async (a: Appointment) =>
    c.transcript.push((await w.app.engine.prepareReminder(c.address, a))!);
  return { c, all, remind, events };
}

describe("typed answers to a reminder", () => {
  it("still answer it after other messages and after the conversation state is gone", async () => {
    const { c, all, remind } = await linked();
    const appt = all[0]!;
    await remind(appt);
    const question = await c.text("what time is my appointment?");
    expect(texts(question)).toMatch(/Tuesday 24\.11 \(tomorrow\) at 09:00\. Are you coming\?/);
    await c.text("help"); // the menu replaced the conversation state; the reminder is still open
    const out = await c.text("yes, see you then 👍");
    expect(texts(out)).toMatch(/noted that you're coming/);
    expect(stored(appt.id).iscoming).toBe("1");
  });

  it("answer the nearest of several, and ask with buttons when two are on the same day", async () => {
    const { c, all, remind } = await linked({ extra: ["202611261100", "202611241300"] });
    expect(all.length).toBe(3);
    for (const a of all) await remind(a);
    // Two on Tuesday: "yes" asks which.
    const which = await c.text("I'll be there");
    expect(which[0]).toMatchObject({ type: "choices", text: "Which appointment do you mean?" });
    expect(all.every((a) => stored(a.id).iscoming !== "1")).toBe(true);
    // Naming the day that has one picks it.
    const thursday = await c.text("yes for thursday");
    expect(texts(thursday)).toMatch(/Thursday 26\.11 at 11:00/);
    expect(stored(all[2]!.id).iscoming).toBe("1");
    // A tap on the question's button answers the one it names.
    await c.tapLabel(/09:00/);
    expect(stored(all[0]!.id).iscoming).toBe("1");
    expect(stored(all[1]!.id).iscoming).not.toBe("1");
  });

  it("answer the nearest when the others are on other days", async () => {
    const { c, all, remind } = await linked({ extra: ["202611261100"] });
    for (const a of all) await remind(a);
    await c.text("לא אוכל להגיע");
    expect(stored(all[0]!.id).iscoming).toBe("2");
    expect(stored(all[1]!.id).iscoming).not.toBe("2");
  });

  it("'maybe' gets a question with the buttons and changes nothing", async () => {
    const { c, all, remind } = await linked();
    await remind(all[0]!);
    const out = await c.text("maybe, not sure yet");
    expect(out[0]).toMatchObject({ type: "choices" });
    expect(texts(out)).toMatch(/No problem\. Your appointment is on Tuesday 24\.11 \(tomorrow\) at 09:00/);
    expect(stored(all[0]!.id).iscoming).toBe("0");
  });

  it("'running late' is passed on to staff and the customer is told", async () => {
    const { c, all, remind, events } = await linked();
    await remind(all[0]!);
    const out = await c.text("אני מאחר ב10 דקות, סליחה");
    expect(texts(out)).toMatch(/העברתי לעסק שיש לך איחור קטן/);
    expect(events).toEqual([expect.objectContaining({ kind: "late", apptId: all[0]!.id })]);
    expect(stored(all[0]!.id).iscoming).toBe("0");
  });

  it("'running late' with no reminder open is about the appointment in the next hours", async () => {
    const { c, all, events } = await linked({ extra: ["202611231330"] }); // today, now 10:00
    const today = all.find((a) => a.start.hasSame(w.emulator.clock.now(), "day"))!;
    const out = await c.text("running 10 min late, sorry");
    expect(texts(out)).toMatch(/told the business you'll be a little late/);
    expect(events).toEqual([expect.objectContaining({ kind: "late", apptId: today.id })]);
  });

  it("'cancel it' records the decline and goes straight to the cancel question, cut-off waived", async () => {
    const { c, all, remind } = await linked();
    await remind(all[0]!);
    const out = await c.text("תבטלי בבקשה");
    expect(stored(all[0]!.id).iscoming).toBe("2");
    expect(out[0]).toMatchObject({ type: "choices" });
    const done = await c.text("כן");
    expect(texts(done)).toMatch(/בוטל/);
    expect(stored(all[0]!.id).status).toBe("0");
  });

  it("something unreadable asks again about the appointment, never guesses", async () => {
    const { c, all, remind } = await linked();
    await remind(all[0]!);
    const out = await c.text("ok?? no wait");
    expect(out[0]).toMatchObject({ type: "choices" });
    expect(texts(out)).toMatch(
      /Are you coming to your appointment on Tuesday 24\.11 \(tomorrow\) at 09:00\?/,
    );
    expect(stored(all[0]!.id).iscoming).toBe("0");
  });
});

describe("the reply language", () => {
  it("follows what the customer types until they choose one, which then stays", async () => {
    w = await startWorld();
    const c = w.chat(DEMO_BARBER_SITEID);
    expect(texts(await c.text("עזרה"))).toMatch(/תורים/);
    expect(texts(await c.text("помощь"))).toMatch(/запис/);
    expect(texts(await c.text("مساعدة"))).toMatch(/موعد|مواعيد/);
    expect(texts(await c.text("אפשר באנגלית?"))).toMatch(/English/);
    expect(texts(await c.text("עזרה"))).toMatch(/I can help you/);
  });
});

describe("requests typed at any time", () => {
  it("a booking request passes its day and part of day to the booking flow", async () => {
    const { c } = await linked();
    await c.text("I want to book for tomorrow afternoon");
    // David's usual service and barber, offered first; then straight to Tuesday's afternoon.
    const out = await c.tapLabel(/^Again/);
    const last = out.at(-1);
    expect(last).toMatchObject({ type: "choices" });
    expect(last?.type === "choices" && last.text).toMatch(/Tue 24\.11/);
    const hours =
      last?.type === "choices" ? last.choices.map((x) => x.label).filter((l) => /^\d\d:\d\d/.test(l)) : [];
    expect(hours.length).toBeGreaterThan(0);
    expect(hours.filter((h) => h < "12:00" || h >= "18:00")).toEqual([]);
  });

  it("keeps the day and part of day through linking the phone", async () => {
    w = await startWorld();
    const c = w.chat(DEMO_BARBER_SITEID);
    const ask = await c.text("can I book tomorrow afternoon?");
    expect(ask[0]).toMatchObject({ type: "requestPhone" });
    await c.shareOwnContact(DAVID, "David", "Avraham");
    const out = await c.tapLabel(/^Again/);
    const last = out.at(-1);
    expect(last?.type === "choices" && last.text).toMatch(/Tue 24\.11/);
    const hours =
      last?.type === "choices" ? last.choices.map((x) => x.label).filter((l) => /^\d\d:\d\d/.test(l)) : [];
    expect(hours.length).toBeGreaterThan(0);
    expect(hours.filter((h) => h < "12:00" || h >= "18:00")).toEqual([]);
  });
});
