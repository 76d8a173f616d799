import { DateTime } from "luxon";
import { InvalidInputError } from "../core/errors.ts";
import { inZone } from "../core/zones.ts";
import { normalizeEmail } from "../domain/email.ts";
import { normalizeIsraeliId } from "../domain/israeli-id.ts";
import { normalizeCell } from "../domain/phone.ts";
import { formatApiDate, formatApiMinute, parseApiDate, parseApiMinute } from "./dates.ts";

/**
 * Checks and wire formatting of what callers pass to the client. Everything here throws
 * InvalidInputError, before any request is built, so a bad value never costs an API call or
 * reaches Tor4You half-validated.
 */

export type IdInput = string | number;
export type DateInput = DateTime | string;

export function idParam(field: string, v: IdInput): string {
  const s = typeof v === "number" ? (Number.isSafeInteger(v) ? String(v) : "") : String(v ?? "").trim();
  if (!/^[1-9]\d{0,17}$/.test(s)) throw new InvalidInputError(field, "must be a positive numeric id");
  return s;
}

/** conf / vfib tokens: opaque, but never empty and never anything that needs escaping. */
export function tokenParam(field: string, v: string): string {
  const s = String(v ?? "").trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(s))
    throw new InvalidInputError(field, "must be the object's conf/vfib token");
  return s;
}

export function cellParam(v: string, field = "cell"): string {
  return normalizeCell(v, field);
}

export function tzParam(v: string, field = "tz"): string {
  return normalizeIsraeliId(v, field);
}

export function emailParam(v: string, field = "email"): string {
  return normalizeEmail(v, field);
}

export function textParam(field: string, v: string, max = 500): string {
  const s = String(v ?? "").trim();
  if (!s) throw new InvalidInputError(field, "is required");
  if (s.length > max) throw new InvalidInputError(field, `must be at most ${max} characters`);
  return s;
}

export function choiceParam<T extends number>(field: string, v: T, allowed: readonly T[]): string {
  if (!allowed.includes(v)) throw new InvalidInputError(field, `must be one of ${allowed.join(", ")}`);
  return String(v);
}

export function countParam(field: string, v: number, min: number, max: number): string {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new InvalidInputError(field, `must be a whole number from ${min} to ${max}`);
  }
  return String(v);
}

export function flagParam(v: boolean): string {
  return v ? "1" : "0";
}

/** A calendar day as `YYYYMMDD`, from a DateTime (taken in the site's zone) or the string itself. */
export function toDay(field: string, v: DateInput, zone: string): DateTime {
  if (DateTime.isDateTime(v)) {
    if (!v.isValid) throw new InvalidInputError(field, "is not a valid date");
    return inZone(v, zone).startOf("day");
  }
  return parseApiDate(String(v ?? ""), zone, field);
}

export function dayParam(field: string, v: DateInput, zone: string): string {
  return formatApiDate(toDay(field, v, zone), zone);
}

export function minuteParam(field: string, v: DateInput, zone: string): string {
  if (DateTime.isDateTime(v)) {
    if (!v.isValid) throw new InvalidInputError(field, "is not a valid date/time");
    return formatApiMinute(v, zone);
  }
  return formatApiMinute(parseApiMinute(String(v ?? ""), zone, field), zone);
}

/** An appointment's or slot's start and end to the minute; the end must come after the start. */
export function minuteRangeParams(
  from: DateInput,
  to: DateInput,
  zone: string,
): { from: string; to: string } {
  const a = minuteParam("from", from, zone);
  const b = minuteParam("to", to, zone);
  if (b <= a) throw new InvalidInputError("to", "must be after from");
  return { from: a, to: b };
}

/** Days from `from` to `to`, both inclusive; refuses a reversed or over-long range. */
export function rangeParams(
  names: [string, string],
  from: DateInput,
  to: DateInput,
  zone: string,
  maxDays: number,
): [string, string] {
  const a = toDay(names[0], from, zone);
  const b = toDay(names[1], to, zone);
  const days = inclusiveDays(a, b);
  if (days < 1) throw new InvalidInputError(names[1], `must not be before ${names[0]}`);
  if (days > maxDays) throw new InvalidInputError(names[1], `the range may span at most ${maxDays} days`);
  return [formatApiDate(a, zone), formatApiDate(b, zone)];
}

export function inclusiveDays(from: DateTime, to: DateTime): number {
  // Calendar days by their dates when both are in one zone (the common case, and cheaper than
  // luxon's diff); the dates already absorb a DST day's 23 or 25 hours.
  if (from.isValid && to.isValid && from.zoneName === to.zoneName)
    return (
      Math.round(
        (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) /
          86_400_000,
      ) + 1
    );
  return Math.round(to.startOf("day").diff(from.startOf("day"), "days").days) + 1;
}

/**
 * Numbered extra fields (`af1`..`af20`, `cx1`..`cx10`): only known names, string values. `null`
 * or an empty string clears the field, which Tor4You's updateaf spells `-`.
 */
export function numberedParams(
  prefix: string,
  max: number,
  fields: Record<string, string | null> | undefined,
  clearAs?: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields ?? {})) {
    const m = new RegExp(`^${prefix}(\\d{1,2})$`).exec(name);
    const n = m ? Number(m[1]) : 0;
    if (n < 1 || n > max || m?.[1]?.startsWith("0")) {
      throw new InvalidInputError(name, `is not one of ${prefix}1..${prefix}${max}`);
    }
    if (value !== null && typeof value !== "string")
      throw new InvalidInputError(name, "must be text or null");
    const s = (value ?? "").trim();
    if (s.length > 1000) throw new InvalidInputError(name, "must be at most 1000 characters");
    if (s === "" && clearAs === undefined) continue;
    out[name] = s === "" ? (clearAs as string) : s;
  }
  return out;
}

/** Sets a parameter only when the caller gave a value, so absent means "the API's default". */
export function optional<T>(
  params: Record<string, string>,
  name: string,
  v: T | undefined,
  fmt: (v: T) => string,
) {
  if (v !== undefined && v !== null) params[name] = fmt(v);
}
