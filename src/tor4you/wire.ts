import type { DateTime } from "luxon";
import { z } from "zod";
import { normalizeCell } from "../domain/phone.ts";
import { isZeroDate, parseApiTimestamp } from "./dates.ts";

/**
 * Liberal readers for single wire values. Tor4You is a PHP back end: the same field arrives as a
 * number or a numeric string, padded with spaces, empty instead of absent, or `0` for "none".
 */

type Raw = string | number | null | undefined;
// `.optional()` makes the key itself optional in an object; the transforms still see `undefined`.
const raw = z.union([z.string(), z.number(), z.null(), z.undefined()]).optional();

function blank(v: Raw): boolean {
  return v === null || v === undefined || String(v).trim() === "";
}

/** A required id: digits as a number or a string, returned as a string. */
export const id = z
  .union([z.string().trim().regex(/^\d+$/, "expected a numeric id"), z.number().int().nonnegative()])
  .transform(String);

/** An optional reference to another object; empty and `0` mean none. */
export const ref = raw.transform((v, ctx) => {
  if (blank(v)) return undefined;
  const s = String(v).trim();
  if (!/^\d+$/.test(s)) {
    ctx.addIssue({ code: "custom", message: "expected a numeric id" });
    return z.NEVER;
  }
  return /^0+$/.test(s) ? undefined : s;
});

/** Free text, trimmed (Hebrew names often carry trailing spaces); empty means absent. */
export const text = raw.transform((v) => (blank(v) ? undefined : String(v).trim()));

export const requiredText = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/**
 * Fields the reference does not promise that an answer carries. When one is missing or unreadable the
 * reader falls back to something neutral and says so here; the transport logs the names at debug
 * level (values never), so an operator can see that Tor4You sends something we did not expect.
 * Parsing is synchronous, so one collector at a time is enough.
 */
let fallbacks: Set<string> | undefined;

export function noteFallback(field: string): void {
  fallbacks?.add(field);
}

export function collectFallbacks<T>(read: () => T): { value: T; fallbacks: string[] } {
  const outer = fallbacks;
  const mine = new Set<string>();
  fallbacks = mine;
  try {
    return { value: read(), fallbacks: [...mine] };
  } finally {
    fallbacks = outer;
  }
}

/** A display name the product can do without (staff, branch, service, site): "" when missing. */
export function nameOrBlank(field: string) {
  return raw.transform((v) => {
    if (!blank(v)) return String(v).trim();
    noteFallback(field);
    return "";
  });
}

export const num = raw.transform((v, ctx) => {
  if (blank(v)) return undefined;
  const n = Number(String(v).trim());
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: "custom", message: "expected a number" });
    return z.NEVER;
  }
  return n;
});

/** iscoming / showstatus: 0, 1 or 2; missing means 0 (not updated). */
export const tristate = raw.transform((v, ctx) => {
  const s = blank(v) ? "0" : String(v).trim();
  if (s !== "0" && s !== "1" && s !== "2") {
    ctx.addIssue({ code: "custom", message: "expected 0, 1 or 2" });
    return z.NEVER;
  }
  return Number(s) as 0 | 1 | 2;
});

// The spelling of a flag is not documented: "1"/"0" is what the emulator sends, PHP may say "true".
const TRUE_WORDS = new Set(["1", "true", "yes", "y", "on"]);
const FALSE_WORDS = new Set(["0", "false", "no", "n", "off"]);

/** The `status` of a branch, staff member, service, slot or customer: 1 live, 0 cancelled; absent = live. */
export const active = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()])
  .optional()
  .transform((v) =>
    typeof v === "boolean" ? v : blank(v) ? true : !FALSE_WORDS.has(String(v).trim().toLowerCase()),
  );

export const boolFlag = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()])
  .optional()
  .transform((v) =>
    typeof v === "boolean" ? v : blank(v) ? undefined : TRUE_WORDS.has(String(v).trim().toLowerCase()),
  );

/** A cell we can read becomes `05XXXXXXXX`; one we cannot is dropped rather than failing a whole list. */
export const looseCell = raw.transform((v) => {
  if (blank(v)) return undefined;
  try {
    return normalizeCell(String(v));
  } catch {
    return undefined;
  }
});

export function timestamp(zone: string) {
  return z.union([z.string(), z.number()]).transform((v, ctx): DateTime => {
    try {
      return parseApiTimestamp(v, zone);
    } catch {
      ctx.addIssue({ code: "custom", message: "expected a Tor4You date/time" });
      return z.NEVER;
    }
  });
}

/** A date/time the product does not need (creation dates, subscription periods): unreadable = absent. */
export function optionalTimestamp(zone: string, field = "datetime") {
  return raw.transform((v): DateTime | undefined => {
    if (blank(v) || isZeroDate(v as string | number)) return undefined;
    try {
      return parseApiTimestamp(v as string | number, zone);
    } catch {
      noteFallback(field);
      return undefined;
    }
  });
}

/**
 * `tmp_expire_date`: non-empty only on a temporary booking awaiting payment. Its presence is what
 * matters (such a booking gets no reminder), so text we cannot read as a date still marks it
 * temporary ("unreadable") instead of failing the call or reading it as an ordinary booking.
 */
export function expiryTimestamp(zone: string) {
  return raw.transform((v): DateTime | "unreadable" | undefined => {
    if (blank(v) || isZeroDate(v as string | number)) return undefined;
    try {
      return parseApiTimestamp(v as string | number, zone);
    } catch {
      noteFallback("tmp_expire_date");
      return "unreadable";
    }
  });
}

/** Renames alternative keys to the one the schema reads (`apptid` → `id`, `vfib` → `conf`, ...). */
export function withAliases(aliases: Record<string, string[]>) {
  // The map rides along on the function so `probe` can tell a field we read under another name.
  return Object.assign(rename, { aliases });
  function rename(input: unknown): unknown {
    if (!isRecord(input)) return input;
    const out: Record<string, unknown> = { ...input };
    for (const [name, alternatives] of Object.entries(aliases)) {
      if (!blank(out[name] as Raw)) continue;
      const found = alternatives.find((alt) => !blank(out[alt] as Raw));
      if (found) out[name] = out[found];
    }
    return out;
  }
}

/** Numbered extra fields (af1..af20, cx1..cx10) that carry a value, keyed with `as` as the prefix. */
export function numberedFields(o: Record<string, unknown>, prefixes: string[], max: number, as: string) {
  const out: Record<string, string> = {};
  for (let i = 1; i <= max; i++) {
    for (const p of prefixes) {
      const v = o[`${p}${i}`];
      if ((typeof v === "string" || typeof v === "number") && String(v).trim() !== "") {
        out[`${as}${i}`] = String(v).trim();
        break;
      }
    }
  }
  return out;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Drops undefined fields so results compare and print cleanly. */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
