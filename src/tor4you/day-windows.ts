import { DateTime } from "luxon";
import { formatApiDate } from "./dates.ts";
import type { Tor4YouCall } from "./errors.ts";
import { Tor4YouResultCapError } from "./errors.ts";
import { inclusiveDays } from "./inputs.ts";

/** Both ends inclusive, at the start of their days in the site's zone. */
export interface DayWindow {
  from: DateTime;
  to: DateTime;
}

/** Consecutive windows of at most `maxDays` days, both ends inclusive, covering the range exactly. */
export function splitRange(range: DayWindow, maxDays: number): DayWindow[] {
  const out: DayWindow[] = [];
  let from = range.from;
  while (from <= range.to) {
    const to = DateTime.min(from.plus({ days: maxDays - 1 }), range.to);
    out.push({ from, to });
    from = to.plus({ days: 1 });
  }
  return out;
}

export interface CappedRangeOptions<T> {
  /** Days per call the API accepts. */
  maxDays: number;
  /** Rows at which an answer is taken as truncated (Tor4You stops there without saying so). */
  cap: number;
  /** One call for one window. */
  fetch: (w: DayWindow) => Promise<T[]>;
  /**
   * A single day at the cap cannot be split further. Default: fail with Tor4YouResultCapError
   * naming `endpoint`, rather than lose rows silently; `keep` returns that day's rows as they came.
   */
  onFullDay?: "fail" | "keep";
  endpoint: string;
  zone: string;
}

/**
 * Every row of a date range from a list call limited in days and rows: the range in windows the
 * API accepts, and a window whose answer reaches the cap fetched again in halves.
 */
export async function fetchCappedRange<T>(range: DayWindow, o: CappedRangeOptions<T>): Promise<T[]> {
  const out: T[] = [];
  const pending = splitRange(range, o.maxDays).reverse();
  while (pending.length > 0) {
    const w = pending.pop()!;
    const rows = await o.fetch(w);
    if (rows.length < o.cap) {
      out.push(...rows);
      continue;
    }
    const days = inclusiveDays(w.from, w.to);
    if (days === 1) {
      if (o.onFullDay === "keep") {
        out.push(...rows);
        continue;
      }
      const day = formatApiDate(w.from, o.zone);
      const call: Tor4YouCall = {
        endpoint: o.endpoint,
        method: "GET",
        write: false,
        params: { from: day, to: day },
      };
      throw new Tor4YouResultCapError(o.cap, call);
    }
    const mid = w.from.plus({ days: Math.floor(days / 2) });
    pending.push({ from: mid, to: w.to }, { from: w.from, to: mid.minus({ days: 1 }) });
  }
  return out;
}
