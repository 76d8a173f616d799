import { IANAZone } from "luxon";

const MINUTE = 60_000;
export const DAY_MS = 86_400_000;
/** Zone offsets change only at whole quarter hours (UTC) in every zone in use today. */
const BUCKET_MS = 15 * MINUTE;
const CACHE_LIMIT = 500_000;

/**
 * Wall-clock arithmetic in one IANA zone on epoch milliseconds, with the zone's offsets taken
 * from luxon's IANAZone and memoized per quarter hour. The planner runs for 100k appointments;
 * luxon's own `minus`/`set`/`startOf` each recompute offsets through Intl (5-20 µs apiece), so
 * the hot path uses this and only builds a luxon DateTime for its results. The semantics are
 * luxon's: a local time in a DST gap moves forward by the gap, one in an overlap is taken at the
 * offset before the switch (the earlier instant) when that offset is the hint.
 */
export class ZoneClock {
  readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(zoneName: string) {
    if (!IANAZone.isValidZone(zoneName)) throw new Error(`Unknown time zone "${zoneName}"`);
    this.zone = IANAZone.create(zoneName);
  }

  /** The zone's UTC offset in minutes at an instant. */
  offsetMinutes(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    let o = this.offsets.get(bucket);
    if (o === undefined) {
      o = this.zone.offset(bucket * BUCKET_MS);
      if (this.offsets.size >= CACHE_LIMIT) this.offsets.clear();
      this.offsets.set(bucket, o);
    }
    return o;
  }

  /** Local wall-clock time as epoch ms "as if the zone were UTC". */
  toLocal(ms: number): number {
    return ms + this.offsetMinutes(ms) * MINUTE;
  }

  /** The instant of a local wall-clock time; `hintOffset` (minutes) is the offset to try first. */
  fromLocal(local: number, hintOffset: number): number {
    let guess = local - hintOffset * MINUTE;
    const o2 = this.offsetMinutes(guess);
    if (o2 === hintOffset) return guess;
    guess -= (o2 - hintOffset) * MINUTE;
    const o3 = this.offsetMinutes(guess);
    if (o2 === o3) return guess;
    return local - Math.min(o2, o3) * MINUTE;
  }

  /** Same wall-clock time `days` calendar days earlier (like luxon's `minus({ days })`). */
  minusDays(ms: number, days: number): number {
    const offset = this.offsetMinutes(ms);
    return this.fromLocal(ms + offset * MINUTE - days * DAY_MS, offset);
  }

  /** The instant at `minuteOfDay` on the local calendar day of `ms`, shifted by `dayShift` days. */
  atMinuteOfDay(ms: number, minuteOfDay: number, dayShift = 0): number {
    const offset = this.offsetMinutes(ms);
    const local = ms + offset * MINUTE;
    const midnight = local - mod(local, DAY_MS);
    return this.fromLocal(midnight + dayShift * DAY_MS + minuteOfDay * MINUTE, offset);
  }

  /** Minutes since local midnight, with the fraction of the current minute. */
  minuteOfDay(ms: number): number {
    return mod(this.toLocal(ms), DAY_MS) / MINUTE;
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

const clocks = new Map<string, ZoneClock>();

/** One shared clock (and offset cache) per zone. */
export function zoneClock(zoneName: string): ZoneClock {
  let c = clocks.get(zoneName);
  if (!c) {
    c = new ZoneClock(zoneName);
    clocks.set(zoneName, c);
  }
  return c;
}
