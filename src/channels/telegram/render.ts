import type { InlineKeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "grammy/types";
import { type Choice, MAX_CHOICE_ID_BYTES, type OutboundMessage } from "../../core/messages.ts";

export interface TelegramSend {
  text: string;
  /** Sent with sendDocument, `text` as its caption. */
  document?: { fileName: string; content: string };
  reply_markup?: { inline_keyboard: InlineKeyboardButton[][] } | ReplyKeyboardMarkup | ReplyKeyboardRemove;
}

/** Short labels (times, dates, numbers) share a row; long ones get a row each; "back" and "stop" share the last. */
export function keyboardRows(choices: Choice[]): InlineKeyboardButton[][] {
  const answers = choices.filter((c) => !c.nav);
  const nav = choices.filter((c) => c.nav);
  const longest = Math.max(...answers.map((c) => [...c.label].length));
  const perRow = longest <= 6 ? 4 : longest <= 14 ? 2 : 1;
  const rows: Choice[][] = [];
  for (let i = 0; i < answers.length; i += perRow) rows.push(answers.slice(i, i + perRow));
  if (nav.length) rows.push(nav);
  return rows.map((row) =>
    row.map((c) => {
      if (Buffer.byteLength(c.id, "utf8") > MAX_CHOICE_ID_BYTES) {
        throw new Error(`choice id over Telegram's ${MAX_CHOICE_ID_BYTES}-byte callback data limit`);
      }
      return { text: c.label, callback_data: c.id };
    }),
  );
}

/**
 * The engine's messages as sendMessage payloads. No parse_mode: names typed by businesses and
 * customers may hold characters Telegram would read as markup. `removeKeyboard` takes the
 * share-contact button away once it has served (on the first message that can carry it).
 */
export function render(messages: OutboundMessage[], opts: { removeKeyboard?: boolean } = {}): TelegramSend[] {
  return renderEach(messages, opts).flatMap(withinLimit);
}

/** Telegram refuses a text over 4,096 characters; a long one (a busy day's digest) goes in parts. */
export const TEXT_LIMIT = 4096;

/** Parts cut at line ends (else at a space), the buttons on the last. */
function withinLimit(send: TelegramSend): TelegramSend[] {
  if (send.document || send.text.length <= TEXT_LIMIT) return [send];
  const parts: string[] = [];
  let rest = send.text;
  while (rest.length > TEXT_LIMIT) {
    const window = rest.slice(0, TEXT_LIMIT);
    let cut = window.lastIndexOf("\n");
    if (cut < TEXT_LIMIT / 2) cut = window.lastIndexOf(" ");
    if (cut < TEXT_LIMIT / 2) cut = TEXT_LIMIT;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest) parts.push(rest);
  return parts.map((text, i) =>
    i === parts.length - 1 && send.reply_markup ? { text, reply_markup: send.reply_markup } : { text },
  );
}

function renderEach(messages: OutboundMessage[], opts: { removeKeyboard?: boolean }): TelegramSend[] {
  let remove = Boolean(opts.removeKeyboard);
  return messages.map((m) => {
    if (m.type === "file") return { text: m.text, document: { fileName: m.fileName, content: m.content } };
    if (m.type === "requestPhone") {
      remove = false;
      return {
        text: m.text,
        reply_markup: {
          keyboard: [[{ text: m.button, request_contact: true }]],
          one_time_keyboard: true,
          resize_keyboard: true,
        },
      };
    }
    if (m.type === "choices")
      return { text: m.text, reply_markup: { inline_keyboard: keyboardRows(m.choices) } };
    if (remove) {
      remove = false;
      return { text: m.text, reply_markup: { remove_keyboard: true } };
    }
    return { text: m.text };
  });
}
