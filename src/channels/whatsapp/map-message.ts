import type { InboundEvent, MediaKind } from "../../core/messages.ts";
import { whatsAppIdToCell } from "../../domain/phone.ts";
import type { WaMessage } from "./client-port.ts";

/** The first TEL of a vCard, digits and a leading + only. */
export function vcardPhone(vcard: string): string | null {
  const line = vcard.split(/\r?\n/).find((l) => /^(item\d+\.)?TEL/i.test(l));
  const value = line?.split(":").slice(1).join(":").trim();
  const waid = /waid=(\d+)/i.exec(line ?? "")?.[1];
  const raw = waid ? `+${waid}` : value;
  return raw ? raw.replace(/[^\d+]/g, "") : null;
}

/**
 * A WhatsApp message as the engine's InboundEvent, or null for what is not a customer writing
 * to the business (groups, status broadcasts, our own messages, system notices). A `@c.us`
 * sender's number is theirs: WhatsApp proved it. An `@lid` sender has no visible number: a
 * contact card counts only when `ownPhone` (from WhatsApp's own lid→phone mapping) matches it.
 */
export function mapWhatsAppMessage(
  site: string,
  msg: WaMessage,
  ownPhone: string | null,
): InboundEvent | null {
  if (msg.fromMe || msg.isStatus || msg.from === "status@broadcast") return null;
  if (!msg.from.endsWith("@c.us") && !msg.from.endsWith("@lid")) return null;
  const base = {
    id: `wa-${msg.id._serialized}`,
    address: { site, channel: "whatsapp" as const, chatId: msg.from },
    verifiedPhone: whatsAppIdToCell(msg.from) ?? undefined,
  };
  if ((msg.type === "vcard" || msg.type === "multi_vcard") && msg.vCards?.length) {
    const phone = vcardPhone(msg.vCards[0]!);
    if (!phone) return null;
    const digits = (s: string) => s.replace(/\D/g, "").replace(/^0/, "972");
    // A @c.us sender's own number is proven; an @lid sender's only through WhatsApp's mapping.
    const sender = ownPhone ?? base.verifiedPhone ?? null;
    const own = sender !== null && digits(phone) === digits(sender);
    return { ...base, message: { type: "contact", phone, own } };
  }
  // A picture with a caption is the caption's words; media alone gets "text only". A location's
  // body is its map thumbnail, never words.
  if (msg.body?.trim() && (msg.type === "chat" || (MEDIA[msg.type] && msg.type !== "location")))
    return { ...base, message: { type: "text", text: msg.body } };
  const kind = MEDIA[msg.type];
  return kind ? { ...base, message: { type: "media", kind } } : null;
}

/** whatsapp-web.js message types a person sends without words; the rest are system notices. */
const MEDIA: Record<string, MediaKind | undefined> = {
  ptt: "voice",
  audio: "voice",
  image: "image",
  sticker: "sticker",
  video: "video",
  document: "file",
  location: "location",
};
