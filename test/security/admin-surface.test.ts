import { request } from "node:http";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/dispatch.ts";
import { createEmulator, type Emulator } from "../../src/emulator/emulator.ts";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";

/**
 * Issue 11 §5, what anyone who reaches the HTTP port sees of a deployment started as the README
 * says (`start --role web`, ADMIN_TOKEN set): health says only ok, details need the token;
 * guessing the token is throttled per address; the queues are read-only unless a setting allows
 * writes, and a change must come from the admin's own pages.
 */
// A database of its own: the login failures of 127.0.0.1 are counted under the deployment's prefix.
const REDIS_URL = "redis://127.0.0.1:6379/15";
const TOKEN = "admin-token-for-the-surface-test";
const SITE = `surface-${process.pid}`;

let emulator: Emulator;
let apiUrl: string;
const redis = new Redis(REDIS_URL);
const forgetFailures = async () => {
  const keys = await redis.keys("t4y:admin-login-fail:*");
  if (keys.length) await redis.del(...keys);
};

beforeAll(async () => {
  emulator = createEmulator();
  apiUrl = await emulator.listen(0, "127.0.0.1");
  await forgetFailures();
});
afterAll(async () => {
  await forgetFailures();
  const keys = await redis.keys(`t4y:*{${SITE}}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await emulator.close();
});

/** `tor4you-bot start --role web` for the emulated barber, with ADMIN_TOKEN; `stop()` ends it. */
async function start(extra: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((r) => {
    stop = r;
  });
  const exit = runCli(["start", "--role", "web"], {
    env: {
      REDIS_URL,
      PORT: "0",
      TOR4YOU_API_URL: apiUrl,
      TOR4YOU_TORKEY: emulator.site(DEMO_BARBER_SITEID).credentials.torkey,
      TOR4YOU_SITEID: SITE,
      ADMIN_TOKEN: TOKEN,
      APP_SECRET: "surface-test-app-secret-0123456789abcdef",
      LOG_LEVEL: "silent",
      ...extra,
    },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stopped,
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const code = await Promise.race([exit, new Promise((r) => setTimeout(() => r(undefined), 50))]);
    if (code !== undefined) throw new Error(`start exited ${code}: ${err.join("\n")}`);
    const port = out.map((l) => /http: http:\/\/[\d.]+:(\d+)\/healthz/.exec(l)?.[1]).find(Boolean);
    if (port)
      return {
        port: Number(port),
        async stop() {
          stop();
          expect(await exit).toBe(0);
        },
      };
  }
  throw new Error(`start did not come up: ${[...out, ...err].join("\n")}`);
}

/** One HTTP request from a chosen local address (127.0.0.x are all this machine). */
function call(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; from?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: opts.method ?? "GET",
        headers: opts.headers,
        localAddress: opts.from ?? "127.0.0.1",
      },
      (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}
const basic = (password: string) => ({
  authorization: `Basic ${Buffer.from(`owner:${password}`).toString("base64")}`,
});
const bearer = { authorization: `Bearer ${TOKEN}` };

describe("health endpoints", () => {
  it("/healthz and /readyz say only ok or not; the checks are on /readyz?details=1 with ADMIN_TOKEN", async () => {
    const bot = await start();
    try {
      const health = await call(bot.port, "/healthz");
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toEqual({ status: "ok" });
      const ready = await call(bot.port, "/readyz");
      expect([200, 503]).toContain(ready.status);
      expect(Object.keys(JSON.parse(ready.body))).toEqual(["status"]);
      expect(ready.body).not.toContain(SITE);

      expect((await call(bot.port, "/readyz?details=1")).status).toBe(401);
      expect(
        (await call(bot.port, "/readyz?details=1", { headers: basic("wrong-password-123") })).status,
      ).toBe(401);
      const details = await call(bot.port, "/readyz?details=1", { headers: bearer });
      const checks = JSON.parse(details.body).checks as Array<{ name: string }>;
      expect(checks.map((c) => c.name)).toEqual(expect.arrayContaining(["redis", `tor4you-${SITE}`]));
    } finally {
      await bot.stop();
      await forgetFailures();
    }
  });
});

describe("the admin", () => {
  it("failed logins are limited per address: after 10 wrong passwords even the right one waits; another address is not held up", async () => {
    const bot = await start();
    try {
      for (let i = 0; i < 10; i++) {
        const r = await call(bot.port, "/admin", { headers: basic(`guess-number-${i}-xxxxxxx`) });
        expect(r.status, `attempt ${i + 1}`).toBe(401);
      }
      const held = await call(bot.port, "/admin", { headers: basic(TOKEN) });
      expect(held.status).toBe(429);
      expect(Number(held.headers["retry-after"])).toBeGreaterThan(0);
      // The same limit on every admin door: the statistics and the metrics.
      expect((await call(bot.port, "/metrics", { headers: bearer })).status).toBe(429);
      expect((await call(bot.port, "/admin", { headers: basic(TOKEN), from: "127.0.0.2" })).status).toBe(200);
      // A browser's first request, before it asks for the password, is not a failure.
      for (let i = 0; i < 12; i++)
        expect((await call(bot.port, "/admin", { from: "127.0.0.3" })).status).toBe(401);
      expect((await call(bot.port, "/admin", { headers: basic(TOKEN), from: "127.0.0.3" })).status).toBe(200);
    } finally {
      await bot.stop();
      await forgetFailures();
    }
  });

  it("X-Forwarded-For counts only with TRUST_PROXY: rotating it does not escape the limit; behind a trusted proxy each client counts apart", async () => {
    const direct = await start();
    try {
      for (let i = 0; i < 10; i++)
        await call(direct.port, "/admin", {
          headers: { ...basic(`guess-${i}-xxxxxxxxxx`), "x-forwarded-for": `198.51.100.${i}` },
        });
      const spoofed = await call(direct.port, "/admin", {
        headers: { ...basic(TOKEN), "x-forwarded-for": "198.51.100.99" },
      });
      expect(spoofed.status).toBe(429);
    } finally {
      await direct.stop();
      await forgetFailures();
    }
    const proxied = await start({ TRUST_PROXY: "127.0.0.1" });
    try {
      const guesser = { "x-forwarded-for": "203.0.113.5" };
      for (let i = 0; i < 10; i++)
        await call(proxied.port, "/admin", { headers: { ...basic(`guess-${i}-xxxxxxxxxx`), ...guesser } });
      expect((await call(proxied.port, "/admin", { headers: { ...basic(TOKEN), ...guesser } })).status).toBe(
        429,
      );
      // The owner, through the same proxy from elsewhere, is not held off.
      const owner = { "x-forwarded-for": "203.0.113.6" };
      expect((await call(proxied.port, "/admin", { headers: { ...basic(TOKEN), ...owner } })).status).toBe(
        200,
      );
    } finally {
      await proxied.stop();
      await forgetFailures();
    }
  });

  it("the queues are read-only by default: a change is refused, looking is not", async () => {
    const bot = await start();
    try {
      const list = await call(bot.port, "/admin/queues/api/queues", { headers: bearer });
      expect(list.status).toBe(200);
      const queue = (JSON.parse(list.body).queues as Array<{ name: string; readOnlyMode: boolean }>)[0]!;
      expect(queue.readOnlyMode).toBe(true);
      const clean = await call(bot.port, `/admin/queues/api/queues/${queue.name}/clean/completed`, {
        method: "PUT",
        headers: bearer,
      });
      expect(clean.status).toBe(405);
      expect(
        (await call(bot.port, "/admin/queues/api/queues/pause", { method: "PUT", headers: bearer })).status,
      ).toBe(405);
    } finally {
      await bot.stop();
    }
  });

  it("with ADMIN_QUEUES_WRITABLE a change works, but only from the admin's own pages (Origin) or with a bearer token", async () => {
    const bot = await start({ ADMIN_QUEUES_WRITABLE: "true" });
    try {
      const list = await call(bot.port, "/admin/queues/api/queues", { headers: bearer });
      const queue = (JSON.parse(list.body).queues as Array<{ name: string }>)[0]!;
      const path = `/admin/queues/api/queues/${queue.name}/clean/completed`;
      const host = `127.0.0.1:${bot.port}`;
      // What a page elsewhere can make the owner's browser send (its Basic credentials ride along).
      const forged = await call(bot.port, path, {
        method: "PUT",
        headers: { ...basic(TOKEN), origin: "https://evil.example", host },
      });
      expect(forged.status).toBe(403);
      expect((await call(bot.port, path, { method: "PUT", headers: { ...basic(TOKEN), host } })).status).toBe(
        403,
      );
      // From the admin's own page, and from a script with the bearer token: done.
      const own = await call(bot.port, path, {
        method: "PUT",
        headers: { ...basic(TOKEN), origin: `http://${host}`, host },
      });
      expect(own.status).toBe(200);
      expect((await call(bot.port, path, { method: "PUT", headers: bearer })).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });
});
