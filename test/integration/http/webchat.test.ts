import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARE_PHONE } from "../../../src/channels/webchat/webchat-channel.ts";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { DEMO_NEW_CUSTOMER } from "../../../src/roles/demo.ts";
import { startWebChat } from "../../support/webchat-world.ts";

let world: Awaited<ReturnType<typeof startWebChat>>;
let demo: typeof world.demo;
let app: typeof world.app;

beforeAll(async () => {
  world = await startWebChat();
  ({ demo, app } = world);
});
afterAll(() => world.stop());

const post = (url: string, payload: unknown) =>
  app.inject({ method: "POST", url, payload: payload as object });

describe("the web chat's HTTP side", () => {
  it("lists the demo businesses with customers to play, and a new customer", async () => {
    const r = await app.inject({ url: "/webchat/businesses" });
    const barber = r.json().businesses.find((b: { site: string }) => b.site === DEMO_BARBER_SITEID);
    expect(barber.personas.map((p: { phone: string }) => p.phone)).toContain("0527654321");
    expect(barber.personas.at(-1).phone).toBe(DEMO_NEW_CUSTOMER);
  });

  it("answers a turn with the engine's messages, buttons included", async () => {
    const chat = randomUUID();
    const r = await post("/webchat/message", {
      site: DEMO_BARBER_SITEID,
      chat,
      persona: "0527654321",
      lang: "en",
      message: { type: "text", text: "my appointments" },
    });
    expect(r.statusCode).toBe(200);
    const text = r
      .json()
      .messages.map((m: { text: string }) => m.text)
      .join("\n");
    expect(text).toContain("תספורת גברים");
  });

  it("refuses what is not a web chat message with a 4xx, and a number that is not a demo customer's", async () => {
    const good = {
      site: DEMO_BARBER_SITEID,
      chat: randomUUID(),
      persona: "0527654321",
      message: { type: "text", text: "hi" },
    };
    for (const bad of [
      {},
      { ...good, chat: "not-a-uuid" },
      { ...good, message: { type: "text", text: "" } },
      { ...good, message: { type: "text", text: "x".repeat(2_001) } },
      { ...good, message: { type: "contact", phone: "0521111111", own: true } },
      { ...good, persona: "12345" },
    ]) {
      expect((await post("/webchat/message", bad)).statusCode).toBe(400);
    }
    expect((await post("/webchat/message", { ...good, persona: "0521111111" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/webchat/events?site=318001&chat=x" })).statusCode).toBe(400);
  });

  it("'send me a reminder now' without an appointment says so (409); the share button shares the persona's own number", async () => {
    const chat = randomUUID();
    const start = await post("/webchat/message", {
      site: DEMO_BARBER_SITEID,
      chat,
      persona: DEMO_NEW_CUSTOMER,
      message: { type: "choice", id: SHARE_PHONE },
    });
    expect(start.statusCode).toBe(200);
    expect(
      await demo.app.identities.get({ site: DEMO_BARBER_SITEID, channel: "webchat", chatId: chat }),
    ).toMatchObject({
      cell: DEMO_NEW_CUSTOMER,
    });
    expect((await post("/webchat/remind", { site: DEMO_BARBER_SITEID, chat })).statusCode).toBe(409);
  });

  it("serves the page in the asked language, right to left for Hebrew and Arabic", async () => {
    const he = await app.inject({ url: "/?lang=he" });
    expect(he.body).toMatch(/<html lang="he" dir="rtl">/);
    expect((await app.inject({ url: "/?lang=ar" })).body).toMatch(/dir="rtl"/);
    expect((await app.inject({ url: "/", headers: { "accept-language": "ru-RU,ru;q=0.9" } })).body).toMatch(
      /<html lang="ru" dir="ltr">/,
    );
  });
});
