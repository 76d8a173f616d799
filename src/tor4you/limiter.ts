/**
 * The site's API allowance, shared by every process that calls Tor4You for that site. Each HTTP
 * request (retries included) takes one unit before it is sent, so we stay under Tor4You's own
 * per-minute and per-day limits instead of discovering them.
 */
export interface UsageBudget {
  /**
   * Resolves when one request may be sent now. Waits (bounded) for the per-minute budget; throws
   * Tor4YouUsageLimitError (source "budget") when the day is spent or the wait would be too long.
   */
  acquire(site: string): Promise<void>;
}

export interface UsageLimits {
  perMinute: number;
  perDay: number;
}

/** DESIGN §5: TOR4YOU_RATE_PER_MINUTE, TOR4YOU_RATE_PER_DAY. */
export const DEFAULT_USAGE_LIMITS: UsageLimits = { perMinute: 60, perDay: 20_000 };

/** For tests and one-off tools that talk to an emulator with no limits. */
export const unlimitedBudget: UsageBudget = { acquire: async () => {} };
