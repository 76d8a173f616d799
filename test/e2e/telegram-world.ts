import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { FastifyInstance } from "fastify";
import { createTelegramChannel, type TelegramChannel } from "../../src/channels/telegram/telegram-channel.ts";
import { createMetrics } from "../../src/http/metrics.ts";
import { createHttpServer } from "../../src/http/server.ts";
import { createBackground } from "../../src/roles/background.ts";
import { startDemoApp } from "../support/demo-app.ts";
import { fakeBotInfo } from "../support/fake-bot-api.ts";
import { teachSendDocument } from "../support/telegram-documents.ts";
import { TelegramLikeServer } from "../support/telegram-like-server.ts";

export const SECRET = "e2e-secret_token";

interface BotMessage {
  message_id?: number;
  chat_id: number | string;
  text: string;
  /** A sendDocument (the calendar file): its name and text; `text` holds the caption. */
  document?: { file_name: string; content: string };
  reply_markup?: {
    inline_keyboard?: Array<Array<{ text: string; callback_data: string }>>;
    keyboard?: Array<Array<{ text: string; request_contact?: boolean }>>;
    remove_keyboard?: boolean;
  };
}

/**
 * The whole app on Telegram: the emulator (frozen at T0), the real Redis under a private prefix,
 * the project's HTTP server with each business's webhook route, and telegram-test-api as
 * Telegram (webhook mode: its long polling busy-loops). One bot per demo business.
 */
