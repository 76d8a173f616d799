import type { Logger } from "pino";
import type { ChatAddress, InboundEvent, OutboundMessage } from "../../core/messages.ts";
import type { WaMessage } from "./client-port.ts";
import { mapWhatsAppMessage } from "./map-message.ts";

/**
 * One business number on WhatsApp: incoming messages to the engine, its answers to the
 * session's outbound queue (every send is paced there). Nothing here decides anything.
 */
export function createWhatsAppChannel(deps: {
  site: string;
  engine: {
    handle: (event: InboundEvent) => Promise<OutboundMessage[]>;
    /** A person at the business wrote in this chat: the bot steps back there for a while. */
    businessWrote?: (address: ChatAddress) => Promise<void>;
  };
  /** WhatsApp's own mapping of an `@lid` sender to a number, for checking a shared contact card. */
  lidToPhone: (lid: string) => Promise<string | null>;
  deliver: (chatId: string, messages: OutboundMessage[]) => Promise<void>;
  logger: Logger;
}) {
  return {
    async onMessage(msg: WaMessage): Promise<void> {
      const isCard = msg.type === "vcard" || msg.type === "multi_vcard";
      const ownPhone = isCard && msg.from.endsWith("@lid") ? await deps.lidToPhone(msg.from) : null;
      const event = mapWhatsAppMessage(deps.site, msg, ownPhone);
      if (!event) return;
      const out = await deps.engine.handle(event);
      if (out.length) await deps.deliver(event.address.chatId, out);
    },
    /** Written on the business's phone, not by the bot: only to a person's chat (not groups, status). */
    async onBusinessMessage(msg: WaMessage): Promise<void> {
      const to = msg.to ?? "";
      if (msg.isStatus || !(to.endsWith("@c.us") || to.endsWith("@lid"))) return;
      await deps.engine.businessWrote?.({ site: deps.site, channel: "whatsapp", chatId: to });
    },
  };
}
