import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeStats, formatStatsTable, type WeekRecord } from "../../../src/digests/stats.ts";
import type { Appointment } from "../../../src/domain/appointment.ts";
import { lastWeeks, weekKey } from "../../../src/domain/week.ts";
import { viewIn } from "../../../src/http/admin-view.ts";
import { statsChart, statsPage } from "../../../src/http/stats-page.ts";
import { createTranslator, LOCALES_DIR } from "../../../src/i18n/translator.ts";

const translator = createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" });
const en = viewIn(translator, "en");

const zone = "Asia/Jerusalem";
const at = (iso: string) => DateTime.fromISO(iso, { zone });
function appt(
  id: string,
  iso: string,
  over: Partial<Appointment> & { staff?: "201" | "202"; service?: "301" | "302" } = {},
): Appointment {
  const start = at(iso);
  const staff = over.staff ?? "201";
  const service = over.service ?? "301";
  return {
    id,
    status: "live",
    start,
    end: start.plus({ minutes: 30 }),
    staffId: staff,
    staffName: staff === "201" ? "יוסי" : "מורן",
    serviceId: service,
    serviceName: service === "301" ? "תספורת" : "צבע",
    iscoming: 0,
    showstatus: 0,
    customer: { first: "x" },
    ...over,
  };
}

describe("the Israeli week", () => {
  it("runs Sunday to Saturday", () => {
    expect(weekKey(at("2026-11-22T00:00"))).toBe("20261122"); // Sunday
    expect(weekKey(at("2026-11-28T23:59"))).toBe("20261122"); // Saturday night
    expect(weekKey(at("2026-11-29T00:30"))).toBe("20261129");
    expect(lastWeeks(at("2026-11-25T12:00"), 3).map((d) => d.toISODate())).toEqual([
      "2026-11-08",
      "2026-11-15",
      "2026-11-22",
    ]);
  });
});

describe("statistics", () => {
  // The week of Sunday 22.11: six customer appointments, a lozamin block, one the bot cancelled.
  const appointments = [
    appt("1", "2026-11-22T09:00", { iscoming: 1, showstatus: 1 }),
    appt("2", "2026-11-23T09:00", { iscoming: 1, showstatus: 2 }), // confirmed, then did not come
    appt("3", "2026-11-24T10:00", { iscoming: 0, showstatus: 2, service: "302" }), // silent no-show
    appt("4", "2026-11-25T11:00", { iscoming: 2, staff: "202" }),
    appt("5", "2026-11-26T12:00", { iscoming: 0, staff: "202", service: "302" }),
    appt("6", "2026-11-28T23:00", { iscoming: 0, showstatus: 2, staff: "202" }), // not reminded
    appt("7", "2026-11-24T13:00", { isLozamin: true }),
    appt("8", "2026-11-27T09:00", { status: "cancelled", iscoming: 2, staff: "202" }),
    appt("9", "2026-11-29T09:00", { iscoming: 1 }), // the next week
  ];
  const record: WeekRecord = {
    reminders: new Map([
      ["1", 2],
      ["2", 1],
      ["3", 2],
      ["4", 1],
      ["5", 2],
      ["8", 1],
    ]),
    cancels: new Map([["8", { staffId: "202", serviceId: "301" }]]),
  };
  const [week] = computeStats({
    weeks: [at("2026-11-22T00:00")],
    appointments,
    records: new Map([["20261122", record]]),
    zone,
  });

  it("counts the site's week as a hand count does", () => {
    expect(week!.week).toBe("2026-11-22");
    expect(week!.total).toEqual({
      appointments: 6, // 1-6: live customer appointments (not the lozamin, the cancelled or next week's)
      reminded: 6, // 1, 2, 3, 4, 5, 8
      remindersSent: 9, // 2+1+2+1+2+1
      answered: 4, // 1, 2, 4, 8
      confirmed: 2, // 1, 2
      declined: 2, // 4, 8
      noAnswer: 2, // 3, 5
      noShowsConfirmed: 1, // 2
      noShowsUnanswered: 1, // 3 (6 was never reminded)
      noShows: 3, // 2, 3, 6
      cancelledByBot: 1, // 8
    });
  });

  it("splits it per staff member and per service", () => {
    const staff = Object.fromEntries(week!.byStaff.map((g) => [g.name, g.counts]));
    expect(staff["יוסי"]).toMatchObject({
      appointments: 3,
      reminded: 3,
      confirmed: 2,
      noAnswer: 1,
      noShows: 2,
    });
    expect(staff["מורן"]).toMatchObject({
      appointments: 3,
      reminded: 3,
      declined: 2,
      noAnswer: 1,
      noShows: 1,
      noShowsUnanswered: 0,
      cancelledByBot: 1,
    });
    const services = Object.fromEntries(week!.byService.map((g) => [g.name, g.counts]));
    expect(services["צבע"]).toMatchObject({
      appointments: 2,
      reminded: 2,
      remindersSent: 4,
      noShowsUnanswered: 1,
    });
    expect(services["תספורת"]).toMatchObject({
      appointments: 4,
      reminded: 4,
      remindersSent: 5,
      cancelledByBot: 1,
    });
  });

  it("prints tables with rates, and renders a page with a chart (names escaped)", () => {
    const text = formatStatsTable("barber", [week!]);
    const siteRow = text.split("\n").find((l) => l.startsWith("2026-11-22  all"))!;
    // The last column is the bookings the waitlist filled (none in this week).
    expect(siteRow.split(/\s+/)).toEqual("2026-11-22 all 6 6 9 4 2 2 2 1 1 3 1 33% 50% 0".split(" "));
    expect(text).toContain("barber: per staff member");
    const svg = statsChart([week!], en);
    expect(svg).toMatch(/^<svg/);
    expect(svg.match(/<rect /g)).toHaveLength(3); // confirmed, declined, no answer
    expect(svg).toContain("50% no-shows");
    expect(svg).toContain("Appointments reminded"); // the count axis is titled
    expect(svg).toContain("Week starting");
    const html = statsPage({ id: "barber", name: "<b>" }, [week!], en);
    expect(html).toContain("&lt;b&gt;: reminders");
    expect(html).not.toContain("<b>:");
    const hebrew = statsPage({ id: "barber", name: "מספרה" }, [week!], viewIn(translator, "he"));
    expect(hebrew).toContain('<html lang="he" dir="rtl">');
    expect(hebrew).toContain("מספרה: תזכורות, תשובות ואי־הגעות");
    expect(hebrew).toContain('data-label="שיעור אישורים"'); // a table row reads as a card on a phone
  });
});
