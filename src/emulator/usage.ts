import type { DateTime } from "luxon";

export interface UsageLimits {
  perMinute: number;
  perDay: number;
}

export const DEFAULT_LIMITS: UsageLimits = { perMinute: 120, perDay: 20000 };

/**
 * Per-site call budget in fixed windows of the local calendar minute and day (what a counter
 * keyed by `date('YmdHi')` does). A refused call does not spend budget.
 */
export class UsageMeter {
  private readonly used = new Map<
    string,
    { minute: string; perMinute: number; day: string; perDay: number }
  >();

  constructor(public limits: UsageLimits) {}

  /** Spends one call, or names the window that is exhausted. */
  take(siteid: string, now: DateTime): "minute" | "day" | null {
    const minute = now.toFormat("yyyyMMddHHmm");
    const day = now.toFormat("yyyyMMdd");
    const u = this.used.get(siteid) ?? { minute, perMinute: 0, day, perDay: 0 };
    if (u.minute !== minute) Object.assign(u, { minute, perMinute: 0 });
    if (u.day !== day) Object.assign(u, { day, perDay: 0 });
    this.used.set(siteid, u);
    if (u.perDay >= this.limits.perDay) return "day";
    if (u.perMinute >= this.limits.perMinute) return "minute";
    u.perMinute++;
    u.perDay++;
    return null;
  }

  snapshot(siteid: string): { minute: number; day: number } {
    const u = this.used.get(siteid);
    return { minute: u?.perMinute ?? 0, day: u?.perDay ?? 0 };
  }

  reset(): void {
    this.used.clear();
  }
}
