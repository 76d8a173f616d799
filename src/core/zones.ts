import { type DateTime, IANAZone, type Zone } from "luxon";

/** Every offset change of the zones we serve falls on a quarter hour (UTC): offsets are kept per quarter hour. */
const QUARTER_HOUR = 15 * 60_000;

/**
 * An IANA zone that remembers its UTC offsets. luxon asks Intl for the offset (formatToParts)
 * whenever it builds or moves a DateTime in a named zone, which was the largest single cost of
 * reading Tor4You's times and planning reminders; between two changes (DST) it is the same.
 * It equals the plain zone of the same name, so DateTimes in either compare and convert alike.
 */
class RememberingZone extends IANAZone {
  readonly #offsets = new Map<number, number>();

  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_HOUR);
    let minutes = this.#offsets.get(quarter);
    if (minutes === undefined) {
      minutes = super.offset(ts);
      if (this.#offsets.size >= 200_000) this.#offsets.clear();
      this.#offsets.set(quarter, minutes);
    }
    return minutes;
  }
}

const zones = new Map<string, RememberingZone>();

/** The zone named `name` with its offsets remembered; an unknown name gives luxon's invalid zone. */
export function rememberingZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (!IANAZone.isValidZone(name)) return IANAZone.create(name);
    zone = new RememberingZone(name);
    zones.set(name, zone);
  }
  return zone;
}

const named = new Map<string, Zone | string>();

/**
 * The zone to build DateTimes in for a configured name: an IANA zone with its offsets remembered;
 * anything luxon reads by itself ("UTC", which it makes a fixed zone, or an unknown name, which
 * it makes an invalid DateTime) is left to luxon, so nothing reads differently than before.
 */
export function zoneFor(name: string): Zone | string {
  let zone = named.get(name);
  if (zone === undefined) {
    zone = IANAZone.isValidZone(name) && !/^(utc|gmt)$/i.test(name) ? rememberingZone(name) : name;
    named.set(name, zone);
  }
  return zone;
}

/** `dt` in `zone`; a zone given by name has its offsets remembered (see zoneFor). */
export function inZone(dt: DateTime, zone: string | Zone): DateTime {
  return dt.setZone(typeof zone === "string" ? zoneFor(zone) : zone);
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The digit forms written most often (Tor4You's parameters, the times in every reply), built from
 * the DateTime's fields: luxon's toFormat parses its pattern again on every call. An invalid
 * DateTime keeps luxon's own "Invalid DateTime".
 */
export function digits(
  dt: DateTime,
  form: "yyyyMMdd" | "yyyyMMddHHmm" | "HH:mm" | "dd.MM" | "dd.MM.yyyy",
): string {
  if (!dt.isValid || dt.year < 1000 || dt.year > 9999) return dt.toFormat(form);
  switch (form) {
    case "yyyyMMdd":
      return `${dt.year}${two(dt.month)}${two(dt.day)}`;
    case "yyyyMMddHHmm":
      return `${dt.year}${two(dt.month)}${two(dt.day)}${two(dt.hour)}${two(dt.minute)}`;
    case "HH:mm":
      return `${two(dt.hour)}:${two(dt.minute)}`;
    case "dd.MM":
      return `${two(dt.day)}.${two(dt.month)}`;
    case "dd.MM.yyyy":
      return `${two(dt.day)}.${two(dt.month)}.${dt.year}`;
  }
}
