import type { DateTime } from "luxon";
import { InvalidInputError } from "../core/errors.ts";
import { parseApiMinute } from "../tor4you/dates.ts";
import { hexEquals, signCall } from "../tor4you/signature.ts";
import type { Site } from "./model.ts";
import type { Params } from "./params.ts";
import { refuse } from "./refusal.ts";
import type { Store } from "./store.ts";

/** How far `dt` may be from the server's clock, either way: clocks drift and a minute boundary can pass in flight. */
export const DT_TOLERANCE_MINUTES = 10;

/**
 * Either method of the reference: the `torkey` header, or siteid + key + dt + sh where
 * sh = sha256(siteid + key + dt + call + secret). Refuses with a status-0 message otherwise.
 */
export function authenticate(
  store: Store,
  torkey: string | undefined,
  p: Params,
  call: string,
  now: DateTime,
): Site {
  if (torkey !== undefined && torkey.trim() !== "") {
    const value = torkey.trim();
    for (const site of store.sites.values()) if (site.credentials.torkey === value) return site;
    refuse("authentication failed: invalid torkey");
  }
  if (!["siteid", "key", "dt", "sh"].every((k) => p.has(k))) {
    refuse("authentication failed: send a torkey header or siteid, key, dt and sh");
  }
  const site = store.site(p.text("siteid").trim());
  if (!site || site.credentials.key !== p.text("key").trim())
    refuse("authentication failed: invalid siteid or key");
  const dt = p.text("dt").trim();
  let when: DateTime;
  try {
    when = parseApiMinute(dt, undefined, "dt");
  } catch (e) {
    if (e instanceof InvalidInputError) refuse("authentication failed: dt must be YYYYMMDDhhmm");
    throw e;
  }
  if (Math.abs(when.diff(now, "minutes").minutes) > DT_TOLERANCE_MINUTES) {
    refuse("authentication failed: dt is too far from the current time");
  }
  const expected = signCall({
    siteid: site.siteid,
    key: site.credentials.key,
    dt,
    call,
    secret: site.credentials.secret,
  });
  if (!hexEquals(expected, p.text("sh"))) refuse("authentication failed: invalid signature");
  return site;
}
