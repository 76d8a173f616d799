import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createSendTimeCheck } from "../../../src/reminders/send-time-check.ts";
import { Tor4YouUsageLimitError } from "../../../src/tor4you/errors.ts";

const NOW = DateTime.fromISO("2026-11-24T09:00:20Z");

describe("send-time verification when the site's scan fails", () => {
  it("reads the appointments alone for the rest of that minute instead of waiting again for each", async () => {
    let scans = 0;
    let waits = 0;
    const check = createSendTimeCheck({
      freshAt: async () => 0,
      takeTurn: async () => scans === 0, // the first caller of the minute takes the turn
      scan: async () => {
        scans++;
        throw new Error("refused");
      },
      snapshot: async () => null,
      now: () => NOW,
      sleep: async () => {
        waits++;
      },
      waitMs: 50,
    });
    expect(await check.appointment("s1", "1")).toBeNull();
    for (let i = 0; i < 20; i++) expect(await check.appointment("s1", String(i + 2))).toBeNull();
    expect(scans).toBe(1);
    expect(waits).toBe(0);
  });

  it("a caller that waited in vain for another process's scan does not wait again that minute", async () => {
    let waits = 0;
    const check = createSendTimeCheck({
      freshAt: async () => 0,
      takeTurn: async () => false, // another process runs this minute's scan and never finishes it
      scan: async () => undefined,
      snapshot: async () => null,
      now: () => NOW,
      sleep: async () => {
        waits++;
        await new Promise((r) => setTimeout(r, 5));
      },
      waitMs: 30,
    });
    expect(await check.appointment("s1", "1")).toBeNull();
    const first = waits;
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) await check.appointment("s1", String(i + 2));
    expect(waits).toBe(first);
  });
});

describe("send-time verification when the site's API budget for the minute is spent", () => {
  const spent = () => new Tor4YouUsageLimitError({ scope: "minute", retryAfterMs: 42_000, source: "budget" });

  it("tells the caller when the budget frees and gives the minute's turn back, instead of reading each appointment alone", async () => {
    let turnHeld = false;
    let scans = 0;
    let budgetSpent = true;
    const check = createSendTimeCheck({
      freshAt: async () => (scans > 0 ? NOW.toMillis() : 0),
      takeTurn: async () => {
        if (turnHeld) return false;
        turnHeld = true;
        return true;
      },
      releaseTurn: async () => {
        turnHeld = false;
      },
      scan: async () => {
        if (budgetSpent) throw spent();
        scans++;
      },
      snapshot: async (_site, id) => ({ id }) as never,
      now: () => NOW,
      sleep: async () => {},
      waitMs: 50,
    });
    const err = await check.appointment("s1", "1").catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouUsageLimitError);
    expect(err.retryAfterMs).toBe(42_000);
    expect(turnHeld).toBe(false);
    // Same minute, the budget has freed: the scan runs and verifies.
    budgetSpent = false;
    expect(await check.appointment("s1", "2")).toEqual({ id: "2" });
    expect(scans).toBe(1);
  });

  it("a caller waiting for another process's scan runs it itself when that one gives the turn back", async () => {
    let takes = 0;
    let scans = 0;
    const check = createSendTimeCheck({
      freshAt: async () => (scans > 0 ? NOW.toMillis() : 0),
      // Another process holds the turn at first, then its scan waits for the budget and releases it.
      takeTurn: async () => ++takes > 2,
      releaseTurn: async () => {},
      scan: async () => {
        scans++;
      },
      snapshot: async (_site, id) => ({ id }) as never,
      now: () => NOW,
      sleep: async () => {
        await new Promise((r) => setTimeout(r, 1));
      },
      waitMs: 1_000,
    });
    expect(await check.appointment("s1", "7")).toEqual({ id: "7" });
    expect(scans).toBe(1);
  });
});
