import { randomBytes } from "node:crypto";
import type { DateTime } from "luxon";
import pino from "pino";
import type { PlannedReminders } from "../../../jobs/reconcile.ts";
import { demoSiteDefaults } from "../../../src/config/load.ts";
import type { OutboundMessage } from "../../../src/core/messages.ts";
import type { Appointment } from "../../../src/domain/appointment.ts";
import { createEmulator } from "../../../src/emulator/emulator.ts";
import { buildSeed, buildSite, type SeedSite } from "../../../src/emulator/seed.ts";
import { createMetrics } from "../../../src/http/metrics.ts";
import { createApp } from "../../../src/roles/app.ts";
import { createBackground } from "../../../src/roles/background.ts";
import { sitesFromEmulator } from "../../../src/roles/demo.ts";
import { TEST_APP_SECRET } from "../../support/app-secret.ts";
import { deletePrefix } from "../../support/redis-prefix.ts";
import { connectTestRedis } from "../../support/test-redis.ts";

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
  /** The site's own API budget a minute (default 600). */
  ratePerMinute?: number;
  /** Sees every Tor4You call (the app's own fetch). */
  fetch?: typeof fetch;
  /** How soon a dead sender's claim, lock or stall is taken over (production: a minute, 30 s). */
  takeover?: { ledgerLeaseMs?: number; lockDuration?: number; stalledInterval?: number };
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
  const redis = connectTestRedis({ maxRetriesPerRequest: null });
  const logger = pino({ level: "silent" });
  const sites = sitesFromEmulator(
    emulator,
    apiUrl,
    demoSiteDefaults({ DEFAULT_LOCALE: "en", ...opts.env }),
  ).map((s) =>
    opts.ratePerMinute ? { ...s, tor4you: { ...s.tor4you, ratePerMinute: opts.ratePerMinute } } : s,
  );
  const app = createApp({
    appSecret: TEST_APP_SECRET,
    sites,
    redis,
    logger,
    defaultLocale: "en",
    keyPrefix: prefix,
    fetch: opts.fetch,
  });
  const sent: Array<{ chatId: string; messages: OutboundMessage[]; at: number }> = [];
  const skips: string[] = [];
  const counted = createMetrics();
  const metrics = {
    ...counted,
    skipped: (site: string, reason: string) => {
      skips.push(reason);
      counted.skipped(site, reason);
    },
  };
  const { jobs } = createBackground({
    sites,
    app,
    connection: redis,
    logger,
    metrics,
    telegram: {
      has: () => true,
      send: async (_site, chatId, messages) => {
        await opts.sendTelegram?.(chatId, messages);
        sent.push({ chatId, messages, at: Date.now() });
        return "sent";
      },
    },
    takeover: opts.takeover,
    plans: opts.plan
      ? { plan: (_site, appt, now) => opts.plan!(appt, now), knownOffsets: () => opts.offsets ?? [] }
      : undefined,
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
      await deletePrefix(redis, prefix);
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
