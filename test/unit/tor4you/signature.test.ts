import { describe, expect, it } from "vitest";
import { hexEquals, signCall, signWebhook } from "../../../src/tor4you/signature.ts";

describe("signatures", () => {
  it("matches the reference's worked example for signed parameters", () => {
    expect(
      signCall({ siteid: "123456", key: "abcdefg", dt: "202012311034", call: "addcust", secret: "secret" }),
    ).toBe("2394f3d48822809e9942417686544704c1447eb3b20595d7465a7ff4658958cb");
  });

  it("signs webhooks as sha256(id + key) and compares in constant time", () => {
    const sh = signWebhook("9001", "hook-key");
    expect(sh).toMatch(/^[0-9a-f]{64}$/);
    expect(hexEquals(sh.toUpperCase(), sh)).toBe(true);
    expect(hexEquals(sh, signWebhook("9002", "hook-key"))).toBe(false);
    expect(hexEquals(sh, sh.slice(0, 10))).toBe(false);
  });
});
