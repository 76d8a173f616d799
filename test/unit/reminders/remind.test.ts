import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ChatAddress } from "../../../src/core/messages.ts";
import type { Appointment } from "../../../src/domain/appointment.ts";
import { type LinkedChat, type RemindDeps, remindNow, usefulUntil } from "../../../src/reminders/remind.ts";

const zone = "Asia/Jerusalem";
const now = DateTime.fromISO("2026-11-23T10:00", { zone });
const start = DateTime.fromISO("2026-11-24T09:00", { zone });
const due = { site: "s", apptId: "7", offsetMin: 1440, plannedStart: start.toUTC().toISO()! };

function appt(over: Partial<Appointment> = {}): Appointment {
  return {
    id: "7",
    conf: "AE154A23B746DC21",
    status: "live",
    start,
    end: start.plus({ minutes: 30 }),
    iscoming: 0,
    showstatus: 0,
    customer: { cell: "0527654321" },
    ...over,
  };
}

function deps(a: Appointment | null, chats: LinkedChat[] = [], over: Partial<RemindDeps> = {}) {
  const sent: ChatAddress[] = [];
  const d: RemindDeps = {
    appointment: async () =>
      a ? { kind: "found", appt: a, via: "apptinfo" } : { kind: "gone", evidence: "absent_from_list" },
    chatsFor: async () => chats,
    optedOut: async () => false,
    channels: () => ["whatsapp", "telegram"],
    compose: async () => [{ type: "text", text: "reminder" }],
    enqueue: async (address) => {
      sent.push(address);
    },
    ...over,
  };
  return { d, sent };
}

const tg: LinkedChat = {
  address: { site: "s", channel: "telegram", chatId: "42" },
  remindersOff: false,
  unreachable: false,
};

describe("remindNow", () => {
  it.each([
    ["not_found", null],
    ["cancelled", appt({ status: "cancelled" })],
    ["cancelled", appt({ status: "expired" })],
    ["lozamin", appt({ isLozamin: true })],
    ["temporary", appt({ tmpExpire: now.plus({ hours: 1 }) })],
    ["moved", appt({ start: start.plus({ hours: 2 }) })],
    ["answered", appt({ iscoming: 1 })],
    ["answered", appt({ iscoming: 2 })],
    ["no_cell", appt({ customer: {} })],
  ] as const)("skips with %s and sends nothing", async (reason, a) => {
    const { d, sent } = deps(a, [tg]);
    expect(await remindNow(due, d, now)).toEqual({ sent: false, reason });
    expect(sent).toEqual([]);
  });

  it("a refused re-read is not 'gone': the reminder is deferred while useful, then skipped as unverified", async () => {
    const { d, sent } = deps(appt(), [tg], {
      appointment: async () => ({ kind: "unknown", reason: "tor4you_api" }),
    });
    const deferred = await remindNow(due, d, now);
    expect(deferred).toMatchObject({ sent: false, deferred: true, reason: "tor4you_api" });
    // useful until 15 minutes before the start (a 24h reminder)
    expect(usefulUntil(due)).toBe(start.minus({ minutes: 15 }).toMillis());
    expect(await remindNow(due, d, start.minus({ minutes: 16 }))).toMatchObject({ deferred: true });
    expect(await remindNow(due, d, start.minus({ minutes: 15 }))).toEqual({
      sent: false,
      reason: "unverified",
    });
    expect(sent).toEqual([]);
    // a short offset keeps half of it: a 10-minute reminder is useful until 5 minutes before
    expect(usefulUntil({ ...due, offsetMin: 10 })).toBe(start.minus({ minutes: 5 }).toMillis());
  });

  it("skips an appointment that already started", async () => {
    const { d, sent } = deps(appt(), [tg]);
    expect(await remindNow(due, d, start.plus({ minutes: 1 }))).toEqual({ sent: false, reason: "started" });
    expect(sent).toEqual([]);
  });

  it("respects an opt-out on any of the customer's chats", async () => {
    const { d, sent } = deps(appt(), [
      tg,
      { ...tg, address: { ...tg.address, chatId: "43" }, remindersOff: true },
    ]);
    expect(await remindNow(due, d, now)).toEqual({ sent: false, reason: "opted_out" });
    expect(sent).toEqual([]);
  });

  it("follows the site's channel order, skipping unreachable chats, and counts the unreachable", async () => {
    const wa: LinkedChat = {
      address: { site: "s", channel: "whatsapp", chatId: "972527654321@c.us" },
      remindersOff: false,
      unreachable: false,
    };
    let r = deps(appt(), [tg, wa]);
    expect(await remindNow(due, r.d, now)).toEqual({ sent: true, channel: "whatsapp" });
    expect(r.sent).toEqual([wa.address]);

    r = deps(appt(), [tg, { ...wa, unreachable: true }]);
    expect(await remindNow(due, r.d, now)).toEqual({ sent: true, channel: "telegram" });

    r = deps(appt(), [{ ...tg, unreachable: true }]);
    expect(await remindNow(due, r.d, now)).toEqual({ sent: false, reason: "no_channel" });
  });

  it("reaches a customer with no chat by number where the channel can (WhatsApp)", async () => {
    const { d, sent } = deps(appt(), [], {
      addressByCell: (site, channel, cell) =>
        channel === "whatsapp" ? { site, channel, chatId: `972${cell.slice(1)}@c.us` } : null,
    });
    expect(await remindNow(due, d, now)).toEqual({ sent: true, channel: "whatsapp" });
    expect(sent[0]?.chatId).toBe("972527654321@c.us");
  });
});
