import { describe, expect, it } from "vitest";
import { createStaffLinks } from "../../../src/storage/staff-links.ts";
import { useRedisPrefix } from "./redis-prefix.ts";

const ctx = useRedisPrefix();
const chat = (chatId: string) => ({ site: "318001", channel: "telegram" as const, chatId });

describe("staff link codes", () => {
  it("a code links the chat that sends it, once; the code itself is never stored", async () => {
    const keys = ctx.fresh();
    const links = createStaffLinks(ctx.redis, keys);
    const code = await links.createCode("318001", { kind: "staff", staffId: "201" });
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const stored = await ctx.redis.keys(`${keys.prefix}:*`);
    expect(stored.join(" ")).not.toContain(code);

    expect(await links.redeem("318001", code.toLowerCase(), chat("1"))).toEqual({
      kind: "staff",
      staffId: "201",
    });
    expect(await links.roleOf(chat("1"))).toEqual({ kind: "staff", staffId: "201" });
    // reused by someone else: refused, and nothing linked
    expect(await links.redeem("318001", code, chat("2"))).toBeNull();
    expect(await links.roleOf(chat("2"))).toBeNull();
  });

  it("refuses an expired code, a code of another site and garbage", async () => {
    const links = createStaffLinks(ctx.redis, ctx.fresh());
    const code = await links.createCode("318001", { kind: "owner" }, 1);
    expect(await links.redeem("318002", code, { ...chat("3"), site: "318002" })).toBeNull();
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await links.redeem("318001", code, chat("3"))).toBeNull();
    expect(await links.redeem("318001", "not a code", chat("3"))).toBeNull();
  });

  it("lists and unlinks staff chats", async () => {
    const links = createStaffLinks(ctx.redis, ctx.fresh());
    await links.redeem("318001", await links.createCode("318001", { kind: "owner" }), chat("7"));
    await links.redeem(
      "318001",
      await links.createCode("318001", { kind: "staff", staffId: "202" }),
      chat("8"),
    );
    expect((await links.list("318001")).map((l) => [l.address.chatId, l.role.kind]).sort()).toEqual([
      ["7", "owner"],
      ["8", "staff"],
    ]);
    expect(await links.unlink(chat("7"))).toBe(true);
    expect(await links.roleOf(chat("7"))).toBeNull();
  });
});

describe("staff link codes against guessing (issue 11 §5)", () => {
  it("a chat gets 5 wrong codes an hour; then it is locked out, even with the right code, and other chats are not", async () => {
    const keys = ctx.fresh();
    const links = createStaffLinks(ctx.redis, keys);
    const code = await links.createCode("318001", { kind: "owner" });
    const guesser = chat("31337");
    for (let i = 0; i < 5; i++) expect(await links.redeem("318001", `ZZZZZZ${i + 2}Z`, guesser)).toBeNull();
    // The sixth try is not even looked at: the right code does not help the guesser...
    expect(await links.redeem("318001", code, guesser)).toBe("locked");
    expect(await links.roleOf(guesser)).toBeNull();
    // ...and the code is still there for the owner's own chat.
    expect(await links.redeem("318001", code, chat("42"))).toEqual({ kind: "owner" });
    // The lock-out lasts the hour from the first wrong code.
    const ttl = await ctx.redis.ttl(keys.staffCodeFailures(guesser));
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it("a code is valid for at most 72 hours", async () => {
    const keys = ctx.fresh();
    const links = createStaffLinks(ctx.redis, keys);
    await expect(links.createCode("318001", { kind: "owner" }, 72 * 3600 + 1)).rejects.toThrow(/72 hours/);
    const code = await links.createCode("318001", { kind: "owner" }, 72 * 3600);
    expect(await ctx.redis.ttl(keys.staffCode("318001", code))).toBeLessThanOrEqual(72 * 3600);
  });

  it("is kept as an HMAC with the deployment's secret: not the code, not its bare sha256", async () => {
    const keys = ctx.fresh();
    const links = createStaffLinks(ctx.redis, keys);
    const code = await links.createCode("318001", { kind: "owner" });
    const names = (await ctx.redis.keys(`${keys.prefix}:*`)).join(" ");
    const { createHash } = await import("node:crypto");
    expect(names).not.toContain(code);
    expect(names).not.toContain(createHash("sha256").update(code).digest("hex").slice(0, 32));
    // Another deployment's secret finds nothing: the name depends on the secret.
    const { createKeys } = await import("../../../src/storage/keys.ts");
    const other = createKeys(keys.prefix, "another-deployment-secret-0123456789abcdef");
    expect(await ctx.redis.exists(other.staffCode("318001", code))).toBe(0);
    expect(await ctx.redis.exists(keys.staffCode("318001", code))).toBe(1);
  });
});
