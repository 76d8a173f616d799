import type { Base } from "./base.ts";
import { startWeb } from "./web.ts";
import { startWhatsAppRole } from "./whatsapp.ts";
import { startWorker } from "./worker.ts";

/** The `all` role (the default, and the demo): every WhatsApp session, the intake and the workers in one process. */
export async function startAll(base: Base): Promise<void> {
  const whatsapp = startWhatsAppRole(base, [...base.siteOf.keys()]);
  await startWeb(base, whatsapp);
  await startWorker(base);
}
