import type { Logger } from "pino";
import { demoSiteDefaults } from "./config/load.ts";
import type { SiteConfig } from "./config/types.ts";
import { createEmulator, type Emulator } from "./emulator/emulator.ts";

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
  const emulator = createEmulator({ logger: logger.child({ mod: "emulator" }, { level: "warn" }) });
  const apiUrl = await emulator.listen(0, "127.0.0.1");
  return { emulator, sites: sitesFromEmulator(emulator, apiUrl, demoSiteDefaults(env)) };
}
