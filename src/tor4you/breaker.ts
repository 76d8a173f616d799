import type { EndpointName } from "./endpoints.ts";
import { Tor4YouApiError, type Tor4YouCall, Tor4YouError, Tor4YouUsageLimitError } from "./errors.ts";

/**
 * Calls whose refusal says nothing about the data asked for: they name no id that could be gone
 * and normally always succeed. Tor4You answers every failure alike (`status: 0` and a message), so
 * when one of these is refused the site as a whole is refusing (a usage limit in other words, a
 * revoked key, a passing fault), and what other calls answer meanwhile is not data.
 */
const STEADY: ReadonlySet<string> = new Set<EndpointName>([
  "siteinfo",
  "branches",
  "staff",
  "services",
  "staffservice",
  "apptlist",
  "slotlist",
  "custlist",
]);

export interface BreakerOptions {
  /** First pause after a trip; doubled on each trip in a row. Default 30 s. */
  baseMs?: number;
  /** Longest pause. Default 10 minutes. */
  maxMs?: number;
}

/** The site's calls are paused after a refusal of a call that normally succeeds. Not evidence of anything. */
export class Tor4YouPausedError extends Tor4YouError {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, call: Tor4YouCall) {
    super(
      "tor4you_paused",
      `calls to this site are paused for ${Math.ceil(retryAfterMs / 1000)} s after Tor4You refused a call that normally succeeds`,
      call,
    );
    this.retryAfterMs = retryAfterMs;
  }
}

export interface BreakerState {
  open: boolean;
  /** Trips in a row (reset by a success). */
  trips: number;
  retryAfterMs: number;
  lastReason?: string;
}

/**
 * A per-site circuit breaker. While open, every call fails at once with Tor4YouPausedError
 * (nothing is sent); when the pause ends, calls go through again and the first success closes it,
 * while another refusal of a steady call opens it for twice as long.
 */
export function createBreaker(options: BreakerOptions = {}, clock: () => number = Date.now) {
  const baseMs = options.baseMs ?? 30_000;
  const maxMs = options.maxMs ?? 10 * 60_000;
  let openUntil = 0;
  let trips = 0;
  let lastReason: string | undefined;

  return {
    /** Throws when the site's calls are paused. */
    before(call: Tor4YouCall): void {
      const wait = openUntil - clock();
      if (wait > 0) throw new Tor4YouPausedError(wait, call);
    },
    success(): void {
      trips = 0;
      openUntil = 0;
    },
    /** Looks at a failed call; trips when it is a refusal that cannot be about the data asked for. */
    failure(endpoint: string, err: unknown): void {
      const limit = err instanceof Tor4YouUsageLimitError && err.source === "api";
      const steadyRefusal = err instanceof Tor4YouApiError && STEADY.has(endpoint);
      if (!limit && !steadyRefusal) return;
      const pause = Math.min(maxMs, baseMs * 2 ** trips);
      trips++;
      lastReason = limit ? "usage_limit" : `refused_${endpoint}`;
      openUntil = clock() + Math.max(pause, limit ? (err as Tor4YouUsageLimitError).retryAfterMs : 0);
    },
    state(): BreakerState {
      const wait = Math.max(0, openUntil - clock());
      return { open: wait > 0, trips, retryAfterMs: wait, ...(lastReason ? { lastReason } : {}) };
    },
  };
}
export type Breaker = ReturnType<typeof createBreaker>;
