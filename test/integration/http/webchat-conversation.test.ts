import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { startWebChat } from "../../support/webchat-world.ts";

/** Issue 15 on the web chat: a person when needed, a way out of every step, what a confirmation must say. */
let world: Awaited<ReturnType<typeof startWebChat>>;
let app: typeof world.app;

beforeAll(async () => {
  world = await startWebChat();
  app = world.app;
});
afterAll(() => world.stop());

type Answer = { messages: Array<{ text: string; buttons?: Array<{ id: string; label: string }> }> };

/** One visitor of the page, playing the demo's regular customer, in English. */
function visitor() {
  const chat = randomUUID();
  const say = async (message: { type: "text"; text: string } | { type: "choice"; id: string }) => {
    const r = await app.inject({
      method: "POST",
      url: "/webchat/message",
      payload: { site: DEMO_BARBER_SITEID, chat, persona: "0527654321", lang: "en", message },
    });
    expect(r.statusCode).toBe(200);
    return r.json() as Answer;
  };
  return { say };
}
const text = (a: Answer) => a.messages.map((m) => m.text.replace(/[\u2066-\u2069]/g, "")).join("\n");
const labels = (a: Answer) => a.messages.flatMap((m) => m.buttons ?? []).map((b) => b.label);
const button = (a: Answer, label: RegExp) => {
  const b = a.messages.flatMap((m) => m.buttons ?? []).find((x) => label.test(x.label));
  if (!b) throw new Error(`no ${label} in ${labels(a).join(" | ")}`);
  return b.id;
};

describe("the web chat serves real people (issue 15)", () => {
  it("asked for a person, gives the business's phone and a way back to the menu", async () => {
    const a = await visitor().say({ type: "text", text: "can I talk to someone please" });
    expect(text(a)).toContain("+972 3 555 1234");
    expect(labels(a)).toContain("Menu");
  });

  it("has a way out of every booking step; a typed 'cancel' mid-booking asks to stop instead of cancelling", async () => {
    const v = visitor();
    let a = await v.say({ type: "text", text: "i want to book a haircut" });
    expect(labels(a)).toContain("Stop this");
    const asked = await v.say({ type: "text", text: "cancel" });
    expect(text(asked)).toMatch(/Stop booking\? Nothing has been booked yet/);
    a = await v.say({ type: "text", text: "no, continue" });
    expect(text(a)).toMatch(/Which service/);
    // Every later step has both "Back" and "Stop this".
    for (const pick of [/^תספורת גברים ·/, /^סניף מרכז/, /^יוסי כהן/, /^Tomorrow afternoon/]) {
      a = await v.say({ type: "choice", id: button(a, pick) });
      expect(labels(a)).toEqual(expect.arrayContaining(["Back", "Stop this"]));
    }
    // "Back" from the afternoon's times is the question before them, not a start from scratch.
    expect(text(a)).toMatch(/What time on/);
    const back = await v.say({ type: "choice", id: button(a, /^Back$/) });
    expect(text(back)).toMatch(/What time of day on Tue 24\.11\?/);
  });

  it("confirms a booking with the cut-off, the name, then where it is (map link) and whom to call", async () => {
    const v = visitor();
    let a = await v.say({ type: "text", text: "book" });
    for (const pick of [/^תספורת גברים ·/, /^סניף מרכז/, /^יוסי כהן/, /^Tomorrow morning/, /^\d\d:\d\d$/])
      a = await v.say({ type: "choice", id: button(a, pick) });
    expect(text(a)).toMatch(/In the name of: /);
    expect(text(a)).toMatch(/cancel or move it here up to 3 hours before/);
    const done = await v.say({ type: "choice", id: button(a, /^Yes, book it$/) });
    const said = text(done);
    expect(said).toMatch(/You're booked!/);
    expect(said).toContain("📍 סניף מרכז, רחוב הדקל 12, תל אביב");
    expect(said).toMatch(/https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=\S+/);
    expect(said).toContain("+972 3 555 1234");
  });
});
