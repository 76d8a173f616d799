import type { Tor4YouClient } from "../tor4you/client.ts";
import type { Branch, SiteInfo } from "../tor4you/types.ts";

/**
 * The business's and its branches' addresses for calendar entries: two calls per site every
 * 12 hours (addresses hardly ever change; reminders otherwise need no catalog at all, and the
 * API economy goal counts every call per reminder), shared by every chat of the process.
 */
export function createPlaceCache(
  client: (site: string) => Pick<Tor4YouClient, "siteinfo" | "branches"> | undefined,
  opts: { ttlMs?: number; now?: () => number } = {},
) {
  const ttl = opts.ttlMs ?? 12 * 3600_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Promise<{ info?: SiteInfo; branches: Branch[] }> }>();
  return (site: string) => {
    const hit = cache.get(site);
    if (hit && now() - hit.at < ttl) return hit.value;
    const c = client(site);
    if (!c) return Promise.resolve({ branches: [] });
    const value = Promise.all([c.siteinfo(), c.branches()]).then(([info, branches]) => ({ info, branches }));
    cache.set(site, { at: now(), value });
    value.catch(() => cache.delete(site));
    return value;
  };
}
