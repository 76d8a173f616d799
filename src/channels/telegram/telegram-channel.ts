import { autoRetry } from "@grammyjs/auto-retry";
import { type RunnerHandle, run, sequentialize } from "@grammyjs/runner";
import type { FastifyInstance } from "fastify";
import { Api, Bot, GrammyError, InputFile } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { ChatAddress, InboundEvent, OutboundMessage, SendProgress } from "../../core/messages.ts";
import { LOCALES, type Translator } from "../../i18n/translator.ts";
import { mapUpdate } from "./map-update.ts";
import { type BotPacing, countedSends, pacedSends } from "./paced-sends.ts";
import { render } from "./render.ts";
import { secretMatches } from "./secret.ts";

export interface TelegramChannelDeps {
  site: string;
  token: string;
  apiRoot: string;
  /**
   * Webhook mode, always with the secret Telegram sends back in every update; long polling
   * without it (and then no route takes updates at all).
   */
  webhook?: { url: string; secret: string };
  engine: { handle: (event: InboundEvent) => Promise<OutboundMessage[]> };
  translator: Translator;
  /** A 403 (the customer blocked the bot): no reminder will be tried there again. */
  markUnreachable: (address: ChatAddress) => Promise<void>;
  logger: Logger;
  /** Tests pass it to skip getMe. */
  botInfo?: UserFromGetMe;
  /** The bot's send rate, shared by every process (none: sends go as fast as they come). */
  pacing?: BotPacing;
}

/**
 * Messages a second a bot sends. Telegram allows a bot about 30 (its guidance for bulk
 * notifications); evenly spaced, 29.5 stays under that with room for the network's jitter.
 */
export const TELEGRAM_PER_SECOND = 29.5;

const COMMANDS = ["appointments", "book", "cancel", "language", "stop", "help"] as const;

/**
 * One business's Telegram bot: maps updates to the engine and renders its answers. Nothing here
 * decides anything about appointments or customers.
 */
