import type { DateTime } from "luxon";
import type { Appointment } from "../domain/appointment.ts";
import { Tor4YouUsageLimitError } from "../tor4you/errors.ts";

/** A scan younger than this verifies a due reminder: a change at least a minute before the send is seen. */
export const FRESH_MS = 60_000;

export interface SendTimeCheckDeps {
  freshAt: (site: string) => Promise<number>;
  /** True for the one caller (across processes) that runs this minute's scan. */
  takeTurn: (site: string, minute: number) => Promise<boolean>;
  /** Gives the minute's turn back (its scan could not be sent for the budget), so a later try can run it. */
  releaseTurn?: (site: string, minute: number) => Promise<void>;
  /** The site's `lu` scan; records its start as fresh when it succeeds, throws when it does not. */
  scan: (site: string) => Promise<unknown>;
  /** The appointment as the last successful listing (or a webhook since) left it. */
  snapshot: (site: string, apptId: string) => Promise<Appointment | null>;
  now: () => DateTime;
  sleep?: (ms: number) => Promise<void>;
  /** How long a caller waits for another process's scan of this minute. */
  waitMs?: number;
}

/**
 * Send-time verification at one call per site per minute, however many reminders fall due: the
 * first due reminder of a minute runs the site's `lu` scan (usually answered "no new information"),
 * and every reminder of that minute reads its appointment from what the scan confirmed current.
 * `null` means "not verified this way" (the scan failed, or the appointment was never listed): the
 * caller then reads the appointment alone. Throws Tor4YouUsageLimitError (minute) when the scan
 * must wait for the site's API budget: the caller delays the reminder by its `retryAfterMs`.
 */
export function createSendTimeCheck(deps: SendTimeCheckDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const inFlight = new Map<string, Promise<boolean>>();
  /** The minute a site's scan failed or was not seen in time: its other reminders read alone then. */
  const gaveUp = new Map<string, number>();

  async function fresh(site: string): Promise<boolean> {
    const now = deps.now().toMillis();
    const minute = Math.floor(now / 60_000);
    if (now - (await deps.freshAt(site)) < FRESH_MS) return true;
    // Without this, every batch of due reminders would wait out a failed scan again.
    if (gaveUp.get(site) === minute) return false;
    if (await deps.takeTurn(site, minute)) return scanNow(site, minute);
    // Another worker runs this minute's scan: wait for its result rather than asking Tor4You again.
    const until = Date.now() + (deps.waitMs ?? 15_000);
    while (Date.now() < until) {
      await sleep(200);
      if (deps.now().toMillis() - (await deps.freshAt(site)) < FRESH_MS) return true;
      // Its scan waited for the budget and gave the turn back: ours runs it (or waits the same way).
      if (deps.releaseTurn && (await deps.takeTurn(site, minute))) return scanNow(site, minute);
    }
    gaveUp.set(site, minute);
    return false;
  }

  async function scanNow(site: string, minute: number): Promise<boolean> {
    try {
      await deps.scan(site);
      return true;
    } catch (e) {
      // The minute's usage is spent (our budget, or Tor4You said so): that says nothing about the
      // appointments. Reading each alone would spend the next minute many times over; instead the
      // reminders wait until it frees (the caller delays them) and the scan runs then.
      if (e instanceof Tor4YouUsageLimitError && e.scope === "minute") {
        await deps.releaseTurn?.(site, minute);
        throw e;
      }
      gaveUp.set(site, minute);
      return false;
    }
  }

  return {
    async appointment(site: string, apptId: string): Promise<Appointment | null> {
      let p = inFlight.get(site);
      if (!p) {
        p = fresh(site).finally(() => inFlight.delete(site));
        inFlight.set(site, p);
      }
      if (!(await p)) return null;
      return deps.snapshot(site, apptId);
    },
  };
}
export type SendTimeCheck = ReturnType<typeof createSendTimeCheck>;
