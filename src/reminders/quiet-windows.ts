import { zoneClock } from "./zone-clock.ts";

/** Where a quiet interval comes from; also the reason reported for a reminder moved out of it. */
export type QuietKind = "quiet_hours" | "shabbat";

/**
 * One stretch of time in which no reminder goes out, as epoch milliseconds. It is open at both
 * ends: its edges are allowed send times (a reminder moved out of it goes out exactly at
 * `startMs`, and one due exactly at `endMs` is not held).
 */
export interface QuietInterval {
  startMs: number;
  endMs: number;
  kind: QuietKind;
}

/** Finds the quiet interval, if any, that strictly contains an instant. */
export interface QuietSource {
  containing(ms: number): QuietInterval | undefined;
}

/** The site's nightly quiet hours, as minutes after local midnight; may wrap midnight. */
export interface DailyQuietHours {
  startMinute: number;
  endMinute: number;
}

/**
 * Nightly quiet hours in a time zone. Edges are wall-clock times, so `21:30-08:00` is 21:30 to
 * 08:00 local on every night, including the nights of the DST switches (which are then an hour
 * shorter or longer in real time). A window whose start equals its end is treated as no window.
 */
export function dailyQuietSource(hours: DailyQuietHours, zone: string): QuietSource {
  const { startMinute, endMinute } = hours;
  const wraps = startMinute > endMinute;
  const clock = zoneClock(zone);
  const interval = (ms: number, startDayShift: number, endDayShift: number): QuietInterval => ({
    startMs: clock.atMinuteOfDay(ms, startMinute, startDayShift),
    endMs: clock.atMinuteOfDay(ms, endMinute, endDayShift),
    kind: "quiet_hours",
  });

  return {
    containing(ms) {
      if (startMinute === endMinute) return undefined;
      const m = clock.minuteOfDay(ms);
      if (!wraps) return m > startMinute && m < endMinute ? interval(ms, 0, 0) : undefined;
      // Wrapping (e.g. 21:30-08:00): late evening belongs to tonight's window, early morning to
      // the window that started the previous evening.
      if (m > startMinute) return interval(ms, 0, 1);
      if (m < endMinute) return interval(ms, -1, 0);
      return undefined;
    },
  };
}

/** Held-out stretches that can be searched quickly: sorted, disjoint (overlaps merged). */
export class SortedIntervals implements QuietSource {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;

  constructor(
    intervals: ReadonlyArray<{ startMs: number; endMs: number }>,
    private readonly kind: QuietKind,
  ) {
    const merged = mergeIntervals(intervals);
    this.starts = Float64Array.from(merged, (i) => i.startMs);
    this.ends = Float64Array.from(merged, (i) => i.endMs);
  }

  get size(): number {
    return this.starts.length;
  }

  containing(ms: number): QuietInterval | undefined {
    // The last interval starting strictly before `ms`.
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < ms) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0 || this.ends[found]! <= ms) return undefined;
    return { startMs: this.starts[found]!, endMs: this.ends[found]!, kind: this.kind };
  }
}

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function mergeIntervals(
  intervals: ReadonlyArray<{ startMs: number; endMs: number }>,
): Array<{ startMs: number; endMs: number }> {
  const sorted = intervals.filter((i) => i.endMs > i.startMs).sort((a, b) => a.startMs - b.startMs);
  const out: Array<{ startMs: number; endMs: number }> = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else out.push({ startMs: i.startMs, endMs: i.endMs });
  }
  return out;
}

/**
 * Moves an instant earlier until no source holds it: to the start of the window containing it,
 * then to the start of any window containing that edge, and so on. Overlapping windows of
 * different sources (quiet hours inside Shabbat, or Shabbat ending after quiet hours begin)
 * therefore act as one merged window and the result is its earliest edge. Returns the instant
 * unchanged (and no kind) when it is not inside any window.
 */
export function earliestQuietEdge(
  ms: number,
  sources: readonly QuietSource[],
): { ms: number; kind: QuietKind | undefined } {
  let cur = ms;
  let kind: QuietKind | undefined;
  let moved = true;
  while (moved) {
    moved = false;
    for (const source of sources) {
      const w = source.containing(cur);
      if (w && w.startMs < cur) {
        cur = w.startMs;
        kind = w.kind;
        moved = true;
      }
    }
  }
  return { ms: cur, kind };
}
