import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { signCall } from "../../../src/tor4you/signature.ts";
import { FIXED_NOW, ok, testClient } from "./fake-fetch.ts";

const VECTOR = "2394f3d48822809e9942417686544704c1447eb3b20595d7465a7ff4658958cb";
const signed = { kind: "signed", siteid: "123456", key: "abcdefg", secret: "secret" } as const;

describe("signed-parameter auth", () => {
  it("matches the reference's worked example", () => {
    expect(
      signCall({ siteid: "123456", key: "abcdefg", dt: "202012311034", call: "addcust", secret: "secret" }),
    ).toBe(VECTOR);
  });

  it("signs a POST in its query string (fields in the form), dt being Israel's wall clock whatever the host zone", async () => {
    const utcNow = FIXED_NOW.setZone("UTC"); // 08:34 UTC
    const { client, requests } = testClient(() => ok({ customerid: "5", vfib: "AB12" }), {
      auth: signed,
      now: () => utcNow,
    });
    await client.addcust({ first: "דנה", last: "כהן", cell: "0525551234" });
    const req = requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    // the reference's example: addcust?siteid=123456&key=abcdefg&dt=202012311034&...&sh=...
    expect(req.url.searchParams.get("siteid")).toBe("123456");
    expect(req.url.searchParams.get("key")).toBe("abcdefg");
    expect(req.url.searchParams.get("dt")).toBe("202012311034");
    expect(req.url.searchParams.get("sh")).toBe(VECTOR);
    expect(req.params.get("first")).toBe("דנה");
    expect(req.params.has("sh")).toBe(false);
    expect(req.headers.torkey).toBeUndefined();
  });

  it("puts the signature in the query on GET, signed for that call", async () => {
    const { client, requests } = testClient(() => ok({ branches: [] }), { auth: signed });
    await client.branches();
    const req = requests[0]!;
    expect(req.method).toBe("GET");
    expect(req.url.pathname).toBe("/api/branches");
    expect(req.params.get("dt")).toBe("202012311034");
    expect(req.params.get("sh")).toBe(
      signCall({ siteid: "123456", key: "abcdefg", dt: "202012311034", call: "branches", secret: "secret" }),
    );
  });

  it("re-signs each retry with the clock of that attempt", async () => {
    let now = FIXED_NOW;
    const { client, requests } = testClient(
      (_req, i) => {
        now = now.plus({ minutes: 1 });
        return i === 0 ? new Response("down", { status: 503 }) : ok({ staff: [] });
      },
      { auth: signed, now: () => now },
    );
    await client.staff();
    expect(requests.map((r) => r.params.get("dt"))).toEqual(["202012311034", "202012311035"]);
  });
});

describe("torkey auth", () => {
  it("sends the key as a header and no signing parameters", async () => {
    const { client, requests } = testClient(() => ok({ services: [] }));
    await client.services({ showCancelled: true });
    const req = requests[0]!;
    expect(req.headers.torkey).toBe("123456-secrettoken");
    expect([...req.params.keys()]).toEqual(["showcancelled"]);
    expect(req.params.get("showcancelled")).toBe("1");
  });
});

it("uses Israel's summer offset for dt in July", async () => {
  const { client, requests } = testClient(() => ok({ staff: [] }), {
    auth: signed,
    now: () => DateTime.fromISO("2024-07-01T21:30:00Z"),
  });
  await client.staff();
  expect(requests[0]!.params.get("dt")).toBe("202407020030");
});
