import type { Branch, Service, SiteInfo, StaffMember } from "../tor4you/types.ts";
import type { BookingApi } from "./ports.ts";

/** A site's services, providers, links and branches: what the booking flow offers. */
export interface Catalog {
  info: SiteInfo;
  /** Active services customers may book themselves. */
  services: Service[];
  /** Active service providers, highest showorder first. */
  providers: StaffMember[];
  branches: Branch[];
  /** serviceId -> staff ids that perform it */
  staffFor: Map<string, Set<string>>;
}

/**
 * The catalog changes rarely and costs five calls, so it is cached per site for a few minutes
 * rather than read on every turn (each call spends the site's shared API budget).
 */
export function createCatalogCache(opts: { ttlMs?: number; now?: () => number } = {}) {
  const ttl = opts.ttlMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Promise<Catalog> }>();

  async function load(api: BookingApi): Promise<Catalog> {
    const [info, services, staff, links, branches] = await Promise.all([
      api.siteinfo(),
      api.services(),
      api.staff(),
      api.staffservice(),
      api.branches(),
    ]);
    const staffFor = new Map<string, Set<string>>();
    for (const l of links) {
      if (!staffFor.has(l.serviceId)) staffFor.set(l.serviceId, new Set());
      staffFor.get(l.serviceId)!.add(l.staffId);
    }
    const providers = staff.filter((s) => s.active && s.isProvider).sort((a, b) => b.showOrder - a.showOrder);
    const bookable = services.filter(
      (s) => s.active && s.external !== false && providers.some((p) => staffFor.get(s.id)?.has(p.id)),
    );
    return { info, services: bookable, providers, branches: branches.filter((b) => b.active), staffFor };
  }

  return {
    /**
     * The catalog last read for the site, however old, without reading it: for messages that
     * should not spend the site's budget (reminders) but show its address and phone when known.
     */
    peek(site: string): Promise<Catalog> | undefined {
      return cache.get(site)?.value;
    },
    get(site: string, api: BookingApi): Promise<Catalog> {
      const hit = cache.get(site);
      if (hit && now() - hit.at < ttl) return hit.value;
      const value = load(api);
      cache.set(site, { at: now(), value });
      // A failed load must not be cached: the next turn tries again.
      value.catch(() => cache.delete(site));
      return value;
    },
  };
}
export type CatalogCache = ReturnType<typeof createCatalogCache>;
