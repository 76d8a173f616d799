import type { DateTime } from "luxon";
import { inZone } from "../core/zones.ts";
import { TOR4YOU_ZONE } from "./dates.ts";
import type { UsageScope } from "./errors.ts";

/** Tor4You reports its own limit as text ("usage limit exceeded (minute)"); proxies may say 429. */
export function usageLimitScope(message: string): UsageScope | undefined {
  if (
    !/usage limit|rate limit|too many requests|api limit|quota|limit exceeded|number of requests/i.test(
      message,
    )
  )
    return undefined;
  return /\bday\b|daily/i.test(message) ? "day" : "minute";
}

/** Until the window the API most likely counts in ends: the next minute, or midnight in Israel. */
export function msUntilWindowEnds(scope: UsageScope, now: DateTime): number {
  const local = inZone(now, TOR4YOU_ZONE);
  const end =
    scope === "day" ? local.startOf("day").plus({ days: 1 }) : local.startOf("minute").plus({ minutes: 1 });
  return Math.max(1, end.toMillis() - local.toMillis());
}
