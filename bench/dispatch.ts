/**
 * Issue goal: N reminders due in the same minute reach Telegram at ≥ 97% of the rate the Bot API
 * allows, with none sent twice and none lost. The real outbound path runs (reminders worker,
 * telegram-outbound worker, grammY with auto-retry) against a recording Bot API that answers 429
 * with retry_after beyond R messages in any 1 s window. The 10,000 at 30/s takes 333 s, so
 * this runs scaled down (N, R from the environment).
 *
 *   npx tsx bench/dispatch.ts      (REDIS_URL; N=1000 R=30 by default)
 */

import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { createTelegramChannel, TELEGRAM_PER_SECOND } from "../src/channels/telegram/telegram-channel.ts";
import { demoSiteDefaults } from "../src/config/load.ts";
import { createEmulator } from "../src/emulator/emulator.ts";
import { buildSeed, buildSite } from "../src/emulator/seed.ts";
import { createMetrics } from "../src/http/metrics.ts";
import { createApp } from "../src/roles/app.ts";
import { createBackground } from "../src/roles/background.ts";
import { sitesFromEmulator } from "../src/roles/demo.ts";
import { deleteKeysUnder } from "../src/storage/prefix-cleanup.ts";
import { createSendPacing } from "../src/storage/send-pacing.ts";
import { TEST_APP_SECRET } from "../test/support/app-secret.ts";
import { fakeBotInfo, startFakeBotApi } from "../test/support/fake-bot-api.ts";
import { dueReminderJob } from "../test/support/reminder-jobs.ts";

const N = Number(process.env.N ?? 1000);
const R = Number(process.env.R ?? 30);
const SITE = "810001";
const cellOf = (i: number) => `05280${String(i).padStart(5, "0")}`;