export function createTelegramChannel(deps: TelegramChannelDeps) {
  const bot = new Bot(deps.token, { client: { apiRoot: deps.apiRoot }, botInfo: deps.botInfo });
  // Messages nobody waits for (the outbound queue's) wait for the bot's turn; answers go at once.
  // The pacing sits next to the network, under auto-retry, so that retries take turns too.
  const bulk = new Api(deps.token, { apiRoot: deps.apiRoot });
  if (deps.pacing) {
    bulk.config.use(pacedSends(deps.pacing));
    bot.api.config.use(countedSends(deps.pacing));
  }
  // Telegram's 429s carry retry_after; waiting it out is the only polite answer.
  for (const api of [bot.api, bulk]) api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  const log = deps.logger.child({ mod: "telegram", site: deps.site });
  let runner: RunnerHandle | undefined;

  /** `answer`: to a customer who just wrote (sent at once); otherwise queued work, paced. */
  async function send(
    chatId: string,
    messages: OutboundMessage[],
    opts: { removeKeyboard?: boolean; answer?: boolean; progress?: SendProgress } = {},
  ) {
    const api = opts.answer ? bot.api : bulk;
    const from = opts.progress?.from ?? 0;
    try {
      for (const [i, m] of render(messages, opts).entries()) {
        if (i < from) continue;
        if (m.document) {
          const file = new InputFile(Buffer.from(m.document.content, "utf8"), m.document.fileName);
          // The file follows the message it belongs to: failing it must not resend that message.
          await api.sendDocument(chatId, file, { caption: m.text }).catch((e) => {
            if (e instanceof GrammyError && e.error_code === 403) throw e;
            log.warn({ err: (e as Error).message }, "calendar file not delivered");
          });
        } else await api.sendMessage(chatId, m.text, m.reply_markup ? { reply_markup: m.reply_markup } : {});
        await opts.progress?.sent(i + 1);
      }
      return "sent" as const;
    } catch (e) {
      if (e instanceof GrammyError && e.error_code === 403) {
        await deps.markUnreachable({ site: deps.site, channel: "telegram", chatId });
        log.info("chat unreachable (blocked or deactivated)");
        return "blocked" as const;
      }
      throw e;
    }
  }

  if (!deps.webhook) bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.use(async (ctx) => {
    const event = mapUpdate(deps.site, ctx.update);
    const cq = ctx.callbackQuery;
    // The button stops spinning while the answer is worked out: one round trip to Telegram less
    // before the customer sees it.
    const answered = cq ? ctx.answerCallbackQuery().catch(() => {}) : undefined;
    try {
      if (!event) return;
      const out = await deps.engine.handle(event);
      // The pressed keyboard is spent: show what was chosen and take the buttons away, while the
      // answer goes out (two messages, neither waits for the other).
      let edited: Promise<unknown> | undefined;
      if (cq?.message && cq.data && out.length) {
        const label = cq.message.reply_markup?.inline_keyboard
          .flat()
          .find((b) => "callback_data" in b && b.callback_data === cq.data)?.text;
        const chatId = cq.message.chat.id;
        const text = "text" in cq.message && cq.message.text ? cq.message.text : undefined;
        edited = (
          text && label
            ? bot.api.editMessageText(chatId, cq.message.message_id, `${text}\n\n✓ ${label}`)
            : bot.api.editMessageReplyMarkup(chatId, cq.message.message_id)
        ).catch((e) => log.debug({ err: (e as Error).message }, "could not edit the pressed message"));
      }
      if (out.length)
        await send(event.address.chatId, out, {
          removeKeyboard: event.message.type === "contact",
          answer: true,
        });
      await edited;
    } finally {
      await answered;
    }
  });
  bot.catch((err) => log.warn({ err: err.message }, "update failed"));

  async function setCommands() {
    for (const locale of LOCALES) {
      const commands = COMMANDS.map((c) => ({
        command: c,
        description: deps.translator.t(locale, `cmd-${c}`),
      }));
      await bot.api
        .setMyCommands(commands, locale === deps.translator.defaultLocale ? {} : { language_code: locale })
        .catch((e) => log.debug({ err: (e as Error).message }, "setMyCommands not available"));
    }
  }

  return {
    bot,
    send,
    get username() {
      return bot.botInfo.username;
    },
    /** The link a business shares (and shows as a QR) so customers start its bot. */
    get inviteLink() {
      return `https://t.me/${bot.botInfo.username}?start=${deps.site}`;
    },

    async start() {
      await bot.init();
      await setCommands();
      if (deps.webhook) {
        await bot.api.setWebhook(deps.webhook.url, {
          secret_token: deps.webhook.secret,
          allowed_updates: ["message", "callback_query"],
        });
      } else {
        await bot.api.deleteWebhook().catch(() => {});
        runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
      }
    },

    /**
     * The webhook route, in webhook mode only: a polling bot gets its updates from Telegram
     * itself, so it has no route and a POST there finds nothing (404). A missing or wrong secret
     * gets 401 and reaches nothing; every other update gets 200, handled or not, so Telegram never
     * redelivers an update the bot chose to ignore or failed on.
     */
    webhookRoute(path: string) {
      return async (app: FastifyInstance) => {
        const webhook = deps.webhook;
        if (!webhook) return;
        app.post(path, async (req, reply) => {
          const given = req.headers["x-telegram-bot-api-secret-token"];
          if (typeof given !== "string" || !secretMatches(given, webhook.secret)) {
            return reply.code(401).send({ ok: false });
          }
          try {
            await bot.handleUpdate(req.body as Update);
          } catch (e) {
            log.warn({ err: (e as Error).message }, "telegram update failed; acknowledged anyway");
          }
          return reply.code(200).send({ ok: true });
        });
      };
    },

    /** Stops intake; messages already being handled finish. */
    async stop() {
      if (runner?.isRunning()) await runner.stop();
    },
  };
}
export type TelegramChannel = ReturnType<typeof createTelegramChannel>;
