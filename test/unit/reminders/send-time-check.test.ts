import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createSendTimeCheck } from "../../../src/reminders/send-time-check.ts";

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
