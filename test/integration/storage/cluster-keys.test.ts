import { describe, expect, it } from "vitest";
import { queueOptions } from "../../../jobs/queues.ts";
import { createChatDirectory } from "../../../src/storage/chat-directory.ts";
import {
  createChatLock,
  createIdentityStore,
  createInboundDedupe,
} from "../../../src/storage/chat-stores.ts";
import { createDecisionLog } from "../../../src/storage/decision-log.ts";
import { deleteKeysUnder } from "../../../src/storage/prefix-cleanup.ts";
import { isCluster, mastersOf } from "../../../src/storage/redis-connection.ts";
import { createReminderLedger } from "../../../src/storage/reminder-ledger.ts";
import { createRedisUsageBudget } from "../../../src/storage/usage-budget.ts";
import { useRedisPrefix } from "../../support/redis-prefix.ts";

/**
 * The stores' multi-key commands (transactions, Lua scripts) on whatever Redis the run has: on the
 * `cluster` project these would fail with CROSSSLOT if a site's keys were spread over slots.
 */
const { redis, fresh } = useRedisPrefix();

describe("the product's keys on this Redis", () => {
  it("relinking a chat to another phone moves it between phones' chat lists, and forget clears it", async () => {
    const keys = fresh();
    const ids = createIdentityStore(redis, keys);
    const directory = createChatDirectory(redis, keys);
    const chat = { site: "s1", channel: "telegram" as const, chatId: "42" };
    await ids.link(chat, { cell: "0521111111", linkedAt: 1 });
    await ids.link(chat, { cell: "0522222222", linkedAt: 2 });
    expect(await directory.chatsFor("s1", "0521111111")).toEqual([]);
    expect((await directory.chatsFor("s1", "0522222222")).map((c) => c.address.chatId)).toEqual(["42"]);
    await ids.forget(chat);
    expect(await ids.get(chat)).toBeNull();
    expect(await directory.chatsFor("s1", "0522222222")).toEqual([]);
  });

  it("the chat lock, the dedupe, the ledger, the budget and the decision log work for many sites", async () => {
    const keys = fresh();
    const lock = createChatLock(redis, keys);
    const dedupe = createInboundDedupe(redis, keys);
    const ledger = createReminderLedger(redis, keys);
    const budget = createRedisUsageBudget({
      redis,
      keys,
      limits: { perMinute: 2, perDay: 100 },
      maxWaitMs: 0,
    });
    const decisions = createDecisionLog(redis, keys);
    // Many sites, so that on a cluster they land on every master.
    for (const site of Array.from({ length: 12 }, (_, i) => `site-${i}`)) {
      const chat = { site, channel: "telegram" as const, chatId: "7" };
      expect(await lock.withLock(chat, async () => "held")).toBe("held");
      expect(await dedupe.firstSeen(chat, "u1")).toBe(true);
      expect(await dedupe.firstSeen(chat, "u1")).toBe(false);
      const ref = { site, apptId: "100", offsetMin: 60, start: "202612011000" };
      expect(await ledger.claim(ref)).toEqual({ ok: true });
      await ledger.markSent(ref);
      expect(await ledger.claim(ref)).toEqual({ ok: false, state: "sent" });
      await budget.acquire(site);
      await budget.acquire(site);
      await expect(budget.acquire(site)).rejects.toThrow();
      await decisions.record(site, { reason: "quiet", apptId: "100" });
      await decisions.record(site, { reason: "quiet", apptId: "100" });
      expect((await decisions.recent(site)).length).toBeGreaterThanOrEqual(1);
    }
  });

  it("deleting a prefix removes its keys from every master and nothing else", async () => {
    const mine = fresh();
    const other = fresh();
    const ids = createIdentityStore(redis, mine);
    const theirs = createIdentityStore(redis, other);
    for (let i = 0; i < 30; i++) {
      await ids.link(
        { site: `s${i}`, channel: "telegram", chatId: "1" },
        { cell: "0523333333", linkedAt: 1 },
      );
      await theirs.link(
        { site: `s${i}`, channel: "telegram", chatId: "1" },
        { cell: "0523333333", linkedAt: 1 },
      );
    }
    const count = async (prefix: string) => {
      let n = 0;
      for (const node of mastersOf(redis))
        for await (const batch of node.scanStream({ match: `${prefix}:*`, count: 1000 })) n += batch.length;
      return n;
    };
    expect(await count(mine.prefix)).toBe(60);
    await deleteKeysUnder(redis, mine.prefix);
    expect(await count(mine.prefix)).toBe(0);
    expect(await count(other.prefix)).toBe(60);
  });

  it("on a cluster each queue's keys carry the queue as their hash tag; on one server the prefix is unchanged", () => {
    expect(isCluster(redis)).toBe(Boolean(process.env.REDIS_CLUSTER_NODES));
    const { prefix } = queueOptions(redis, "t4y", "reminders");
    expect(prefix).toBe(isCluster(redis) ? "t4y:{reminders}" : "t4y");
    if (isCluster(redis)) expect(mastersOf(redis).length).toBe(3);
  });
});
