import type { Redis } from "ioredis";
import type { Logger } from "pino";
import qrcode from "qrcode-terminal";
import { startWhatsAppOutbound, whatsappOutboundProducer } from "../../jobs/whatsapp-outbound.ts";
import { realClientFactory, wipeProfile } from "../channels/whatsapp/real-client.ts";
import { renderForWhatsApp } from "../channels/whatsapp/render.ts";
import {
  createWhatsAppSession,
  type SessionStatus,
  type WhatsAppSession,
} from "../channels/whatsapp/session.ts";
import { createWhatsAppChannel } from "../channels/whatsapp/whatsapp-channel.ts";
import type { SiteConfig } from "../config/types.ts";
import { InvalidInputError } from "../core/errors.ts";
import type { SkipCounter } from "../reminders/remind.ts";
import { createReminderLedger } from "../storage/reminder-ledger.ts";
import type { App } from "./app.ts";
import type { Base } from "./base.ts";
import { sessionsBySite } from "./session-sites.ts";

/**
 * The WhatsApp sessions this process owns: each a browser (whatsapp-web.js), its channel, and the
 * only consumer of its outbound queue. Exactly one process may own a session.
 */
export function startWhatsAppSessions(deps: {
  names: string[];
  sites: readonly SiteConfig[];
  app: App;
  connection: Redis;
  dataDir: string;
  chromiumPath: string;
  pairingPhone?: string;
  logger: Logger;
  print: (line: string) => void;
  countSent?: (site: string, channel: string) => void;
  countSkip?: SkipCounter;
  sessionUp?: (session: string, ready: boolean) => void;
}) {
  const { siteOf } = sessionsBySite(deps.sites);
  const producer = whatsappOutboundProducer(deps.connection, deps.app.keys.prefix, deps.app.outbox);
  const sessions: WhatsAppSession[] = [];
  const closers: Array<() => Promise<unknown>> = [];
  const ledger = createReminderLedger(deps.connection, deps.app.keys);
  for (const name of deps.names) {
    const site = siteOf.get(name);
    if (!site) throw new Error(`WhatsApp session "${name}" serves no site`);
    const siteLocale = deps.sites.find((s) => s.id === site)!.locale;
    const channel = createWhatsAppChannel({
      site,
      engine: deps.app.engine,
      lidToPhone: (lid) => session.lidToPhone(lid),
      // Answers to a customer who just wrote: the fast lane.
      deliver: (chatId, messages) => producer.reply(name, { site, chatId, messages }),
      logger: deps.logger,
    });
    const session = createWhatsAppSession({
      name,
      makeClient: realClientFactory({
        dataDir: deps.dataDir,
        chromiumPath: deps.chromiumPath,
        pairingPhone: deps.pairingPhone,
      }),
      wipeProfile: () => wipeProfile(deps.dataDir, name),
      onMessage: (m) => channel.onMessage(m),
      onBusinessMessage: (m) => channel.onBusinessMessage(m),
      onStatus: (st: SessionStatus) => {
        deps.sessionUp?.(name, st.state === "ready");
        if (st.state === "pairing" && st.code) {
          deps.print(
            `WhatsApp session "${name}": on the business's phone, Linked devices → Link with phone number, enter ${st.code}`,
          );
        }
        if (st.state === "pairing" && st.qr) {
          deps.print(
            `WhatsApp session "${name}": scan this QR with the business's phone (WhatsApp → Linked devices):`,
          );
          qrcode.generate(st.qr, { small: true }, (art) => deps.print(art));
        }
      },
      logger: deps.logger,
    });
    const outbound = startWhatsAppOutbound({
      connection: deps.connection,
      prefix: deps.app.keys.prefix,
      session,
      render: (m) =>
        renderForWhatsApp(m, {
          shareContact: deps.app.translator.t(siteLocale as "he", "whatsapp-share-contact"),
        }),
      ledger,
      outbox: deps.app.outbox,
      activity: deps.app.activity,
      logger: deps.logger,
      countSent: deps.countSent,
      countSkip: deps.countSkip,
    });
    session.start();
    sessions.push(session);
    // Stop consuming first, then the browser.
    closers.push(async () => {
      await outbound.close();
      await session.stop();
    });
  }
  return {
    sessions,
    producer,
    statuses: () => sessions.map((s) => ({ ...s.status(), qr: undefined, code: undefined })),
    async close() {
      for (const c of closers) await c();
      await producer.close();
    },
  };
}
export type WhatsAppSessions = ReturnType<typeof startWhatsAppSessions>;

/**
 * The `whatsapp` role (and part of `all`): the named sessions' browsers and their outbound
 * consumers. Stops after the workers (which may still enqueue) and before the queues.
 */
export function startWhatsAppRole(base: Base, names: string[]): WhatsAppSessions {
  for (const name of names) {
    if (!base.siteOf.has(name))
      throw new InvalidInputError("--session", `"${name}" is not in WHATSAPP_SESSIONS or the sites file`);
  }
  const whatsapp = startWhatsAppSessions({
    names,
    sites: base.sites,
    app: base.app,
    connection: base.redis,
    dataDir: base.config.whatsapp.dataDir,
    chromiumPath: base.config.whatsapp.chromiumPath,
    pairingPhone: base.config.whatsapp.pairingPhone,
    logger: base.logger,
    print: base.print,
    countSent: base.metrics.sent,
    countSkip: base.background.countSkip,
    sessionUp: base.metrics.whatsappSession,
  });
  base.shutdown.add("whatsapp", () => whatsapp.close());
  for (const name of names)
    base.print(
      `  whatsapp: session ${name} for site ${base.siteOf.get(name)} (pair with the QR printed here)`,
    );
  return whatsapp;
}
