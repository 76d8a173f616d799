import type { DateTime } from "luxon";
import type { SiteConfig } from "../config/types.ts";
import type { Appointment } from "../domain/appointment.ts";
import { createReminderPlanner, isPlanned, type PlanAdjustReason, policyFromSite } from "./policy.ts";

export interface SitePlan {
  /** `adjusted`: moved out of quiet hours or Shabbat, or sent at once for a late booking. */
  desired: Array<{ offsetMin: number; dueAt: DateTime; adjusted?: PlanAdjustReason }>;
  skipped: Array<{ offsetMin: number; reason: string }>;
}

/** Each site's reminder policy, prepared once, as the reconciler consumes it (offsets in minutes). */
export function createSitePlans(sites: readonly SiteConfig[]) {
  const planners = new Map(sites.map((s) => [s.id, createReminderPlanner(policyFromSite(s))]));
  const offsets = new Map(
    sites.map((s) => {
      const all = [s.reminders.offsetsMs, ...Object.values(s.reminders.perServiceMs)].flat();
      return [s.id, [...new Set(all.map((ms) => Math.round(ms / 60_000)))]];
    }),
  );
  return {
    plan(site: string, appt: Appointment, now: DateTime, seenAt?: DateTime): SitePlan {
      const planner = planners.get(site);
      if (!planner) return { desired: [], skipped: [] };
      const out: SitePlan = { desired: [], skipped: [] };
      for (const r of planner(appt, now, seenAt)) {
        const offsetMin = Math.round(r.offsetMs / 60_000);
        if (isPlanned(r)) out.desired.push({ offsetMin, dueAt: r.dueAt, adjusted: r.adjusted });
        else out.skipped.push({ offsetMin, reason: r.skip });
      }
      return out;
    },
    knownOffsets(site: string): number[] {
      return offsets.get(site) ?? [];
    },
  };
}
export type SitePlans = ReturnType<typeof createSitePlans>;
