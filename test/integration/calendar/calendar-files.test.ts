import ICAL from "ical.js";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIcs } from "../../../src/calendar/ics.ts";
import type { OutboundMessage } from "../../../src/core/messages.ts";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { startWorld, texts } from "../conversation/world.ts";

const ZONE = "Asia/Jerusalem";

/** Parsed back with ical.js (not the library that wrote it), its VTIMEZONE registered first. */
function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vtz = cal.getFirstSubcomponent("vtimezone");
  if (vtz) ICAL.TimezoneService.register(vtz);
  const vevent = cal.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  return {
    method: cal.getFirstPropertyValue("method"),
    tzid: vtz?.getFirstPropertyValue("tzid"),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue("status"),
    startZone: event.startDate.zone?.tzid,
    start: DateTime.fromJSDate(event.startDate.toJSDate()).setZone(ZONE),
    end: DateTime.fromJSDate(event.endDate.toJSDate()).setZone(ZONE),
    startUtc: DateTime.fromJSDate(event.startDate.toJSDate()).toUTC().toFormat("yyyy-MM-dd HH:mm"),
    summary: event.summary,
    location: event.location,
    organizer: String(vevent.getFirstPropertyValue("organizer") ?? ""),
  };
}

type Chat = ReturnType<Awaited<ReturnType<typeof startWorld>>["chat"]>;

/** Taps a time, through the part of the day ("Afternoon 12:00–16:45") when the day is split. */
async function tapTime(c: Chat, hhmm: string) {
  const last = [...c.transcript.flat()].reverse().find((m) => m.type === "choices");
  const labels =
    last?.type === "choices" ? last.choices.map((x) => x.label.replace(/[\u2068\u2069]/g, "")) : [];
  if (!labels.includes(hhmm)) {
    const part = labels.find((l) => {
      const m = /(\d\d:\d\d)–(\d\d:\d\d)/.exec(l);
      return m && m[1]! <= hhmm && hhmm <= m[2]!;
    });
    if (part) await c.tapLabel(part);
  }
  return c.tapLabel(hhmm);
}

const fileOf = (out: OutboundMessage[]) => {
  const f = out.find((m) => m.type === "file");
  if (f?.type !== "file") throw new Error(`no calendar file in: ${texts(out)}`);
  return f;
};

describe("the calendar file itself", () => {
  it("is in the business's zone with its VTIMEZONE, in winter (UTC+2) and summer (UTC+3)", () => {
    for (const [iso, utc] of [
      ["2026-11-24T09:00", "2026-11-24 07:00"],
      ["2027-07-14T18:30", "2027-07-14 15:30"],
    ] as const) {
      const start = DateTime.fromISO(iso, { zone: ZONE });
      const ics = buildIcs({
        uid: "77-site@tor4you-bot",
        sequence: 0,
        cancelled: false,
        business: "מספרת הדקל",
        service: "תספורת",
        staff: "יוסי",
        location: "רחוב הדקל 12, תל אביב",
        start,
        end: start.plus({ minutes: 45 }),
        zone: ZONE,
        stamp: DateTime.utc(),
        organizerEmail: "bookings@site.invalid",
      });
      const e = parse(ics);
      expect(e).toMatchObject({ method: "REQUEST", tzid: ZONE, startZone: ZONE, uid: "77-site@tor4you-bot" });
      expect(e.startUtc).toBe(utc);
      expect(e.end.diff(e.start, "minutes").minutes).toBe(45);
      expect(ics).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);
    }
  });
});

