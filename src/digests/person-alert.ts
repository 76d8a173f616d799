import type { PersonRequest, PersonRequestSink, StaffRole } from "../conversation/ports.ts";
import type { ChatAddress, OutboundMessage } from "../core/messages.ts";
import { callable, type StaffFormat } from "./alerts.ts";

/** "A customer asks for a person": who, a number to call back, and their own words. */
export function composePersonAlert(f: StaffFormat, r: PersonRequest): OutboundMessage[] {
  const phone = r.cell ? callable(r.cell) : "";
  const who = r.name || (phone ? "" : f.t("person-alert-unknown"));
  const header = f.t("person-alert", { who: `${who} ${phone}`.trim(), channel: r.from.channel });
  return [{ type: "text", text: `${header}\n“${r.text}”` }];
}

/**
 * The staff chats hear it at once (a person is waiting: no quiet hours), through the same
 * outbound queues as every other message.
 */
export function personAlerts(deps: {
  staffChats: (site: string) => Promise<Array<{ address: ChatAddress; role: StaffRole }>>;
  compose: (
    address: ChatAddress,
    build: (f: StaffFormat) => OutboundMessage[],
  ) => Promise<OutboundMessage[] | null>;
  send: (address: ChatAddress, messages: OutboundMessage[], jobId: string) => Promise<void>;
  /** How a job id names a chat: an HMAC, never the chat id. */
  chatRef: (address: ChatAddress) => string;
}): PersonRequestSink {
  return async (site, request) => {
    let told = 0;
    const at = Date.now().toString(36);
    for (const { address } of await deps.staffChats(site)) {
      const messages = await deps.compose(address, (f) => composePersonAlert(f, request));
      if (!messages?.length) continue;
      await deps.send(address, messages, `person-${site}-${at}-${deps.chatRef(address)}`);
      told++;
    }
    return told;
  };
}