async function main() {
  const prefix = `bench-${randomBytes(4).toString("hex")}`;
  const logger = pino({ level: "silent" });
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const start = DateTime.now().plus({ hours: 3 }).startOf("minute");
  const emulator = createEmulator({
    limits: { perMinute: 1e6, perDay: 1e7 },
    seed: buildSeed(
      buildSite(SITE, {
        customers: Array.from({ length: N }, (_, i) => ({
          id: String(10_000 + i),
          first: "C",
          last: String(i),
          cell: cellOf(i),
        })),
        appointments: Array.from({ length: N }, (_, i) => ({
          id: String(100_000 + i),
          staff: i % 2 ? "12" : "11",
          service: "21",
          customer: String(10_000 + i),
          from: start,
          to: start.plus({ minutes: 30 }),
        })),
      }),
    ),
  });
  const apiUrl = await emulator.listen(0);
  // Records sendMessage per chat and, like Telegram, refuses beyond R a second.
  const botApi = await startFakeBotApi({ perSecond: R });
  const sites = sitesFromEmulator(
    emulator,
    apiUrl,
    demoSiteDefaults({
      DEFAULT_LOCALE: "en",
      REMINDER_OFFSETS: "2h",
      QUIET_HOURS: "off",
      SHABBAT_QUIET: "false",
    }),
  ).map((s) => ({ ...s, tor4you: { ...s.tor4you, ratePerMinute: 1e6, ratePerDay: 1e7 } }));
  const app = createApp({
    appSecret: TEST_APP_SECRET,
    sites,
    redis,
    logger,
    defaultLocale: "en",
    keyPrefix: prefix,
  });
  const pacing = createSendPacing(redis, app.keys, { perSecond: TELEGRAM_PER_SECOND });
  const channel = createTelegramChannel({
    site: SITE,
    token: "123456:AAbenchbenchbenchbenchbenchbench",
    apiRoot: botApi.url,
    engine: app.engine,
    translator: app.translator,
    markUnreachable: (address) => app.identities.setPreferences(address, { unreachable: true }),
    logger,
    // Skips getMe: the fake answers only what sending needs.
    botInfo: fakeBotInfo(1, "bench_bot"),
    // As `start` wires it (src/roles/base.ts): the bot's sends evenly spaced through Redis.
    pacing: pacing.forSite(SITE),
  });
  const { jobs } = createBackground({
    sites,
    app,
    connection: redis,
    logger,
    metrics: createMetrics(),
    telegram: { has: () => true, send: (_site, chatId, messages) => channel.send(chatId, messages) },
  });
  for (let i = 0; i < N; i++) {
    await app.identities.link(
      { site: SITE, channel: "telegram", chatId: String(7_000_000 + i) },
      { cell: cellOf(i), linkedAt: 0 },
    );
  }

  // Every reminder falls due at the same moment, a little after the workers are up.
  const dueAt = Date.now() + 2000;
  for (let i = 0; i < N; i += 500) {
    await jobs.queues.reminders.addBulk(
      Array.from({ length: Math.min(500, N - i) }, (_, k) =>
        dueReminderJob(
          SITE,
          { id: String(100_000 + i + k), from: start },
          {
            offsetMin: 120,
            delay: dueAt - Date.now(),
            backoff: { type: "exponential", delay: 5_000 },
          },
        ),
      ),
    );
  }
  jobs.startWorkers(["reminders", "telegram-outbound"]);

  // Done when every chat has its message and nothing is left to retry (a late duplicate would show).
  const deadline = Date.now() + ((3 * 2 * N) / R + 60) * 1000;
  const pending = async () => {
    const counts = await Promise.all(
      [jobs.queues.reminders, jobs.queues.telegram].map((q) =>
        q.getJobCounts("waiting", "active", "delayed", "prioritized"),
      ),
    );
    return counts.flatMap((c) => Object.values(c)).reduce((a, b) => a + b, 0);
  };
  while (Date.now() < deadline && (botApi.perChat.size < N || (await pending()) > 0)) {
    await new Promise((r) => setTimeout(r, 200));
  }
  const actual = (botApi.lastAt() - dueAt) / 1000;
  // A reminder is a text and its calendar file: two messages, both counted by Telegram's limit.
  const messages = botApi.sends.length;
  const ideal = messages / R;
  // A reminder renders to one sendMessage, so a second one in a chat is a duplicate.
  const duplicates = [...botApi.perChat.values()].filter((n) => n > 1).length;
  const lost = N - botApi.perChat.size;
  const ratio = ideal / actual;

  const scaled = N === 10_000 && R === 30 ? "" : `scaled: N=${N} at R=${R}/s (issue: 10000 at 30/s); `;
  // The rate while sending (first message to last), and the wait before the first: at the due
  // minute the first reminder runs the site's `lu` scan, which here lists all N appointments.
  const sending = (botApi.lastAt() - botApi.sends[0]!) / 1000;
  const rate = (messages - 1) / sending / R;
  const summary =
    `${scaled}delivered ${botApi.perChat.size}/${N} reminders as ${messages} messages (text and calendar file); ` +
    `while sending ${((messages - 1) / sending).toFixed(2)} messages/s = ${(rate * 100).toFixed(1)}% of ${R}/s; ` +
    `first message ${((botApi.sends[0]! - dueAt) / 1000).toFixed(2)} s after due, last ${actual.toFixed(1)} s after (ideal ${ideal.toFixed(1)} s, ${(ratio * 100).toFixed(1)}%); ` +
    `${botApi.tooMany()} × 429, ${duplicates} duplicates, ${lost} lost; each bot's sends evenly spaced at ${TELEGRAM_PER_SECOND}/s`;
  const ok = rate >= 0.97 && duplicates === 0 && lost === 0;
  console.log(`dispatch: ${summary} (goal: ≥ 97%, 0 duplicates, 0 lost) ${ok ? "OK" : "MISSED"}`);
  appendFileSync(
    join(import.meta.dirname, "RESULTS.md"),
    `| ${new Date().toISOString().slice(0, 16)} | dispatch | ${summary} | ${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version} |\n`,
  );

  await jobs.close();
  await botApi.close();
  await emulator.close();
  await deleteKeysUnder(redis, prefix);
  await redis.quit();
}

await main();
