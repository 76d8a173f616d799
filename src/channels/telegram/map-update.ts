import type { Update } from "grammy/types";
import type { InboundEvent, MediaKind } from "../../core/messages.ts";

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
 * (groups, channels, edits, service messages). Only private chats are customers.
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
  // A picture or video with a caption is the caption's words; media alone gets "text only".
  const text = m.text?.trim() ? m.text : m.caption;
  if (typeof text !== "string" || !text.trim()) {
    const kind = mediaKind(m);
    return kind ? { ...base, message: { type: "media", kind } } : null;
  }
  const command = /^\/([a-z_]+)(?:@\w+)?(?:\s+(.+))?$/i.exec(text.trim());
  if (command && COMMANDS.has(command[1]!.toLowerCase())) {
    return { ...base, message: { type: "command", name: command[1]!.toLowerCase(), payload: command[2] } };
  }
  return { ...base, message: { type: "text", text } };
}

type TelegramMessage = NonNullable<Update["message"]>;

/** What a message without words carries; null for service messages (a member joined, a pin…). */
function mediaKind(m: TelegramMessage): MediaKind | null {
  if (m.voice || m.audio || m.video_note) return "voice";
  if (m.photo) return "image";
  if (m.sticker || m.animation) return "sticker";
  if (m.video) return "video";
  if (m.document) return "file";
  if (m.location || m.venue) return "location";
  // Sent by a person, without words: answered like a picture ("text only"), not ignored.
  if (m.dice || m.poll || m.story || m.game) return "sticker";
  return null;
}
