import type { Job } from "bullmq";
import type { ChatAddress } from "../src/core/messages.ts";
import type { JobsDeps } from "./deps.ts";
import type { OutboundRequest } from "./queues.ts";

/** Hands messages to the outbound queue of the address's channel: a WhatsApp session's, or Telegram's. */
export function routeOutbound(deps: {
  whatsapp: JobsDeps["whatsapp"];
  telegram: (request: OutboundRequest, jobId: string, delayMs: number) => Promise<void>;
}) {
  return async (
    address: ChatAddress,
    request: OutboundRequest,
    jobId: string,
    delayMs = 0,
  ): Promise<void> => {
    if (address.channel === "whatsapp") {
      const session = deps.whatsapp?.sessionFor(address.site);
      if (!session) throw new Error(`site ${address.site} has no WhatsApp session`);
      return deps.whatsapp!.enqueue(session, request, jobId, delayMs);
    }
    return deps.telegram(request, jobId, delayMs);
  };
}

/** How many of a send job's messages went out on its earlier attempts (its BullMQ progress). */
export function sentSoFar(job: Job): number {
  return typeof job.progress === "number" && job.progress > 0 ? job.progress : 0;
}
