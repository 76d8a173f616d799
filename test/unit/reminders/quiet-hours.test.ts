import { describe, expect, it } from "vitest";
import { dailyQuietSource, earliestQuietEdge, mergeIntervals } from "../../../src/reminders/quiet-windows.ts";
import { at, H, plan } from "./helpers.ts";

// Weekdays Mon 16 - Thu 19 March 2026, far from Shabbat; quiet hours 21:30-08:00 unless said.
const NOW = "2026-03-16T09:00";
const noShabbat = { shabbatQuiet: false };

describe("quiet hours 21:30-08:00 (wrapping midnight)", () => {
  it("a reminder due at 23:00 moves earlier to 21:30 the same evening", () => {
    expect(plan("2026-03-18T23:00", NOW, { offsetsMs: [24 * H] })).toEqual([
      "1440m Tue 2026-03-17 21:30 +02:00 quiet_hours",
    ]);
  });

  it("a reminder due at 07:00 moves to 21:30 the previous evening", () => {
    expect(plan("2026-03-18T09:00", NOW, { offsetsMs: [2 * H] })).toEqual([
      "120m Tue 2026-03-17 21:30 +02:00 quiet_hours",
    ]);
  });

  it("an 08:15 appointment's 2h reminder (due 06:15) goes out at 21:30 the evening before", () => {
    expect(plan("2026-03-18T08:15", NOW)).toEqual([
      "1440m Tue 2026-03-17 08:15 +02:00",
      "120m Tue 2026-03-17 21:30 +02:00 quiet_hours",
    ]);
  });

  it("a reminder due before the window, or exactly at one of its edges, is unchanged", () => {
    expect(plan("2026-03-18T23:00", NOW, { offsetsMs: [2 * H] })).toEqual([
      "120m Wed 2026-03-18 21:00 +02:00",
    ]);
    expect(plan("2026-03-18T23:30", NOW, { offsetsMs: [2 * H] })).toEqual([
      "120m Wed 2026-03-18 21:30 +02:00",
    ]);
    expect(plan("2026-03-18T10:00", NOW, { offsetsMs: [2 * H] })).toEqual([
      "120m Wed 2026-03-18 08:00 +02:00",
    ]);
    // one minute inside either edge is held
    expect(plan("2026-03-18T23:31", NOW, { offsetsMs: [2 * H] })).toEqual([
      "120m Wed 2026-03-18 21:30 +02:00 quiet_hours",
    ]);
    expect(plan("2026-03-18T09:59", NOW, { offsetsMs: [2 * H] })).toEqual([
      "120m Tue 2026-03-17 21:30 +02:00 quiet_hours",
    ]);
  });

  it("an appointment inside the quiet window still gets its reminders before it, never after", () => {
    // 07:00 appointment: 2h due 05:00 and 24h due 07:00 the day before both move to an evening.
    expect(plan("2026-03-18T07:00", NOW)).toEqual([
      "1440m Mon 2026-03-16 21:30 +02:00 quiet_hours",
      "120m Tue 2026-03-17 21:30 +02:00 quiet_hours",
    ]);
    // 22:00 appointment, 30m reminder due 21:30 (at the edge) and 15m due 21:45 (inside): both at 21:30,
    // so the customer gets one message, not two.
    expect(plan("2026-03-18T22:00", NOW, { offsetsMs: [30 * 60_000, 15 * 60_000] })).toEqual([
      "30m Wed 2026-03-18 21:30 +02:00",
      "15m skip duplicate",
    ]);
  });

  it("a reminder whose window start has already passed is skipped (quiet_unavoidable)", () => {
    // now 22:00; the 2h reminder for 09:00 tomorrow would be 07:00, moved to 21:30, already past.
    expect(plan("2026-03-18T09:00", "2026-03-17T22:00")).toEqual([
      "1440m skip window_passed",
      "120m skip quiet_unavoidable",
    ]);
    // now exactly 21:30: it can still go out now
    expect(plan("2026-03-18T09:00", "2026-03-17T21:30")).toEqual([
      "1440m skip window_passed",
      "120m Tue 2026-03-17 21:30 +02:00 quiet_hours",
    ]);
  });

  it("off: nothing moves", () => {
    expect(plan("2026-03-18T08:15", NOW, { quietHours: null, ...noShabbat })).toEqual([
      "1440m Tue 2026-03-17 08:15 +02:00",
      "120m Wed 2026-03-18 06:15 +02:00",
    ]);
    expect(plan("2026-03-18T23:00", NOW, { quietHours: null, offsetsMs: [24 * H] })).toEqual([
      "1440m Tue 2026-03-17 23:00 +02:00",
    ]);
  });
});

