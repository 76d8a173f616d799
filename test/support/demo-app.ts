import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import pino from "pino";
import type { Jobs } from "../../jobs/runtime.ts";
import { demoSiteDefaults } from "../../src/config/load.ts";
import type { SiteConfig } from "../../src/config/types.ts";
import { createEmulator } from "../../src/emulator/emulator.ts";
import type { Seed } from "../../src/emulator/seed.ts";
import type { WireMode } from "../../src/emulator/variants.ts";
import { createMetrics } from "../../src/http/metrics.ts";
import { createLogger } from "../../src/log/logger.ts";
import { createApp } from "../../src/roles/app.ts";
import { createBackground } from "../../src/roles/background.ts";
import { sitesFromEmulator } from "../../src/roles/demo.ts";
import { TOR4YOU_ZONE } from "../../src/tor4you/dates.ts";
import { TEST_APP_SECRET } from "./app-secret.ts";
import { deletePrefix } from "./redis-prefix.ts";
import { connectTestRedis } from "./test-redis.ts";

/** Monday 23 Nov 2026, 10:00 in Israel: a working day with the demo's appointments around it. */
export const T0 = DateTime.fromISO("2026-11-23T10:00:00", { zone: TOR4YOU_ZONE });

/**
 * The app as `start` builds it, on the emulator (frozen at T0, the demo seed by default) and the
 * real Redis under a private key prefix that `stop` deletes.
 */
export async function startDemoApp(
  opts: {
    seed?: Seed | ((now: DateTime) => Seed);
    env?: Record<string, string>;
    logLevel?: string;
    /** Every log line, at debug level, through the production logger (its redaction included). */
    logSink?: (line: string) => void;
    /** Settings the environment cannot express (staff chats of a sites file), for every site. */
    site?: Partial<Omit<SiteConfig, "id" | "name" | "tor4you">>;
    /** The per-chat turn limit and the reminders' reserve, as `start` takes them from the environment. */
    chatTurnsPerMinute?: number;
    reminderReservePercent?: number;
    /** Each site's Tor4You budget (the demo's is 600 a minute). */
    ratePerMinute?: number;
    /** The emulator's wire: `variants` answers in the other shapes the reference leaves open. */
    wire?: WireMode;
  } = {},
) {
  const emulator = createEmulator({ start: T0, frozen: true, seed: opts.seed, wire: opts.wire });
  const apiUrl = await emulator.listen(0);
  // BullMQ workers need maxRetriesPerRequest: null; the stores do not mind it.
  const redis = connectTestRedis({ maxRetriesPerRequest: null });
  const prefix = `test-${randomBytes(6).toString("hex")}`;
  const logger = opts.logSink
    ? createLogger({ level: "debug", destination: { write: (line: string) => opts.logSink!(line) } })
    : pino({ level: opts.logLevel ?? "silent" });
  const sites = sitesFromEmulator(emulator, apiUrl, {
    ...demoSiteDefaults({ CANCEL_CUTOFF: "3h", ...opts.env }),
    ...opts.site,
  }).map((s) =>
    opts.ratePerMinute ? { ...s, tor4you: { ...s.tor4you, ratePerMinute: opts.ratePerMinute } } : s,
  );
  const app = createApp({
    appSecret: TEST_APP_SECRET,
    sites,
    redis,
    logger,
    defaultLocale: "he",
    keyPrefix: prefix,
    now: () => emulator.clock.now(),
    chatTurnsPerMinute: opts.chatTurnsPerMinute,
    reminderReservePercent: opts.reminderReservePercent,
  });
  return {
    emulator,
    redis,
    prefix,
    logger,
    sites,
    app,
    async stop() {
      await emulator.close();
      await deletePrefix(redis, prefix);
      await redis.quit();
    },
  };
}

/** Makes an appointment's reminder due now, as the planner would at its time. */
export async function remindNow(
  jobs: Jobs,
  site: string,
  appt: { id: string; from: DateTime },
  offsetMin = 1440,
) {
  await jobs.queues.reminders.add(
    "remind",
    { site, apptId: appt.id, offsetMin, plannedStart: appt.from.toUTC().toISO()! },
    { jobId: `r-${site}-${appt.id}-${offsetMin}m` },
  );
}

/** The background (jobs, webhook routes) of a demo app, wired as `start` wires it; no channel unless given. */
export function demoBackground(
  demo: Awaited<ReturnType<typeof startDemoApp>>,
  extra: Partial<Parameters<typeof createBackground>[0]> = {},
) {
  return createBackground({
    sites: demo.sites,
    app: demo.app,
    connection: demo.redis,
    logger: demo.logger,
    metrics: createMetrics(),
    ...extra,
  });
}
