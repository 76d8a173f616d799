import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createRedisUsageBudget } from "../../../src/storage/usage-budget.ts";
import { Tor4YouUsageLimitError } from "../../../src/tor4you/errors.ts";
import { useRedisPrefix } from "./redis-prefix.ts";

const { redis, fresh } = useRedisPrefix();

/** A clock the test moves; `sleep` advances it instead of waiting. */
function fakeClock(startIso = "2024-03-10T10:00:00+02:00") {
  let t = Date.parse(startIso);
  const sleeps: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

async function settle(n: number, take: () => Promise<void>) {
  const results = await Promise.allSettled(Array.from({ length: n }, take));
  const admitted = results.filter((r) => r.status === "fulfilled").length;
  const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  return { admitted, refused };
}

describe("Redis usage budget", () => {
  it("admits exactly 60 of 200 parallel calls from two processes in one minute", async () => {
    const keys = fresh();
    const other = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    try {
      const clock = fakeClock();
      const opts = { keys, limits: { perMinute: 60, perDay: 20_000 }, maxWaitMs: 0, now: clock.now };
      const a = createRedisUsageBudget({ ...opts, redis });
      const b = createRedisUsageBudget({ ...opts, redis: other });
      let i = 0;
      const { admitted, refused } = await settle(200, () => (i++ % 2 ? a : b).acquire("barber"));
      expect(admitted).toBe(60);
      expect(refused).toHaveLength(140);
      for (const e of refused) {
        expect(e).toBeInstanceOf(Tor4YouUsageLimitError);
        expect(e).toMatchObject({ scope: "minute", source: "budget" });
        expect(e.retryAfterMs).toBeGreaterThan(0);
        expect(e.retryAfterMs).toBeLessThanOrEqual(60_000);
      }
    } finally {
      await other.quit();
    }
  });

  it("is a sliding minute: 30 s later still nothing, 60 s after the first call a unit is free", async () => {
    const keys = fresh();
    const clock = fakeClock();
    const budget = createRedisUsageBudget({
      redis,
      keys,
      limits: { perMinute: 3, perDay: 100 },
      maxWaitMs: 0,
      now: clock.now,
    });
    await budget.acquire("s");
    clock.advance(20_000);
    await budget.acquire("s");
    await budget.acquire("s");
    clock.advance(30_000); // 50 s after the first: a fixed minute window starting at 10:00:00 would still be full too
    await expect(budget.acquire("s")).rejects.toMatchObject({ scope: "minute", retryAfterMs: 10_000 });
    clock.advance(10_000);
    await expect(budget.acquire("s")).resolves.toBeUndefined();
    await expect(budget.acquire("s")).rejects.toBeInstanceOf(Tor4YouUsageLimitError);
  });

  it("waits for the minute budget when the wait is within bounds, and not past it", async () => {
    const keys = fresh();
    const clock = fakeClock();
    const budget = createRedisUsageBudget({
      redis,
      keys,
      limits: { perMinute: 2, perDay: 100 },
      maxWaitMs: 65_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    await budget.acquire("s");
    clock.advance(15_000);
    await budget.acquire("s");
    await budget.acquire("s"); // must wait until the first admission leaves the window
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(45_000);
    expect(clock.sleeps[0]).toBeLessThan(45_100);

    const impatient = createRedisUsageBudget({
      redis,
      keys,
      limits: { perMinute: 2, perDay: 100 },
      maxWaitMs: 5_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    await expect(impatient.acquire("s")).rejects.toMatchObject({ scope: "minute" });
    expect(clock.sleeps).toHaveLength(1);
  });

  it("really waits, in real time, then admits", async () => {
    const keys = fresh();
    let offset = 0;
    // Real sleeps, but a clock that starts 59.7 s into the window so the wait is short.
    const budget = createRedisUsageBudget({
      redis,
      keys,
      limits: { perMinute: 1, perDay: 100 },
      maxWaitMs: 2_000,
      now: () => Date.now() + offset,
    });
    await budget.acquire("s");
    offset = 59_700;
    const started = Date.now();
    await budget.acquire("s");
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(1_500);
  });

  it("stops for the day at the day budget, until Israel's midnight", async () => {
    const keys = fresh();
    const clock = fakeClock("2024-03-10T23:58:00+02:00");
    const budget = createRedisUsageBudget({
      redis,
      keys,
      limits: { perMinute: 100, perDay: 5 },
      maxWaitMs: 60_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    const { admitted, refused } = await settle(8, () => budget.acquire("s"));
    expect(admitted).toBe(5);
    expect(refused.map((e) => [e.scope, e.retryAfterMs])).toEqual(Array(3).fill(["day", 120_000]));
    expect(clock.sleeps).toEqual([]);
    clock.advance(120_000); // 00:00 in Israel: a new day
    await expect(budget.acquire("s")).resolves.toBeUndefined();
  });

  it("keeps sites apart and uses per-site limits", async () => {
    const keys = fresh();
    const clock = fakeClock();
    const budget = createRedisUsageBudget({
      redis,
      keys,
      limits: (site) => ({ perMinute: site === "big" ? 5 : 1, perDay: 100 }),
      maxWaitMs: 0,
      now: clock.now,
    });
    expect((await settle(10, () => budget.acquire("big"))).admitted).toBe(5);
    expect((await settle(10, () => budget.acquire("small"))).admitted).toBe(1);
  });

  it("keeps its keys under the prefix, with expiries", async () => {
    const keys = fresh();
    const budget = createRedisUsageBudget({ redis, keys, maxWaitMs: 0 });
    await budget.acquire("barber");
    const found = await redis.keys(`${keys.prefix}:*`);
    expect(found.sort()).toEqual(
      [
        keys.budgetDay("barber", found.find((k) => k.includes(":day:"))!.slice(-8)),
        keys.budgetMinute("barber"),
      ].sort(),
    );
    for (const k of found) expect(await redis.pttl(k)).toBeGreaterThan(0);
  });
});
