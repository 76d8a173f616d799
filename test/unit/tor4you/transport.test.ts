import pino from "pino";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.ts";
import { createTor4YouClient } from "../../../src/tor4you/client.ts";
import {
  Tor4YouApiError,
  Tor4YouHttpError,
  Tor4YouNetworkError,
  Tor4YouResponseError,
  Tor4YouTimeoutError,
  Tor4YouUsageLimitError,
} from "../../../src/tor4you/errors.ts";
import { FIXED_NOW, json, ok, testClient } from "./fake-fetch.ts";

const ref = { apptId: "777", vfib: "AE154A23B746DC21" };
const dropped = () => Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
const page502 = () =>
  new Response("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", {
    status: 502,
    headers: { "content-type": "text/html" },
  });

describe("reads retry transient failures with backoff", () => {
  it("retries a 502 page, a dropped connection and a timeout, then succeeds", async () => {
    const replies = [
      page502(),
      dropped(),
      "hang" as const,
      ok({ staff: [{ id: 1, name: "Avi", showorder: 1 }] }),
    ];
    const { client, requests, sleeps } = testClient((_r, i) => replies[i]!, {
      retry: { attempts: 4, baseMs: 100, maxMs: 1000 },
      timeoutMs: 30,
    });
    const staff = await client.staff();
    expect(staff.map((s) => s.id)).toEqual(["1"]);
    expect(requests).toHaveLength(4);
    // random() = 0.5 → three quarters of each doubling step
    expect(sleeps).toEqual([75, 150, 300]);
  });

  it("gives up after the configured attempts with the last typed error", async () => {
    const { client, requests } = testClient(() => page502(), { retry: { attempts: 3, baseMs: 1, maxMs: 1 } });
    const err = await client.siteinfo().catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouHttpError);
    expect(err.httpStatus).toBe(502);
    expect(err.bodySnippet).toContain("502 Bad Gateway");
    expect(err.bodySnippet).not.toContain("<");
    expect(requests).toHaveLength(3);
  });

  it("caps the backoff at maxMs", async () => {
    const { client, sleeps } = testClient(() => dropped(), {
      retry: { attempts: 6, baseMs: 100, maxMs: 300 },
    });
    await expect(client.branches()).rejects.toBeInstanceOf(Tor4YouNetworkError);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(300);
    expect(sleeps).toHaveLength(5);
  });
});

describe("what is never retried", () => {
  it.each([
    ["502 page", page502, Tor4YouHttpError],
    ["dropped connection", dropped, Tor4YouNetworkError],
    ["timeout", () => "hang" as const, Tor4YouTimeoutError],
  ])("a write after a %s: one request, typed error, outcome unknown", async (_n, reply, type) => {
    const { client, requests } = testClient(() => reply(), { timeoutMs: 20 });
    const err = await client.iscoming({ ...ref, iscoming: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(type);
    expect(err.outcomeUnknown).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it("an API refusal (status 0) on a read", async () => {
    const { client, requests } = testClient(() => json({ status: 0, message: "appointment not found" }));
    const err = await client.apptinfo({ apptId: 5 }).catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouApiError);
    expect(err.apiMessage).toBe("appointment not found");
    expect(err.outcomeUnknown).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it("a 4xx on a read", async () => {
    const { client, requests } = testClient(() => new Response("forbidden", { status: 403 }));
    await expect(client.staff()).rejects.toBeInstanceOf(Tor4YouHttpError);
    expect(requests).toHaveLength(1);
  });

  it("a JSON answer of the wrong shape", async () => {
    const { client, requests } = testClient(() => ok({ appt: { id: "x1", from: "soon" } }));
    const err = await client.apptinfo({ apptId: 5 }).catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouResponseError);
    expect(err.issues.join(" ")).toMatch(/id|from/);
    expect(requests).toHaveLength(1);
  });
});

describe("failure texts", () => {
  it.each([
    [{ status: 0, msg: "bad vfib" }, "bad vfib"],
    [{ status: 0, error: "no such customer" }, "no such customer"],
    [{ status: "0", message: "x" }, "x"],
    [{ status: 2 }, ""],
  ])("%j is an API refusal", async (body, text) => {
    const { client } = testClient(() => json(body));
    const err = await client.delappt(ref).catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouApiError);
    expect(err.apiMessage).toBe(text);
  });

  it("masks numbers and e-mail addresses the server echoes", async () => {
    const { client } = testClient(() =>
      json({ status: 0, message: "customer 0525551234 dana@example.com exists" }),
    );
    const err = await client.addcust({ first: "דנה", last: "כהן", cell: "0525551234" }).catch((e) => e);
    expect(err.apiMessage).toBe("customer [number] [email] exists");
    expect(err.message).not.toContain("0525551234");
  });

  it("an HTML page with status 200 is an HTTP error, not a parse crash", async () => {
    const { client } = testClient(() => new Response("<html>maintenance</html>", { status: 200 }), {
      retry: { attempts: 1, baseMs: 0, maxMs: 0 },
    });
    const err = await client.staff().catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouHttpError);
    expect(err.httpStatus).toBe(200);
  });
});

describe("usage limits", () => {
  it.each([
    ["usage limit exceeded (minute)", "minute", 26_000],
    ["usage limit exceeded (day)", "day", 13 * 3_600_000 + 25 * 60_000 + 26_000],
    ["Daily usage limit reached", "day", 13 * 3_600_000 + 25 * 60_000 + 26_000],
  ])("%s → Tor4YouUsageLimitError, not retried", async (message, scope, retryAfterMs) => {
    const now = FIXED_NOW.plus({ seconds: 34 }); // 10:34:34
    const { client, requests } = testClient(() => json({ status: 0, message }), { now: () => now });
    const err = await client.staff().catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouUsageLimitError);
    expect(err.scope).toBe(scope);
    expect(err.source).toBe("api");
    expect(err.retryAfterMs).toBe(retryAfterMs);
    expect(requests).toHaveLength(1);
  });

  it("HTTP 429 honours Retry-After", async () => {
    const { client } = testClient(
      () => new Response("slow down", { status: 429, headers: { "retry-after": "7" } }),
    );
    const err = await client.staff().catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouUsageLimitError);
    expect(err.retryAfterMs).toBe(7000);
  });

  it("a spent budget sends nothing and names the call", async () => {
    const budget = {
      acquire: async () => {
        throw new Tor4YouUsageLimitError({ scope: "day", retryAfterMs: 1000, source: "budget" });
      },
    };
    const { client, requests } = testClient(() => ok(), { budget });
    const err = await client.iscoming({ ...ref, iscoming: 2 }).catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouUsageLimitError);
    expect(err.source).toBe("budget");
    expect(err.call).toMatchObject({ endpoint: "iscoming", method: "GET", write: true });
    expect(requests).toHaveLength(0);
  });

  it("takes one unit of budget per attempt, retries included", async () => {
    const sites: string[] = [];
    const budget = { acquire: async (site: string) => void sites.push(site) };
    const { client } = testClient((_r, i) => (i < 2 ? page502() : ok({ staff: [] })), { budget });
    await client.staff();
    expect(sites).toEqual(["test-site", "test-site", "test-site"]);
  });
});

