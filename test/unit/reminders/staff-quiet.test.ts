import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { staffSendTime } from "../../../src/reminders/staff-quiet.ts";

const zone = "Asia/Jerusalem";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");
const quiet = { startMinute: 21 * 60 + 30, endMinute: 8 * 60, text: "21:30-08:00" };

describe("when a staff message may go out", () => {
  const weekdays = staffSendTime({ quietHours: quiet, shabbatQuiet: false, timezone: zone });
  it("outside quiet hours: at once", () => {
    expect(iso(weekdays(at("2026-11-23T19:00")))).toBe("Mon 2026-11-23 19:00");
  });
  it("inside quiet hours: when they end, never earlier (it cannot precede its cause)", () => {
    expect(iso(weekdays(at("2026-11-23T22:10")))).toBe("Tue 2026-11-24 08:00");
    expect(iso(weekdays(at("2026-11-24T06:59")))).toBe("Tue 2026-11-24 08:00");
  });
  it("Shabbat holds it to havdalah, and quiet hours that begin before havdalah ends hold it to morning", () => {
    const withShabbat = staffSendTime({ quietHours: null, shabbatQuiet: true, timezone: zone });
    const friday = at("2026-11-27T19:00");
    const out = withShabbat(friday);
    expect(iso(out)).toMatch(/^Sat 2026-11-28 17:/);
    const both = staffSendTime({ quietHours: quiet, shabbatQuiet: true, timezone: zone });
    expect(iso(both(friday))).toMatch(/^Sat 2026-11-28 17:/);
    expect(iso(both(at("2026-11-28T23:00")))).toBe("Sun 2026-11-29 08:00");
  });
  it("no quiet settings: always at once", () => {
    const never = staffSendTime({ quietHours: null, shabbatQuiet: false, timezone: zone });
    expect(never(at("2026-11-28T12:00"))).toBe(at("2026-11-28T12:00"));
  });
});
