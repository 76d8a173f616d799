import type { DateTime } from "luxon";
import { parseApiDate, parseApiMinute } from "../tor4you/dates.ts";
import { refuse } from "./refusal.ts";

/**
 * A call's parameters (query and form fields merged), read the way a PHP back end would:
 * everything is text, a missing or blank parameter is "not sent". Names are exact, as PHP's
 * `$_GET`/`$_POST` are: `apptId` is not `apptid`.
 */
export class Params {
  private readonly values: Record<string, string>;

  constructor(...sources: unknown[]) {
    const values: Record<string, string> = {};
    for (const src of sources) {
      if (!src || typeof src !== "object") continue;
      for (const [k, v] of Object.entries(src as Record<string, unknown>)) {
        const first = Array.isArray(v) ? v[0] : v;
        if (first === undefined || first === null) continue;
        values[k] = String(first);
      }
    }
    this.values = values;
  }

  has(name: string): boolean {
    return (this.values[name] ?? "").trim() !== "";
  }

  /** The raw text, "" when not sent. */
  text(name: string): string {
    return this.values[name] ?? "";
  }

  sent(name: string): boolean {
    return name in this.values;
  }

  required(name: string): string {
    const v = this.text(name).trim();
    if (!v) refuse(`missing parameter: ${name}`);
    return v;
  }

  id(name: string, opts: { required: true }): string;
  id(name: string, opts?: { required?: boolean }): string | undefined;
  id(name: string, opts: { required?: boolean } = {}): string | undefined {
    const v = opts.required ? this.required(name) : this.text(name).trim();
    if (!v) return undefined;
    if (!/^\d+$/.test(v)) refuse(`${name} must be numeric`);
    return String(Number(v));
  }

  int(name: string, fallback: number, opts: { min?: number; max?: number } = {}): number {
    const v = this.text(name).trim();
    if (!v) return fallback;
    if (!/^-?\d+$/.test(v)) refuse(`${name} must be numeric`);
    const n = Number(v);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      refuse(`${name} must be between ${opts.min ?? "-∞"} and ${opts.max ?? "∞"}`);
    }
    return n;
  }

  /** 0/1 flags (showcancelled, showpast, dateonly…). */
  flag(name: string): boolean {
    return this.int(name, 0, { min: 0, max: 1 }) === 1;
  }

  /** One of "0" | "1" | "2" (iscoming, showstatus). */
  code012(name: string): "0" | "1" | "2" {
    const v = this.required(name);
    if (v !== "0" && v !== "1" && v !== "2") refuse(`${name} must be 0, 1 or 2`);
    return v;
  }

  minute(name: string): DateTime {
    return parseApiMinute(this.required(name), undefined, name);
  }

  date(name: string): DateTime {
    return parseApiDate(this.required(name), undefined, name);
  }

  /** `prefix1..prefixN` that were sent, keyed as `rename1..renameN` (addappt's ax → af). */
  numbered(prefix: string, count: number, rename = prefix): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 1; i <= count; i++)
      if (this.sent(`${prefix}${i}`)) out[`${rename}${i}`] = this.text(`${prefix}${i}`);
    return out;
  }
}

/** vfib / conf compare: tokens are upper-case hex; a lower-case copy of the right token is still the right token. */
export function tokenMatches(expected: string, given: string): boolean {
  return given.trim() !== "" && expected.toUpperCase() === given.trim().toUpperCase();
}

/** `from`..`to` as whole local days, `to` inclusive; refuses reversed or too long ranges. */
export function dayRange(
  p: Params,
  fromName: string,
  toName: string,
  maxDays: number,
): { from: DateTime; to: DateTime } {
  const from = p.date(fromName).startOf("day");
  const toDay = p.date(toName).startOf("day");
  if (toDay < from) refuse(`${toName} must not be before ${fromName}`);
  const days = Math.round(toDay.diff(from, "days").days) + 1;
  if (days > maxDays) refuse(`date range too long: maximum ${maxDays} days`);
  return { from, to: toDay.plus({ days: 1 }) };
}
