/**
 * A worker process for the crash test: the real jobs runtime (reminders + telegram outbound)
 * against the emulator and Redis the test gives it, sending to the test's recording server.
 * It is killed with SIGKILL mid-run, then started again.
 */
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { createReconciler } from "../../../jobs/reconcile.ts";
import { createJobs } from "../../../jobs/runtime.ts";
import { createApp } from "../../../src/app.ts";
import type { SiteConfig } from "../../../src/config/types.ts";
import { createAppointmentSeen } from "../../../src/storage/appointment-marks.ts";
import { createChatDirectory } from "../../../src/storage/chat-directory.ts";
import { createRedisCursorStore } from "../../../src/storage/cursors.ts";
import { createReminderLedger } from "../../../src/storage/reminder-ledger.ts";

const { sites, prefix, sinkUrl } = JSON.parse(process.env.CRASH_WORKER_CONFIG!) as {
  sites: SiteConfig[];
  prefix: string;
  sinkUrl: string;
};
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
const logger = pino({ level: "silent" });
const app = createApp({ sites, redis, logger, defaultLocale: "en", keyPrefix: prefix });
const directory = createChatDirectory(redis, app.keys);
const jobs = createJobs({
  connection: redis,
  prefix,
  sites: sites.map((s) => ({ id: s.id, timezone: s.timezone, scanEveryMs: s.scanEveryMs, horizonDays: 3 })),
  clients: app.clients,
  cursors: createRedisCursorStore({ redis, keys: app.keys }),
  ledger: createReminderLedger(redis, app.keys, { leaseMs: 3_000 }),
  reconcilerFor: (scheduler) =>
    createReconciler({
      scheduler,
      plan: () => ({ desired: [], skipped: [] }),
      knownOffsets: () => [1],
      now: () => DateTime.now(),
      logger,
    }),
  chatsFor: directory.chatsFor,
  channels: () => ["telegram"],
  compose: (address, appt) => app.engine.prepareReminder(address, appt),
  ownChanges: app.ownChanges,
  seen: createAppointmentSeen(redis, app.keys),
  // A real network send: the customer has the message once the sink has recorded it.
  sendTelegram: async (_site, chatId, messages) => {
    const res = await fetch(sinkUrl, {
      method: "POST",
      body: JSON.stringify({ chatId, text: messages[0]?.text }),
    });
    if (!res.ok) throw new Error(`sink answered ${res.status}`);
    return "sent" as const;
  },
  now: () => DateTime.now(),
  logger,
  workerTuning: { lockDuration: 2_000, stalledInterval: 1_000 },
});
jobs.startWorkers(["reminders", "telegram-outbound"]);
process.stdout.write("ready\n");
