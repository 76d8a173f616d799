import { IANAZone } from "luxon";

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