describe("quiet hours that do not wrap midnight", () => {
  const siesta = { quietHours: { startMinute: 13 * 60, endMinute: 15 * 60 } };
  it("a reminder due inside moves to the start the same day; outside it is unchanged", () => {
    expect(plan("2026-03-18T16:00", NOW, { ...siesta, offsetsMs: [2 * H] })).toEqual([
      "120m Wed 2026-03-18 13:00 +02:00 quiet_hours",
    ]);
    expect(plan("2026-03-18T17:00", NOW, { ...siesta, offsetsMs: [2 * H] })).toEqual([
      "120m Wed 2026-03-18 15:00 +02:00",
    ]);
    expect(plan("2026-03-18T12:00", NOW, { ...siesta, offsetsMs: [2 * H] })).toEqual([
      "120m Wed 2026-03-18 10:00 +02:00",
    ]);
    // no night-time quiet with this setting
    expect(plan("2026-03-18T08:15", NOW, { ...siesta, offsetsMs: [2 * H] })).toEqual([
      "120m Wed 2026-03-18 06:15 +02:00",
    ]);
  });

  it("a window from midnight (00:00-06:00) holds early-morning reminders to midnight", () => {
    expect(
      plan("2026-03-18T07:00", NOW, { quietHours: { startMinute: 0, endMinute: 360 }, offsetsMs: [2 * H] }),
    ).toEqual(["120m Wed 2026-03-18 00:00 +02:00 quiet_hours"]);
  });
});

describe("quiet window building blocks", () => {
  it("finds tonight's and last night's window of a wrapping range", () => {
    const q = dailyQuietSource({ startMinute: 1290, endMinute: 480 }, "Asia/Jerusalem");
    const w = q.containing(at("2026-03-18T23:00").toMillis());
    expect(w && [w.startMs, w.endMs]).toEqual([
      at("2026-03-18T21:30").toMillis(),
      at("2026-03-19T08:00").toMillis(),
    ]);
    const m = q.containing(at("2026-03-18T03:00").toMillis());
    expect(m && [m.startMs, m.endMs]).toEqual([
      at("2026-03-17T21:30").toMillis(),
      at("2026-03-18T08:00").toMillis(),
    ]);
    expect(q.containing(at("2026-03-18T12:00").toMillis())).toBeUndefined();
    expect(q.containing(at("2026-03-18T21:30").toMillis())).toBeUndefined();
    expect(q.containing(at("2026-03-18T21:30:01").toMillis())).toBeDefined();
  });

  it("merges overlapping and touching intervals", () => {
    expect(
      mergeIntervals([
        { startMs: 10, endMs: 20 },
        { startMs: 0, endMs: 5 },
        { startMs: 15, endMs: 30 },
        { startMs: 30, endMs: 40 },
        { startMs: 50, endMs: 50 },
      ]),
    ).toEqual([
      { startMs: 0, endMs: 5 },
      { startMs: 10, endMs: 40 },
    ]);
  });

  it("follows chained windows to the earliest edge and leaves free times alone", () => {
    const a = {
      containing: (ms: number) =>
        ms > 100 && ms < 200 ? { startMs: 100, endMs: 200, kind: "shabbat" as const } : undefined,
    };
    const b = {
      containing: (ms: number) =>
        ms > 50 && ms < 120 ? { startMs: 50, endMs: 120, kind: "quiet_hours" as const } : undefined,
    };
    expect(earliestQuietEdge(150, [a, b])).toEqual({ ms: 50, kind: "quiet_hours" });
    expect(earliestQuietEdge(150, [b, a])).toEqual({ ms: 50, kind: "quiet_hours" });
    expect(earliestQuietEdge(250, [a, b])).toEqual({ ms: 250, kind: undefined });
    expect(earliestQuietEdge(100, [a, b])).toEqual({ ms: 50, kind: "quiet_hours" });
  });
});
