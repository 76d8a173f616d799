import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { composeStaffAlert, composeUnconfirmed, type StaffFormat } from "../../../src/digests/alerts.ts";
import type { Appointment } from "../../../src/domain/appointment.ts";
import { createTranslator, LOCALES_DIR, type Locale } from "../../../src/i18n/translator.ts";

const zone = "Asia/Jerusalem";
const tr = createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" });
const format = (locale: Locale): StaffFormat => ({
  t: (id, args) => tr.t(locale, id, args).replace(/[\u2068\u2069]/g, ""),
  day: (dt) => tr.formatDay(locale, dt, zone),
  time: (dt) => tr.formatTime(dt, zone),
  when: (dt) => tr.formatDateTime(locale, dt, zone),
});

const at = (iso: string) => DateTime.fromISO(iso, { zone });
function appt(id: string, iso: string, over: Partial<Appointment> = {}): Appointment {
  const start = at(iso);
  return {
    id,
    status: "live",
    start,
    end: start.plus({ minutes: 30 }),
    staffId: "201",
    staffName: "יוסי כהן",
    serviceId: "301",
    serviceName: "תספורת",
    iscoming: 0,
    showstatus: 0,
    customer: { first: "דנה", last: "לוי", cell: "0527654321" },
    ...over,
  };
}

describe("real-time staff alerts", () => {
  it("a decline names the customer, the time and a number to tap and call", () => {
    const [m] = composeStaffAlert(format("en"), {
      kind: "declined",
      appt: appt("1", "2026-11-24T09:00"),
      withStaff: false,
    });
    expect(m).toEqual({
      type: "text",
      text: "✗ Can't come: דנה לוי · תספורת, Tuesday 24.11.2026 09:00 +972527654321",
    });
  });

  it("the owner's copy says whose appointment it is; a move shows both times", () => {
    const [m] = composeStaffAlert(format("en"), {
      kind: "moved",
      appt: appt("2", "2026-11-25T12:00"),
      previousStart: at("2026-11-24T09:00"),
      withStaff: true,
    });
    expect(m!.type === "text" && m!.text).toBe(
      "Moved through the bot: דנה לוי · תספורת (יוסי כהן), from Tuesday 24.11.2026 09:00 to Wednesday 25.11.2026 12:00",
    );
  });

  it("Hebrew staff get Hebrew alerts", () => {
    const [m] = composeStaffAlert(format("he"), {
      kind: "cancelled",
      appt: appt("3", "2026-11-24T09:00"),
      withStaff: false,
    });
    expect(m!.type === "text" && m!.text).toMatch(/^בוטל דרך הבוט: דנה לוי · תספורת, /);
  });
});

describe("the unanswered list (CONFIRM_DEADLINE)", () => {
  it("lists appointments in time order, each with a callable number, under a counted title", () => {
    const out = composeUnconfirmed(
      format("en"),
      [
        appt("5", "2026-11-24T11:00", { customer: { first: "Avi", last: "Bar", cell: "0501234567" } }),
        appt("4", "2026-11-24T09:00"),
      ],
      false,
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.type === "text" && out[0]!.text.split("\n")).toEqual([
      "No answer yet for 2 appointments; a call may help:",
      "Tue 24.11 09:00 דנה לוי · תספורת +972527654321",
      "Tue 24.11 11:00 Avi Bar · תספורת +972501234567",
    ]);
  });

  it("nothing to list sends nothing; a customer without a usable number is listed without one", () => {
    expect(composeUnconfirmed(format("en"), [], true)).toEqual([]);
    const [m] = composeUnconfirmed(
      format("en"),
      [appt("6", "2026-11-24T09:00", { customer: { first: "Noa", cell: "" } })],
      true,
    );
    expect(m!.type === "text" && m!.text).toContain("Tue 24.11 09:00 Noa · תספורת (יוסי כהן)");
    expect(m!.type === "text" && m!.text).not.toContain("+972");
  });
});
