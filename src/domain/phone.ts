import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { InvalidInputError } from "../core/errors.ts";

/** Tor4You's own form of a mobile number: 10 digits starting with 05. */
export type LocalCell = string & { readonly __brand: "LocalCell" };

/**
 * Normalize any common way of writing an Israeli mobile number (`+972-52-…`, `972 52…`,
 * `052-…`, `0525551234`, a WhatsApp id) to `05XXXXXXXX`. Throws InvalidInputError otherwise,
 * so that no call is ever made with a number Tor4You would reject or misfile.
 */
export function normalizeCell(input: string, field = "cell"): LocalCell {
  const known = normalized.get(input);
  if (known) return known;
  const local = parseCell(input, field);
  if (normalized.size >= 50_000) normalized.clear();
  normalized.set(input, local);
  return local;
}

/**
 * Numbers already read: a scan reads the same customers' numbers in every listing, and
 * libphonenumber was a tenth of the planning's CPU. Only numbers that parsed are kept.
 */
const normalized = new Map<string, LocalCell>();

function parseCell(input: string, field: string): LocalCell {
  const raw = String(input ?? "")
    .replace(/@c\.us$/, "")
    .trim();
  if (!/^[+\d(][\d\s\-().]*$/.test(raw)) throw new InvalidInputError(field, "is not a phone number");
  const digits = raw.replace(/\D/g, "");
  // "972…" without a plus is how WhatsApp ids and many CRMs write it.
  const candidate = raw.startsWith("+") ? raw : digits.startsWith("972") ? `+${digits}` : digits;
  const parsed = parsePhoneNumberFromString(candidate, "IL");
  // The shape Tor4You requires (05 + 8 digits) is the rule; libphonenumber's list of allocated
  // ranges lags new ones, so it only parses the many ways of writing a number here.
  if (parsed?.countryCallingCode !== "972" || !parsed.isPossible()) {
    throw new InvalidInputError(field, "must be an Israeli mobile number (05XXXXXXXX)");
  }
  const local = `0${parsed.nationalNumber}`;
  if (!/^05\d{8}$/.test(local))
    throw new InvalidInputError(field, "must be an Israeli mobile number (05XXXXXXXX)");
  return local as LocalCell;
}

export function isCell(input: string): boolean {
  try {
    normalizeCell(input);
    return true;
  } catch {
    return false;
  }
}

/** `05XXXXXXXX` -> `+9725XXXXXXXX` */
export function cellToE164(cell: LocalCell | string): string {
  return `+972${normalizeCell(cell).slice(1)}`;
}

/** `05XXXXXXXX` -> `9725XXXXXXXX@c.us` (WhatsApp's chat id for a person). */
export function cellToWhatsAppId(cell: LocalCell | string): string {
  return `972${normalizeCell(cell).slice(1)}@c.us`;
}

/** A WhatsApp `@c.us` id back to `05XXXXXXXX`; null for groups, `@lid` ids and foreign numbers. */
export function whatsAppIdToCell(id: string): LocalCell | null {
  const m = /^(\d+)@c\.us$/.exec(id);
  if (!m) return null;
  try {
    return normalizeCell(`+${m[1]}`);
  } catch {
    return null;
  }
}
