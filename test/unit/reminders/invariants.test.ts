import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createReminderPlanner, isPlanned, rawDueTime } from "../../../src/reminders/policy.ts";
import { H, hebcalTimes, M, policy, zone } from "./helpers.ts";

/**
 * Every appointment start every 53 minutes through 2026, offsets 48h/24h/3h/2h/90m, a fixed
 * `now` before the year: no plan ever breaks what a customer would notice.
 */
describe("over a whole year of appointments", () => {
  const p = policy({ offsetsMs: [48 * H, 24 * H, 3 * H, 2 * H, 90 * M] });
  const planner = createReminderPlanner(p);
  const now = DateTime.fromISO("2025-12-20T00:00", { zone });
  const first = DateTime.fromISO("2026-01-01T00:00", { zone });
  const starts: DateTime[] = [];
  for (let t = first; t.year === 2026; t = t.plus({ minutes: 53 })) starts.push(t);

  // Hebcal's own Shabbat/yom tov times (20-min candle-lighting): a reminder must never be between
  // its candle-lighting and its havdalah.
  const { candles, havdalot } = hebcalTimes("2025-12-25", "2027-01-05");
  const holy: Array<[number, number]> = [];
  for (const c of candles) {
    const end = havdalot.find((h) => h > c);
    if (end && !holy.some(([s, e]) => c.toMillis() >= s && c.toMillis() < e))
      holy.push([c.toMillis(), end.toMillis()]);
  }

  it("every reminder is before its appointment, never after its due time, outside quiet hours and Shabbat", () => {
    const problems: string[] = [];
    const bad = (start: DateTime, r: unknown, what: string) =>
      problems.push(`${start.toISO()} ${JSON.stringify(r)}: ${what}`);
    let planned = 0;
    let moved = 0;
    for (const start of starts) {
      let last = Number.NEGATIVE_INFINITY;
      for (const r of planner({ status: "live", start }, now)) {
        if (!isPlanned(r)) {
          if (r.skip !== "duplicate") bad(start, r, "unexpected skip");
          continue;
        }
        planned++;
        const due = r.dueAt.toMillis();
        const raw = rawDueTime(start, r.offsetMs, zone).toMillis();
        const local = r.dueAt.setZone(zone);
        const minute = local.hour * 60 + local.minute;
        if (due >= start.toMillis()) bad(start, r, "not before the appointment");
        if (due > raw) bad(start, r, "later than start − offset");
        if (!r.adjusted && due !== raw) bad(start, r, "moved without a reason");
        if (due <= last) bad(start, r, "not after the previous reminder");
        if (minute > 21 * 60 + 30 || minute < 8 * 60) bad(start, r, "in quiet hours");
        if (holy.some(([s, e]) => due > s && due < e)) bad(start, r, "during Shabbat or yom tov");
        if (local.second !== 0 || local.millisecond !== 0) bad(start, r, "not on a whole minute");
        if (r.adjusted) moved++;
        last = due;
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(planned).toBeGreaterThan(starts.length * 3);
    expect(moved).toBeGreaterThan(starts.length / 3);
  });

  it("plans thousands of appointments fast once the year is cached (well under 50 µs each)", () => {
    planner({ status: "live", start: starts[0]! }, now);
    const t0 = performance.now();
    for (const start of starts) planner({ status: "live", start }, now);
    const perCall = ((performance.now() - t0) * 1000) / starts.length;
    // measured ~15 µs with 5 offsets; the bound is loose for slow CI machines but catches a
    // missing cache (recomputing Hebcal's year costs milliseconds per call)
    expect(perCall).toBeLessThan(200);
  });
});
