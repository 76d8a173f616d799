import type { DateTime } from "luxon";
import { normalizeIsraeliId } from "../../domain/israeli-id.ts";
import { formatLu, isLu, parseLu } from "../../tor4you/dates.ts";
import { findByFirstAndCell, findByTz, liveCustomers } from "../customers.ts";
import type { Appointment, Customer, Site } from "../model.ts";
import { dayRange, type Params } from "../params.ts";
import { refuse } from "../refusal.ts";
import { longAppointment, shortAppointment } from "../wire-shapes.ts";
import type { CallHandler } from "./context.ts";
import { LIST_MAX_DAYS, LIST_MAX_ROWS } from "./slots.ts";

export const NO_NEW_INFORMATION = "no new information";
export const CUSTAPPTS_MAX = 25;

const byStart = (a: Appointment, b: Appointment) => +a.from - +b.from || Number(a.id) - Number(b.id);
const shown = (showCancelled: boolean) => (a: Appointment) => showCancelled || a.status === "1";

/**
 * The query's scope: every appointment it could list whatever its status (a cancel is a change
 * too), and which of them belong in the list now.
 */
function apptlistScope(site: Site, p: Params): { scope: Appointment[]; listed: (a: Appointment) => boolean } {
  const service = p.id("service");
  const staff = p.id("staff");
  const customer = p.id("customer");
  const slot = p.id("slotid");
  let inRange: (a: Appointment) => boolean;
  let listed: (a: Appointment) => boolean;
  if (p.has("from") || p.has("to") || !(p.has("createfrom") || p.has("createto"))) {
    const { from, to } = dayRange(p, "from", "to", LIST_MAX_DAYS);
    const within = (t: DateTime | null) => t !== null && t >= from && t < to;
    // A moved-away appointment stays in scope so the move shows up as a change of the old range.
    inRange = (a) => within(a.from) || within(a.previousFrom);
    listed = (a) => within(a.from);
  } else {
    const { from, to } = dayRange(p, "createfrom", "createto", LIST_MAX_DAYS);
    inRange = (a) => a.createdAt >= from && a.createdAt < to;
    listed = inRange;
  }
  const scope = [...site.appointments.values()].filter(
    (a) =>
      inRange(a) &&
      (!service || a.service === service) &&
      (!staff || a.staff === staff) &&
      (!customer || a.customer === customer) &&
      (!slot || a.slot === slot),
  );
  return { scope, listed };
}

/**
 * `lu` is the newest change the answer reflects (or "now" for an empty scope); a call carrying an
 * `lu` that nothing in scope has changed since gets the string "no new information".
 * More than 1000 rows: the first 1000 by start time and no error, which is what a SQL `LIMIT`
 * does; a client that gets exactly 1000 must split the range.
 */
export const apptlist: CallHandler = ({ site, p, store }) => {
  const format = p.int("format", 1, { min: 1, max: 2 });
  const since = p.has("lu") ? parseCursor(p.text("lu")) : null;
  const { scope, listed } = apptlistScope(site, p);
  const newest = scope.reduce<DateTime | null>(
    (m, a) => (m === null || a.changedAt > m ? a.changedAt : m),
    null,
  );
  if (since && (newest === null || newest <= since)) {
    return { appts: NO_NEW_INFORMATION, lu: formatLu(since) };
  }
  const rows = scope
    .filter(listed)
    .filter(shown(p.flag("showcancelled")))
    .sort(byStart)
    .slice(0, LIST_MAX_ROWS);
  return {
    appts: rows.map((a) => (format === 2 ? longAppointment(site, a) : shortAppointment(a))),
    lu: formatLu(newest ?? store.cursorNow()),
  };
};

function parseCursor(raw: string): DateTime {
  if (!isLu(raw)) refuse("lu must be 17 digits (YYYYMMDDHHmmssSSS)");
  return parseLu(raw);
}

function customersByCellOrTz(site: Site, p: Params): Customer[] {
  if (p.has("cell")) {
    const cell = p.text("cell").trim();
    if (!/^05\d{8}$/.test(cell)) refuse("cell must be 10 digits starting with 05");
    return liveCustomers(site).filter((c) => c.cell === cell);
  }
  if (p.has("tz")) {
    const tz = normalizeIsraeliId(p.text("tz"));
    return liveCustomers(site).filter((c) => c.tz === tz);
  }
  refuse("missing parameter: cell or tz");
}

/** Today's appointments by default; showpast / showfuture widen it to before / after today. */
export const apptbycellortz: CallHandler = ({ site, p, now }) => {
  const ids = new Set(customersByCellOrTz(site, p).map((c) => c.id));
  const today = now.startOf("day");
  const tomorrow = today.plus({ days: 1 });
  const past = p.flag("showpast");
  const future = p.flag("showfuture");
  const rows = [...site.appointments.values()]
    .filter((a) => ids.has(a.customer) && !a.isLozamin)
    .filter(shown(p.flag("showcancelled")))
    .filter(
      (a) =>
        (a.from >= today && a.from < tomorrow) || (past && a.from < today) || (future && a.from >= tomorrow),
    )
    .sort(byStart);
  return { appts: rows.map((a) => longAppointment(site, a)) };
};

function customerFor(site: Site, p: Params): Customer | undefined {
  if (p.has("customerid")) {
    const c = site.customers.get(p.id("customerid", { required: true }));
    return c && !c.isLozamin ? c : undefined;
  }
  if (p.has("tz")) return findByTz(site, normalizeIsraeliId(p.text("tz")));
  if (p.has("first") && p.has("cell"))
    return findByFirstAndCell(site, p.text("first"), p.text("cell").trim());
  refuse("customerid, tz, or first and cell are required");
}

/** Upcoming ones (not yet ended) unless showpast=1; at most 25, earliest first. */
export const custappts: CallHandler = ({ site, p, now }) => {
  const customer = customerFor(site, p);
  if (!customer) refuse("customer not found");
  const past = p.flag("showpast");
  const rows = [...site.appointments.values()]
    .filter((a) => a.customer === customer.id)
    .filter(shown(p.flag("showcancelled")))
    .filter((a) => past || a.to > now)
    .sort(byStart)
    .slice(0, CUSTAPPTS_MAX);
  return { appts: rows.map((a) => longAppointment(site, a)) };
};
