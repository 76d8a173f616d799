// The package root re-exports via module.exports, which TypeScript types as a namespace.
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";

interface StoredBotMessage {
  messageId: number;
  message: { chat_id: number | string; text?: string; reply_markup?: unknown };
}

type RawEdit = {
  chat_id?: number | string;
  message_id?: number | string;
  text?: string;
  reply_markup?: unknown;
};

/**
 * telegram-test-api, corrected where it differs from Telegram on edits: an `editMessageText`
 * without `reply_markup` removes the message's inline keyboard, and so does
 * `editMessageReplyMarkup` without one (the test server keeps the keyboard, or ignores the call).
 * A test pressing a button then only finds the buttons a real customer would still see.
 */
export class TelegramLikeServer extends TelegramServer {
  override editMessageText(raw: RawEdit) {
    const stored = this.find(raw);
    if (!stored) return;
    const markup = parseMarkup(raw.reply_markup);
    const { reply_markup: _dropped, ...rest } = stored.message;
    stored.message = { ...rest, text: raw.text ?? rest.text, ...(markup ? { reply_markup: markup } : {}) };
    this.emit("EditedMessageText");
  }

  override editMessageReplyMarkup(raw: RawEdit) {
    const stored = this.find(raw);
    if (!stored) return;
    const markup = parseMarkup(raw.reply_markup);
    const { reply_markup: _dropped, ...rest } = stored.message;
    stored.message = markup ? { ...rest, reply_markup: markup } : rest;
    this.emit("EditedMessageReplyMarkup");
  }

  private find(raw: RawEdit): StoredBotMessage | undefined {
    return (this.storage.botMessages as unknown as StoredBotMessage[]).find(
      (u) =>
        String(u.messageId) === String(raw.message_id) && String(u.message.chat_id) === String(raw.chat_id),
    );
  }
}

/** Telegram's "no keyboard": absent, or an inline keyboard without rows. */
function parseMarkup(raw: unknown): { inline_keyboard: unknown[][] } | undefined {
  const m = (typeof raw === "string" ? JSON.parse(raw) : raw) as
    | { inline_keyboard?: unknown[][] }
    | undefined;
  return m?.inline_keyboard?.length ? { inline_keyboard: m.inline_keyboard } : undefined;
}
