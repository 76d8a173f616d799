import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { resolveAppSecret } from "../../src/storage/app-secret.ts";
import { createChatDirectory } from "../../src/storage/chat-directory.ts";
import { createIdentityStore, createInboundDedupe } from "../../src/storage/chat-stores.ts";
import { legacyCellDigest, migrateKeyNames } from "../../src/storage/key-migration.ts";
import { appSecretKey, createKeys } from "../../src/storage/keys.ts";
import { createOptOuts } from "../../src/storage/opt-outs.ts";
import { TEST_APP_SECRET } from "../support/app-secret.ts";
import { useRedisPrefix } from "../support/redis-prefix.ts";

/**
 * Issue 11 §5: no phone and no chat id in Redis key names, and phone digests are HMACs with the
 * deployment's secret (a bare sha256 of a 10-digit number is reversed by trying them all).
 * Existing deployments move over without losing a link or a "stop".
 */
const ctx = useRedisPrefix();
const SITE = "318001";
const CELL = "0577654321";
const WA_CHAT = "972577654321@c.us";
const TG_CHAT = "8123456789";

/** Every key name under the prefix, and every field of its hashes, as one text to search. */
async function everythingNamed(prefix: string): Promise<string> {
  const names = await ctx.redis.keys(`${prefix}:*`);
  const fields: string[] = [];
  for (const k of names) if ((await ctx.redis.type(k)) === "hash") fields.push(...(await ctx.redis.hkeys(k)));
  return [...names, ...fields].join("\n");
}
const forms = (cell: string) => [cell, cell.slice(1), `972${cell.slice(1)}`, legacyCellDigest(cell)];

describe("Redis key names", () => {
  it("hold no phone, no chat id, no event id and no bare sha256: only HMACs with APP_SECRET", async () => {
    const keys = ctx.fresh();
    const ids = createIdentityStore(ctx.redis, keys);
    const wa = { site: SITE, channel: "whatsapp" as const, chatId: WA_CHAT };
    const tg = { site: SITE, channel: "telegram" as const, chatId: TG_CHAT };
    await ids.link(wa, { cell: CELL, linkedAt: 1 });
    await ids.link(tg, { cell: CELL, linkedAt: 1 });
    await ids.setPreferences(tg, { locale: "he" });
    await createOptOuts(ctx.redis, keys).set(SITE, CELL, true);
    // A WhatsApp message id holds the sender's number.
    await createInboundDedupe(ctx.redis, keys).firstSeen(wa, `wa-false_${WA_CHAT}_3EB0C0FFEE`);

    const named = await everythingNamed(keys.prefix);
    expect(named.split("\n").length).toBeGreaterThanOrEqual(6);
    for (const form of [
      ...forms(CELL),
      TG_CHAT,
      createHash("sha256").update(CELL).digest("hex").slice(0, 32),
    ])
      expect(named, form).not.toContain(form);

    // What the keys are for still works: phone -> chats, the "stop" and the preferences.
    const chats = await createChatDirectory(ctx.redis, keys).chatsFor(SITE, CELL);
    expect(chats.map((c) => c.address.chatId).sort()).toEqual([TG_CHAT, WA_CHAT].sort());
    expect(chats.every((c) => c.remindersOff)).toBe(true);
    // Another secret names other keys: nothing can be found without it.
    const other = createKeys(keys.prefix, "another-deployments-secret-0123456789abcdef");
    expect(await createChatDirectory(ctx.redis, other).chatsFor(SITE, CELL)).toEqual([]);
  });
});

