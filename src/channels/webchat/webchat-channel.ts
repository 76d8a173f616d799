import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { z } from "zod";
import type { ChatAddress, Inbound, InboundEvent, OutboundMessage } from "../../core/messages.ts";
import { isLocale, LOCALES, type Locale, type Translator } from "../../i18n/translator.ts";
import { webChatPage } from "./page.ts";
import { createSseHub } from "./sse-hub.ts";

/** A customer of a demo business that a visitor may play. */
export interface Persona {
  name: string;
  /** `05XXXXXXXX`: the demo treats it as the visitor's own, proven number. */
  phone: string;
  /** A line about them ("Tue 24.11 09:00 Men's haircut"), to pick by. */
  note?: string;
}

export interface DemoBusiness {
  site: string;
  name: string;
  personas: Persona[];
}

export interface WebChatDeps {
  engine: { handle: (event: InboundEvent) => Promise<OutboundMessage[]> };
  translator: Translator;
  /** The demo's businesses and customers, and its "send me a reminder now". */
  demo: {
    businesses: () => Promise<DemoBusiness[]>;
    remindNow: (address: ChatAddress) => Promise<OutboundMessage[] | null>;
  };
  logger: Logger;
}

/** The button a request for the phone becomes on the page: it shares the persona's number. */
export const SHARE_PHONE = "__share_phone";

const address = z.object({
  site: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/i),
  chat: z.uuid(),
});
const inbound = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1).max(2_000) }),
  z.object({ type: z.literal("choice"), id: z.string().min(1).max(64) }),
  z.object({
    type: z.literal("command"),
    name: z.string().regex(/^[a-z]{1,32}$/),
    payload: z.string().max(64).optional(),
  }),
]);
const messageBody = address.extend({
  message: inbound,
  persona: z.string().regex(/^05\d{8}$/),
  lang: z.string().max(16).optional(),
});

/** What the page draws: text, buttons when there are any, a download link for a file. */
export function renderForWeb(
  messages: OutboundMessage[],
  t: (id: string) => string,
  keep: (file: Extract<OutboundMessage, { type: "file" }>) => string = () => "#",
) {
  return messages.map((m) =>
    m.type === "file"
      ? { text: m.text, buttons: [], download: { url: keep(m), name: m.fileName } }
      : m.type === "choices"
        ? { text: m.text, buttons: m.choices.map((c) => ({ id: c.id, label: c.label })) }
        : m.type === "requestPhone"
          ? { text: m.text, buttons: [{ id: SHARE_PHONE, label: t("webchat-share-phone") }] }
          : { text: m.text, buttons: [] },
  );
}

/**
 * The demo's web chat: a page at `/` where a visitor plays one of the demo business's customers.
 * It maps page events to the same conversation engine as Telegram and WhatsApp and renders its
 * answers; pushes (reminders) arrive over server-sent events.
 */
export function createWebChatChannel(deps: WebChatDeps) {
  const hub = createSseHub();
  const files = createFileShelf();
  const render = (messages: OutboundMessage[], locale: Locale) =>
    renderForWeb(messages, t(locale), files.keep);
  const log = deps.logger.child({ mod: "webchat" });
  const key = (a: { site: string; chat: string }) => `${a.site}|${a.chat}`;
  const pickLocale = (lang: string | undefined, accept: string | undefined): Locale =>
    isLocale(lang) ? lang : deps.translator.negotiate(accept?.split(",").map((l) => l.split(";")[0]!.trim()));
  const t = (locale: Locale) => (id: string) => deps.translator.t(locale, id);

  async function personaOf(site: string, phone: string) {
    const business = (await deps.demo.businesses()).find((b) => b.site === site);
    return business?.personas.find((p) => p.phone === phone) ? business : undefined;
  }

  async function plugin(app: FastifyInstance) {
    app.get("/", async (req, reply) => {
      const q = req.query as { lang?: string };
      const locale = pickLocale(q.lang, req.headers["accept-language"]);
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(
          webChatPage({ locale, dir: deps.translator.direction(locale), t: t(locale), locales: LOCALES }),
        );
    });

    app.get("/webchat/businesses", async () => ({ businesses: await deps.demo.businesses() }));

    app.get("/webchat/events", (req, reply) => {
      const parsed = address.safeParse(req.query);
      if (!parsed.success) return reply.code(400).send({ error: "site and chat (a UUID) are required" });
      reply.hijack();
      hub.open(key(parsed.data), reply.raw);
    });

    app.post("/webchat/message", async (req, reply) => {
      const parsed = messageBody.safeParse(req.body);
      if (!parsed.success) return reply.code(400).send({ error: "not a web chat message" });
      const b = parsed.data;
      if (!(await personaOf(b.site, b.persona)))
        return reply.code(404).send({ error: "no such demo business or customer" });
      const locale = pickLocale(b.lang, undefined);
      const message: Inbound =
        b.message.type === "choice" && b.message.id === SHARE_PHONE
          ? { type: "contact", phone: b.persona, own: true }
          : b.message;
      const out = await deps.engine.handle({
        id: randomUUID(),
        address: { site: b.site, channel: "webchat", chatId: b.chat },
        message,
        languageHint: locale,
        verifiedPhone: b.persona,
      });
      return { messages: render(out, locale) };
    });

    app.get("/webchat/file/:id", async (req, reply) => {
      const file = files.get((req.params as { id: string }).id);
      if (!file) return reply.code(404).send({ error: "no such file (they are kept for an hour)" });
      return reply
        .type(file.mime)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("cache-control", "no-store")
        .send(file.content);
    });

    app.post("/webchat/remind", async (req, reply) => {
      const parsed = address.extend({ lang: z.string().max(16).optional() }).safeParse(req.body);
      if (!parsed.success) return reply.code(400).send({ error: "site and chat (a UUID) are required" });
      const b = parsed.data;
      const out = await deps.demo.remindNow({ site: b.site, channel: "webchat", chatId: b.chat });
      if (!out?.length) return reply.code(409).send({ error: "no upcoming appointment to remind of" });
      const messages = render(out, pickLocale(b.lang, undefined));
      const streams = hub.push(key(b), { messages });
      log.info({ site: b.site, streams }, "demo reminder pushed");
      return { pushed: streams };
    });
  }

  return {
    plugin,
    /** Sends to an open page (a notice from the background); false when no page is open. */
    push(a: ChatAddress, messages: OutboundMessage[], locale: Locale) {
      return hub.push(key({ site: a.site, chat: a.chatId }), { messages: render(messages, locale) }) > 0;
    },
    close: () => hub.close(),
  };
}
export type WebChatChannel = ReturnType<typeof createWebChatChannel>;

type FileMessage = Extract<OutboundMessage, { type: "file" }>;

/**
 * The web chat's download links: files wait here under an unguessable id for an hour (the
 * demo's page is the only reader; the newest 500 are kept).
 */
function createFileShelf(ttlMs = 3600_000, max = 500) {
  const shelf = new Map<string, { file: FileMessage; at: number }>();
  return {
    keep(file: FileMessage): string {
      const id = randomUUID();
      shelf.set(id, { file, at: Date.now() });
      for (const [k, v] of shelf) {
        if (shelf.size <= max && Date.now() - v.at < ttlMs) break;
        shelf.delete(k);
      }
      return `/webchat/file/${id}`;
    },
    get(id: string): FileMessage | undefined {
      const hit = shelf.get(id);
      return hit && Date.now() - hit.at < ttlMs ? hit.file : undefined;
    },
  };
}
