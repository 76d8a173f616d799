import type { SiteConfig } from "../config/types.ts";

/** Which site each WhatsApp session serves (a business's number belongs to one business). */
export function sessionsBySite(sites: readonly SiteConfig[]) {
  const siteOf = new Map<string, string>();
  for (const s of sites)
    for (const name of s.whatsapp?.sessions ?? []) if (!siteOf.has(name)) siteOf.set(name, s.id);
  return {
    siteOf,
    sessionFor: (site: string) => sites.find((s) => s.id === site)?.whatsapp?.sessions[0],
  };
}
