/**
 * Issue goal: a whole customer conversation through the real Telegram adapter costs no more per
 * turn than a plain grammY bot built the usual way (≤ 1.0×). One scripted conversation, ten
 * updates — "my appointments", the own contact, "book", service, branch, staff, the first date,
 * the first time, a typed full name, "Yes, book it" — runs through `bot.handleUpdate` on both:
 *
 *   ours      the project's Telegram channel (createTelegramChannel) over createApp: engine, Redis
 *             stores, chat lock, dedupe, Redis API budget, Tor4You client;
 *   baseline  grammY + @grammyjs/conversations, session and conversation state in Redis through
 *             @grammyjs/storage-redis, the project's Tor4You client for its calls.
 *
 * Both book on the same emulator (frozen at T0, demo seed, loopback) for a new Telegram user and
 * a new phone each time, interleaved. Bot API calls are answered in process: ours by an API
 * transformer; the baseline's conversations build their own Api client per replay (without the
 * bot's transformers), so there the fake sits in the client's `fetch` instead.
 *
 *   npx tsx bench/conversation-baseline.ts      (REDIS_URL; ROUNDS=150 WARMUP=10 MAX_SECONDS=60)
 */

import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import pino from "pino";
import { createTelegramChannel } from "../src/channels/telegram/telegram-channel.ts";
import { demoSiteDefaults } from "../src/config/load.ts";
import { createEmulator } from "../src/emulator/emulator.ts";
import { DEMO_BARBER_SITEID } from "../src/emulator/seed-demo.ts";
import { createApp } from "../src/roles/app.ts";
import { sitesFromEmulator } from "../src/roles/demo.ts";
import { deleteKeysUnder } from "../src/storage/prefix-cleanup.ts";
import { createTor4YouClient } from "../src/tor4you/client.ts";
import { TEST_APP_SECRET } from "../test/support/app-secret.ts";
import { fakeBotInfo } from "../test/support/fake-bot-api.ts";
import {
  buildBaseline,
  conversationSteps,
  countingFetch,
  fakeTelegram,
  NOWHERE,
  T0,
  UPDATES_PER_CONVERSATION,
} from "./conversation-bots.ts";

const ROUNDS = Number(process.env.ROUNDS ?? 150);
const WARMUP = Number(process.env.WARMUP ?? 10);
const MAX_SECONDS = Number(process.env.MAX_SECONDS ?? 60);

// ---------------------------------------------------------------------------------------------
// The harness: one scripted conversation, the same ten updates on either bot.

let nextUpdateId = 1;
let nextUserId = 700_000;
let nextCell = 0;

interface Side {
  name: string;
  bot: { handleUpdate(u: Update): Promise<void> };
  telegram: ReturnType<typeof fakeTelegram>;
  tor4you: { n: number; ms: number };
  ms: number[];
  conversations: number;
  booked: number;
  errors: number;
}

async function converse(side: Side, record: boolean) {
  const userId = nextUserId++;
  const steps = conversationSteps({
    side: side.name,
    userId,
    cell: `05098${String(nextCell++).padStart(5, "0")}`,
    nextUpdateId: () => nextUpdateId++,
    lastKeyboard: side.telegram.lastKeyboard,
  });
  for (const step of steps) {
    const update = step();
    const t = process.hrtime.bigint();
    await side.bot.handleUpdate(update);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (record) side.ms.push(ms);
  }
  if (record) side.conversations++;
  if (/booked/i.test(side.telegram.lastSent(userId)?.text ?? "")) {
    if (record) side.booked++;
  } else
    throw new Error(
      `${side.name}: the conversation did not end booked: ${side.telegram.lastSent(userId)?.text}`,
    );
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return { p50: p(0.5), p99: p(0.99), mean, perSecond: 1000 / mean };
}

