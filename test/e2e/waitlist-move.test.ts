import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneBarberSeed, startWaitlistWorld, said as text, until } from "../support/waitlist-world.ts";

const SITE = "318779";
/**
 * One barber who works Thursdays 10:00-12:00; Thu 26.11 is full, the other Thursdays closed.
 * Dana holds 11:00 and would rather come at 10:00, which Eli holds.
 */
const seed = oneBarberSeed({
  siteid: SITE,
  name: "מספרת הגפן",
  weekday: "thu",
  closedDates: ["20261203", "20261210", "20261217"],
  customers: [
    { id: "1", first: "אלי", last: "כהן", cell: "0541000021" },
    { id: "2", first: "דנה", last: "לוי", cell: "0541000022" },
    { id: "3", first: "גיל", last: "בר", cell: "0541000023" },
  ],
  appointments: [
    { id: "9101", staff: "201", service: "501", customer: "1", from: "202611261000", to: "202611261100" },
    { id: "9102", staff: "201", service: "501", customer: "2", from: "202611261100", to: "202611261200" },
  ],
});

let world: Awaited<ReturnType<typeof startWaitlistWorld>>;
let demo: typeof world.demo;
beforeAll(async () => {
  world = await startWaitlistWorld(seed);
  demo = world.demo;
}, 30_000);
afterAll(() => world.stop());

const customer = (cell: string) => world.customer(cell);
const appt = (id: string) => demo.emulator.site(SITE).appointments.get(id);
const liveOf = (customerId: string) => world.live().filter((a) => a.customer === customerId);

describe("a move waits on the waitlist too", () => {
  it("offers the waitlist when no time is free for a move, then moves the appointment to the freed time", async () => {
    const dana = customer("0541000022");
    const list = await dana.link("what appointments do I have");
    expect(text(list)).toMatch(/11:00/);
    const move = await dana.tap(list, /Change time/);
    // Nothing is free in the coming weeks: she may wait, keeping her 11:00 meanwhile.
    const joined = await dana.tap(move, /Tell me if something frees up/);
    expect(text(joined)).toMatch(/You're on the waitlist/);
    expect(text(joined)).toMatch(/move your appointment of .*11:00/);
    expect(appt("9102")!.status).toBe("1");
    expect(text(await dana.send({ type: "text", text: "my appointments" }))).toMatch(
      /On the waitlist to move your appointment of .*11:00/,
    );

    // Eli cancels his 10:00 in the chat: the freed time is offered to Dana as a move.
    const eli = customer("0541000021");
    await eli.link();
    await eli.tap(await eli.send({ type: "text", text: "cancel my appointment" }), /Yes, cancel/);
    const offer = await until(() => {
      const o = dana.offers();
      return o.length ? o : false;
    });
    expect(text(offer)).toMatch(
      /A time has freed up: תספורת with רון, .*10:00\. Shall I move your appointment of .*11:00 to it\?/,
    );

    const filledBefore = await demo.app.waitlist.filled(SITE, "20261122");
    const moved = await dana.tap(offer, /Move it/);
    expect(text(moved)).toMatch(/You're booked/);
    expect(text(moved)).toMatch(/previous appointment on .*11:00 is cancelled/);
    // One appointment, at 10:00; the 11:00 is cancelled, not kept beside it.
    const mine = liveOf("2");
    expect(mine.map((a) => a.from.toFormat("yyyyMMddHHmm"))).toEqual(["202611261000"]);
    expect(appt("9102")!.status).not.toBe("1");
    // Her calendar moves the event it holds.
    expect(moved.some((m) => m.type === "file")).toBe(true);
    // Off the list, and counted for the owner.
    expect(text(await dana.send({ type: "text", text: "my appointments" }))).not.toMatch(/On the waitlist/);
    expect(await demo.app.waitlist.filled(SITE, "20261122")).toBe(filledBefore + 1);
  }, 60_000);

  it("on WhatsApp, where there are no buttons, a typed number answers the offer that came unasked", async () => {
    // Gil waits (on WhatsApp) for any time in the week of 26.11; a freed 12:00 is offered to him.
    const gil = world.customer("0541000023", {
      channel: "whatsapp",
      chatId: "972541000023@c.us",
      first: "Gil",
    });
    await gil.link("hello");
    const { address, send } = gil;
    const entry = await demo.app.waitlist.join({
      address,
      serviceId: "501",
      staffId: "any",
      from: "20261124",
      to: "20261130",
      part: "any",
      joinedAt: Date.now(),
    });
    // A time only this test frees: the barber's Thursday is widened to 13:00 while it runs, so the
    // other tests still find Thursday full.
    const barber = demo.emulator.site(SITE).staff.get("201")!;
    const hours = barber.hours;
    barber.hours = { thu: [["10:00", "13:00"]] };
    try {
      const freed = await demo.app.waitlist.putFreed(SITE, {
        serviceId: "501",
        staffId: "201",
        from: "202611261200",
        to: "202611261300",
        startMs: Date.parse("2026-11-26T10:00:00Z"),
      });
      await demo.app.waitlist.markOffered(SITE, freed!.id, entry.id);
      const offer = await demo.app.engine.prepareWaitlistOffer(address, freed!, entry);
      expect(text(offer!)).toMatch(/A time has freed up: .*12:00\. Shall I book it for you\?/);

      const reply = await send({ type: "text", text: "1" });
      expect(text(reply)).toMatch(/You're booked/);
      const site = demo.emulator.site(SITE);
      const at12 = [...site.appointments.values()].filter(
        (a) => a.status === "1" && a.from.toFormat("yyyyMMddHHmm") === "202611261200",
      );
      expect(at12.map((a) => site.customers.get(a.customer)?.cell)).toEqual(["0541000023"]);
    } finally {
      barber.hours = hours;
    }
  }, 30_000);

  it("refuses to put a move on the waitlist for an appointment that is not the customer's own", async () => {
    const eli = customer("0541000021");
    await eli.link("hi");
    const { address, send } = eli;
    const forged = await send({ type: "choice", id: "w.j.501.any.20261126.1.a.9102" });
    expect(text(forged)).toMatch(/can't go on the waitlist/);
    expect(
      (await demo.app.waitlist.all(SITE)).filter((e) => e.address.chatId === address.chatId),
    ).toHaveLength(0);
  }, 30_000);
});