describe("errors carry the call, redacted", () => {
  it("keeps the endpoint, method and harmless params; hides personal values and credentials", async () => {
    const { client } = testClient(() => json({ status: 0, message: "duplicate" }), {
      auth: { kind: "signed", siteid: "123456", key: "pubkey", secret: "topsecret" },
    });
    const err = await client
      .addappt({
        staff: 1,
        service: 2,
        at: { slotId: 3, vfib: "ABCDEF" },
        customer: { first: "דנה", last: "כהן", cell: "0525551234", tz: "039337423", email: "d@example.com" },
        notes: "allergic",
      })
      .catch((e) => e);
    expect(err.call.endpoint).toBe("addappt");
    expect(err.call.method).toBe("POST");
    expect(err.call.params).toEqual({
      slotid: "3",
      vfib: "[redacted]",
      staff: "1",
      service: "2",
      tz: "[redacted]",
      first: "[redacted]",
      last: "[redacted]",
      email: "[redacted]",
      cell: "[redacted]",
      notes: "[redacted]",
    });
    const serialized = JSON.stringify({ ...err, message: err.message });
    for (const secret of ["0525551234", "039337423", "דנה", "ABCDEF", "topsecret", "pubkey", "allergic"]) {
      expect(serialized).not.toContain(secret);
    }
  });

  it("logs no personal value or token", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "debug" }, { write: (l: string) => void lines.push(l) });
    const { client } = testClient((_r, i) => (i === 0 ? page502() : ok({ appts: [] })), {
      logger,
      auth: { kind: "torkey", torkey: "123456-verysecrettoken" },
    });
    await client.apptbycellortz({ cell: "0525551234", tz: "039337423" });
    await client.iscoming({ ...ref, iscoming: 1 }).catch(() => {});
    const all = lines.join("\n");
    expect(all).toContain("apptbycellortz");
    for (const secret of ["0525551234", "039337423", "verysecrettoken", ref.vfib])
      expect(all).not.toContain(secret);
  });
});

describe("client options", () => {
  const base = {
    baseUrl: "https://t4y.test/api",
    site: "s",
    auth: { kind: "torkey", torkey: "k" } as const,
  };
  it.each([
    ["a relative baseUrl", { baseUrl: "/api" }],
    ["an ftp baseUrl", { baseUrl: "ftp://x/api" }],
    ["an empty site", { site: " " }],
    ["an empty torkey", { auth: { kind: "torkey", torkey: "" } }],
    ["a non-numeric siteid", { auth: { kind: "signed", siteid: "abc", key: "k", secret: "s" } }],
    ["an unknown zone", { zone: "Mars/Olympus" }],
    ["a zero timeout", { timeoutMs: 0 }],
    ["maxMs below baseMs", { retry: { attempts: 2, baseMs: 500, maxMs: 100 } }],
    ["a budget without acquire", { budget: {} }],
  ])("refuses %s", (_n, patch) => {
    expect(() => createTor4YouClient({ ...base, ...(patch as object) })).toThrow(InvalidInputError);
  });

  it("accepts the minimum", () => {
    expect(createTor4YouClient(base).zone).toBe("Asia/Jerusalem");
  });
});
