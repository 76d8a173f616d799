import { DateTime } from "luxon";
import { TOR4YOU_ZONE } from "../tor4you/dates.ts";

/**
 * How the emulator writes its answers. `normal` sends exactly the shapes of the wire notes (the
 * confirmed ones as confirmed, the inferred ones as our best guess). `variants` sends the other
 * plausible readings of what the reference leaves open, all at once, so the client is tested
 * against a Tor4You that turned out differently:
 * - apptinfo and siteinfo flat at the top level, without their wrapper (`appt`, `site`); the
 *   appointment's own status is missing there (it would collide with the envelope's), so the client
 *   must read it as unknown, not as live. (A flat slot or customer would lose its status the same
 *   way and read as active; nothing in the product reads those, so they stay wrapped here.)
 * - numeric strings sent as JSON numbers (not cells, ID numbers, tokens or `lu`, which lose their
 *   leading zeros or precision as numbers);
 * - optional fields left out: staff, branch and service names (and the `name` of staff and branch
 *   rows), `istz`, the site's phone and address, the customer's e-mail and ID number on appointments;
 * - `tmp_expire_date` and `createdate` as MySQL DATETIME / DATE text (`2026-01-04 10:30:00`);
 * - refusals worded differently, under `msg`, with `status` as the string "0".
 */
export type WireMode = "normal" | "variants";
export const WIRE_MODES: readonly WireMode[] = ["normal", "variants"];

type Body = Record<string, unknown>;

/** Single-object answers and the key the normal mode wraps them in. */
const WRAPPED: Record<string, string> = { apptinfo: "appt", siteinfo: "site" };

/** Left out wherever they occur: nothing in the reference says they are always sent. */
const OPTIONAL_FIELDS = ["staffname", "branchname", "servicename", "istz", "phone", "address"];

/** Calls that answer with appointments: there the customer's e-mail and ID number are left out too. */
const APPOINTMENT_CALLS = new Set(["apptinfo", "apptlist", "apptbycellortz", "custappts"]);

/** Lists whose rows are named people or places: their `name` is left out too. */
const NAMELESS_ROWS = new Set(["staff", "branches"]);

function leftOut(call: string): Set<string> {
  const out = new Set(OPTIONAL_FIELDS);
  if (APPOINTMENT_CALLS.has(call)) for (const k of ["email", "tz"]) out.add(k);
  if (NAMELESS_ROWS.has(call)) out.add("name");
  return out;
}

/** Names that stay text: as numbers they would lose a leading zero (cells, ID numbers) or precision (`lu`). */
const KEEP_AS_TEXT = new Set(["cell", "tz", "phone", "conf", "vfib", "lu", "customercell", "zoom", "notes"]);

export function variantAnswer(call: string, body: Body): Body {
  let out: Body = { ...body };
  const wrapper = WRAPPED[call];
  if (wrapper && isRecord(out[wrapper])) {
    const { status: _ownStatus, ...inner } = out[wrapper] as Body;
    const { [wrapper]: _wrapped, ...rest } = out;
    out = { ...rest, ...inner };
  }
  const transformed = transform(out, leftOut(call)) as Body;
  // The envelope's success flag stays the confirmed number 1.
  return { ...transformed, status: 1 };
}

export function variantRefusal(message: string): Body {
  // Usage-limit refusals keep a usage-limit meaning in other words; the rest read like a PHP error.
  const reworded = /usage limit/i.test(message)
    ? `Too many requests (${/day/i.test(message) ? "daily" : "per minute"} quota)`
    : `Error: ${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return { status: "0", msg: reworded };
}

function transform(value: unknown, drop: Set<string>, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => transform(v, drop));
  if (isRecord(value)) {
    const out: Body = {};
    for (const [k, v] of Object.entries(value)) {
      if (!drop.has(k)) out[k] = transform(v, drop, k);
    }
    return out;
  }
  if (typeof value !== "string") return value;
  if (key === "tmp_expire_date" && value) return reformat(value, "yyyy-MM-dd HH:mm:ss");
  if (key === "createdate" && value) return reformat(value, "yyyy-MM-dd");
  if (!KEEP_AS_TEXT.has(key) && /^(0|[1-9]\d{0,14})$/.test(value)) return Number(value);
  return value;
}

/** `YYYYMMDD[hhmm]` as the emulator writes it, in another layout. */
function reformat(value: string, layout: string): string {
  const dt = DateTime.fromFormat(value, value.length === 8 ? "yyyyMMdd" : "yyyyMMddHHmm", {
    zone: TOR4YOU_ZONE,
  });
  return dt.isValid ? dt.toFormat(layout) : value;
}

function isRecord(v: unknown): v is Body {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
