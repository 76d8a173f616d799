import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../src/core/messages.ts";
import { attendanceChoice, composeDigest, type DigestInput } from "../../../src/digests/compose.ts";
import type { Appointment } from "../../../src/domain/appointment.ts";
import { createTranslator, LOCALES_DIR, type Locale } from "../../../src/i18n/translator.ts";

const zone = "Asia/Jerusalem";
const now = DateTime.fromISO("2026-11-23T19:00", { zone }); // the evening digest, Monday
const tr = createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" });
const STAFF = [
  ["201", "יוסי כהן "],
  ["202", "מורן לוי"],
  ["203", "Avi"],
] as const;

let id = 1000;
function appt(day: number, hhmm: string, over: Partial<Appointment> = {}): Appointment {
  const [h, m] = hhmm.split(":").map(Number);
  const start = now.startOf("day").plus({ days: day }).set({ hour: h!, minute: m! });
  return {
    id: String(id++),
    status: "live",
    start,
    end: start.plus({ minutes: 30 }),
    staffId: "201",
    staffName: "יוסי כהן ",
    serviceName: "תספורת",
    iscoming: 0,
    showstatus: 0,
    customer: { first: "דנה", last: "לוי" },
    ...over,
  };
}

function digest(locale: Locale, over: Partial<DigestInput>): OutboundMessage[] {
  return composeDigest({
    scope: { kind: "staff", staffId: "201" },
    tomorrow: [],
    today: [],
    now,
    t: (k, args) => tr.t(locale, k, args),
    day: (dt) => tr.formatDay(locale, dt, zone),
    time: (dt) => tr.formatTime(dt, zone),
    ...over,
  }).map((m) => ({ ...m, text: m.text.replace(/[\u2068\u2069]/g, "") }));
}

describe("staff digest", () => {
  it("an empty day says so, once, with no buttons", () => {
    const out = digest("en", {});
    expect(out).toEqual([{ type: "text", text: "No appointments tomorrow (Tue 24.11)." }]);
  });

  it("only no-shows: tomorrow is empty, today's no-shows are listed, nothing to mark", () => {
    const out = digest("en", {
      today: [
        appt(0, "09:00", { showstatus: 2 }),
        appt(0, "11:00", { showstatus: 2, customer: { first: "Avi", last: "Bar" } }),
        appt(0, "12:00", { showstatus: 1 }),
      ],
    });
    expect(out.map((m) => m.type)).toEqual(["text", "text"]);
    expect(out[1]!.text).toBe("No-shows today (2):\n09:00 דנה לוי · תספורת\n11:00 Avi Bar · תספורת");
  });

  it("marks tomorrow confirmed / declined / no answer, and offers came / no-show for today's unmarked past ones", () => {
    const today = [appt(0, "10:00"), appt(0, "20:00")]; // the 20:00 one has not happened yet
    const out = digest("en", {
      tomorrow: [appt(1, "10:00", { iscoming: 1 }), appt(1, "09:00", { iscoming: 2 }), appt(1, "11:30")],
      today,
    });
    expect(out[0]!.text).toBe(
      [
        "Tomorrow, Tue 24.11:",
        "3 appointments: 1 confirmed, 1 declined, 1 no answer",
        "",
        "09:00 דנה לוי · תספורת ✗ declined",
        "10:00 דנה לוי · תספורת ✓ confirmed",
        "11:30 דנה לוי · תספורת ? no answer",
      ].join("\n"),
    );
    const buttons = out.filter((m) => m.type === "choices");
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toMatchObject({
      choices: [
        { id: attendanceChoice(true, today[0]!.id), label: "Came" },
        { id: attendanceChoice(false, today[0]!.id), label: "No-show" },
      ],
    });
  });

  it("60 appointments across 3 staff: a staff digest shows only theirs, the owner digest all with totals per staff", () => {
    const tomorrow = Array.from({ length: 60 }, (_, i) => {
      const [staffId, staffName] = STAFF[i % 3]!;
      return appt(
        1,
        `${String(8 + Math.floor(i / 6)).padStart(2, "0")}:${String((i % 6) * 10).padStart(2, "0")}`,
        {
          staffId,
          staffName,
          iscoming: (i % 4 === 0 ? 1 : i % 4 === 1 ? 2 : 0) as 0 | 1 | 2,
        },
      );
    });
    const mine = digest("en", { tomorrow });
    expect(mine[0]!.text.split("\n").filter((l) => /^\d\d:\d\d /.test(l))).toHaveLength(20);
    const owner = digest("en", { scope: { kind: "owner" }, tomorrow });
    const text = owner[0]!.text;
    expect(text).toContain("60 appointments: 15 confirmed, 15 declined, 30 no answer");
    for (const [, name] of STAFF) expect(text).toContain(`${name.trim()}: 20 appointments`);
    expect(text.split("\n").filter((l) => /^\d\d:\d\d /.test(l))).toHaveLength(60);
  });

  it("renders in Hebrew with right-to-left names intact and in English", () => {
    const tomorrow = [appt(1, "10:00", { iscoming: 1, customer: { first: "נועה", last: "בר-לב" } })];
    const he = digest("he", { tomorrow })[0]!.text;
    expect(he).toContain("מחר, ");
    expect(he).toContain("10:00 נועה בר-לב · תספורת ✓ אישר/ה");
    expect(tr.direction("he")).toBe("rtl");
    const en = digest("en", { tomorrow })[0]!.text;
    expect(en).toContain("10:00 נועה בר-לב · תספורת ✓ confirmed");
  });

  it("leaves out cancelled appointments and lozamin blocks", () => {
    const out = digest("en", {
      tomorrow: [
        appt(1, "10:00", { status: "cancelled" }),
        appt(1, "11:00", { isLozamin: true }),
        appt(1, "12:00"),
      ],
    });
    expect(out[0]!.text).toContain("1 appointment: 0 confirmed, 0 declined, 1 no answer");
  });
});
