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
