import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { createIdentityStore, UNLINKED_PREFS_TTL_SECONDS } from "../../src/storage/chat-stores.ts";
import { formatApiMinute } from "../../src/tor4you/dates.ts";
import { offsetsOnly, SITE, startPipeline, waitFor } from "../integration/reminders/pipeline-world.ts";
import { useRedisPrefix } from "../support/redis-prefix.ts";

/**
 * Issue 11 §5, retention: what the bot keeps about people it no longer needs goes. Preferences of
 * a chat that never shared its number expire; an appointment's "seen" record is pruned once it is
 * over; "forget me" also takes the chat's messages still waiting to be sent.
 */
const ctx = useRedisPrefix();
let p: Awaited<ReturnType<typeof startPipeline>> | undefined;
afterEach(async () => {
  await p?.stop();
  p = undefined;
});

describe("retention", () => {
  it("a chat that never linked keeps its preferences ~30 days from the last change; a linked one for as long as the link", async () => {
    const keys = ctx.fresh();
    const ids = createIdentityStore(ctx.redis, keys);
    const chat = { site: SITE, channel: "telegram" as const, chatId: "6100001" };
    await ids.setPreferences(chat, { locale: "ru" });
    const ttl = await ctx.redis.ttl(keys.chatPrefs(chat));
    expect(UNLINKED_PREFS_TTL_SECONDS).toBe(30 * 24 * 3600);
    expect(ttl).toBeGreaterThan(UNLINKED_PREFS_TTL_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(UNLINKED_PREFS_TTL_SECONDS);

    await ids.link(chat, { cell: "0577654321", linkedAt: Date.now() });
    expect(await ctx.redis.ttl(keys.chatPrefs(chat))).toBe(-1);
    await ids.setPreferences(chat, { locale: "he" });
    expect(await ctx.redis.ttl(keys.chatPrefs(chat))).toBe(-1);
    expect((await ids.preferences(chat)).locale).toBe("he");
  });

  it("'forget me' also deletes the chat's messages still waiting: the send job finds nothing and nothing goes out", async () => {
    p = await startPipeline({ appointments: () => [], plan: offsetsOnly([60]), offsets: [60] });
    const other = { site: SITE, channel: "telegram" as const, chatId: "5002" };
    const queue = async (chatId: string, text: string) => {
      const outboxId = await p!.app.outbox.put(SITE, "telegram", {
        chatId,
        messages: [{ type: "text", text }],
      });
      await p!.jobs.queues.telegram.add("send", { site: SITE, outboxId }, { delay: 1_500 });
      return outboxId;
    };
    const mine = await queue(p.chat.chatId, "your appointment tomorrow");
    await queue(other.chatId, "someone else's message");
    p.jobs.startWorkers(["telegram-outbound"]);

    await p.app.identities.forget(p.chat);
    expect(await p.app.outbox.get(SITE, mine)).toBeNull();
    await waitFor(async () => (await p!.jobs.queues.telegram.getCompletedCount()) === 2, 10_000);
    expect(p.sent.map((s) => s.chatId)).toEqual([other.chatId]);
  }, 20_000);

  it("a scan prunes the 'seen' record of appointments over for two days, and keeps the others", async () => {
    p = await startPipeline({
      appointments: (now) => [
        {
          id: "9101",
          staff: "11",
          service: "21",
          customer: "900",
          from: now.plus({ hours: 5 }).startOf("hour"),
          to: now.plus({ hours: 5 }).startOf("hour").plus({ minutes: 30 }),
        },
      ],
      plan: offsetsOnly([60]),
      offsets: [60],
    });
    const key = p.app.keys.apptSeen(SITE);
    const ago = (days: number) => formatApiMinute(DateTime.now().minus({ days }));
    // As earlier scans left them: long over, just over, and one without a start seen long ago.
    await p.redis.hset(key, {
      "9001": `${ago(40)}|${Date.now() - 41 * 86_400_000}`,
      "9002": `${ago(3)}|${Date.now() - 4 * 86_400_000}`,
      "9003": `${ago(1)}|${Date.now() - 2 * 86_400_000}`,
      "9004": `|${Date.now() - 31 * 86_400_000}`,
    });
    await p.jobs.runScan(SITE);
    expect((await p.redis.hkeys(key)).sort()).toEqual(["9003", "9101"]);
  }, 30_000);
});
