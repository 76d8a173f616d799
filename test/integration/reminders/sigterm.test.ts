import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import { afterAll, beforeAll, expect, it } from "vitest";
import { QUEUES } from "../../../jobs/queues.ts";
import { createEmulator, type Emulator } from "../../../src/emulator/emulator.ts";
import { buildSeed, buildSite } from "../../../src/emulator/seed.ts";
import { createKeys } from "../../../src/storage/keys.ts";
import { deleteKeysUnder } from "../../../src/storage/prefix-cleanup.ts";
import { TEST_APP_SECRET } from "../../support/app-secret.ts";
import { startFakeBotApi } from "../../support/fake-bot-api.ts";
import { dueReminderJob } from "../../support/reminder-jobs.ts";
import { waitFor } from "./pipeline-world.ts";

const N = 100;
const SITE = "720001";
const TOKEN = "123456:AAsigtermtestsigtermtestsigterm";
// A database of its own: the worker runs as deployed, with the deployment's key prefix.
const REDIS_URL = "redis://127.0.0.1:6379/12";
const PREFIX = "t4y";

let emulator: Emulator;
let redis: Redis;
let botApi: Awaited<ReturnType<typeof startFakeBotApi>>;
let sinkUrl = "";
const appts: Array<{ id: string; from: DateTime }> = [];

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  await deleteKeysUnder(redis, PREFIX);
  const from = DateTime.now()
    .setZone("Asia/Jerusalem")
    .plus({ days: 10 })
    .set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  for (let i = 0; i < N; i++) appts.push({ id: String(40_000 + i), from });
  emulator = createEmulator({
    // The API budget is not what this test is about.
    limits: { perMinute: 100_000, perDay: 1_000_000 },
    seed: buildSeed(
      buildSite(SITE, {
        customers: appts.map((_, i) => ({
          id: String(6000 + i),
          first: "C",
          last: String(i),
          cell: `05280${String(i).padStart(5, "0")}`,
        })),
        appointments: appts.map((a, i) => ({
          id: a.id,
          staff: "11",
          service: "21",
          customer: String(6000 + i),
          from: a.from,
          to: a.from.plus({ minutes: 30 }),
        })),
      }),
    ),
  });
  // The Telegram Bot API as the worker sees it: it records every sendMessage, a little slowly.
  botApi = await startFakeBotApi({ delayMs: 20 });
  sinkUrl = botApi.url;
  const apiUrl = await emulator.listen(0, "127.0.0.1");

  // The customers' Telegram chats, linked to their phones as the chat would link them.
  const { createApp } = await import("../../../src/roles/app.ts");
  const { loadConfig } = await import("../../../src/config/load.ts");
  const pino = (await import("pino")).default;
  const config = loadConfig(workerEnv(apiUrl));
  const app = createApp({
    appSecret: config.appSecret!,
    sites: config.sites,
    redis,
    logger: pino({ level: "silent" }),
    defaultLocale: "en",
    keyPrefix: PREFIX,
  });
  for (let i = 0; i < N; i++) {
    await app.identities.link(
      { site: SITE, channel: "telegram", chatId: String(8000 + i) },
      { cell: `05280${String(i).padStart(5, "0")}`, linkedAt: 0 },
    );
  }
  envForWorker = workerEnv(apiUrl);
}, 30_000);

let worker: ChildProcess | undefined;
afterAll(async () => {
  // A worker left running would take the next run's jobs.
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  await deleteKeysUnder(redis, PREFIX);
  await redis.quit();
  await botApi.close();
  await emulator.close();
});

let envForWorker: Record<string, string> = {};
function workerEnv(apiUrl: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    REDIS_URL,
    TOR4YOU_API_URL: apiUrl,
    TOR4YOU_TORKEY: `${SITE}-token`,
    TOR4YOU_SITEID: SITE,
    TELEGRAM_BOT_TOKEN: TOKEN,
    APP_SECRET: TEST_APP_SECRET,
    TELEGRAM_API_ROOT: sinkUrl,
    // One reminder a minute before: the appointments, ten days away, are outside the scan's window.
    REMINDER_OFFSETS: "1m",
    TOR4YOU_RATE_PER_MINUTE: "100000",
    TOR4YOU_RATE_PER_DAY: "1000000",
    DEFAULT_LOCALE: "en",
    LOG_LEVEL: process.env.SIGTERM_LOG ?? "warn",
  };
}

