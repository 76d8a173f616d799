/**
 * A worker process for the crash test: the production wiring (createApp + createBackground)
 * against the emulator and Redis the test gives it, "Telegram" being the test's recording
 * server. It is killed with SIGKILL mid-run, then started again.
 */
import pino from "pino";
import type { SiteConfig } from "../../../src/config/types.ts";
import { createMetrics } from "../../../src/http/metrics.ts";
import { createApp } from "../../../src/roles/app.ts";
import { createBackground } from "../../../src/roles/background.ts";
import { TEST_APP_SECRET } from "../../support/app-secret.ts";
import { connectTestRedis } from "../../support/test-redis.ts";

const { sites, prefix, sinkUrl } = JSON.parse(process.env.CRASH_WORKER_CONFIG!) as {
  sites: SiteConfig[];
  prefix: string;
  sinkUrl: string;
};
const redis = connectTestRedis({ maxRetriesPerRequest: null });
const logger = pino({ level: "silent" });
const app = createApp({
  appSecret: TEST_APP_SECRET,
  sites,
  redis,
  logger,
  defaultLocale: "en",
  keyPrefix: prefix,
});
const { jobs } = createBackground({
  sites,
  app,
  connection: redis,
  logger,
  metrics: createMetrics(),
  // A real network send: the customer has the message once the sink has recorded it.
  telegram: {
    has: () => true,
    send: async (_site, chatId, messages) => {
      const res = await fetch(sinkUrl, {
        method: "POST",
        body: JSON.stringify({ chatId, text: messages[0]?.text }),
      });
      if (!res.ok) throw new Error(`sink answered ${res.status}`);
      return "sent";
    },
  },
  takeover: { ledgerLeaseMs: 3_000, lockDuration: 2_000, stalledInterval: 1_000 },
});
jobs.startWorkers(["reminders", "telegram-outbound"]);
process.stdout.write("ready\n");