export async function startTelegramWorld() {
  const logLines: string[] = [];
  // Scripted customers tap in milliseconds, faster than any person: the per-chat turn limit
  // (test/security/chat-flood.test.ts) would cut the longest conversations here short.
  const base = await startDemoApp({ logSink: (line) => logLines.push(line), chatTurnsPerMinute: 200 });
  const { emulator, redis, logger, sites, app } = base;

  const tgPort = 20_000 + Math.floor(Math.random() * 20_000);
  teachSendDocument();
  const telegram = new TelegramLikeServer({ port: tgPort, host: "127.0.0.1", storeTimeout: 3600 });
  await telegram.start();
  const apiRoot = telegram.config.apiURL;

  const channels = new Map<string, TelegramChannel & { token: string }>();
  const routes: Array<(app: FastifyInstance) => Promise<void>> = [];
  for (const [i, site] of sites.entries()) {
    const token = `${100000 + i}:AAtest${randomBytes(12).toString("hex")}`;
    const channel = createTelegramChannel({
      site: site.id,
      token,
      apiRoot,
      // telegram-test-api does not send secret_token: the relay below adds it, as Telegram would.
      webhook: { url: "set-below", secret: SECRET },
      engine: app.engine,
      translator: app.translator,
      markUnreachable: (address) => app.identities.setPreferences(address, { unreachable: true }),
      logger,
      botInfo: fakeBotInfo(100000 + i, `demo${i}_bot`),
    });
    channels.set(site.id, Object.assign(channel, { token }));
    routes.push(channel.webhookRoute(`/webhooks/telegram/${site.id}`));
  }
  const guarded = createTelegramChannel({
    site: sites[0]!.id,
    token: "999:guarded",
    apiRoot,
    webhook: { url: "unused", secret: SECRET },
    engine: app.engine,
    translator: app.translator,
    markUnreachable: async () => {},
    logger,
    botInfo: fakeBotInfo(999, "guarded_bot"),
  });
  routes.push(guarded.webhookRoute("/webhooks/telegram-guarded"));

  // Reminders go out through the same bots, from the background jobs as `start` wires them.
  const background = createBackground({
    sites,
    app,
    connection: redis,
    logger,
    metrics: createMetrics(),
    telegram: {
      has: (site) => channels.has(site),
      send: (site, chatId, messages) => channels.get(site)!.send(chatId, messages),
    },
  });
  background.jobs.startWorkers(["reminders", "telegram-outbound"]);

  const http = await createHttpServer({ logger, readiness: [], plugins: routes });
  await http.listen({ port: 0, host: "127.0.0.1" });
  const httpUrl = `http://127.0.0.1:${(http.server.address() as { port: number }).port}`;
  const relay = await startSecretRelay(httpUrl, SECRET);
  for (const [id, channel] of channels) {
    await channel.bot.api.setWebhook(`${relay.url}/webhooks/telegram/${id}`);
  }

  let nextUser = 5000;
  /** A scripted customer in a private chat with one business's bot. */
  function customer(site: string, opts: { language?: string; first?: string } = {}) {
    const channel = channels.get(site)!;
    const userId = nextUser++;
    const client = telegram.getClient(channel.token, {
      userId,
      chatId: userId,
      firstName: opts.first ?? "Dana",
      timeout: 2000,
    });
    const from = {
      id: userId,
      first_name: opts.first ?? "Dana",
      is_bot: false,
      language_code: opts.language,
    };
    const seen: BotMessage[] = [];
    const fetchNew = async (): Promise<BotMessage[]> => {
      const res = await fetch(`${apiRoot}/getUpdates`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: channel.token, chatId: userId }),
      });
      const body = (await res.json()) as { result: Array<{ message: BotMessage; messageId: number }> };
      return body.result.map((u) => ({ ...u.message, message_id: u.messageId }));
    };
    /**
     * The test server calls the webhook without waiting, so a turn's replies arrive a little
     * later: collect until the first one, then until the chat has been quiet for a moment.
     */
    const replies = async (): Promise<BotMessage[]> => {
      const got: BotMessage[] = [];
      const deadline = Date.now() + 10_000;
      let quietSince = Date.now();
      while (Date.now() < deadline) {
        const batch = await fetchNew();
        if (batch.length) {
          got.push(...batch);
          quietSince = Date.now();
        } else if (got.length && Date.now() - quietSince > 250) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      seen.push(...got);
      return got;
    };
    /** A message as the customer sees it now: edits applied, a spent keyboard gone. */
    const current = (m: BotMessage): BotMessage => {
      const stored = telegram.storage.botMessages.find((u) => u.messageId === m.message_id)?.message;
      return stored ? { ...(stored as BotMessage), message_id: m.message_id } : m;
    };
    // Fluent's bidi isolation marks are right for screens and noise for matching labels.
    const plain = (label: string) => label.replace(/[\u2068\u2069]/g, "");
    const visibleButtons = (m: BotMessage) =>
      (current(m).reply_markup?.inline_keyboard?.flat() ?? []).map((b) => ({ ...b, text: plain(b.text) }));
    /** The newest message that still shows a button with this label, and that button. */
    const findButton = (label: string | RegExp) => {
      for (const m of [...seen].reverse()) {
        const b = visibleButtons(m).find((x) =>
          typeof label === "string" ? x.text === label : label.test(x.text),
        );
        if (b) return { message: current(m), button: b };
      }
      return null;
    };
    const lastButtons = () => {
      const m = [...seen].reverse().find((x) => visibleButtons(x).length);
      return m ? visibleButtons(m) : [];
    };
    /** A press as Telegram reports it: the callback names the message the button is on. */
    const press = async (message: BotMessage, data: string) => {
      const pressed = {
        message_id: message.message_id,
        date: 1,
        text: message.text,
        reply_markup: message.reply_markup,
        chat: { id: userId, type: "private" },
      };
      await client.sendCallback(client.makeCallbackQuery(data, { from, message: pressed } as never));
      return replies();
    };
    let taps = 0;
    return {
      userId,
      seen,
      replies,
      async say(text: string) {
        await client.sendMessage(client.makeMessage(text, { from }));
        return replies();
      },
      async command(text: string) {
        await client.sendCommand(client.makeCommand(text, { from }));
        return replies();
      },
      /** Presses a button the customer can see now (the newest message showing it). */
      async tap(label: string | RegExp) {
        const found = findButton(label);
        if (!found)
          throw new Error(
            `no visible button ${label}; the last keyboard has ${lastButtons()
              .map((b) => b.text)
              .join(" | ")}`,
          );
        taps++;
        return press(found.message, found.button.callback_data);
      },
      /** The buttons the customer sees now on the newest message that has any. */
      buttons: () => lastButtons().map((b) => b.text),
      /** How many buttons this customer has pressed with `tap`. */
      taps: () => taps,
      /** Presses a button of one particular message, as Telegram reports it (message id, text, keyboard). */
      async tapIn(message: BotMessage, data: string) {
        return press(message, data);
      },
      /** Sends callback data without a message: a stale or forged button. */
      async tapData(data: string) {
        await client.sendCallback(client.makeCallbackQuery(data, { from }));
        return replies();
      },
      /** A message without words: a voice note, a photo, a sticker (Telegram's fields for it). */
      async sendMedia(fields: Record<string, unknown>) {
        await client.sendMessage(client.makeMessage("", { from, ...fields } as never));
        return replies();
      },
      async shareContact(phone: string, contactUserId = userId, extra: Record<string, unknown> = {}) {
        const contact = {
          phone_number: phone,
          first_name: "Dana",
          last_name: "Levi",
          user_id: contactUserId,
        };
        await client.sendMessage(client.makeMessage("", { from, contact, ...extra } as never));
        return replies();
      },
    };
  }

  return {
    emulator,
    app,
    sites,
    httpUrl,
    customer,
    jobs: background.jobs,
    logLines,
    /** Every message the bots sent, by chat, as Telegram holds them. */
    traffic() {
      const byChat = new Map<string, string[]>();
      for (const u of telegram.storage.botMessages) {
        const m = u.message as { chat_id: number | string; text?: string };
        const chat = String(m.chat_id);
        byChat.set(chat, [...(byChat.get(chat) ?? []), m.text ?? ""]);
      }
      return byChat;
    },
    /** A message the bot sent, as it stands now (after any edits). */
    botMessage(messageId: number) {
      return telegram.storage.botMessages.find((u) => u.messageId === messageId)?.message as
        | BotMessage
        | undefined;
    },
    async stop() {
      await relay.close();
      await http.close();
      await background.jobs.close();
      await telegram.stop();
      await base.stop();
    },
  };
}

export const all = (messages: BotMessage[]) =>
  messages
    .map((m) => m.text)
    .join("\n---\n")
    .replace(/[\u2068\u2069]/g, "");

/**
 * Telegram sends the webhook's secret_token in a header with every update; telegram-test-api does
 * not, so its updates pass through this relay, which adds it. Forged updates in the tests go to
 * the app directly, without it.
 */
async function startSecretRelay(target: string, secret: string) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const answer = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
          body: Buffer.concat(chunks),
        });
        res.statusCode = answer.status;
        res.end(await answer.text());
      } catch {
        res.statusCode = 502;
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