/** `tor4you-bot start --role worker`, exactly as deployed. */
function startWorker(): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["bin/tor4you-bot.js", "start", "--role", "worker"], {
    cwd: join(import.meta.dirname, "../../.."),
    env: envForWorker,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    proc.stdout!.on("data", (d) => {
      if (process.env.SIGTERM_LOG) process.stderr.write(d);
      if (String(d).includes("workers:")) resolve(proc);
    });
    proc.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

it(`SIGTERM during ${N} due reminders: the worker finishes what it holds, none is lost, none doubled`, async () => {
  const queue = new Queue(QUEUES.reminders, { connection: redis, prefix: PREFIX });
  await queue.addBulk(appts.map((a) => dueReminderJob(SITE, a)));
  await queue.close();

  worker = await startWorker();
  await waitFor(() => botApi.perChat.size >= 25, 30_000).catch(async (e) => {
    const q = new Queue(QUEUES.reminders, { connection: redis, prefix: PREFIX });
    const t = new Queue(QUEUES.telegramOutbound, { connection: redis, prefix: PREFIX });
    const counts = [
      await q.getJobCounts(),
      await t.getJobCounts(),
      (await q.getFailed())[0]?.failedReason,
      (await t.getFailed())[0]?.failedReason,
    ];
    throw new Error(`only ${botApi.perChat.size} delivered: ${e} ${JSON.stringify(counts)}`);
  });
  const signalledAt = Date.now();
  worker.kill("SIGTERM");
  const code = await new Promise<number | null>((r) => worker!.once("exit", (c) => r(c)));
  const stopMs = Date.now() - signalledAt;
  const atStop = botApi.perChat.size;
  expect(code).toBe(0);

  const restartedAt = Date.now();
  worker = await startWorker();
  const keys = createKeys(PREFIX, TEST_APP_SECRET);
  const ledger = async () => {
    const states = { sent: 0, uncertain: 0, other: 0 };
    for (const a of appts) {
      const v = await redis.get(keys.reminderLedger(SITE, a.id, 1, a.from.toFormat("yyyyMMddHHmm")));
      if (v === "sent") states.sent++;
      else if (v === "uncertain") states.uncertain++;
      else states.other++;
    }
    return states;
  };
  await waitFor(async () => (await ledger()).other === 0, 60_000).catch(async (e) => {
    const q = new Queue(QUEUES.reminders, { connection: redis, prefix: PREFIX });
    const t = new Queue(QUEUES.telegramOutbound, { connection: redis, prefix: PREFIX });
    const info = [
      await ledger(),
      botApi.perChat.size,
      await q.getJobCounts(),
      await t.getJobCounts(),
      (await q.getFailed())[0]?.failedReason,
      (await t.getFailed())[0]?.failedReason,
      (await q.getFailed())
        .map((j) => [j.attemptsMade, (j.finishedOn ?? 0) - signalledAt, j.stacktrace?.[0]?.slice(0, 300)])
        .slice(0, 2),
      restartedAt - signalledAt,
      await fetch(`${envForWorker.TOR4YOU_API_URL}/siteinfo`).then(
        (r) => r.status,
        (x) => String(x),
      ),
    ];
    throw new Error(`${e} ${JSON.stringify(info)}`);
  });
  worker.kill("SIGTERM");
  await new Promise((r) => worker!.once("exit", r));

  const states = await ledger();
  const twice = [...botApi.perChat.values()].filter((n) => n > 1).length;
  console.log(
    `sigterm test: stopped ${stopMs} ms after SIGTERM with ${atStop}/${N} delivered; after restart ` +
      `${botApi.perChat.size}/${N} delivered, ${twice} twice, ${states.uncertain} uncertain`,
  );
  expect(twice).toBe(0);
  expect(botApi.perChat.size).toBe(N);
  expect(states).toEqual({ sent: N, uncertain: 0, other: 0 });
}, 120_000);