describe("APP_SECRET", () => {
  it("unset: one is generated on first start, kept in Redis, and every process gets the same", async () => {
    const prefix = ctx.fresh().prefix;
    const [a, b] = await Promise.all([
      resolveAppSecret(ctx.redis, prefix, undefined),
      resolveAppSecret(ctx.redis, prefix, undefined),
    ]);
    expect(a.generated).toBe(true);
    expect(a.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(b.secret).toBe(a.secret);
    expect(await ctx.redis.get(appSecretKey(prefix))).toBe(a.secret);
    expect((await resolveAppSecret(ctx.redis, prefix, undefined)).secret).toBe(a.secret);
    // Set: the setting wins, and nothing is written.
    const fresh = ctx.fresh().prefix;
    expect(await resolveAppSecret(ctx.redis, fresh, TEST_APP_SECRET)).toEqual({
      secret: TEST_APP_SECRET,
      generated: false,
    });
    expect(await ctx.redis.exists(appSecretKey(fresh))).toBe(0);
  });
});

describe("an existing deployment's keys (before APP_SECRET)", () => {
  it("are moved once: links, preferences and every 'stop' survive, and no phone is left in a name", async () => {
    const keys = ctx.fresh();
    const p = keys.prefix;
    const old = (chat: string, suffix: string) => `${p}:chat:{${SITE}}:${chat}:${suffix}`;
    const waOld = `whatsapp-${encodeURIComponent(WA_CHAT)}`;
    const tgOld = `telegram-${TG_CHAT}`;
    const UNLINKED = "0579990001"; // said "stop", then "forget me": no chat knows the number
    // Exactly as the previous version wrote them.
    await ctx.redis.hset(old(waOld, "identity"), { cell: CELL, first: "", last: "", linkedAt: "1" });
    await ctx.redis.hset(old(tgOld, "identity"), { cell: CELL, first: "", last: "", linkedAt: "1" });
    await ctx.redis.hset(old(tgOld, "prefs"), { locale: "ru", remindersOff: "0" });
    await ctx.redis.set(old(waOld, `seen:${encodeURIComponent(`wa-false_${WA_CHAT}_X`)}`), "1", "EX", 600);
    await ctx.redis.sadd(
      `${p}:cell-chats:{${SITE}}:${legacyCellDigest(CELL)}`,
      `whatsapp|${WA_CHAT}`,
      `telegram|${TG_CHAT}`,
    );
    await ctx.redis.hset(keys.optOuts(SITE), legacyCellDigest(CELL), "1700000000000");
    await ctx.redis.hset(keys.optOuts(SITE), legacyCellDigest(UNLINKED), "1700000000000");

    // A process of the new version already linked someone: left as it is.
    const NEWER = { site: SITE, channel: "telegram" as const, chatId: "8100000001" };
    await createIdentityStore(ctx.redis, keys).link(NEWER, { cell: "0571112233", linkedAt: 2 });

    const logged: Array<Record<string, number>> = [];
    await migrateKeyNames(ctx.redis, keys, (c) => logged.push(c));
    expect(logged).toEqual([{ renamed: 4, links: 2, optOuts: 1, oldIndexes: 1 }]);

    const ids = createIdentityStore(ctx.redis, keys);
    const tg = { site: SITE, channel: "telegram" as const, chatId: TG_CHAT };
    expect((await ids.get(tg))?.cell).toBe(CELL);
    expect((await ids.preferences(tg)).locale).toBe("ru");
    const directory = createChatDirectory(ctx.redis, keys);
    const chats = await directory.chatsFor(SITE, CELL);
    expect(chats.map((c) => c.address.chatId).sort()).toEqual([TG_CHAT, WA_CHAT].sort());
    expect(chats.every((c) => c.remindersOff)).toBe(true);
    // The already-handled WhatsApp message stays handled.
    expect(
      await createInboundDedupe(ctx.redis, keys).firstSeen(
        { ...tg, channel: "whatsapp", chatId: WA_CHAT },
        `wa-false_${WA_CHAT}_X`,
      ),
    ).toBe(false);
    expect((await directory.chatsFor(SITE, "0571112233")).map((c) => c.address.chatId)).toEqual([
      NEWER.chatId,
    ]);
    // The "stop" of a number no chat knew holds too, and is re-keyed when first read.
    expect(await directory.optedOut(SITE, UNLINKED)).toBe(true);

    const named = await everythingNamed(p);
    for (const form of [...forms(CELL), ...forms(UNLINKED), TG_CHAT]) expect(named, form).not.toContain(form);

    // Once only: a second start finds the marker and touches nothing.
    await migrateKeyNames(ctx.redis, keys, (c) => logged.push(c));
    expect(logged).toHaveLength(1);
  });
});
