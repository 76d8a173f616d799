import type { TelegramChannel } from "../channels/telegram/telegram-channel.ts";
import { createWebChatChannel } from "../channels/webchat/webchat-channel.ts";
import { createCatalogCache } from "../conversation/catalog.ts";
import { adminGuard } from "../http/admin-auth.ts";
import { adminRoutes } from "../http/admin-page.ts";
import { metricsRoute } from "../http/metrics-route.ts";
import { createHttpServer } from "../http/server.ts";
import { statsRoute } from "../http/stats-page.ts";
import { waitlistSection } from "../http/waitlist-section.ts";
import { webhookHealthSection, webhookReadiness } from "../http/webhook-health-section.ts";
import { createLoginFailures } from "../storage/login-failures.ts";
import { adminSite, createBoardSource } from "./admin-board.ts";
import type { Base } from "./base.ts";
import { demoBusinesses, demoReminder, pointDemoWebhooks } from "./demo.ts";
import { collectStats } from "./stats-report.ts";
import type { WhatsAppSessions } from "./whatsapp.ts";

/**
 * The `web` role (and part of `all`): the intake. HTTP (Tor4You and Telegram webhooks, health,
 * metrics, admin, the demo's web chat) and the Telegram bots. It stops first, so no new work
 * arrives while the rest finishes.
 */
export async function startWeb(
  base: Base,
  whatsapp: Pick<WhatsAppSessions, "sessions" | "statuses"> = { sessions: [], statuses: () => [] },
): Promise<void> {
  const { config, sites, app, telegram, background, redis, logger, shutdown, print } = base;
  const firstTelegram = sites.find((s) => s.telegram)?.id;
  // The demo's history is written while the server starts: its pages show it, never half of it.
  const afterDemoHistory =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      await base.demoHistory;
      return f(...args);
    };
  const emulator = base.demo?.emulator;
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
  if (webchat) shutdown.add("intake", async () => webchat.close());
  const webhookHealthSource = {
    health: background.webhookHealth,
    sites: sites.map((s) => ({ id: s.id, webhooks: Boolean(s.tor4you.webhookKey) })),
    now: app.now,
  };
  // The admin page names the waitlist's services and staff from the same few-minute cache the chats use.
  const catalog = createCatalogCache({ now: () => app.now().toMillis() });
  const waitlistOn = new Set(sites.filter((s) => s.waitlist.enabled).map((s) => s.id));
  // Failed admin logins per address, counted in Redis by every web process together.
  const loginLimiter = createLoginFailures(redis, app.keys);
  const http = await createHttpServer({
    logger,
    trustProxy: config.trustProxy as boolean | string[],
    adminGuard: config.adminToken ? adminGuard(config.adminToken, loginLimiter) : undefined,
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
      metricsRoute(
        base.metrics.registry,
        config.adminToken,
        () => Promise.all(Object.values(background.jobs.queues).map((q) => q.exportPrometheusMetrics())),
        loginLimiter,
      ),
      adminRoutes({
        adminToken: config.adminToken,
        loginLimiter,
        queuesWritable: config.adminQueuesWritable,
        translator: app.translator,
        sites: () => sites.map((s) => ({ ...adminSite(s), telegramInvite: inviteOf(telegram.get(s.id)) })),
        sessions: () => whatsapp.sessions.map((s) => s.status()),
        queues: () => [
          ...Object.values(background.jobs.queues),
          ...[...base.siteOf.keys()].flatMap((name) => [
            base.whatsappProducer.queueFor(name),
            base.whatsappProducer.queueFor(name, "reply"),
          ]),
        ],
        decisions: (site) => app.decisions.recent(site),
        board: afterDemoHistory(createBoardSource({ ...app, redis })),
        siteSections: [
          webhookHealthSection(webhookHealthSource),
          waitlistSection({
            enabled: (site) => waitlistOn.has(site),
            current: (site, today) => app.waitlist.current(site, today),
            filled: (site, week) => app.waitlist.filled(site, week),
            names: async (site) => {
              const c = await catalog.get(site, app.clients.get(site)!);
              return {
                services: new Map(c.services.map((x) => [x.id, x.name])),
                staff: new Map(c.providers.map((x) => [x.id, x.name])),
              };
            },
            now: app.now,
          }),
        ],
      }),
      statsRoute({
        adminToken: config.adminToken,
        loginLimiter,
        translator: app.translator,
        sites: sites.map(adminSite),
        stats: afterDemoHistory((site: string, weeks: number) =>
          collectStats({
            client: app.clients.get(site)!,
            activity: app.activity,
            waitlist: app.waitlist,
            site,
            zone: sites.find((x) => x.id === site)!.timezone,
            weeks,
            until: app.now(),
          }),
        ),
      }),
      ...[...telegram.entries()].flatMap(([id, channel]) => [
        channel.webhookRoute(`/webhooks/telegram/${id}`),
        ...(id === firstTelegram ? [channel.webhookRoute("/webhooks/telegram")] : []),
      ]),
    ],
  });
  await http.listen({ port: config.port, host: config.host });
  shutdown.add("intake", () => http.close());
  const port = (http.server.address() as { port: number }).port;
  // Every address includes loopback; a single other one (HOST) is where the server is.
  const shown = ["0.0.0.0", "::", "127.0.0.1", "localhost"].includes(config.host)
    ? "127.0.0.1"
    : config.host.includes(":")
      ? `[${config.host}]`
      : config.host;
  if (emulator) {
    pointDemoWebhooks(emulator, `http://127.0.0.1:${port}`);
    print(`  web chat: http://${shown}:${port}/  (play a customer of the demo businesses)`);
  }
  print(
    `  admin: http://${shown}:${port}/admin  ${config.adminToken ? "(password: ADMIN_TOKEN)" : "(set ADMIN_TOKEN to enable)"}`,
  );
  print(`  http: http://${shown}:${port}/healthz  (Tor4You webhooks at /webhooks/tor4you/<site>)`);
  for (const [id, channel] of telegram) {
    await channel.start();
    shutdown.add("intake", () => channel.stop());
    const site = sites.find((s) => s.id === id)!;
    print(
      `  telegram: ${id} @${channel.username} (${site.telegram?.webhookUrl ? "webhook" : "polling"}) invite ${channel.inviteLink}`,
    );
  }
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
