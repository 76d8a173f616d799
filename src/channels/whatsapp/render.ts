import type { OutboundMessage } from "../../core/messages.ts";
import type { WaFile } from "./client-port.ts";

/** One WhatsApp message: text, or a document with its caption. */
export type WaOutgoing = string | WaFile;

/**
 * WhatsApp no longer delivers buttons or lists from unofficial clients, so choices become a
 * numbered list; the engine accepts the number, the label or free text in reply. One answer is
 * numbered once across its messages (an appointment list is several cards), as the engine reads it.
 */
export function renderForWhatsApp(
  messages: OutboundMessage[],
  hints: { shareContact: string },
): WaOutgoing[] {
  let n = 0;
  return messages.map((m) => {
    if (m.type === "file")
      return {
        fileName: m.fileName,
        mime: m.mime,
        base64: Buffer.from(m.content, "utf8").toString("base64"),
        caption: m.text,
      };
    if (m.type === "choices") {
      const list = m.choices.map((c) => `${++n}. ${c.label}`).join("\n");
      return m.typedHint ? `${m.text}\n\n${list}\n\n${m.typedHint}` : `${m.text}\n\n${list}`;
    }
    if (m.type === "requestPhone") return `${m.text}\n\n${hints.shareContact}`;
    return m.text;
  });
}
