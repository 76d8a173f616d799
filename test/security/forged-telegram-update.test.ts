import { createServer } from "node:http";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/dispatch.ts";
import { derivedWebhookSecret } from "../../src/config/webhook-secret.ts";
import { createEmulator, type Emulator } from "../../src/emulator/emulator.ts";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";

/**
 * The attack of issue 11: a POST to the Telegram route with a made-up update whose contact
 * "proves" someone else's phone. Against a deployment started as the README says (`start`, long
 * polling by default) and against webhook mode without the right secret, it must be refused and
 * reach nothing: Tor4You gets no call at all.
 */
const VICTIM = "0527654321"; // a customer of the emulated barber, with appointments
const TOKEN = "700111:AAforgedUpdateTestToken0000000000";

let emulator: Emulator;
let apiUrl: string;
let tor4youCalls = 0;
let telegram: Awaited<ReturnType<typeof startQuietTelegram>>;
const sitesUsed: string[] = [];

beforeAll(async () => {
  emulator = createEmulator();
  emulator.app.addHook("onRequest", async (req) => {
    if (req.url.startsWith("/api")) tor4youCalls++;
  });
  apiUrl = await emulator.listen(0, "127.0.0.1");
  telegram = await startQuietTelegram();
});
afterAll(async () => {
  // A real deployment's prefix ("t4y"): only this file's sites' keys go.
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  for (const site of sitesUsed) {
    const keys = await redis.keys(`t4y:*{${site}}*`);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
  await emulator.close();
  await telegram.close();
});

/** `tor4you-bot start --role web` in this process, until `stop()`. */
async function startBot(extra: Record<string, string>) {
  const site = emulator.site(DEMO_BARBER_SITEID);
  const siteId = `forged-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  sitesUsed.push(siteId);
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((r) => {
    stop = r;
  });
  const exit = runCli(["start", "--role", "web"], {
    env: {
      REDIS_URL: process.env.REDIS_URL,
      PORT: "0",
      TOR4YOU_API_URL: apiUrl,
      TOR4YOU_TORKEY: site.credentials.torkey,
      TOR4YOU_SITEID: siteId,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      LOG_LEVEL: "silent",
      ...extra,
    },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stopped,
  });
  const deadline = Date.now() + 15_000;
  let base: string | undefined;
  while (!base && Date.now() < deadline) {
    const code = await Promise.race([exit, new Promise((r) => setTimeout(() => r(undefined), 50))]);
    if (code !== undefined) return { code, out, err, base: "", siteId, stop: async () => {} };
    base = out.map((l) => /http: (http:\/\/[\d.]+:\d+)\/healthz/.exec(l)?.[1]).find(Boolean);
    if (base && !out.some((l) => l.includes("telegram:"))) base = undefined; // the bot is not up yet
  }
  if (!base) throw new Error(`start did not come up: ${[...out, ...err].join("\n")}`);
  return {
    code: undefined,
    siteId,
    out,
    err,
    base,
    async stop() {
      stop();
      expect(await exit).toBe(0);
    },
  };
}

let updateId = 9_000_000;
/** A private message from user 31337 sharing a contact with their own user id and the victim's phone. */
const forgedContact = () => ({
  update_id: updateId++,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: 31337, type: "private", first_name: "Eve" },
    from: { id: 31337, is_bot: false, first_name: "Eve" },
    contact: { phone_number: `+972${VICTIM.slice(1)}`, first_name: "Eve", user_id: 31337 },
  },
});
const post = (url: string, secret?: string) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }),
    },
    body: JSON.stringify(forgedContact()),
  });

describe("a forged Telegram update", () => {
  it("against a polling deployment (the default): 404 on every Telegram path, and no Tor4You call", async () => {
    const bot = await startBot({});
    try {
      expect(bot.out.join("\n")).toMatch(/\(polling\)/);
      const before = tor4youCalls;
      for (const path of ["/webhooks/telegram", `/webhooks/telegram/${DEMO_BARBER_SITEID}`]) {
        for (const secret of [undefined, "", derivedWebhookSecret(TOKEN)]) {
          const res = await post(`${bot.base}${path}`, secret);
          expect(res.status, `${path} secret=${secret}`).toBe(404);
        }
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(tor4youCalls - before).toBe(0);
    } finally {
      await bot.stop();
    }
  });

  it("against webhook mode with no secret configured: one is derived (43 chars) and set; a missing or wrong header gets 401 and no Tor4You call", async () => {
    const bot = await startBot({ TELEGRAM_WEBHOOK_URL: "http://127.0.0.1:9/" });
    try {
      expect(bot.out.join("\n")).toMatch(/\(webhook\)/);
      const set = telegram.setWebhook.at(-1) as { secret_token?: string };
      expect(set.secret_token).toBe(derivedWebhookSecret(TOKEN));
      expect(set.secret_token!.length).toBeGreaterThanOrEqual(32);
      const before = tor4youCalls;
      for (const secret of [undefined, "", "wrong-secret-0123456789", `${set.secret_token}x`]) {
        expect((await post(`${bot.base}/webhooks/telegram`, secret)).status).toBe(401);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(tor4youCalls - before).toBe(0);

      // The control: the same update with Telegram's secret is handled, and does reach Tor4You
      // (in real life only Telegram knows the secret, and its contacts are vouched for).
      expect((await post(`${bot.base}/webhooks/telegram`, set.secret_token)).status).toBe(200);
      expect(tor4youCalls - before).toBeGreaterThan(0);
    } finally {
      await bot.stop();
    }
  });

  it("against webhook mode with the owner's secret: a missing or wrong header gets 401 and no Tor4You call", async () => {
    const secret = "owner-chosen-secret_2026";
    const bot = await startBot({
      TELEGRAM_WEBHOOK_URL: "http://127.0.0.1:9/",
      TELEGRAM_WEBHOOK_SECRET: secret,
    });
    try {
      expect((telegram.setWebhook.at(-1) as { secret_token?: string }).secret_token).toBe(secret);
      const before = tor4youCalls;
      for (const given of [undefined, derivedWebhookSecret(TOKEN), secret.toUpperCase()]) {
        expect((await post(`${bot.base}/webhooks/telegram/${bot.siteId}`, given)).status).toBe(401);
        expect((await post(`${bot.base}/webhooks/telegram`, given)).status).toBe(401);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(tor4youCalls - before).toBe(0);
    } finally {
      await bot.stop();
    }
  });

  it("a secret shorter than 16 characters stops the program with one line", async () => {
    const bot = await startBot({
      TELEGRAM_WEBHOOK_URL: "http://127.0.0.1:9/",
      TELEGRAM_WEBHOOK_SECRET: "short-secret",
    });
    expect(bot.code).toBe(1);
    expect(bot.err).toEqual([
      "start: TELEGRAM_WEBHOOK_SECRET: is 12 characters; use at least 16 (or leave it unset: one is derived from the bot token)",
    ]);
  });
});

/** A Bot API that knows the bot, keeps what setWebhook was given and has no updates (long polls wait). */
async function startQuietTelegram() {
  const setWebhook: unknown[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      const method = req.url?.split("/").at(-1);
      const reply = (result: unknown) => res.end(JSON.stringify({ ok: true, result }));
      if (method === "getMe")
        return reply({ id: 700111, is_bot: true, first_name: "Barber", username: "barber_test_bot" });
      if (method === "setWebhook") setWebhook.push(body ? JSON.parse(body) : {});
      if (method === "getUpdates") return setTimeout(() => reply([]), 200);
      return reply(true);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    setWebhook,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
