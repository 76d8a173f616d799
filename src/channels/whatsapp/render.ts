import type { OutboundMessage } from "../../core/messages.ts";

/**
 * WhatsApp no longer delivers buttons or lists from unofficial clients, so choices become a
 * numbered list; the engine accepts the number, the label or free text in reply.
 */
export function renderForWhatsApp(messages: OutboundMessage[], hints: { shareContact: string }): string[] {
  return messages.map((m) => {
    if (m.type === "choices") {
      const list = m.choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n");
      return `${m.text}\n\n${list}`;
    }
    if (m.type === "requestPhone") return `${m.text}\n\n${hints.shareContact}`;
    return m.text;
  });
}
