import type { Update } from "grammy/types";
import type { InboundEvent } from "../../core/messages.ts";

const COMMANDS = new Set([
  "start",
  "appointments",
  "book",
  "cancel",
  "change",
  "language",
  "stop",
  "help",
  "forget",
]);

/**
 * A Telegram update as the engine's InboundEvent, or null for what the bot does not answer
 * (groups, channels, edits, stickers and other media). Only private chats are customers.
 */
export function mapUpdate(site: string, update: Update): InboundEvent | null {
  const id = `tg-${update.update_id}`;
  const cq = update.callback_query;
  if (cq) {
    const chat = cq.message?.chat;
    if (!cq.data || (chat && chat.type !== "private")) return null;
    return {
      id,
      address: { site, channel: "telegram", chatId: String(chat?.id ?? cq.from.id) },
      message: { type: "choice", id: cq.data },
      languageHint: cq.from.language_code,
      senderName: { first: cq.from.first_name, last: cq.from.last_name },
    };
  }
  const m = update.message;
  if (m?.chat.type !== "private" || !m.from) return null;
  const base = {
    id,
    address: { site, channel: "telegram" as const, chatId: String(m.chat.id) },
    languageHint: m.from.language_code,
    senderName: { first: m.from.first_name, last: m.from.last_name },
  };
  if (m.contact) {
    // Telegram vouches for a contact's user_id; the number is the sender's own only when that id
    // is the sender's and the message is not forwarded from someone else.
    const own = m.contact.user_id === m.from.id && !m.forward_origin;
    return {
      ...base,
      message: {
        type: "contact",
        phone: m.contact.phone_number,
        own,
        first: m.contact.first_name,
        last: m.contact.last_name,
      },
    };
  }
  if (typeof m.text !== "string") return null;
  const command = /^\/([a-z_]+)(?:@\w+)?(?:\s+(.+))?$/i.exec(m.text.trim());
  if (command && COMMANDS.has(command[1]!.toLowerCase())) {
    return { ...base, message: { type: "command", name: command[1]!.toLowerCase(), payload: command[2] } };
  }
  return { ...base, message: { type: "text", text: m.text } };
}
