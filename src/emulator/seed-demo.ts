import { DateTime } from "luxon";
import { TOR4YOU_ZONE } from "../tor4you/dates.ts";
import type { WeeklyHours } from "./model.ts";
import type { Seed, SeedSite } from "./seed.ts";
import { pastAppointments, pastClassBookings } from "./seed-history.ts";

/**
 * The demo world: a barbershop on an open calendar and a pilates studio on time slots (a site
 * has one calendar type). Appointments sit around `now` so reminders, digests and lookups have
 * something to do the moment the demo starts. Credentials are fixed so docs and configs can
 * name them.
 */
/** Real Tor4You site ids are numbers (the torkey header starts with them); the demo's are too. */
export const DEMO_BARBER_SITEID = "318001";
export const DEMO_STUDIO_SITEID = "318002";

export function demoSeed(now: DateTime): Seed {
  return { sites: [barbershop(now), studio(now)] };
}

const BARBER_HOURS: WeeklyHours = {
  sun: [["09:00", "19:00"]],
  mon: [["09:00", "19:00"]],
  tue: [["09:00", "19:00"]],
  wed: [["09:00", "19:00"]],
  thu: [["09:00", "19:00"]],
  fri: [["08:30", "14:00"]],
};

/**
 * The `offset`-th working day from today (negative: before today), counting only days the shop
 * opens (Saturday is closed), so distinct offsets never land on the same day and the demo never
 * books a closed day. Times used are ≤ 13:45 so Fridays (08:30–14:00) fit too.
 */
function day(now: DateTime, offset: number, hhmm: string): DateTime {
  const closed = (d: DateTime) => d.weekday === 6;
  const step = offset < 0 ? -1 : 1;
  let d = now.setZone(TOR4YOU_ZONE).startOf("day");
  if (offset >= 0 && closed(d)) d = d.plus({ days: 1 });
  for (let i = 0; i < Math.abs(offset); i++) {
    d = d.plus({ days: step });
    if (closed(d)) d = d.plus({ days: step });
  }
  const [h, m] = hhmm.split(":").map(Number);
  return d.set({ hour: h ?? 0, minute: m ?? 0 });
}

/** `count` working days (Saturday closed) before `day`, oldest first: one walk back, not one per day. */
function workingDaysBefore(day: DateTime, count: number): DateTime[] {
  const days: DateTime[] = [];
  let d = day;
  while (days.length < count) {
    d = d.minus({ days: 1 });
    if (d.weekday !== 6) days.unshift(d);
  }
  return days;
}

