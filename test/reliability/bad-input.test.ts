import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatAddress, Inbound } from "../../src/core/messages.ts";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";
import { signWebhook } from "../../src/tor4you/signature.ts";
import { demoBackground, startDemoApp } from "../support/demo-app.ts";

/** Seeded, so a failing case can be replayed: mulberry32. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261202);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const SAMPLES = [
  "שלום",
  "hello",
  "привет",
  "مرحبا",
  "🙂👍🏽",
  "\u200f\u202e",
  "0527654321",
  "'; DROP TABLE",
  "<script>",
  "\0",
  "%s%n",
  "{}",
  "[]",
];
const text = (max: number) =>
  Array.from({ length: 1 + int(max) }, () =>
    random() < 0.5 ? pick(SAMPLES) : String.fromCodePoint(32 + int(random() < 0.8 ? 95 : 0x2ff0)),
  ).join(random() < 0.5 ? " " : "");

let demo: Awaited<ReturnType<typeof startDemoApp>>;
let background: ReturnType<typeof demoBackground>;
let http: FastifyInstance;
const site = () => demo.sites.find((s) => s.id === DEMO_BARBER_SITEID)!;

beforeAll(async () => {
  // One chat sends all 1,000 inputs here: the per-chat turn limit (tested on its own) is lifted.
  demo = await startDemoApp({ chatTurnsPerMinute: 1_000_000 });
  background = demoBackground(demo);
  http = Fastify();
  await background.webhookRoutes(http);
});
afterAll(async () => {
  await http.close();
  await background.jobs.close();
  await demo.stop();
});

describe("1,000 generated webhooks", () => {
  it("each gets 200 or a 4xx, never a 5xx; only valid signed notifications are recorded, once each", async () => {
    const key = site().tor4you.webhookKey!;
    const valid = (id: string) => ({
      id,
      action: pick(["1", "2", "3", "5"]),
      apptid: String(700_100 + int(20)),
      From_date: "24/11/2026 10:00:00",
      to_date: "24/11/2026 10:30:00",
      customercell: "0527654321",
      sh: signWebhook(id, key),
    });
    const recorded = new Set<string>();
    const statuses = new Map<number, number>();
    const kinds: Array<() => { body: string; expect: number[]; records?: string }> = [
      // a valid one, perhaps sent again (Tor4You's retry)
      () => {
        const id = String(90_000 + int(300));
        return { body: JSON.stringify(valid(id)), expect: [200], records: id };
      },
      // JSON cut short or random bytes
      () => ({ body: JSON.stringify(valid(String(int(1e6)))).slice(0, int(120)), expect: [400, 401] }),
      () => ({ body: text(200), expect: [400, 401] }),
      // wrong types and impossible values, correctly signed
      () => {
        const id = String(95_000 + int(1e5));
        const b: Record<string, unknown> = valid(id);
        const field = pick(["action", "apptid", "From_date", "to_date"]);
        b[field] = pick([{}, [], true, null, -1, "x", "99/99/2026 99:99:99", "9", "", 1e308]);
        return { body: JSON.stringify(b), expect: [200, 400, 422] };
      },
      // fields missing
      () => {
        const id = String(95_000 + int(1e5));
        const b: Record<string, unknown> = valid(id);
        delete b[pick(["action", "apptid", "id", "sh", "From_date"])];
        return { body: JSON.stringify(b), expect: [200, 400, 401, 422] };
      },
      // a wrong signature, or none
      () => ({
        body: JSON.stringify({ ...valid(String(int(1e6))), sh: pick(["", "0".repeat(64), text(64)]) }),
        expect: [401],
      }),
      // not an object at all
      () => ({ body: JSON.stringify(pick([[], "x", 1, null, [valid("1")]])), expect: [400, 401] }),
      // huge
      () => ({
        body: JSON.stringify({ ...valid(String(int(1e6))), pad: "x".repeat(300_000 + int(1e5)) }),
        expect: [413],
      }),
    ];
    for (let i = 0; i < 1000; i++) {
      const c = pick(kinds)();
      const res = await http.inject({
        method: "POST",
        url: `/webhooks/tor4you/${DEMO_BARBER_SITEID}`,
        payload: c.body,
        headers: {
          "content-type": pick(["application/json", "text/plain", "application/x-www-form-urlencoded"]),
        },
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (!c.expect.includes(res.statusCode))
        throw new Error(`case ${i}: ${res.statusCode} for ${c.body.slice(0, 200)}`);
      if (c.records) recorded.add(c.records);
    }
    const jobs = await background.jobs.queues.sync.getJobs([
      "waiting",
      "delayed",
      "active",
      "completed",
      "failed",
    ]);
    const ids = jobs.map((j) => j.id!).filter((id) => Number(id.slice(3)) < 95_000);
    expect(ids.sort()).toEqual([...recorded].map((id) => `wh-${id}`).sort());
    // every job carries ids only
    expect(JSON.stringify(jobs.map((j) => j.data))).not.toMatch(/05\d{8}/);
    console.log(
      `webhook fuzz: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")}; ${recorded.size} recorded once each`,
    );
  }, 60_000);
});

describe("1,000 generated chat inputs", () => {
  it("each gets a clear reply, nothing throws, the link stays, and no other customer's appointment changes", async () => {
    const address: ChatAddress = { site: DEMO_BARBER_SITEID, channel: "telegram", chatId: randomUUID() };
    const send = (message: Inbound) =>
      demo.app.engine.handle({
        id: randomUUID(),
        address,
        message,
        languageHint: pick(["en", "he", "ru", "ar", "xx", ""]),
      });
    await send({ type: "contact", phone: "0527654321", own: true, first: "דוד", last: "אברהם" });
    const site = demo.emulator.site(DEMO_BARBER_SITEID);
    const his = new Set([...site.customers.values()].filter((c) => c.cell === "0527654321").map((c) => c.id));
    // Everyone else's appointments, exactly. His own may change: the fuzz presses the buttons the
    // bot offered him ("can't come", then "cancel it"), which is him acting on his own booking.
    const othersState = () =>
      JSON.stringify(
        [...site.appointments.values()]
          .filter((a) => !his.has(a.customer))
          .map((a) => [a.id, a.status, a.from.toISO(), a.iscoming, a.customer]),
      );
    const before = othersState();
    const hisBefore = [...site.appointments.values()].filter((a) => his.has(a.customer)).map((a) => a.id);
    const offered: string[] = [];
    const others = [...demo.emulator.site(DEMO_BARBER_SITEID).customers.values()]
      .filter((c) => c.cell && c.cell !== "0527654321" && !c.isLozamin)
      .flatMap((c) => [c.cell, `${c.first.trim()} ${c.last.trim()}`]);
    const inputs: Array<() => Inbound> = [
      () => ({ type: "text", text: text(40) }),
      () => ({ type: "text", text: "x".repeat(4_000 + int(10_000)) }),
      () => ({ type: "text", text: `\u200f${text(10)}\u202b${text(5)}` }),
      // callback data nobody sent, or shaped like ours with ids that are not this customer's
      () => ({ type: "choice", id: text(30).slice(0, 64) }),
      () => ({
        type: "choice",
        id: `${pick(["a.c", "a.d", "a.x", "a.m", "s.y", "s.n"])}.${800_000 + int(1e5)}`,
      }),
      () => ({ type: "choice", id: `${pick(["m", "l", "b", "c", "t"])}.${text(6).slice(0, 20)}` }),
      // a button from earlier in the chat, now stale
      () => ({ type: "choice", id: offered.length ? pick(offered) : "m.menu" }),
      () => ({
        type: "command",
        name: pick(["start", "help", "appointments", "language", "zzz"]),
        payload: text(10).slice(0, 64),
      }),
      () => ({ type: "contact", phone: pick(["", "123", text(12), "+1 555 0100"]), own: false }),
    ];
    let replies = 0;
    for (let i = 0; i < 1000; i++) {
      const message = pick(inputs)();
      const out = await send(message);
      if (out.length === 0)
        throw new Error(`case ${i}: no reply to ${JSON.stringify(message).slice(0, 200)}`);
      for (const m of out) {
        if (m.type === "choices")
          offered.push(...m.choices.map((c) => c.id).filter((id) => !id.startsWith("a.x")));
        for (const other of others)
          if (m.text.includes(other)) throw new Error(`case ${i}: another customer's ${other} in a reply`);
      }
      replies += out.length;
    }
    expect((await demo.app.identities.get(address))?.cell).toBe("0527654321");
    // Stale and foreign buttons did nothing: nobody else's appointment was booked, moved, cancelled
    // or answered, and none of his became someone else's.
    expect(othersState()).toBe(before);
    for (const id of hisBefore) expect(his.has(site.appointments.get(id)!.customer)).toBe(true);
    console.log(`chat fuzz: 1000 inputs, ${replies} replies, every other customer's appointments intact`);
  }, 120_000);
});
