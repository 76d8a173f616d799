import { z } from "zod";
import type { Schemas } from "./schemas.ts";

/**
 * Which fields of a Tor4You object the client reads, taken from the schemas themselves (the object
 * inside `z.preprocess(withAliases(...), z.object(...).transform(...))`), so that `probe` can say
 * what an answer lacks and what it carries that we never read, without a second list to keep.
 */
export interface FieldSet {
  /** The names the schema reads. */
  read: string[];
  /** Other names accepted for one of them (`apptid` for `id`, ...). */
  aliases: Record<string, string[]>;
  /** Numbered extra fields the schema reads by pattern (af1..af20, cx1..cx10). */
  numbered?: RegExp;
  /** Fields read as alternatives for one fact: one of them present, none missing. */
  either?: string[][];
}

/** A service is bookable by customers when `external` is 1, or when `internal` is 0: one says it. */
const EITHER: Partial<Record<keyof Schemas, string[][]>> = { service: [["external", "internal"]] };

const NUMBERED: Partial<Record<keyof Schemas, RegExp>> = {
  appointment: /^af\d{1,2}$/,
  customer: /^c[xf]\d{1,2}$/,
};

export function fieldsOf(schemas: Schemas, name: keyof Schemas): FieldSet {
  let s: unknown = schemas[name];
  let aliases: Record<string, string[]> = {};
  if (s instanceof z.ZodPipe) {
    const pre = (s.in as { def?: { transform?: { aliases?: Record<string, string[]> } } }).def?.transform;
    if (pre?.aliases) {
      aliases = pre.aliases;
      s = s.out;
    }
  }
  while (s instanceof z.ZodPipe) s = s.in;
  const read = s instanceof z.ZodObject ? Object.keys(s.shape) : [];
  return { read, aliases, numbered: NUMBERED[name], either: EITHER[name] };
}

/**
 * Against the rows of one answer: fields we read that no row carries under any of their names,
 * and fields some row carries that we never read.
 */
export function compareFields(
  rows: Record<string, unknown>[],
  fields: FieldSet,
): { missing: string[]; unexpected: string[] } {
  const present = new Set<string>();
  for (const r of rows) for (const [k, v] of Object.entries(r)) if (v !== undefined) present.add(k);
  const has = (f: string) => present.has(f) || (fields.aliases[f] ?? []).some((a) => present.has(a));
  const missing = fields.read.filter(
    (f) => !has(f) && !(fields.either ?? []).some((group) => group.includes(f) && group.some(has)),
  );
  const known = new Set([...fields.read, ...Object.values(fields.aliases).flat()]);
  const unexpected = [...present].filter((k) => !known.has(k) && !fields.numbered?.test(k));
  return { missing, unexpected: unexpected.sort() };
}