function barbershop(now: DateTime): SeedSite {
  const at = (offset: number, hhmm: string) => day(now, offset, hhmm);
  const appt = (
    id: string,
    staff: string,
    service: string,
    customer: string,
    from: DateTime,
    minutes: number,
    more: Partial<NonNullable<SeedSite["appointments"]>[number]> = {},
  ) => ({
    id,
    staff,
    service,
    customer,
    from,
    to: from.plus({ minutes }),
    createdAt: from.minus({ days: 5 }),
    ...more,
  });
  return {
    siteid: DEMO_BARBER_SITEID,
    name: "מספרת הדקל",
    phone: "03-5551234",
    address: "רחוב הדקל 12, תל אביב",
    settings: { calendarType: "open", istz: "1", stepMinutes: 15, minLeadMinutes: 60, maxHorizonDays: 30 },
    credentials: {
      token: "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5f",
      key: "demobarberkey",
      secret: "demo-barber-secret-4b7d",
      webhookKey: "demo-barber-webhook-8e21",
    },
    branches: [
      { id: "101", name: "סניף מרכז", address: "רחוב הדקל 12, תל אביב" },
      { id: "102", name: "סניף צפון", address: "שדרות ההגנה 5, חיפה" },
    ],
    staff: [
      { id: "201", name: "יוסי כהן ", branch: "101", showorder: 3, hours: BARBER_HOURS },
      { id: "202", name: "מורן לוי", branch: "101", showorder: 2, hours: BARBER_HOURS },
      { id: "203", name: "אבי מזרחי", branch: "102", showorder: 1, hours: BARBER_HOURS },
      { id: "209", name: "שירה (משרד)", branch: "101", showorder: 0 },
    ],
    services: [
      { id: "301", name: "תספורת גברים", duration: 30, price: "60", external: true },
      { id: "302", name: "תספורת וזקן", duration: 45, price: "80", external: true },
      { id: "303", name: "עיצוב זקן", duration: 20, price: "40", external: true },
      { id: "304", name: "צבע שיער", duration: 60, price: "150", external: true },
      { id: "305", name: "טיפול פנים (צוות בלבד)", duration: 45, price: "120", external: false },
    ],
    links: [
      ["201", "301"],
      ["201", "302"],
      ["201", "303"],
      ["201", "305"],
      ["202", "301"],
      ["202", "302"],
      ["202", "304"],
      ["202", "305"],
      ["203", "301"],
      ["203", "303"],
    ],
    customers: [
      { id: "41001", first: "דוד", last: "אברהם", cell: "0527654321", tz: "034567891", marketing: true },
      { id: "41002", first: "משה", last: "ביטון", cell: "0531112233" },
      {
        id: "41003",
        first: "יעל",
        last: "גולן",
        cell: "0544455667",
        email: "yael@example.com",
        tz: "203456785",
      },
      { id: "41004", first: "רון", last: "דהן", cell: "0558889900" },
      { id: "41005", first: "נועם", last: "הלוי ", cell: "0586543210", city: "רמת גן" },
      { id: "41006", first: "איתי", last: "וקנין", cell: "0502223344", tz: "312458763" },
      { id: "41007", first: "אורי", last: "זילברמן", cell: "0529876543" },
      // Same cell, different first name: a parent booking for a child is a second customer.
      { id: "41008", first: "עומר", last: "זילברמן", cell: "0529876543" },
      { id: "41009", first: "תמר", last: "חדד", cell: "0503216549", email: "tamar@example.com" },
      { id: "41010", first: "אלון", last: "טל", cell: "0523334455", tz: "045671237" },
    ],
    appointments: [
      // The past few days, attendance marked.
      appt("700101", "201", "301", "41001", at(-3, "10:00"), 30, {
        iscoming: "1",
        showstatus: "1",
        subscription: "301",
      }),
      appt("700102", "202", "304", "41003", at(-3, "11:00"), 60, { iscoming: "1", showstatus: "1" }),
      appt("700103", "201", "302", "41004", at(-2, "12:00"), 45, { showstatus: "2" }),
      appt("700104", "203", "303", "41006", at(-1, "09:30"), 20, { iscoming: "1", showstatus: "1" }),
      appt("700105", "202", "301", "41002", at(-1, "11:30"), 30),
      // Today.
      appt("700106", "201", "301", "41005", at(0, "10:00"), 30, { iscoming: "1" }),
      appt("700107", "202", "302", "41007", at(0, "11:00"), 45),
      appt("700108", "201", "303", "41009", at(0, "12:30"), 20),
      // Tomorrow.
      appt("700109", "201", "301", "41001", at(1, "09:00"), 30, { subscription: "301" }),
      appt("700110", "202", "304", "41003", at(1, "10:00"), 60, { iscoming: "2" }),
      appt("700111", "203", "301", "41010", at(1, "11:00"), 30),
      appt("700112", "201", "302", "41008", at(1, "12:00"), 45, { iscoming: "1" }),
      // A booking awaiting payment: it expires half an hour into the demo unless paid.
      appt("700113", "202", "301", "41004", at(1, "12:00"), 30, {
        tmpExpire: now.plus({ minutes: 30 }),
        createdAt: now.minus({ minutes: 5 }),
      }),
      // The next days.
      appt("700114", "201", "301", "41002", at(2, "10:30"), 30),
      appt("700115", "202", "302", "41006", at(2, "11:00"), 45),
      appt("700116", "203", "303", "41009", at(3, "09:00"), 20),
      appt("700117", "202", "304", "41005", at(4, "10:00"), 60),
      appt("700118", "202", "301", "41010", at(5, "12:00"), 30),
      // Cancelled by the customer through the widget.
      appt("700119", "201", "301", "41007", at(2, "12:00"), 30, { status: "0" }),
      // Lunch break blocked on Moran's calendar.
      {
        id: "700120",
        staff: "202",
        service: "301",
        islozamin: true,
        from: at(2, "13:00"),
        to: at(2, "13:45"),
        createdAt: at(-7, "09:00"),
      },
      // About eight weeks before these, so the statistics have a history on the first run.
      ...pastAppointments({
        days: workingDaysBefore(at(-3, "00:00"), 49),
        staff: ["201", "202", "203"],
        bookable: [
          ["201", "301", 30],
          ["201", "302", 45],
          ["201", "303", 20],
          ["202", "301", 30],
          ["202", "302", 45],
          ["202", "304", 60],
          ["203", "301", 30],
          ["203", "303", 20],
        ],
        customers: ["41001", "41002", "41003", "41004", "41005", "41006", "41007", "41009", "41010"],
        times: ["09:00", "10:15", "11:30", "12:45"],
        firstId: 690000,
        seed: 318001,
      }),
    ],
    subscriptions: [
      {
        id: "301",
        customer: "41001",
        name: "כרטיסיית 10 תספורות",
        service: "301",
        from: now.minus({ days: 60 }),
        to: now.plus({ days: 300 }),
        total: 10,
      },
    ],
  };
}

