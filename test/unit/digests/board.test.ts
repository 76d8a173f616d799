import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type BoardRow, boardRow, KNOWN_REASONS, reasonMessage } from "../../../src/digests/board.ts";
import type { Appointment } from "../../../src/domain/appointment.ts";
import { boardHtml } from "../../../src/http/admin-board-section.ts";
import { viewIn } from "../../../src/http/admin-view.ts";
import { createTranslator, LOCALES, LOCALES_DIR } from "../../../src/i18n/translator.ts";

const zone = "Asia/Jerusalem";
const now = DateTime.fromISO("2026-11-23T19:00:00", { zone });
const translator = createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" });

function appt(over: Partial<Appointment> = {}): Appointment {
  const start = DateTime.fromISO("2026-11-24T10:00:00", { zone });
  return {
    id: "1",
    status: "live",
    start,
    end: start.plus({ minutes: 30 }),
    iscoming: 0,
    showstatus: 0,
    staffName: "מורן לוי",
    serviceName: "תספורת",
    customer: { first: "יעל ", last: "גולן", cell: "0544455667" },
    ...over,
  };
}
const facts = (over: Partial<Parameters<typeof boardRow>[1]> = {}) => ({
  sentOffsets: [],
  planned: [],
  planSkips: [],
  reachable: true,
  ...over,
});
const at = (iso: string) => DateTime.fromISO(iso, { zone });

describe("where a reminder stands", () => {
  it("an answer in Tor4You wins, whoever recorded it", () => {
    expect(boardRow(appt({ iscoming: 1 }), facts({ sentOffsets: [1440] }), now).state).toEqual({
      kind: "confirmed",
    });
    expect(boardRow(appt({ iscoming: 2 }), facts(), now).state).toEqual({ kind: "declined" });
  });

  it("sent with another to come; sent with none left is 'no answer', with a number to call", () => {
    const next = at("2026-11-23T21:30:00");
    const sent = boardRow(
      appt(),
      facts({ sentOffsets: [1440], planned: [{ offsetMin: 120, dueAt: next, adjusted: "quiet_hours" }] }),
      now,
    );
    expect(sent.state).toEqual({ kind: "sent", next });
    expect(sent.callCell).toBeUndefined();
    const silent = boardRow(appt(), facts({ sentOffsets: [1440, 120] }), now);
    expect(silent.state).toEqual({ kind: "no-answer" });
    expect(silent.callCell).toBe("0544455667");
    expect(silent.firstName).toBe("יעל");
    // The policy's "late booking" stand-in is not a reminder still to come once others went out.
    const late = facts({
      sentOffsets: [1440],
      planned: [{ offsetMin: 120, dueAt: now, adjusted: "late_booking" }],
    });
    expect(boardRow(appt(), late, now).state.kind).toBe("no-answer");
    // An appointment already begun gets no call button.
    expect(
      boardRow(appt({ start: now.minus({ hours: 1 }) }), facts({ sentOffsets: [120] }), now).callCell,
    ).toBeUndefined();
  });

  it("not sent yet (when it goes out) or not sent (the latest logged reason, else the planner's)", () => {
    const due = at("2026-11-24T08:00:00");
    expect(boardRow(appt(), facts({ planned: [{ offsetMin: 120, dueAt: due }] }), now).state).toEqual({
      kind: "scheduled",
      at: due,
      adjusted: undefined,
    });
    expect(
      boardRow(appt(), facts({ planSkips: ["window_passed"], lastDecision: "no_channel" }), now).state,
    ).toEqual({ kind: "not-sent", reason: "no_channel" });
    expect(boardRow(appt(), facts({ planSkips: ["window_passed"] }), now).state).toEqual({
      kind: "not-sent",
      reason: "window_passed",
    });
    expect(boardRow(appt({ tmpExpire: now.plus({ minutes: 30 }) }), facts(), now).state).toEqual({
      kind: "not-sent",
      reason: "temporary",
    });
  });
});

describe("reasons in words", () => {
  it.each(LOCALES)(
    "%s says every reason the product logs, and something for one it does not know",
    (locale) => {
      for (const reason of [...KNOWN_REASONS, "a_reason_added_later"]) {
        const id = reasonMessage(reason);
        expect(translator.has(locale, id), `${locale}: ${id}`).toBe(true);
        const words = translator.t(locale, id);
        // Codes that are plain English words ("cancelled") may appear in English sentences.
        if (reason.includes("_") || reason === "lozamin") expect(words).not.toContain(reason);
        expect(words).toMatch(/[:.]/); // what happened, and what to do
      }
      expect(reasonMessage("a_reason_added_later")).toBe("admin-reason-other");
    },
  );

  it("the board's HTML carries no reason code, no last name, and a phone only on the row to call", () => {
    const rows: BoardRow[] = [
      boardRow(appt({ id: "1" }), facts({ lastDecision: "no_channel" }), now),
      boardRow(
        appt({ id: "2", customer: { first: "דוד", last: "אברהם", cell: "0527654321" } }),
        facts({ sentOffsets: [1440] }),
        now,
      ),
      boardRow(appt({ id: "3" }), facts({ lastDecision: "quiet_unavoidable" }), now),
    ];
    const day = at("2026-11-24T00:00:00");
    const html = boardHtml(
      "barber",
      {
        zone,
        today: { day: now.startOf("day"), rows: [] },
        next: { day, rows, isTomorrow: true },
        updatedAt: now,
      },
      viewIn(translator, "he"),
    );
    expect(html).toContain("מחר, יום ג׳ 24.11");
    expect(html).toContain("אין צ׳אט מקושר: שתפו את קישור ההזמנה");
    expect(html).toContain('href="tel:+972527654321"');
    expect(html).toContain("052-765-4321");
    expect(html.match(/tel:/g)).toHaveLength(1);
    expect(html).not.toContain("0544455667");
    expect(html).not.toMatch(/no_channel|quiet_unavoidable|אברהם|גולן/);
  });
});
