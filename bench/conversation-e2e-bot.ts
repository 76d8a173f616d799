/**
 * One bot of the end-to-end conversation benchmark, in its own process so that its CPU is its
 * own: `ours` (the production HTTP server with the Telegram channel's webhook route over createApp)
 * or `baseline` (grammY's webhookCallback on node:http, @grammyjs/conversations, Redis sessions).
 * Both call the benchmark's fake Bot API over HTTP and the emulator over HTTP. It prints its port,
 * then answers "stats" messages on its IPC channel with its CPU time and call counts.
 */

import { createServer } from "node:http";
import { webhookCallback } from "grammy";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { createTelegramChannel, TELEGRAM_PER_SECOND } from "../src/channels/telegram/telegram-channel.ts";
import type { SiteConfig } from "../src/config/types.ts";
import { createHttpServer } from "../src/http/server.ts";
import { createApp } from "../src/roles/app.ts";
import { createSendPacing } from "../src/storage/send-pacing.ts";
import { createTor4YouClient } from "../src/tor4you/client.ts";
import { TEST_APP_SECRET } from "../test/support/app-secret.ts";
import { fakeBotInfo } from "../test/support/fake-bot-api.ts";
import { buildBaseline, countingFetch } from "./conversation-bots.ts";

export interface BotConfig {
  role: "ours" | "baseline";
  site: SiteConfig;
  sites: SiteConfig[];
  botApiRoot: string;
  token: string;
  secret: string;
  prefix: string;
  t0: string;
}

const cfg = JSON.parse(process.env.E2E_BOT!) as BotConfig;
const T0 = DateTime.fromISO(cfg.t0, { setZone: true });
const now = () => T0;
const logger = pino({ level: "silent" });
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
// Redis commands this process sends (pipelined ones included), counted where ioredis sends them.
let redisCommands = 0;
const send = redis.sendCommand.bind(redis);
redis.sendCommand = ((...args: Parameters<typeof send>) => {
  redisCommands++;
  if (process.env.DEBUG_REDIS && cfg.role === "ours") {
    const c = args[0] as unknown as { name: string; args: unknown[] };
    console.error("REDIS", c.name, String(c.args[0]).replace(/^.*\}:/, ""));
  }
  return send(...args);
}) as typeof redis.sendCommand;
const tor4you = { n: 0, ms: 0 };
let errors = 0;
const failed = (e: unknown) => {
  errors++;
  if (process.env.DEBUG_E2E) console.error(cfg.role, e);
};

let port: number;
if (cfg.role === "ours") {
  const app = createApp({
    appSecret: TEST_APP_SECRET,
    sites: cfg.sites,
    redis,
    logger,
    defaultLocale: "he",
    keyPrefix: cfg.prefix,
    now,
    fetch: process.env.DEBUG_T4Y
      ? (((input, init) => {
          console.error("T4Y", String(input).split("?")[0]!.split("/").pop());
          return countingFetch(tor4you)(input, init);
        }) as typeof fetch)
      : countingFetch(tor4you),
  });
  const channel = createTelegramChannel({
    site: cfg.site.id,
    token: cfg.token,
    apiRoot: cfg.botApiRoot,
    webhook: { url: "http://127.0.0.1/unused", secret: cfg.secret },
    engine: app.engine,
    translator: app.translator,
    markUnreachable: (address) => app.identities.setPreferences(address, { unreachable: true }),
    logger,
    botInfo: fakeBotInfo(Number(cfg.token.split(":")[0]), "bench_ours_bot"),
    // As `start` wires it: every send of the bot takes its turn in Redis (Telegram's per-bot rate).
    pacing: createSendPacing(redis, app.keys, { perSecond: TELEGRAM_PER_SECOND }).forSite(cfg.site.id),
  });
  channel.bot.catch(failed);
  const http = await createHttpServer({
    logger,
    readiness: [],
    plugins: [channel.webhookRoute("/webhooks/telegram")],
  });
  await http.listen({ port: 0, host: "127.0.0.1" });
  port = (http.server.address() as { port: number }).port;
} else {
  const bot = buildBaseline({
    client: createTor4YouClient({
      baseUrl: cfg.site.tor4you.apiUrl,
      site: cfg.site.id,
      auth: cfg.site.tor4you.auth,
      zone: cfg.site.timezone,
      now,
      fetch: countingFetch(tor4you),
    }),
    redis,
    prefix: cfg.prefix,
    now,
    zone: cfg.site.timezone,
    me: fakeBotInfo(Number(cfg.token.split(":")[0]), "bench_baseline_bot"),
    apiRoot: cfg.botApiRoot,
    token: cfg.token,
    onError: failed,
  });
  // grammY answers Telegram after 10 s by default and lets the update run on; here the turn is
  // timed to its end, so it waits as long as ours does.
  const handle = webhookCallback(bot, "http", { secretToken: cfg.secret, timeoutMilliseconds: 60_000 });
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      failed(e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Keep-alive as long as fastify's (ours): node's 5 s default closes sockets the sender reuses.
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as { port: number }).port;
}

// An update that fails after its webhook was answered must not end the process: it is counted.
process.on("unhandledRejection", failed);
process.on("message", (m) => {
  if (m === "stats") {
    const cpu = process.cpuUsage();
    process.send?.({ cpuMs: (cpu.user + cpu.system) / 1000, redisCommands, tor4you: tor4you.n, errors });
  }
});
// The benchmark gone (killed, crashed): so is this bot.
process.on("disconnect", () => process.exit(0));
process.send?.({ port });