function studio(now: DateTime): SeedSite {
  const slots: NonNullable<SeedSite["slots"]> = [];
  const appointments: NonNullable<SeedSite["appointments"]> = [];
  let slotId = 9100;
  let apptId = 700500;
  const classOf = new Map<string, { staff: string; service: string }>();
  // Sun–Thu: a morning reformer class and an evening yoga class (10 places), and one private session.
  for (let offset = -3; offset <= 14; offset++) {
    const d = now.setZone(TOR4YOU_ZONE).startOf("day").plus({ days: offset });
    if (d.weekday === 5 || d.weekday === 6) continue;
    for (const [hh, staff, services, minutes, maxmembers] of [
      [8, "401", "501", 55, 10],
      [12, "401", "0", 55, 1],
      [18, "402", "502", 60, 10],
    ] as const) {
      const id = String(++slotId);
      const from = d.set({ hour: hh });
      slots.push({ id, staff, services, from, to: from.plus({ minutes }), maxmembers });
      classOf.set(id, { staff, service: services === "0" ? "503" : services });
    }
  }
  const book = (
    slotIndex: number,
    customer: string,
    participants = 1,
    more: Record<string, unknown> = {},
  ) => {
    const slot = slots[slotIndex];
    if (!slot) return;
    const c = classOf.get(slot.id)!;
    appointments.push({
      id: String(++apptId),
      staff: c.staff,
      service: c.service,
      customer,
      slot: slot.id,
      from: slot.from,
      to: slot.to,
      participants,
      createdAt: DateTime.min((slot.from as DateTime).minus({ days: 3 }), now.minus({ hours: 3 })),
      ...more,
    });
  };
  // Slots are three a day in date order: index 3k is a morning class, 3k+2 an evening one.
  book(0, "42001", 1, { showstatus: "1", subscription: "302" });
  book(0, "42002", 2, { showstatus: "1" });
  book(2, "42003", 1, { showstatus: "2" });
  for (let k = 3; k < 9; k++) {
    book(3 * k, "42001", 1, { subscription: "302" });
    book(3 * k, "42004", 3);
    book(3 * k + 2, "42005", 1, { iscoming: k === 3 ? "1" : "0" });
    book(3 * k + 2, "42002", 4);
  }
  book(3 * 4 + 1, "42003", 1);
  const blocked = slots[3 * 5 + 1];
  if (blocked) {
    appointments.push({
      id: String(++apptId),
      staff: "401",
      service: "503",
      islozamin: true,
      slot: blocked.id,
      from: blocked.from,
      to: blocked.to,
    });
  }
  // About eight weeks of past classes, so the studio's statistics have a history too.
  const past: Array<{ slot: string; staff: string; service: string; from: DateTime; to: DateTime }> = [];
  for (let offset = -56; offset <= -4; offset++) {
    const d = now.setZone(TOR4YOU_ZONE).startOf("day").plus({ days: offset });
    if (d.weekday === 5 || d.weekday === 6) continue;
    for (const [hh, staff, service, minutes] of [
      [8, "401", "501", 55],
      [18, "402", "502", 60],
    ] as const) {
      const id = String(++slotId);
      const from = d.set({ hour: hh });
      slots.push({ id, staff, services: service, from, to: from.plus({ minutes }), maxmembers: 10 });
      past.push({ slot: id, staff, service, from, to: from.plus({ minutes }) });
    }
  }
  appointments.push(
    ...pastClassBookings({
      classes: past,
      customers: ["42001", "42002", "42003", "42004", "42005"],
      firstId: 691000,
      seed: 318002,
    }),
  );
  return {
    siteid: DEMO_STUDIO_SITEID,
    name: "סטודיו גל לפילאטיס",
    phone: "04-8123456",
    address: "רחוב הנביאים 7, חיפה",
    settings: { calendarType: "slots", istz: "2", stepMinutes: 30, minLeadMinutes: 120, maxHorizonDays: 21 },
    credentials: {
      token: "4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f",
      key: "demostudiokey",
      secret: "demo-studio-secret-91c3",
      webhookKey: "demo-studio-webhook-5d70",
    },
    branches: [{ id: "111", name: "הסטודיו", address: "רחוב הנביאים 7, חיפה" }],
    staff: [
      { id: "401", name: "גלית ", branch: "111", showorder: 2 },
      { id: "402", name: "נועה", branch: "111", showorder: 1 },
      { id: "409", name: "מזכירות", branch: "111", showorder: 0 },
    ],
    services: [
      { id: "501", name: "פילאטיס מכשירים", duration: 55, price: "90", external: true },
      { id: "502", name: "יוגה", duration: 60, price: "70", external: true },
      { id: "503", name: "שיעור פרטי", duration: 55, price: "250", external: false },
    ],
    links: [
      ["401", "501"],
      ["401", "503"],
      ["402", "502"],
      ["402", "503"],
    ],
    customers: [
      { id: "42001", first: "מיכל", last: "כץ", cell: "0546667788", tz: "058762345" },
      { id: "42002", first: "שני", last: "לוינסון", cell: "0533219876", tz: "061234985" },
      { id: "42003", first: "רותם", last: "מלכה", cell: "0584561237", tz: "302198767" },
      { id: "42004", first: "הדס", last: "נחום", cell: "0557778899", tz: "029458718" },
      { id: "42005", first: "ליאת", last: "סויסה", cell: "0527654321", tz: "213459878" },
    ],
    slots,
    appointments,
    subscriptions: [
      {
        id: "302",
        customer: "42001",
        name: "מנוי 20 שיעורים",
        service: "501",
        from: now.minus({ days: 30 }),
        to: now.plus({ days: 150 }),
        total: 20,
      },
    ],
  };
}
