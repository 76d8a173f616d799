import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { luaScript } from "../../../src/storage/lua.ts";
import { useRedisPrefix } from "../../support/redis-prefix.ts";

const { redis, fresh } = useRedisPrefix();

describe("a Lua script called by its digest", () => {
  it("runs on a server that has never seen it, and is known to it from then on", async () => {
    const { prefix } = fresh();
    // A body no server has met: the first call finds no script under the digest.
    const body = `-- ${randomUUID()}\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])`;
    const sha = createHash("sha1").update(body).digest("hex");
    const incr = luaScript(body);
    expect(await redis.script("EXISTS", sha)).toEqual([0]);
    expect(await incr(redis, [`${prefix}:n`], [2])).toBe(2);
    expect(await redis.script("EXISTS", sha)).toEqual([1]);
    expect(await incr(redis, [`${prefix}:n`], ["3"])).toBe(5);
  });

  it("passes a script's own error on", async () => {
    const { prefix } = fresh();
    const fail = luaScript(`-- ${randomUUID()}\nreturn redis.error_reply('NOPE not today')`);
    await expect(fail(redis, [`${prefix}:x`], [])).rejects.toThrow(/NOPE not today/);
  });
});
