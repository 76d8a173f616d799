import { spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { ensureRedis, RedisUnavailableError } from "../../src/roles/redis-access.ts";

const NOWHERE = "redis://127.0.0.1:1";
const haveRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

describe("when no Redis answers", () => {
  it("a real deployment stops with a line that says how to get one", async () => {
    const said: string[] = [];
    const e = await ensureRedis(NOWHERE, { demo: false, say: (l) => said.push(l) }).catch((x) => x);
    expect(e).toBeInstanceOf(RedisUnavailableError);
    expect(e.message).toMatch(/^REDIS_URL: no Redis answers at redis:\/\/127\.0\.0\.1:1\. Start one with/);
    expect(e.message).toMatch(/docker-compose up -d redis/);
    expect(e.message).toMatch(/apt-get install redis-server/);
  });

  it.skipIf(!haveRedisServer)("the demo starts a private redis-server, and stops it when done", async () => {
    const said: string[] = [];
    const r = await ensureRedis(NOWHERE, { demo: true, say: (l) => said.push(l) });
    expect(said.join("\n")).toMatch(/started a private redis-server for the demo/);
    const client = new Redis(r.url);
    expect(await client.ping()).toBe("PONG");
    client.disconnect();
    await r.stop();
  });

  it("a Redis that answers is used as it is", async () => {
    const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const r = await ensureRedis(url, { demo: true, say: () => {} });
    expect(r.url).toBe(url);
  });
});
