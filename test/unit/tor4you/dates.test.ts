import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.ts";
import {
  formatApiDate,
  formatApiMinute,
  formatLu,
  formatWebhookDate,
  isLu,
  parseApiDate,
  parseApiMinute,
  parseApiTimestamp,
  parseLu,
  parseWebhookDate,
} from "../../../src/tor4you/dates.ts";

const Z = "Asia/Jerusalem";

describe("API date formats", () => {
  it("round-trips YYYYMMDDhhmm in Israel time, whatever zone the DateTime is in", () => {
    const dt = parseApiMinute("202611241430");
    expect(dt.zoneName).toBe(Z);
    expect(dt.toISO()).toBe("2026-11-24T14:30:00.000+02:00");
    expect(formatApiMinute(dt.setZone("UTC"))).toBe("202611241430");
    expect(parseApiMinute(202611241430).toMillis()).toBe(dt.toMillis());
  });

  it("reads YYYYMMDD and lu", () => {
    expect(parseApiDate("20260701").toISODate()).toBe("2026-07-01");
    expect(formatApiDate(DateTime.fromISO("2026-06-30T22:30:00Z"))).toBe("20260701");
    const lu = parseLu("20200101123456789");
    expect(lu.toISO()).toBe("2020-01-01T12:34:56.789+02:00");
    expect(formatLu(lu)).toBe("20200101123456789");
    expect(isLu("20200101123456789")).toBe(true);
    expect(isLu("2020010112345678")).toBe(false);
  });

  it("reads the webhook's dd/mm/YYYY HH:MM:SS, escaped slashes too", () => {
    const a = parseWebhookDate("24/11/2026 09:05:00");
    expect(a.toISO()).toBe("2026-11-24T09:05:00.000+02:00");
    expect(parseWebhookDate("24\\/11\\/2026 09:05:00").toMillis()).toBe(a.toMillis());
    expect(formatWebhookDate(a)).toBe("24/11/2026 09:05:00");
  });

  it.each([
    ["202602301000", "Feb 30"],
    ["202611242460", "24:60"],
    ["2026112414", "too short"],
    ["20261124143x", "not digits"],
  ])("refuses %s (%s)", (s) => {
    expect(() => parseApiMinute(s)).toThrow(InvalidInputError);
  });

  it("refuses impossible webhook dates", () => {
    expect(() => parseWebhookDate("31/02/2026 10:00:00")).toThrow(InvalidInputError);
    expect(() => parseWebhookDate("2026-11-24 10:00")).toThrow(InvalidInputError);
  });
});

describe("other date forms an answer may carry", () => {
  it.each([
    ["2026-03-05 10:00:00.000", "2026-03-05 10:00"], // DATETIME(3)
    ["2026-03-05T08:00:00Z", "2026-03-05 10:00"], // UTC, shown in Israel
    ["2026-03-05T10:00:00+02:00", "2026-03-05 10:00"],
    ["2026-07-05T10:00:00.5+03:00", "2026-07-05 10:00"],
  ])("'%s' is %s in Israel", (input, local) => {
    const dt = parseApiTimestamp(input);
    expect(dt.toFormat("yyyy-MM-dd HH:mm")).toBe(local);
    expect(dt.zoneName).toBe("Asia/Jerusalem");
  });
});

describe("DST in Asia/Jerusalem", () => {
  it("the missing spring hour (27 Mar 2026 02:00-03:00) moves forward by the gap", () => {
    const dt = parseApiMinute("202603270230");
    expect(dt.toISO()).toBe("2026-03-27T03:30:00.000+03:00");
    // an hour before and after are exactly 2h apart in real time, though 2h on the wall clock too
    const before = parseApiMinute("202603270130");
    const after = parseApiMinute("202603270330");
    expect(after.diff(before, "minutes").minutes).toBe(60);
  });

  it("the repeated autumn hour (25 Oct 2026 01:00-02:00) is read consistently and round-trips", () => {
    const dt = parseApiMinute("202610250130");
    expect(formatApiMinute(dt)).toBe("202610250130");
    const midnight = parseApiMinute("202610250000");
    const twoAm = parseApiMinute("202610250200");
    // two wall-clock hours that took three real hours
    expect(twoAm.diff(midnight, "hours").hours).toBe(3);
  });

  it("a day of appointments across the switch keeps wall-clock times", () => {
    const start = parseApiMinute("202610242300");
    const next = start.plus({ hours: 4 });
    expect(formatApiMinute(next)).toBe("202610250200");
  });
});
