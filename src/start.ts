import { whatsappOutboundProducer } from "../jobs/whatsapp-outbound.ts";
import { createApp } from "./app.ts";
import { createBackground } from "./background.ts";
import { createTelegramChannel, type TelegramChannel } from "./channels/telegram/telegram-channel.ts";
import { createWebChatChannel } from "./channels/webchat/webchat-channel.ts";
import type { CliIO } from "./cli.ts";
import { loadConfig } from "./config/load.ts";
import type { SiteConfig } from "./config/types.ts";
import { derivedWebhookSecret } from "./config/webhook-secret.ts";
import { InvalidInputError } from "./core/errors.ts";
import { demoBusinesses, demoReminder, pointDemoWebhooks, startDemoBackend } from "./demo.ts";
import { adminRoutes } from "./http/admin-page.ts";
import { createMetrics } from "./http/metrics.ts";
import { metricsRoute } from "./http/metrics-route.ts";
import { createHttpServer } from "./http/server.ts";
import { statsRoute } from "./http/stats-page.ts";
import { webhookHealthSection, webhookReadiness } from "./http/webhook-health-section.ts";
import { isLocale } from "./i18n/translator.ts";
import { createLogger } from "./log/logger.ts";
import { ensureRedis } from "./redis-access.ts";
import { adminSite, createBoardSource } from "./roles/admin-board.ts";
import { collectStats } from "./stats-report.ts";
import { deleteKeysUnder } from "./storage/prefix-cleanup.ts";
import { connectRedis, redisTargetFromEnv } from "./storage/redis-connection.ts";
import { sessionsBySite, startWhatsAppSessions } from "./whatsapp-role.ts";

const ROLES = ["all", "web", "worker", "whatsapp"] as const;

/**
 * The composition root: parse config once, build every part with its dependencies, start the
 * roles this process runs, and stop them in order when asked: intake first (HTTP, Telegram),
 * then workers (active jobs finish), WhatsApp's browsers, queues, and Redis last; a second
 * signal exits at once (close-with-grace, in main.ts).
 */
