import { describe, expect, it } from "vitest";
import { createRedisCursorStore } from "../../../src/storage/cursors.ts";
import { scanChanges } from "../../../src/tor4you/scan.ts";
import { appt, fakeApptlist } from "../../unit/tor4you/fake-apptlist.ts";
import { useRedisPrefix } from "./redis-prefix.ts";

const { redis, fresh } = useRedisPrefix();

describe("Redis cursor store", () => {
  it("stores per site and signature, with an expiry", async () => {
    const keys = fresh();
    const store = createRedisCursorStore({ redis, keys, ttlMs: 60_000 });
    expect(await store.get("a", "sig")).toBeUndefined();
    await store.set("a", "sig", "20240301123456000");
    await store.set("b", "sig", "20240301999999999");
    expect(await store.get("a", "sig")).toBe("20240301123456000");
    expect(await store.get("a", "other")).toBeUndefined();
    const ttl = await redis.pttl(keys.apptlistCursor("a", "sig"));
    expect(ttl).toBeGreaterThan(50_000);
  });

  it("lets a second process's scan of the same query cost one 'no new information' call", async () => {
    const keys = fresh();
    const fake = fakeApptlist([appt("1", "20240302")]);
    const query = { from: "20240301", to: "20240331", format: 2 as const };
    const first = createRedisCursorStore({ redis, keys });
    const second = createRedisCursorStore({ redis, keys });
    await scanChanges({ client: fake.source, cursors: first }, query, () => {});
    const r = await scanChanges({ client: fake.source, cursors: second }, query, () => {
      throw new Error("nothing changed, so this must not run");
    });
    expect(r).toMatchObject({ changed: false, calls: 1 });
    expect(fake.calls.at(-1)?.lu).toBe("20240101000000000");
  });
});
