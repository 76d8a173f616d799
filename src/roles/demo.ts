import type { Logger } from "pino";
import type { DemoBusiness, Persona } from "../channels/webchat/webchat-channel.ts";
import { demoSiteDefaults } from "../config/load.ts";
import type { SiteConfig } from "../config/types.ts";
import type { ChatAddress, OutboundMessage } from "../core/messages.ts";
import { createEmulator, type Emulator } from "../emulator/emulator.ts";
import type { Seed } from "../emulator/seed.ts";
import { demoSeed } from "../emulator/seed-demo.ts";
import type { App } from "./app.ts";

/** The emulator's sites as the program's own sites, with the given policy settings. */
export function sitesFromEmulator(
  emulator: Emulator,
  apiUrl: string,
  defaults: Omit<SiteConfig, "id" | "name" | "tor4you">,
): SiteConfig[] {
  return emulator.sites().map(
    (s): SiteConfig => ({
      ...defaults,
      id: s.siteid,
      name: s.name.trim(),
      phone: s.phone,
      tor4you: {
        apiUrl,
        auth: { kind: "torkey", torkey: s.credentials.torkey },
        webhookKey: s.credentials.webhookKey,
        ratePerMinute: 600,
        ratePerDay: 100_000,
      },
    }),
  );
}

/**
 * With no Tor4You credentials the program runs on the embedded emulator: its demo sites become
 * the program's sites, with the environment's policy settings, exactly as real ones would be.
 */
export async function startDemoBackend(
  env: Record<string, string | undefined>,
  logger: Logger,
): Promise<{ emulator: Emulator; sites: SiteConfig[] }> {
  const emulator = createEmulator({
    logger: logger.child({ mod: "emulator" }, { level: "warn" }),
    seed: (now) => withUnassignedCells(demoSeed(now)),
  });
  const apiUrl = await emulator.listen(0, "127.0.0.1");
  // The demo reaches nobody: only its web chat talks to it (the configuration refuses a bot
  // token or WhatsApp session without Tor4You credentials; these lines make sure of it).
  const sites = sitesFromEmulator(emulator, apiUrl, demoSiteDefaults(env)).map(
    (s): SiteConfig => ({ ...s, telegram: undefined, whatsapp: undefined, channels: ["telegram"] }),
  );
  return { emulator, sites };
}

export type DemoBackend = Awaited<ReturnType<typeof startDemoBackend>>;

/** The demo's Tor4You calls back like the real one: every change arrives as a webhook at `base`. */
export function pointDemoWebhooks(emulator: Emulator, base: string): void {
  for (const s of emulator.sites()) {
    s.webhook = { ...s.webhook, url: `${base}/webhooks/tor4you/${s.siteid}`, active: true };
  }
}

/**
 * The demo's customers' numbers are in 057, a mobile prefix with no operator: the numbering plan
 * libphonenumber keeps (Google's, from the regulator's allocations) reports every 057 number as
 * invalid, while the product's own check (05 and 8 digits, what Tor4You takes) accepts it. So a
 * number the demo shows or books with is nobody's phone.
 */
export const DEMO_CELL_PREFIX = "057";
export const toDemoCell = (cell: string) => `${DEMO_CELL_PREFIX}${cell.slice(3)}`;

/** The demo seed with every customer's number moved into the unassigned prefix. */
export function withUnassignedCells(seed: Seed): Seed {
  return {
    ...seed,
    sites: seed.sites.map((s) => ({
      ...s,
      customers: s.customers?.map((c) => ({ ...c, cell: toDemoCell(c.cell) })),
    })),
  };
}

/** A number no demo customer has: "a new customer" books with it. */
export const DEMO_NEW_CUSTOMER = "0579990001";

/**
 * The demo businesses and the customers a web chat visitor may play: every customer with an
 * appointment still ahead (noted with the next one), and a new customer with no history.
 */
export function demoBusinesses(emulator: Emulator): DemoBusiness[] {
  const now = emulator.clock.now();
  return emulator.sites().map((s) => {
    const seen = new Set<string>();
    const personas: Persona[] = [];
    const upcoming = [...s.appointments.values()]
      .filter((a) => a.status === "1" && a.from > now && a.customer)
      .sort((a, b) => a.from.toMillis() - b.from.toMillis());
    for (const a of upcoming) {
      const c = s.customers.get(a.customer);
      if (!c?.cell || seen.has(c.cell) || c.isLozamin) continue;
      seen.add(c.cell);
      const service = s.services.get(a.service)?.name.trim();
      personas.push({
        name: `${c.first.trim()} ${c.last.trim()}`.trim(),
        phone: c.cell,
        note: `${a.from.toFormat("dd.MM HH:mm")}${service ? ` ${service}` : ""}`,
      });
    }
    personas.push({ name: "לקוח/ה חדש/ה · New customer", phone: DEMO_NEW_CUSTOMER });
    return { site: s.siteid, name: s.name.trim(), personas };
  });
}

/**
 * "Send me a reminder now": the reminder of the chat's next appointment, composed exactly as the
 * reminder job would (and made the chat's open question, so a typed "yes" answers it).
 */
export async function demoReminder(app: App, address: ChatAddress): Promise<OutboundMessage[] | null> {
  const identity = await app.identities.get(address);
  const client = app.clients.get(address.site);
  if (!identity || !client) return null;
  const appts = await client.apptbycellortz({ cell: identity.cell, showFuture: true });
  const now = app.now();
  const next = appts
    .filter((a) => a.status === "live" && !a.isLozamin && a.start > now)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis())[0];
  return next ? app.engine.prepareReminder(address, next) : null;
}
