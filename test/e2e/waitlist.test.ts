import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneBarberSeed, startWaitlistWorld, said as text, until } from "../support/waitlist-world.ts";

const SITE = "318777";
/** One barber who works Wednesdays 10:00-12:00 only; Wed 25.11 is full (two one-hour cuts). */
const seed = oneBarberSeed({
  siteid: SITE,
  name: "מספרה קטנה",
  weekday: "wed",
  closedDates: ["20261202", "20261209", "20261216"],
  customers: [
    { id: "1", first: "אורי", last: "כץ", cell: "0541000001" },
    { id: "2", first: "טל", last: "רז", cell: "0541000002" },
  ],
  appointments: [
    { id: "9001", staff: "201", service: "501", customer: "1", from: "202611251000", to: "202611251100" },
    { id: "9002", staff: "201", service: "501", customer: "2", from: "202611251100", to: "202611251200" },
  ],
});

let world: Awaited<ReturnType<typeof startWaitlistWorld>>;
let demo: typeof world.demo;
beforeAll(async () => {
  world = await startWaitlistWorld(seed);
  demo = world.demo;
}, 30_000);
afterAll(() => world.stop());

const customer = (cell: string, first: string) => world.customer(cell, { first });
const live = () => world.live();

describe("the waitlist refills a freed time", () => {
  it("three wait for a full day; offers go out in join order and in waves; two tap at once, one booking; the third gets the next time", async () => {
    const waiting = [
      customer("0541000011", "Noa"),
      customer("0541000012", "Gal"),
      customer("0541000013", "Lior"),
    ];
    for (const c of waiting) {
      const full = await c.link("book");
      // Service and staff are the only ones: straight to "no free day", with the waitlist offered.
      expect(text(full)).toMatch(/no free|No free|isn't|no available/i);
      const joined = await c.tap(full, /Tell me if something frees up/);
      expect(text(joined)).toMatch(/You're on the waitlist/);
    }
    const mine = await waiting[0]!.send({ type: "text", text: "my appointments" });
    expect(text(mine)).toMatch(/On the waitlist: תספורת/);

    // The first owner cancels through the bot: 10:00 frees.
    const owner1 = customer("0541000001", "אורי");
    await owner1.send({ type: "text", text: "my appointments" });
    await owner1.send({ type: "contact", phone: "0541000001", own: true });
    const cancel = await owner1.send({ type: "text", text: "cancel" });
    const done = await owner1.tap(cancel, /Yes, cancel/);
    expect(text(done)).toMatch(/is cancelled/);

    // Wave 1: the first two in join order; the third not yet.
    const [o1, o2] = await until(() => {
      const a = waiting[0]!.offers();
      const b = waiting[1]!.offers();
      return a.length && b.length ? [a, b] : false;
    });
    expect(text(o1)).toMatch(/A time has freed up: תספורת with רון, Wednesday 25\.11 at 10:00/);
    expect(waiting[2]!.offers()).toHaveLength(0);

    // Both tap "Book it" at the same moment.
    const before = live().length;
    const [r1, r2] = await Promise.all([waiting[0]!.tap(o1, /Book it/), waiting[1]!.tap(o2, /Book it/)]);
    const results = [text(r1), text(r2)];
    expect(results.filter((t) => /You're booked/.test(t))).toHaveLength(1);
    expect(results.filter((t) => /Someone else has just booked that time/.test(t))).toHaveLength(1);
    expect(live().length).toBe(before + 1);
    expect(live().filter((a) => a.from.toFormat("yyyyMMddHHmm") === "202611251000")).toHaveLength(1);
    const winner = /You're booked/.test(results[0]!) ? 0 : 1;
    const loser = 1 - winner;

    // The claimed time is not offered to the third in the next wave.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(waiting[2]!.offers()).toHaveLength(0);

    // The winner left the list; the loser stays on it.
    expect(text(await waiting[winner]!.send({ type: "text", text: "my appointments" }))).not.toMatch(
      /On the waitlist/,
    );
    expect(text(await waiting[loser]!.send({ type: "text", text: "my appointments" }))).toMatch(
      /On the waitlist/,
    );

    // The second owner cancels: 11:00 frees and goes to those still waiting, the third among them.
    const owner2 = customer("0541000002", "טל");
    await owner2.send({ type: "text", text: "my appointments" });
    await owner2.send({ type: "contact", phone: "0541000002", own: true });
    await owner2.tap(await owner2.send({ type: "text", text: "cancel" }), /Yes, cancel/);
    const third = await until(() => {
      const o = waiting[2]!.offers();
      return o.length ? o : false;
    });
    expect(text(third)).toMatch(/11:00/);
    expect(text(waiting[loser]!.offers())).toMatch(/11:00/);
    const booked = await waiting[2]!.tap(third, /Book it/);
    expect(text(booked)).toMatch(/You're booked/);
    expect(booked.some((m) => m.type === "file")).toBe(true);
    // The owner's statistics count both in the week of their time (Sunday 22.11), none in another.
    expect(await demo.app.waitlist.filled(SITE, "20261122")).toBe(2);
    expect(await demo.app.waitlist.filled(SITE, "20261115")).toBe(0);
  }, 90_000);
});
