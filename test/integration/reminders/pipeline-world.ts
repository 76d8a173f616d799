import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { createReconciler, type PlannedReminders } from "../../../jobs/reconcile.ts";
import { createJobs } from "../../../jobs/runtime.ts";
import { createApp } from "../../../src/app.ts";
import { demoSiteDefaults } from "../../../src/config/load.ts";
import type { OutboundMessage } from "../../../src/core/messages.ts";
import { sitesFromEmulator } from "../../../src/demo.ts";
import type { Appointment } from "../../../src/domain/appointment.ts";
import { createEmulator } from "../../../src/emulator/emulator.ts";
import { buildSeed, buildSite, type SeedSite } from "../../../src/emulator/seed.ts";
import { createSitePlans } from "../../../src/reminders/site-plans.ts";
import { createAppointmentSeen } from "../../../src/storage/appointment-marks.ts";
import { createChatDirectory } from "../../../src/storage/chat-directory.ts";
import { createRedisCursorStore } from "../../../src/storage/cursors.ts";
import { createReminderLedger } from "../../../src/storage/reminder-ledger.ts";

export const SITE = "710001";
export const CELL = "0527777777";

/**
 * The reminder pipeline as `start` runs it: the emulator on a real clock, BullMQ on the real
 * Redis under a private prefix, the real app, and a recording Telegram send.
 */
export async function startPipeline(opts: {
  appointments: (now: DateTime) => NonNullable<SeedSite["appointments"]>;
  /** Default: the sites' real policy (from `env`). */
  plan?: (appt: Appointment, now: DateTime) => PlannedReminders;
  offsets?: number[];
  env?: Record<string, string>;
  sendTelegram?: (chatId: string, messages: OutboundMessage[]) => Promise<void>;
}) {
  const emulator = createEmulator({
    // The site's own budget (600/min here) is what the test exercises, not the emulator's default.
    limits: { perMinute: 100_000, perDay: 1_000_000 },
    seed: (now) =>
      buildSeed(
        buildSite(SITE, {
          customers: [{ id: "900", first: "Noa", last: "Bar", cell: CELL }],
          appointments: opts.appointments(now),
        }),
      ),
  });
  const apiUrl = await emulator.listen(0);
  const prefix = `test-${randomBytes(6).toString("hex")}`;
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const logger = pino({ level: "silent" });
  const sites = sitesFromEmulator(emulator, apiUrl, demoSiteDefaults({ DEFAULT_LOCALE: "en", ...opts.env }));
  const sitePlans = createSitePlans(sites);
  const app = createApp({ sites, redis, logger, defaultLocale: "en", keyPrefix: prefix });
  const sent: Array<{ chatId: string; messages: OutboundMessage[]; at: number }> = [];
  const skips: string[] = [];
  const directory = createChatDirectory(redis, app.keys);
  const jobs = createJobs({
    connection: redis,
    prefix,
    sites: sites.map((s) => ({ id: s.id, timezone: s.timezone, scanEveryMs: s.scanEveryMs, horizonDays: 3 })),
    clients: app.clients,
    cursors: createRedisCursorStore({ redis, keys: app.keys }),
    ledger: createReminderLedger(redis, app.keys),
    reconcilerFor: (scheduler) =>
      createReconciler({
        scheduler,
        plan: (site, appt, now, seenAt) =>
          opts.plan ? opts.plan(appt, now) : sitePlans.plan(site, appt, now, seenAt),
        knownOffsets: (site) => opts.offsets ?? sitePlans.knownOffsets(site),
        now: () => DateTime.now(),
        logger,
        countSkip: (_s, reason) => skips.push(reason),
      }),
    chatsFor: directory.chatsFor,
    channels: () => ["telegram"],
    compose: (address, appt) => app.engine.prepareReminder(address, appt),
    composeNotice: (address, appt, kind) => app.engine.prepareNotice(address, appt, kind),
    ownChanges: app.ownChanges,
    seen: createAppointmentSeen(redis, app.keys),
    sendTelegram: async (_site, chatId, messages) => {
      await opts.sendTelegram?.(chatId, messages);
      sent.push({ chatId, messages, at: Date.now() });
      return "sent" as const;
    },
    now: () => DateTime.now(),
    logger,
    countSkip: (_s, reason) => skips.push(reason),
  });
  const chat = { site: SITE, channel: "telegram" as const, chatId: "5001" };
  await app.identities.link(chat, { cell: CELL, first: "Noa", linkedAt: Date.now() });

  return {
    emulator,
    app,
    jobs,
    redis,
    sent,
    skips,
    chat,
    adminUrl: apiUrl.replace(/\/api$/, "/__emulator"),
    async stop() {
      await jobs.close();
      await emulator.close();
      for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
        if ((keys as string[]).length) await redis.del(...(keys as string[]));
      }
      await redis.quit();
    },
  };
}

/** Offsets only (minutes before the start), nothing else: the policy has its own tests. */
export function offsetsOnly(offsetsMin: number[]) {
  return (appt: Appointment, now: DateTime): PlannedReminders => {
    const desired = offsetsMin
      .map((offsetMin) => ({ offsetMin, dueAt: appt.start.minus({ minutes: offsetMin }) }))
      .filter((d) => appt.status === "live" && d.dueAt > now.minus({ seconds: 5 }));
    return { desired, skipped: [] };
  };
}

export async function waitFor(check: () => boolean | Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
