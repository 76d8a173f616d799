import { DateTime } from "luxon";
import { InvalidInputError } from "../core/errors.ts";
import { digits, inZone, rememberingZone } from "../core/zones.ts";

/** Tor4You speaks naive local time; every site we know of is in Israel. */
export const TOR4YOU_ZONE = "Asia/Jerusalem";

/**
 * Builds a DateTime from naive local parts in `zone`, refusing impossible calendar dates.
 * DST: a time inside the spring-forward gap (e.g. 02:30 on the last Friday of March) does not
 * exist; luxon moves it forward by the gap (03:30), which is what a clock on the wall shows.
 * A time in the repeated autumn hour (01:00-01:59 on the last Sunday of October) is ambiguous and
 * Tor4You gives no offset; luxon takes the second (winter-time) instance. Either way the wall-clock
 * text round-trips unchanged, which is what the API compares.
 */
function fromParts(
  field: string,
  input: string,
  zone: string,
  parts: {
    year: number;
    month: number;
    day: number;
    hour?: number;
    minute?: number;
    second?: number;
    millisecond?: number;
  },
): DateTime {
  const key = `${zone}|${parts.year}|${parts.month}|${parts.day}|${parts.hour}|${parts.minute}|${parts.second}|${parts.millisecond}`;
  const known = parsed.get(key);
  if (known) return known;
  const dt = DateTime.fromObject(parts, { zone: rememberingZone(zone) });
  const sameDay = dt.isValid && dt.year === parts.year && dt.month === parts.month && dt.day === parts.day;
  if (!sameDay) throw new InvalidInputError(field, `"${input}" is not a valid date/time`);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(key, dt);
  return dt;
}

/**
 * Local times already built: every answer repeats the same few thousand (a day's slots, this
 * month's appointments), and building one in a zone asks Intl for its offset, which made date
 * parsing the largest part of a chat turn's CPU. DateTimes are immutable, so one can be shared.
 */
const parsed = new Map<string, DateTime>();
const PARSED_MAX = 50_000;

/** `YYYYMMDDhhmm` (from/to of appointments and slots, `dt` of signed auth). */
export function parseApiMinute(input: string | number, zone = TOR4YOU_ZONE, field = "datetime"): DateTime {
  const s = String(input).trim();
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) throw new InvalidInputError(field, `"${s}" is not YYYYMMDDhhmm`);
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  if (h! > 23 || mi! > 59) throw new InvalidInputError(field, `"${s}" is not a valid time`);
  return fromParts(field, s, zone, { year: y!, month: mo!, day: d!, hour: h!, minute: mi! });
}

export function formatApiMinute(dt: DateTime, zone = TOR4YOU_ZONE): string {
  return digits(inZone(dt, zone), "yyyyMMddHHmm");
}

/** `YYYYMMDD` (range parameters of list calls). */
export function parseApiDate(input: string | number, zone = TOR4YOU_ZONE, field = "date"): DateTime {
  const s = String(input).trim();
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) throw new InvalidInputError(field, `"${s}" is not YYYYMMDD`);
  return fromParts(field, s, zone, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

export function formatApiDate(dt: DateTime, zone = TOR4YOU_ZONE): string {
  return digits(inZone(dt, zone), "yyyyMMdd");
}

/** The webhook's `dd/mm/YYYY HH:MM:SS`; some senders escape the slashes (`dd\/mm\/YYYY`). */
export function parseWebhookDate(input: string, zone = TOR4YOU_ZONE, field = "From_date"): DateTime {
  const s = String(input).trim().replace(/\\\//g, "/");
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) throw new InvalidInputError(field, `"${s}" is not dd/mm/YYYY HH:MM:SS`);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 59)
    throw new InvalidInputError(field, `"${s}" is not a valid time`);
  return fromParts(field, s, zone, {
    year: Number(m[3]),
    month: Number(m[2]),
    day: Number(m[1]),
    hour,
    minute,
    second,
  });
}

export function formatWebhookDate(dt: DateTime, zone = TOR4YOU_ZONE): string {
  return inZone(dt, zone).toFormat("dd/MM/yyyy HH:mm:ss");
}

/** The `lu` cursor of apptlist: 17 digits `YYYYMMDDHHmmssSSS`, local time. */
export function parseLu(input: string, zone = TOR4YOU_ZONE): DateTime {
  const s = String(input).trim();
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(s);
  if (!m) throw new InvalidInputError("lu", `"${s}" is not a 17-digit lu`);
  const n = m.slice(1).map(Number) as number[];
  return fromParts("lu", s, zone, {
    year: n[0]!,
    month: n[1]!,
    day: n[2]!,
    hour: n[3]!,
    minute: n[4]!,
    second: n[5]!,
    millisecond: n[6]!,
  });
}

export function formatLu(dt: DateTime, zone = TOR4YOU_ZONE): string {
  return inZone(dt, zone).toFormat("yyyyMMddHHmmssSSS");
}

export function isLu(input: unknown): input is string {
  return typeof input === "string" && /^\d{17}$/.test(input.trim());
}

/** MySQL's zero date ("0000-00-00 00:00:00", "00/00/0000") or zeros alone: no date at all. */
export function isZeroDate(input: string | number): boolean {
  return /^[0\s/:.T-]+$/.test(String(input).trim());
}

/**
 * Any date/time form a Tor4You response has been seen or guessed to use: `YYYYMMDD`,
 * `YYYYMMDDhhmm`, `YYYYMMDDhhmmss`, the 17-digit `lu` form, the webhook's `dd/mm/YYYY HH:MM:SS`,
 * or MySQL's `YYYY-MM-DD[ HH:MM[:SS]]` (what a PHP back end prints when it does not format a date).
 * Numbers are accepted because PHP back ends sometimes send these as integers.
 */
export function parseApiTimestamp(input: string | number, zone = TOR4YOU_ZONE, field = "datetime"): DateTime {
  const s = String(input).trim();
  if (/^\d{8}$/.test(s)) return parseApiDate(s, zone, field);
  if (/^\d{12}$/.test(s)) return parseApiMinute(s, zone, field);
  if (/^\d{14}$/.test(s)) {
    const second = Number(s.slice(12));
    if (second > 59) throw new InvalidInputError(field, `"${s}" is not a valid time`);
    return parseApiMinute(s.slice(0, 12), zone, field).set({ second });
  }
  if (/^\d{17}$/.test(s)) return parseLu(s, zone);
  if (s.includes("/")) return parseWebhookDate(s, zone, field);
  // An ISO time with its offset or Z names its instant exactly, whatever the zone.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const dt = DateTime.fromISO(s, { setZone: true });
    if (dt.isValid) return inZone(dt, zone);
  }
  // Fractions of a second (a DATETIME(3) column) say nothing a minute needs.
  const sql = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(s);
  if (sql) {
    const [, y, mo, d, h = "0", mi = "0", sec = "0"] = sql;
    if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59)
      throw new InvalidInputError(field, `"${s}" is not a valid time`);
    return fromParts(field, s, zone, {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(sec),
    });
  }
  throw new InvalidInputError(field, `"${s}" is not a Tor4You date/time`);
}
