import { isRecord } from "./wire.ts";

/**
 * Where the payload sits in a Tor4You answer. Only apptlist's shape is known from real clients; for
 * the rest the wire notes ask us to look under the natural key, then at the only array (or the
 * top level for single objects).
 */

const ENVELOPE_KEYS = new Set(["status", "message", "msg", "error", "lu"]);
export const NO_NEW_INFORMATION = /no new information/i;
/**
 * A refusal that only says the customer or their appointments are not there (wording undocumented).
 * It must name the customer: "site not found" or "key does not exist" is a real failure.
 */
export const NOTHING_FOUND =
  /(customer|client|cell|phone|tz|record)s? (was |were )?not found|no (such )?(customer|client)|unknown (customer|client)|(customer|client) does ?n[o']t exist|no appointments?\b|לקוח לא נמצא|לא נמצא לקוח|לא נמצאו תורים|אין תורים|אין לקוח/i;

export function isSuccess(body: Record<string, unknown>): boolean {
  return String(body.status ?? "").trim() === "1";
}

export function failureText(body: Record<string, unknown>): string {
  for (const k of ["message", "msg", "error"]) {
    const v = body[k];
    if (typeof v === "string" && v.trim()) return v.trim();
    if (isRecord(v) && typeof v.message === "string") return v.message.trim();
  }
  return "";
}

/**
 * The list in an answer: under one of `keys`, else the only array in the envelope. PHP encodes an
 * array with gaps as an object keyed by index, so an object of objects counts as a list too.
 * An envelope with nothing but its own fields is an empty list. `undefined` means "not found".
 */
export function listIn(body: Record<string, unknown>, keys: string[]): unknown[] | undefined {
  for (const k of keys) {
    const list = asList(body[k]);
    if (list) return list;
  }
  const arrays = Object.entries(body)
    .filter(([k]) => !ENVELOPE_KEYS.has(k))
    .map(([, v]) => v)
    .filter(Array.isArray);
  if (arrays.length === 1) return arrays[0];
  if (arrays.length === 0 && Object.keys(body).every((k) => ENVELOPE_KEYS.has(k))) return [];
  return undefined;
}

/**
 * A single object: under one of `keys`, else the envelope itself. At the top level `status` is the
 * envelope's success flag, not the object's own status, so it is dropped there.
 */
export function objectIn(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  for (const k of keys) {
    const v = body[k];
    if (isRecord(v)) return v;
    // A list of one where one object was expected: the object.
    if (Array.isArray(v) && v.length === 1 && isRecord(v[0])) return v[0];
  }
  const { status: _envelopeStatus, message: _m, ...rest } = body;
  return rest;
}

/**
 * A list under its own key, read liberally: PHP writes an empty list as [], {}, "", null or false,
 * and a list of one may come as the record alone. A key that is absent is `undefined`, not empty.
 */
function asList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v === null || v === false || v === "") return [];
  if (isRecord(v)) {
    const values = Object.values(v);
    if (values.length === 0) return [];
    if (values.every(isRecord)) return values;
    return [v];
  }
  return undefined;
}

/** Tor4You's "nothing changed since `lu`", wherever in the answer it is written. */
export function saysNoNewInformation(body: Record<string, unknown>): boolean {
  return Object.values(body).some((v) => typeof v === "string" && NO_NEW_INFORMATION.test(v));
}

/** A success answer whose payload is not where or what we expected; the transport adds the call. */
export class ShapeError extends Error {
  readonly issues: string[];
  constructor(issue: string) {
    super(issue);
    this.issues = [issue];
  }
}

export function requireList(body: Record<string, unknown>, keys: string[]): unknown[] {
  const list = listIn(body, keys);
  if (!list) throw new ShapeError(`no list under ${keys.join("/")} and no single array in the answer`);
  return list;
}