describe("calendar files in the chat", () => {
  let w: Awaited<ReturnType<typeof startWorld>>;
  beforeAll(async () => {
    w = await startWorld();
  }, 30_000);
  afterAll(async () => {
    await w.stop();
  });

  it("a booking, a reminder, a move and a cancel carry one event: same UID, rising SEQUENCE, then CANCEL", async () => {
    const c = w.chat(DEMO_BARBER_SITEID);
    await c.text("book");
    await c.shareOwnContact("0509876511", "Noa", "Peretz");
    await c.tapLabel(/^תספורת גברים ·/);
    await c.tapLabel("סניף מרכז");
    await c.tapLabel("יוסי כהן");
    await c.tapLabel(/^Wed 25\.11/);
    await tapTime(c, "12:00");
    const booked = await c.tapLabel("Yes, book it");
    expect(texts(booked)).toMatch(/You're booked/);
    const first = fileOf(booked);
    expect(first.fileName).toMatch(/\.ics$/);
    expect(first.text).toMatch(/Add to my calendar/);
    const b = parse(first.content);
    expect(b).toMatchObject({
      method: "REQUEST",
      tzid: ZONE,
      startZone: ZONE,
      sequence: 0,
      status: "CONFIRMED",
    });
    expect(b.start.toFormat("yyyy-MM-dd HH:mm")).toBe("2026-11-25 12:00");
    expect(b.startUtc).toBe("2026-11-25 10:00");
    expect(b.end > b.start).toBe(true);
    expect(b.summary).toContain("תספורת גברים");
    expect(b.summary).toContain("יוסי כהן");
    expect(b.summary).toContain("מספרת הדקל");
    expect(b.location).toContain("רחוב הדקל 12");

    // A reminder re-sends the same version: same UID, same SEQUENCE.
    const appt = (
      await w.app.clients.get(DEMO_BARBER_SITEID)!.apptbycellortz({ cell: "0509876511", showFuture: true })
    )[0]!;
    const reminder = await w.app.engine.prepareReminder(c.address, appt);
    const r = parse(fileOf(reminder!).content);
    expect(r).toMatchObject({ uid: b.uid, sequence: 0, method: "REQUEST" });

    await c.text("change time");
    await c.tapLabel(/^Thu 26\.11/);
    await tapTime(c, "10:00");
    const moved = await c.tapLabel("Yes, book it");
    expect(texts(moved)).toMatch(/previous appointment .* is cancelled/);
    const m = parse(fileOf(moved).content);
    expect(fileOf(moved).text).toMatch(/Calendar update/);
    expect(m).toMatchObject({ uid: b.uid, sequence: 1, method: "REQUEST", startZone: ZONE });
    expect(m.start.toFormat("yyyy-MM-dd HH:mm")).toBe("2026-11-26 10:00");

    // The menu's "cancel" (a typed one would answer the reminder this test sent above).
    await c.tap("m.cancel");
    const cancelled = await c.tapLabel("Yes, cancel it");
    expect(texts(cancelled)).toMatch(/is cancelled/);
    const x = parse(fileOf(cancelled).content);
    expect(x).toMatchObject({ uid: b.uid, sequence: 2, method: "CANCEL", status: "CANCELLED" });
    expect(x.start.toFormat("yyyy-MM-dd HH:mm")).toBe("2026-11-26 10:00");
  });

  it("the business's own move and cancel (told by webhook) update the same UID", async () => {
    const c = w.chat(DEMO_BARBER_SITEID);
    await c.text("book");
    await c.shareOwnContact("0509876512", "Omer", "Katz");
    await c.tapLabel(/^תספורת גברים ·/);
    await c.tapLabel("סניף מרכז");
    await c.tapLabel("יוסי כהן");
    await c.tapLabel(/^Wed 25\.11/);
    await tapTime(c, "13:00");
    const b = parse(fileOf(await c.tapLabel("Yes, book it")).content);
    const client = w.app.clients.get(DEMO_BARBER_SITEID)!;
    const appt = (await client.apptbycellortz({ cell: "0509876512", showFuture: true }))[0]!;

    const later = { ...appt, start: appt.start.plus({ hours: 2 }), end: appt.end.plus({ hours: 2 }) };
    const movedNotice = await w.app.engine.prepareNotice(c.address, later, "moved");
    const m = parse(fileOf(movedNotice!).content);
    expect(m).toMatchObject({ uid: b.uid, sequence: 1, method: "REQUEST" });
    expect(m.start.toFormat("HH:mm")).toBe("15:00");

    const cancelNotice = await w.app.engine.prepareNotice(
      c.address,
      { ...later, status: "cancelled" },
      "cancelled",
    );
    const x = parse(fileOf(cancelNotice!).content);
    expect(x).toMatchObject({ uid: b.uid, sequence: 2, method: "CANCEL", status: "CANCELLED" });
  });
});
