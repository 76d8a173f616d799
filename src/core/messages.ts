/**
 * What channels and the conversation engine say to each other. Channel-neutral on purpose:
 * Telegram, WhatsApp and the web chat each map their updates to InboundEvent and render
 * OutboundMessage in their own way; no business rule lives in a channel.
 */

export type ChannelKind = "telegram" | "whatsapp" | "webchat";

/** Where choices are shown as a numbered list to type from (WhatsApp has no buttons), not as buttons. */
export const numbersShown = (channel: ChannelKind) => channel === "whatsapp";

/** One chat of one customer with one business. `chatId` is the channel's own id for the chat. */
export interface ChatAddress {
  site: string;
  channel: ChannelKind;
  chatId: string;
}

export type Inbound =
  | { type: "text"; text: string }
  /** A pressed button (Telegram callback data, a web chat button): the Choice.id we sent. */
  | { type: "choice"; id: string }
  /**
   * A shared contact. `own` is the channel's proof that the number belongs to the sender
   * (Telegram: the contact's user_id equals the sender's id; WhatsApp: the sender's own number).
   * A forwarded or typed contact has own=false and proves nothing.
   */
  | { type: "contact"; phone: string; own: boolean; first?: string; last?: string }
  | { type: "command"; name: string; payload?: string }
  /** A voice note, picture, sticker or other media without words: the bot reads text only. */
  | { type: "media"; kind: MediaKind };

export type MediaKind = "voice" | "image" | "sticker" | "video" | "file" | "location";

export interface InboundEvent {
  /** Unique per channel and chat (update id, message id): repeated deliveries are dropped by it. */
  id: string;
  address: ChatAddress;
  message: Inbound;
  /** The client's language (e.g. Telegram's language_code), a hint only. */
  languageHint?: string;
  /**
   * A phone the channel itself vouches for without asking (WhatsApp `@c.us` sender, a demo web
   * chat persona). Telegram never sets it.
   */
  verifiedPhone?: string;
  /** The sender's display name as the channel knows it (used only to prefill a booking). */
  senderName?: { first?: string; last?: string };
}

export interface Choice {
  id: string;
  label: string;
  /** "Back", "stop this", "menu": shown apart from the answers (their own row on Telegram). */
  nav?: boolean;
}

export type OutboundMessage =
  | { type: "text"; text: string }
  /** A question with buttons (Telegram inline keyboard, numbered list on WhatsApp). */
  | {
      type: "choices";
      text: string;
      choices: Choice[];
      /** Said after the list where the choices are typed, not tapped ("reply with the number"). */
      typedHint?: string;
    }
  /** Ask for the user's own phone number (Telegram: a request-contact keyboard button). */
  | { type: "requestPhone"; text: string; button: string }
  /**
   * A file to keep (an appointment's calendar entry): a document on Telegram and WhatsApp, a
   * download link in the web chat. `content` is the file's text (UTF-8).
   */
  | { type: "file"; text: string; fileName: string; mime: string; content: string };

/** Telegram's hard limit on callback data; every Choice.id stays within it. */
export const MAX_CHOICE_ID_BYTES = 64;

/** Where a multi-message send resumes: `from` messages went out on an earlier attempt; `sent(n)` records n. */
export interface SendProgress {
  from: number;
  sent: (n: number) => Promise<unknown>;
}

/** Sends a site's messages to a Telegram chat (the outbound queue's worker calls it). */
export type SendTelegram = (
  site: string,
  chatId: string,
  messages: OutboundMessage[],
  progress?: SendProgress,
) => Promise<"sent" | "blocked">;
