import { CandleLightingEvent, HavdalahEvent, HebrewCalendar, Location, Zmanim } from "@hebcal/core";
import { type QuietInterval, type QuietSource, SortedIntervals } from "./quiet-windows.ts";

/** A place in Israel given by coordinates, for a business not near one of Hebcal's cities. */
export interface ShabbatCoordinates {
  latitude: number;
  longitude: number;
  /** Metres; only used when Hebcal is asked to use elevation (it is not, here). */
  elevation?: number;
  name?: string;
}

/**
 * Where and how Shabbat and yom tov are kept for a site. Always the Israeli calendar (one-day
 * yom tov except Rosh Hashana; no second days of Diaspora).
 */
export interface ShabbatOptions {
  /** A Hebcal classic city ("Tel Aviv", "Jerusalem", "Haifa", "Beer Sheva", ...) or coordinates. Default Tel Aviv. */
  location?: string | ShabbatCoordinates;
  /**
   * Minutes before sunset that candles are lit on Friday and erev chag. Default 18 (the common
   * custom in most of Israel); use 40 for Jerusalem, 30 for Haifa.
   */
  candleLightingMins?: number;
  /** Minutes after sunset for havdalah; default: tzeit hakochavim (sun 8.5° below the horizon). */
  havdalahMins?: number;
  /** How long before candle-lighting the last reminder may go out. Default 30 minutes. */
  leadMs?: number;
}

export const DEFAULT_SHABBAT_LOCATION = "Tel Aviv";
export const DEFAULT_CANDLE_LIGHTING_MINS = 18;
export const DEFAULT_SHABBAT_LEAD_MS = 30 * 60_000;

/** One Shabbat or yom tov (or a run of them back to back): candle-lighting to havdalah. */
export interface ShabbatSpan {
  candleLighting: Date;
  havdalah: Date;
}

function resolveLocation(location: string | ShabbatCoordinates | undefined): Location {
  if (location === undefined || typeof location === "string") {
    const name = location ?? DEFAULT_SHABBAT_LOCATION;
    const found = Location.lookup(name);
    if (!found) throw new Error(`Unknown Shabbat location "${name}": use a Hebcal city name or coordinates`);
    return found;
  }
  const { latitude, longitude, elevation, name } = location;
  return new Location(
    latitude,
    longitude,
    true,
    "Asia/Jerusalem",
    name ?? `${latitude},${longitude}`,
    "IL",
    undefined,
    elevation ?? 0,
  );
}

/**
 * Shabbat and yom tov in Israel for the Gregorian years `fromYear`..`toYear`, plus a few days
 * either side, with back-to-back days (Rosh Hashana's two days, a yom tov next to Shabbat)
 * merged into one span from the first candle-lighting to the last havdalah.
 *
 * Hebcal gives the events; the opening candle-lighting is recomputed here as sunset minus
 * `candleLightingMins`, because Hebcal silently replaces 18 minutes in Israel with its own city
 * default (20 in Tel Aviv). A second-night candle-lighting (after tzeit) is inside the span.
 */
export function shabbatSpans(options: ShabbatOptions, fromYear: number, toYear: number): ShabbatSpan[] {
  const location = resolveLocation(options.location);
  const candleMins = options.candleLightingMins ?? DEFAULT_CANDLE_LIGHTING_MINS;
  const events = HebrewCalendar.calendar({
    candlelighting: true,
    il: true,
    location,
    ...(options.havdalahMins !== undefined ? { havdalahMins: options.havdalahMins } : {}),
    start: new Date(fromYear - 1, 11, 20),
    end: new Date(toYear + 1, 0, 10),
    noMinorFast: true,
    noModern: true,
    noRoshChodesh: true,
    noSpecialShabbat: true,
  });

  const spans: ShabbatSpan[] = [];
  let open: Date | undefined;
  for (const ev of events) {
    if (ev instanceof CandleLightingEvent) {
      if (open) continue; // a second night of yom tov, or Shabbat straight after yom tov
      open = new Zmanim(location, ev.getDate(), false).sunsetOffset(-Math.abs(candleMins), true);
    } else if (ev instanceof HavdalahEvent && open) {
      spans.push({ candleLighting: open, havdalah: ev.eventTime });
      open = undefined;
    }
  }
  return spans;
}

const YEAR_CACHE_LIMIT = 64;

/**
 * The Shabbat/yom tov quiet windows of one configuration: from `leadMs` before candle-lighting
 * to havdalah. Spans are computed once per Gregorian (UTC) year and kept, so after the first
 * call in a year a lookup is a binary search.
 */
export class ShabbatCalendar implements QuietSource {
  private readonly years = new Map<number, SortedIntervals>();
  private readonly leadMs: number;

  constructor(private readonly options: ShabbatOptions = {}) {
    this.leadMs = options.leadMs ?? DEFAULT_SHABBAT_LEAD_MS;
    resolveLocation(options.location); // fail early on an unknown city
  }

  containing(ms: number): QuietInterval | undefined {
    return this.year(new Date(ms).getUTCFullYear()).containing(ms);
  }

  private year(year: number): SortedIntervals {
    let windows = this.years.get(year);
    if (!windows) {
      const spans = shabbatSpans(this.options, year, year);
      windows = new SortedIntervals(
        spans.map((s) => ({
          startMs: s.candleLighting.getTime() - this.leadMs,
          endMs: s.havdalah.getTime(),
        })),
        "shabbat",
      );
      if (this.years.size >= YEAR_CACHE_LIMIT) this.years.clear();
      this.years.set(year, windows);
    }
    return windows;
  }
}

const calendars = new Map<string, ShabbatCalendar>();

/** One shared calendar per configuration, so every planner of every site reuses the same years. */
export function shabbatCalendar(options: ShabbatOptions = {}): ShabbatCalendar {
  const key = JSON.stringify([
    options.location ?? DEFAULT_SHABBAT_LOCATION,
    options.candleLightingMins ?? DEFAULT_CANDLE_LIGHTING_MINS,
    options.havdalahMins ?? null,
    options.leadMs ?? DEFAULT_SHABBAT_LEAD_MS,
  ]);
  let cal = calendars.get(key);
  if (!cal) {
    cal = new ShabbatCalendar(options);
    calendars.set(key, cal);
  }
  return cal;
}