export async function runStart(opts: { role: string; session?: string }, io: CliIO): Promise<number> {
  if (!(ROLES as readonly string[]).includes(opts.role)) {
    throw new InvalidInputError("--role", `"${opts.role}" is not one of ${ROLES.join(", ")}`);
  }
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel });
  const closers: Array<() => Promise<unknown>> = [];

  let sites: readonly SiteConfig[] = config.sites;
  let demo: Awaited<ReturnType<typeof startDemoBackend>> | undefined;
  if (config.demo) {
    demo = await startDemoBackend(io.env, logger);
    sites = demo.sites;
    const emulator = demo.emulator;
    closers.push(() => emulator.close());
    io.out(
      `tor4you-bot DEMO: no Tor4You credentials, so it runs on the built-in Tor4You emulator at ${emulator.baseUrl}`,
    );
    io.out(
      "  to run for real, set TOR4YOU_TORKEY (or TOR4YOU_SITEID + TOR4YOU_KEY + TOR4YOU_SECRET) or SITES_FILE",
    );
  } else {
    io.out(`tor4you-bot: ${sites.length} site(s): ${sites.map((s) => s.id).join(", ")}`);
  }

  // On a cluster the client finds its masters itself; one server is probed first (the demo may start its own).
  const redisAccess = config.redisClusterNodes
    ? { url: config.redisUrl, stop: async () => {} }
    : await ensureRedis(config.redisUrl, { demo: config.demo, say: io.out });
  closers.push(redisAccess.stop);
  // BullMQ needs maxRetriesPerRequest: null; the same connection serves the stores.
  const redis = connectRedis(
    redisTargetFromEnv({ REDIS_URL: redisAccess.url, REDIS_CLUSTER_NODES: config.redisClusterNodes }),
    { maxRetriesPerRequest: null, lazyConnect: true },
  );
  redis.on("error", (e) => logger.warn({ err: e.message }, "redis error"));
  await redis.connect();
  closers.unshift(() => redis.quit());

  const defaultLocale = isLocale(config.defaultLocale) ? config.defaultLocale : "he";
  // The demo's emulator starts afresh every time, so its state in Redis does too: a cursor or
  // ledger entry left by an earlier demo would describe appointments that no longer exist.
  const keyPrefix = config.demo ? "t4y-demo" : "t4y";
  if (config.demo) {
    await deleteKeysUnder(redis, keyPrefix);
    closers.unshift(() => deleteKeysUnder(redis, keyPrefix));
  }
  const app = createApp({ sites, redis, logger, defaultLocale, keyPrefix });
  const metrics = createMetrics();
  const intake = opts.role === "all" || opts.role === "web";
  const working = opts.role === "all" || opts.role === "worker";
  const { sessionFor, siteOf } = sessionsBySite(sites);
  const ownedSessions =
    opts.role === "all" ? [...siteOf.keys()] : opts.role === "whatsapp" ? [opts.session!] : [];
  for (const name of ownedSessions) {
    if (!siteOf.has(name))
      throw new InvalidInputError("--session", `"${name}" is not in WHATSAPP_SESSIONS or the sites file`);
  }
  const whatsappProducer = whatsappOutboundProducer(redis, app.keys.prefix, app.outbox);
  closers.unshift(() => whatsappProducer.close());

  const telegram = new Map<string, TelegramChannel>();
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
      send: (site, chatId, messages) => {
        const channel = telegram.get(site);
        if (!channel) throw new Error(`site ${site} has no Telegram bot`);
        return channel.send(chatId, messages);
      },
    },
    whatsapp: { sessionFor, enqueue: whatsappProducer.enqueue },
  });
  closers.unshift(() => background.jobs.closeQueues());

  const whatsapp = startWhatsAppSessions({
    names: ownedSessions,
    sites,
    app,
    connection: redis,
    dataDir: config.whatsapp.dataDir,
    chromiumPath: config.whatsapp.chromiumPath,
    pairingPhone: config.whatsapp.pairingPhone,
    logger,
    print: io.out,
    countSent: metrics.sent,
    countSkip: background.countSkip,
    sessionUp: metrics.whatsappSession,
  });
  // Shutdown order: intake (HTTP, Telegram), workers (active jobs finish), WhatsApp's browsers,
  // queues, Redis. Each `unshift` runs before everything registered earlier.
  closers.unshift(() => whatsapp.close());
  closers.unshift(() => background.jobs.closeWorkers());
  for (const name of ownedSessions)
    io.out(`  whatsapp: session ${name} for site ${siteOf.get(name)} (pair with the QR printed here)`);

  if (intake) {
    const firstTelegram = sites.find((s) => s.telegram)?.id;
    const emulator = demo?.emulator;
    const webchat = emulator
      ? createWebChatChannel({
          engine: app.engine,
          translator: app.translator,
          demo: {
            businesses: async () => demoBusinesses(emulator),
            remindNow: (address) => demoReminder(app, address),
          },
          logger,
        })
      : undefined;
    if (webchat) closers.unshift(async () => webchat.close());
    const webhookHealthSource = {
      health: background.webhookHealth,
      sites: sites.map((s) => ({ id: s.id, webhooks: Boolean(s.tor4you.webhookKey) })),
      now: app.now,
    };
    const http = await createHttpServer({
      logger,
      details: () => ({ whatsapp: whatsapp.statuses() }),
      readiness: [
        { name: "redis", check: async () => ({ ok: (await redis.ping()) === "PONG" }) },
        // Tor4You answers (siteinfo, at most once a minute: readiness probes must not eat the API budget).
        ...sites.map((s) => ({
          name: `tor4you-${s.id}`,
          check: cachedCheck(60_000, async () => {
            await app.clients.get(s.id)!.siteinfo();
            return { ok: true };
          }),
        })),
        ...webhookReadiness(webhookHealthSource),
        ...[...telegram.entries()].map(([id, channel]) => ({
          name: `telegram-${id}`,
          check: async () => (inviteOf(channel) ? { ok: true } : { ok: false, detail: "bot not started" }),
        })),
        ...whatsapp.sessions.map((s) => ({
          name: `whatsapp-${s.name}`,
          check: async () => ({
            ok: s.status().state === "ready",
            detail: s.status().reason ?? s.status().state,
          }),
        })),
      ],
      plugins: [
        ...(webchat ? [webchat.plugin] : []),
        background.webhookRoutes,
        metricsRoute(metrics.registry, config.adminToken, () =>
          Promise.all(Object.values(background.jobs.queues).map((q) => q.exportPrometheusMetrics())),
        ),
        adminRoutes({
          adminToken: config.adminToken,
          translator: app.translator,
          sites: () => sites.map((s) => ({ ...adminSite(s), telegramInvite: inviteOf(telegram.get(s.id)) })),
          sessions: () => whatsapp.sessions.map((s) => s.status()),
          queues: () => [
            ...Object.values(background.jobs.queues),
            ...[...siteOf.keys()].map((name) => whatsappProducer.queueFor(name)),
          ],
          decisions: (site) => app.decisions.recent(site),
          board: createBoardSource({ ...app, redis }),
          siteSections: [webhookHealthSection(webhookHealthSource)],
        }),
        statsRoute({
          adminToken: config.adminToken,
          translator: app.translator,
          sites: sites.map(adminSite),
          stats: (site, weeks) =>
            collectStats({
              client: app.clients.get(site)!,
              activity: app.activity,
              site,
              zone: sites.find((x) => x.id === site)!.timezone,
              weeks,
              until: app.now(),
            }),
        }),
        ...[...telegram.entries()].flatMap(([id, channel]) => [
          channel.webhookRoute(`/webhooks/telegram/${id}`),
          ...(id === firstTelegram ? [channel.webhookRoute("/webhooks/telegram")] : []),
        ]),
      ],
    });
    await http.listen({ port: config.port, host: "0.0.0.0" });
    closers.unshift(() => http.close());
    const port = (http.server.address() as { port: number }).port;
    if (emulator) {
      pointDemoWebhooks(emulator, `http://127.0.0.1:${port}`);
      io.out(`  web chat: http://127.0.0.1:${port}/  (play a customer of the demo businesses)`);
    }
    io.out(
      `  admin: http://127.0.0.1:${port}/admin  ${config.adminToken ? "(password: ADMIN_TOKEN)" : "(set ADMIN_TOKEN to enable)"}`,
    );
    io.out(`  http: http://127.0.0.1:${port}/healthz  (Tor4You webhooks at /webhooks/tor4you/<site>)`);
    for (const [id, channel] of telegram) {
      await channel.start();
      closers.unshift(() => channel.stop());
      const site = sites.find((s) => s.id === id)!;
      io.out(
        `  telegram: ${id} @${channel.username} (${site.telegram?.webhookUrl ? "webhook" : "polling"}) invite ${channel.inviteLink}`,
      );
    }
  }
  if (working) {
    background.jobs.startWorkers();
    await background.jobs.scheduleScans();
    io.out(
      `  workers: scan every ${Math.round((sites[0]?.scanEveryMs ?? 600_000) / 60_000)} min, reminders, outbound`,
    );
  }

  await io.stopped;
  logger.info("shutting down");
  for (const close of closers)
    await close().catch((e) => logger.warn({ err: (e as Error).message }, "close failed"));
  return 0;
}

/** A readiness check that asks again only after `ttlMs`; failures are kept as long as successes. */
function cachedCheck(ttlMs: number, check: () => Promise<{ ok: boolean; detail?: string }>) {
  let last: { at: number; result: { ok: boolean; detail?: string } } | undefined;
  return async () => {
    if (!last || Date.now() - last.at > ttlMs) {
      const result = await check().catch((e: Error) => ({ ok: false, detail: e.message }));
      last = { at: Date.now(), result };
    }
    return last.result;
  };
}

/** The bot's invite link once it knows its username (after start). */
function inviteOf(channel: TelegramChannel | undefined): string | undefined {
  try {
    return channel?.inviteLink;
  } catch {
    return undefined;
  }
}

/** `TELEGRAM_WEBHOOK_URL` names the server; each site's bot gets its own path on it. */
function webhookUrlFor(base: string, site: string, sites: readonly SiteConfig[]): string {
  const url = new URL(base);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/webhooks/telegram";
  const single = sites.filter((s) => s.telegram).length === 1;
  return single ? url.toString() : `${url.toString().replace(/\/$/, "")}/${site}`;
}