async function main() {
  const prefix = `bench-${randomBytes(6).toString("hex")}`;
  const logger = pino({ level: "silent" });
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const ourRedis = new Redis(url, { maxRetriesPerRequest: null });
  const baseRedis = new Redis(url);
  const emulator = createEmulator({ start: T0, frozen: true, limits: { perMinute: 1e6, perDay: 1e7 } });
  const apiUrl = await emulator.listen(0, "127.0.0.1");
  const now = () => emulator.clock.now();
  // The demo's 600 calls a minute would throttle a benchmark; the Redis budget stays in the path.
  const sites = sitesFromEmulator(emulator, apiUrl, demoSiteDefaults({ CANCEL_CUTOFF: "3h" })).map((s) => ({
    ...s,
    tor4you: { ...s.tor4you, ratePerMinute: 1e6, ratePerDay: 1e7 },
  }));
  const site = sites.find((s) => s.id === DEMO_BARBER_SITEID)!;

  try {
    const ourCalls = { n: 0, ms: 0 };
    const app = createApp({
      appSecret: TEST_APP_SECRET,
      sites,
      redis: ourRedis,
      logger,
      defaultLocale: "he",
      keyPrefix: prefix,
      now,
      fetch: countingFetch(ourCalls),
    });
    const ourMe = fakeBotInfo(600_001, "bench_ours_bot");
    const ourTelegram = fakeTelegram(ourMe);
    const channel = createTelegramChannel({
      site: site.id,
      token: "600001:bench",
      apiRoot: NOWHERE,
      webhook: { url: "x", secret: "bench-secret-token-0001" },
      engine: app.engine,
      translator: app.translator,
      markUnreachable: (address) => app.identities.setPreferences(address, { unreachable: true }),
      logger,
      botInfo: ourMe,
    });
    channel.bot.api.config.use(ourTelegram.transformer);
    let ourErrors = 0;
    channel.bot.catch(() => ourErrors++); // the channel's own handler logs at warn, silenced here

    const baseCalls = { n: 0, ms: 0 };
    const baseTelegram = fakeTelegram(fakeBotInfo(777, "bench_baseline_bot"));
    let baseErrors = 0;
    const baseline = buildBaseline({
      client: createTor4YouClient({
        baseUrl: apiUrl,
        site: site.id,
        auth: site.tor4you.auth,
        zone: site.timezone,
        now,
        fetch: countingFetch(baseCalls),
      }),
      redis: baseRedis,
      prefix,
      now,
      zone: site.timezone,
      me: fakeBotInfo(777, "bench_baseline_bot"),
      telegram: baseTelegram,
      onError: () => baseErrors++,
    });

    const side = (
      name: string,
      bot: Side["bot"],
      telegram: Side["telegram"],
      tor4you: Side["tor4you"],
    ): Side => ({
      name,
      bot,
      telegram,
      tor4you,
      ms: [],
      conversations: 0,
      booked: 0,
      errors: 0,
    });
    const ours = side("ours", channel.bot, ourTelegram, ourCalls);
    const base = side("grammY+conversations", baseline, baseTelegram, baseCalls);

    for (let i = 0; i < WARMUP; i++) {
      await converse(ours, false);
      await converse(base, false);
    }
    const before = {
      ours: { t4y: ourCalls.n, t4yMs: ourCalls.ms, tg: ourTelegram.calls() },
      base: { t4y: baseCalls.n, t4yMs: baseCalls.ms, tg: baseTelegram.calls() },
    };
    const deadline = Date.now() + MAX_SECONDS * 1000;
    let rounds = 0;
    // Interleaved, the first of each pair alternating, so both meet the same emulator and Redis.
    for (; rounds < ROUNDS && Date.now() < deadline; rounds++) {
      const pair = rounds % 2 ? [base, ours] : [ours, base];
      for (const s of pair) await converse(s, true);
    }
    ours.errors = ourErrors;
    base.errors = baseErrors;

    const a = stats(ours.ms);
    const b = stats(base.ms);
    const ratio = a.mean / b.mean;
    // The emulator's answers (30 days of availability above all) weigh the same on both sides;
    // without them the ratio is that of our own processing against grammY's.
    const ownA = a.mean - (ourCalls.ms - before.ours.t4yMs) / ours.ms.length;
    const ownB = b.mean - (baseCalls.ms - before.base.t4yMs) / base.ms.length;
    const own = `without the Tor4You wait ${ownA.toFixed(2)} vs ${ownB.toFixed(2)} ms/update = ${(ownA / ownB).toFixed(2)}×`;
    const per = (n: number, s: Side) => (n / s.conversations).toFixed(1);
    const t4y = `Tor4You calls/conversation ${per(ourCalls.n - before.ours.t4y, ours)} vs ${per(baseCalls.n - before.base.t4y, base)}`;
    const tg = `Bot API calls/conversation ${per(ourTelegram.calls() - before.ours.tg, ours)} vs ${per(baseTelegram.calls() - before.base.tg, base)}`;
    const scaled = rounds < ROUNDS ? ` (stopped at ${MAX_SECONDS} s: ${rounds} of ${ROUNDS} rounds)` : "";
    const fmt = (s: ReturnType<typeof stats>) =>
      `p50 ${s.p50.toFixed(2)} ms p99 ${s.p99.toFixed(2)} ms ${s.perSecond.toFixed(0)} upd/s`;
    const summary =
      `ours ${fmt(a)}; grammY+conversations ${fmt(b)}; ours/baseline mean ${ratio.toFixed(2)}×` +
      ` (goal ≤ 1.0×) ${ratio <= 1 ? "OK" : "MISSED"}, ${own}; ${rounds} conversations each × ${UPDATES_PER_CONVERSATION} updates` +
      ` (my appointments + booking to "Yes, book it"), booked ${ours.booked}/${ours.conversations} vs ${base.booked}/${base.conversations},` +
      ` errors ${ours.errors} vs ${base.errors}; ${t4y}; ${tg}${scaled}`;
    console.log(`conversation: ${summary}`);
    appendFileSync(
      join(import.meta.dirname, "RESULTS.md"),
      `| ${new Date().toISOString().slice(0, 16)} | conversation-baseline | ${summary} | ${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version} |\n`,
    );
  } finally {
    await emulator.close();
    await deleteKeysUnder(ourRedis, prefix);
    await ourRedis.quit();
    await baseRedis.quit();
  }
}

await main();
