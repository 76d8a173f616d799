import type { DateTime } from "luxon";
import { formatApiMinute, TOR4YOU_ZONE } from "./dates.ts";
import { signCall } from "./signature.ts";

export type Tor4YouAuth =
  | { kind: "torkey"; torkey: string }
  | { kind: "signed"; siteid: string; key: string; secret: string };

export interface AuthParts {
  headers: Record<string, string>;
  /** The reference's example sends siteid, key and dt before the call's own parameters, sh after. */
  leading: Record<string, string>;
  trailing: Record<string, string>;
}

/**
 * Credentials for one call. The signed method's `dt` is the wall clock in Israel to the minute,
 * whatever zone the host runs in, and is computed per attempt: a retry a minute later re-signs.
 */
export function authorize(auth: Tor4YouAuth, endpoint: string, now: DateTime): AuthParts {
  if (auth.kind === "torkey") return { headers: { torkey: auth.torkey }, leading: {}, trailing: {} };
  const dt = formatApiMinute(now, TOR4YOU_ZONE);
  const sh = signCall({ siteid: auth.siteid, key: auth.key, dt, call: endpoint, secret: auth.secret });
  return { headers: {}, leading: { siteid: auth.siteid, key: auth.key, dt }, trailing: { sh } };
}
