import type { Logger } from "pino";
import { whatsappOutboundProducer } from "../../jobs/whatsapp-outbound.ts";
import {
  createTelegramChannel,
  TELEGRAM_PER_SECOND,
  type TelegramChannel,
} from "../channels/telegram/telegram-channel.ts";
import type { AppConfig, SiteConfig } from "../config/types.ts";
import { derivedWebhookSecret } from "../config/webhook-secret.ts";
import { createMetrics } from "../http/metrics.ts";
import { isLocale } from "../i18n/translator.ts";
import { resolveAppSecret } from "../storage/app-secret.ts";
import { migrateKeyNames } from "../storage/key-migration.ts";
import { appSecretKey, createKeys } from "../storage/keys.ts";
import { deleteKeysUnder } from "../storage/prefix-cleanup.ts";
import { connectRedis, redisTargetFromEnv } from "../storage/redis-connection.ts";
import { createSendPacing } from "../storage/send-pacing.ts";
import { createApp } from "./app.ts";
import { createBackground } from "./background.ts";
import { type DemoBackend, startDemoBackend } from "./demo.ts";
import { seedDemoActivity } from "./demo-history.ts";
import { ensureRedis } from "./redis-access.ts";
import { sessionsBySite } from "./session-sites.ts";
import type { Shutdown } from "./shutdown.ts";

/**
 * What every role shares: the sites (the demo's emulator when there are no credentials), one Redis
 * connection, the app (engine, stores, Tor4You clients), metrics, the Telegram bots (not started),
 * and the background jobs' producers. Nothing here consumes work or listens; the roles do.
 */
export async function openBase(deps: {
  config: AppConfig;
  env: Record<string, string | undefined>;
  logger: Logger;
  shutdown: Shutdown;
  print: (line: string) => void;
}) {
  const { config, logger, shutdown, print } = deps;
  let sites: readonly SiteConfig[] = config.sites;
  let demo: DemoBackend | undefined;
  if (config.demo) {
    demo = await startDemoBackend(deps.env, logger);
    sites = demo.sites;
    const emulator = demo.emulator;
    shutdown.add("backends", () => emulator.close());
    print(
      `tor4you-bot DEMO: no Tor4You credentials, so it runs on the built-in Tor4You emulator at ${emulator.baseUrl}`,
    );
    print(
      "  to run for real, set TOR4YOU_TORKEY (or TOR4YOU_SITEID + TOR4YOU_KEY + TOR4YOU_SECRET) or SITES_FILE",
    );
  } else {
    print(`tor4you-bot: ${sites.length} site(s): ${sites.map((s) => s.id).join(", ")}`);
  }

  // On a cluster the client finds its masters itself; one server is probed first (the demo may start its own).
  const redisAccess = config.redisClusterNodes
    ? { url: config.redisUrl, stop: async () => {} }
    : await ensureRedis(config.redisUrl, { demo: config.demo, say: print });
  shutdown.add("backends", redisAccess.stop);
  // BullMQ needs maxRetriesPerRequest: null; the same connection serves the stores.
  const redis = connectRedis(
    redisTargetFromEnv({ REDIS_URL: redisAccess.url, REDIS_CLUSTER_NODES: config.redisClusterNodes }),
    { maxRetriesPerRequest: null, lazyConnect: true },
  );
  redis.on("error", (e) => logger.warn({ err: e.message }, "redis error"));
  await redis.connect();
  shutdown.add("redis", () => redis.quit());

  const defaultLocale = isLocale(config.defaultLocale) ? config.defaultLocale : "he";
  // The demo's emulator starts afresh every time, so its state in Redis does too: a cursor or
  // ledger entry left by an earlier demo would describe appointments that no longer exist.
  const keyPrefix = config.demo ? "t4y-demo" : "t4y";
  if (config.demo) {
    await deleteKeysUnder(redis, keyPrefix);
    shutdown.add("redis", () => deleteKeysUnder(redis, keyPrefix));
  }
  const { secret: appSecret, generated } = await resolveAppSecret(redis, keyPrefix, config.appSecret);
  if (generated && !config.demo)
    logger.warn(
      { key: appSecretKey(keyPrefix) },
      "APP_SECRET is unset: using one generated and kept in Redis; set APP_SECRET (64 hex, e.g. openssl rand -hex 32) to keep it out of Redis backups",
    );
  await migrateKeyNames(redis, createKeys(keyPrefix, appSecret), (counts) =>
    logger.info(counts, "Redis key names moved to HMACs (APP_SECRET)"),
  );
  const app = createApp({
    appSecret,
    sites,
    redis,
    logger,
    defaultLocale,
    keyPrefix,
    chatTurnsPerMinute: config.chatTurnsPerMinute,
    reminderReservePercent: config.reminderReservePercent,
  });
  // The demo's past, written while the rest starts; the admin pages wait for it (`demoHistory`).
  const demoHistory = demo
    ? seedDemoActivity({ emulator: demo.emulator, sites, redis, keys: app.keys, now: app.now() })
    : Promise.resolve();
  demoHistory.catch((e: Error) => logger.warn({ err: e.message }, "demo history not written"));
  const metrics = createMetrics();
  const { sessionFor, siteOf } = sessionsBySite(sites);
  const whatsappProducer = whatsappOutboundProducer(redis, app.keys.prefix, app.outbox);
  shutdown.add("queues", () => whatsappProducer.close());

  const telegram = new Map<string, TelegramChannel>();
  const pacing = createSendPacing(redis, app.keys, { perSecond: TELEGRAM_PER_SECOND });
  for (const site of sites) {
    if (!site.telegram) continue;
    const webhookBase = site.telegram.webhookUrl;
    telegram.set(
      site.id,
      createTelegramChannel({
        site: site.id,
        token: site.telegram.token,
        apiRoot: site.telegram.apiRoot,
        webhook: webhookBase
          ? {
              url: webhookUrlFor(webhookBase, site.id, sites),
              secret: site.telegram.webhookSecret ?? derivedWebhookSecret(site.telegram.token),
            }
          : undefined,
        engine: app.engine,
        translator: app.translator,
        markUnreachable: (address) => app.identities.setPreferences(address, { unreachable: true }),
        logger,
        pacing: pacing.forSite(site.id),
      }),
    );
  }

  const background = createBackground({
    sites,
    app,
    connection: redis,
    logger,
    metrics,
    telegram: {
      has: (site) => telegram.has(site),
      send: (site, chatId, messages, progress) => {
        const channel = telegram.get(site);
        if (!channel) throw new Error(`site ${site} has no Telegram bot`);
        return channel.send(chatId, messages, { progress });
      },
    },
    whatsapp: { sessionFor, enqueue: whatsappProducer.enqueue },
  });
  shutdown.add("queues", () => background.jobs.closeQueues());

  return {
    config,
    logger,
    shutdown,
    print,
    sites,
    demo,
    /** Settles once the demo's history is written (at once outside the demo). */
    demoHistory: demoHistory.then(
      () => undefined,
      () => undefined,
    ),
    redis,
    app,
    metrics,
    telegram,
    background,
    whatsappProducer,
    /** WhatsApp session name -> the site it serves. */
    siteOf,
  };
}
export type Base = Awaited<ReturnType<typeof openBase>>;

/** `TELEGRAM_WEBHOOK_URL` names the server; each site's bot gets its own path on it. */
function webhookUrlFor(base: string, site: string, sites: readonly SiteConfig[]): string {
  const url = new URL(base);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/webhooks/telegram";
  const single = sites.filter((s) => s.telegram).length === 1;
  return single ? url.toString() : `${url.toString().replace(/\/$/, "")}/${site}`;
}
