import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { Faults } from "../../../src/emulator/faults.ts";
import { Store } from "../../../src/emulator/store.ts";
import { UsageMeter } from "../../../src/emulator/usage.ts";
import { TOR4YOU_ZONE } from "../../../src/tor4you/dates.ts";

const T = DateTime.fromObject({ year: 2026, month: 1, day: 4, hour: 8 }, { zone: TOR4YOU_ZONE });

describe("Store change stamps", () => {
  it("are strictly increasing under a frozen clock and come after any cursor handed out", () => {
    const store = new Store(() => T);
    const a = store.stamp();
    const b = store.stamp();
    expect(+b).toBeGreaterThan(+a);
    const cursor = store.cursorNow();
    expect(+store.stamp()).toBeGreaterThan(+cursor);
  });
});

describe("UsageMeter", () => {
  it("counts per site in calendar-minute and calendar-day windows", () => {
    const m = new UsageMeter({ perMinute: 2, perDay: 3 });
    expect(m.take("a", T)).toBeNull();
    expect(m.take("a", T.plus({ seconds: 59 }))).toBeNull();
    expect(m.take("a", T.plus({ seconds: 59 }))).toBe("minute");
    expect(m.take("b", T)).toBeNull();
    expect(m.take("a", T.plus({ minutes: 1 }))).toBeNull();
    expect(m.take("a", T.plus({ minutes: 2 }))).toBe("day");
    expect(m.snapshot("a")).toEqual({ minute: 0, day: 3 });
    expect(m.take("a", T.plus({ days: 1 }).startOf("day"))).toBeNull();
  });
});

describe("Faults", () => {
  it("stacks latency, spends counts, honours call filters and lets one failure win", () => {
    const f = new Faults();
    f.add({ mode: "latency", ms: 100 });
    f.add({ mode: "latency", ms: 50, count: 1 });
    f.add({ mode: "http500", count: 1, calls: ["apptlist"] });
    f.add({ mode: "drop", count: 2 });
    expect(f.decide("siteinfo")).toEqual({ delayMs: 150, fail: "drop" });
    expect(f.decide("apptlist")).toEqual({ delayMs: 100, fail: "http500" });
    expect(f.decide("apptlist")).toEqual({ delayMs: 100, fail: "drop" });
    expect(f.decide("apptlist")).toEqual({ delayMs: 100, fail: null });
    f.clear();
    expect(f.decide("apptlist")).toEqual({ delayMs: 0, fail: null });
  });
});
