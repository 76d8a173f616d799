import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { digits, inZone } from "../../../src/core/zones.ts";
import { inclusiveDays } from "../../../src/tor4you/inputs.ts";

// Around Israel's clock changes (last Friday of March, last Sunday of October), at midnight and at
// the hours that do not exist or come twice, in three years, and in another zone.
const instants = [
  "2026-03-27T01:59:00Z",
  "2026-03-27T00:00:00Z",
  "2026-03-26T22:00:00Z",
  "2026-10-24T22:59:00Z",
  "2026-10-24T23:30:00Z",
  "2026-10-25T00:00:00Z",
  "2026-12-31T21:59:00Z",
  "2026-12-31T22:00:00Z",
  "2027-01-01T09:05:00Z",
  "2028-02-29T23:45:00Z",
].map((iso) => DateTime.fromISO(iso, { zone: "utc" }));
const zones = ["Asia/Jerusalem", "Europe/Moscow", "America/New_York"];
const forms = ["yyyyMMdd", "yyyyMMddHHmm", "HH:mm", "dd.MM", "dd.MM.yyyy"] as const;

describe("the dates written in every request and reply", () => {
  it("read the same as luxon's own formatting, in each zone, across clock changes", () => {
    for (const t of instants)
      for (const zone of zones) {
        const mine = inZone(t, zone);
        const luxons = t.setZone(zone);
        expect(mine.toMillis()).toBe(luxons.toMillis());
        expect(mine.offset).toBe(luxons.offset);
        for (const form of forms) expect(digits(mine, form)).toBe(luxons.toFormat(form));
      }
  });

  it("leave UTC and unknown zone names to luxon, as configured sites may name them", () => {
    const t = instants[0]!;
    expect(inZone(t, "UTC").toISO()).toBe(t.setZone("UTC").toISO());
    expect(inZone(t, "UTC").zone.isUniversal).toBe(true);
    expect(inZone(t, "Mars/Olympus").isValid).toBe(false);
    expect(inZone(t, "Asia/Jerusalem").toISO()).toBe(t.setZone("Asia/Jerusalem").toISO());
  });

  it("keep luxon's words for a date that is not valid", () => {
    expect(digits(DateTime.invalid("bad input"), "HH:mm")).toBe("Invalid DateTime");
  });

  it("count calendar days across a 23-hour and a 25-hour day as luxon does", () => {
    const day = (iso: string, zone = "Asia/Jerusalem") => DateTime.fromISO(iso, { zone });
    const pairs: [DateTime, DateTime][] = [
      [day("2026-03-26T23:30"), day("2026-03-28T00:10")],
      [day("2026-10-24T10:00"), day("2026-10-26T01:00")],
      [day("2026-12-31T23:59"), day("2027-01-01T00:00")],
      [day("2026-05-10T08:00"), day("2026-05-10T20:00")],
      [day("2026-05-12T08:00"), day("2026-05-10T20:00")],
      [inZone(day("2026-03-26T10:00"), "Asia/Jerusalem"), day("2026-04-02T10:00")],
      [day("2026-05-10T01:00"), day("2026-05-10T01:00", "utc")],
    ];
    const luxons = (a: DateTime, b: DateTime) =>
      Math.round(b.startOf("day").diff(a.startOf("day"), "days").days) + 1;
    expect(pairs.map(([a, b]) => inclusiveDays(a, b))).toEqual(pairs.map(([a, b]) => luxons(a, b)));
    expect(pairs.map(([a, b]) => inclusiveDays(a, b)).slice(0, 5)).toEqual([3, 3, 2, 1, -1]);
  });
});
