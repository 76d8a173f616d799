import type { SiteConfig } from "../config/types.ts";
import { quietSources } from "./policy.ts";
import type { QuietSource } from "./quiet-windows.ts";
import type { ShabbatOptions } from "./shabbat.ts";

/**
 * When a staff message may go out. Staff share the customers' quiet hours and Shabbat, but a
 * message cannot be moved earlier than the event that caused it, so it waits for the end of the
 * quiet time instead (reminders move earlier; staff messages move later). Urgent alerts skip this.
 */
export function staffSendTime(
  site: Pick<SiteConfig, "quietHours" | "shabbatQuiet" | "timezone">,
  shabbat?: ShabbatOptions,
): (nowMs: number) => number {
  const sources = quietSources({ ...site, shabbat });
  return (nowMs) => latestQuietEdge(nowMs, sources);
}

/** Moves an instant later until no source holds it (overlapping windows act as one). */
export function latestQuietEdge(ms: number, sources: readonly QuietSource[]): number {
  let cur = ms;
  for (let moved = true; moved; ) {
    moved = false;
    for (const source of sources) {
      const w = source.containing(cur);
      if (w && w.endMs > cur) {
        cur = w.endMs;
        moved = true;
      }
    }
  }
  return cur;
}
