import { describe, expect, it } from "vitest";
import { createRedisUsageBudget } from "../../../src/storage/usage-budget.ts";
import { readAppointment } from "../../../src/tor4you/appointment-reading.ts";
import { Tor4YouUsageLimitError } from "../../../src/tor4you/errors.ts";
import { failure, OPEN_SITE, T0, useEmulator, useRedis } from "./harness.ts";

// The emulator enforces the same 5 a minute, so a call our budget let through too many would be
// refused by "Tor4You" (source "api") rather than by the budget.
const emu = useEmulator(undefined, { limits: { perMinute: 5 } });
const { redis, keys } = useRedis();
const limits = { perMinute: 5, perDay: 1_000 };

describe("the shared Redis usage budget in front of the emulator", () => {
  it("the 6th call in a minute fails with Tor4YouUsageLimitError (budget) and is never sent", async () => {
    const t = await emu.fresh();
    const budget = createRedisUsageBudget({ redis, keys: keys(), limits, maxWaitMs: 0 });
    const c = t.client(OPEN_SITE, { budget });
    for (let i = 0; i < 5; i++) await c.siteinfo();
    const err = await failure(() => c.staff());
    expect(err).toBeInstanceOf(Tor4YouUsageLimitError);
    expect(err).toMatchObject({ source: "budget", scope: "minute" });
    expect((err as Tor4YouUsageLimitError).call?.endpoint).toBe("staff");
    expect(t.requests).toHaveLength(5);
    expect(t.em.usage.snapshot(OPEN_SITE).minute).toBe(5);
  });

  it("is shared: two clients (two processes) on the same keys get 5 calls between them, even in parallel", async () => {
    const t = await emu.fresh();
    const k = keys();
    const a = t.client(OPEN_SITE, {
      budget: createRedisUsageBudget({ redis, keys: k, limits, maxWaitMs: 0 }),
    });
    const b = t.client(OPEN_SITE, {
      budget: createRedisUsageBudget({ redis, keys: k, limits, maxWaitMs: 0 }),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a.siteinfo() : b.branches())),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results
      .filter((r) => r.status === "rejected")
      .map((r) => (r as PromiseRejectedResult).reason);
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(3);
    for (const e of refused) expect(e).toMatchObject({ source: "budget" });
    expect(t.requests).toHaveLength(5);
  });

  it("every retry takes a unit: a read retried twice leaves room for two more calls", async () => {
    const t = await emu.fresh();
    const c = t.client(OPEN_SITE, {
      budget: createRedisUsageBudget({ redis, keys: keys(), limits, maxWaitMs: 0 }),
    });
    await t.fault({ mode: "http500", count: 2 });
    await c.siteinfo();
    await c.siteinfo();
    await c.siteinfo();
    await expect(c.siteinfo()).rejects.toMatchObject({ source: "budget" });
    expect(t.requests).toHaveLength(5);
  });

  it("with time to wait, the 6th call waits for the minute to free up and then goes through", async () => {
    const t = await emu.fresh();
    // The budget's clock and sleep are the emulator's: waiting moves both forward together.
    let nowMs = T0.toMillis();
    const waits: number[] = [];
    const budget = createRedisUsageBudget({
      redis,
      keys: keys(),
      limits,
      maxWaitMs: 90_000,
      now: () => nowMs,
      sleep: async (ms) => {
        waits.push(ms);
        nowMs += ms;
        t.em.clock.advance(ms);
      },
    });
    const c = t.client(OPEN_SITE, { budget });
    for (let i = 0; i < 5; i++) {
      await c.siteinfo();
      nowMs += 1_000;
      t.em.clock.advance(1_000);
    }
    await expect(c.siteinfo()).resolves.toMatchObject({ siteId: OPEN_SITE });
    // It waited until the first call of the window was a minute old: 60 s after it, 55 s after the 5th.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(55_000);
    expect(waits[0]).toBeLessThan(55_000 + 100);
    expect(t.requests).toHaveLength(6);
    // The emulator counted it in a new minute: never more than 5 in one.
    expect(t.em.usage.snapshot(OPEN_SITE)).toEqual({ minute: 1, day: 6 });
  });
});

describe("an appointment read while the minute's budget is spent", () => {
  it("is unknown (never gone) and says when to ask again, without a list call the budget would refuse too", async () => {
    const t = await emu.fresh();
    const c = t.client(OPEN_SITE, {
      budget: createRedisUsageBudget({ redis, keys: keys(), limits, maxWaitMs: 0 }),
    });
    for (let i = 0; i < 5; i++) await c.siteinfo();
    const reading = await readAppointment(c, "123", { day: T0 });
    expect(reading).toMatchObject({ kind: "unknown", reason: "tor4you_usage_limit" });
    const after = (reading as { retryAfterMs?: number }).retryAfterMs;
    expect(after).toBeGreaterThan(55_000);
    expect(after).toBeLessThanOrEqual(60_000);
    expect(t.requests).toHaveLength(5);
  });
});
