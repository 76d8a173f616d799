import type { DateTime } from "luxon";
import { normalizeIsraeliId } from "../../domain/israeli-id.ts";
import {
  type CustomerInput,
  checkCustomerInput,
  createCustomer,
  findByFirstAndCell,
  findByTz,
} from "../customers.ts";
import { type Appointment, type Site, UPDATEBY_API } from "../model.ts";
import { type Params, tokenMatches } from "../params.ts";
import { refuse } from "../refusal.ts";
import { historyShape, longAppointment } from "../wire-shapes.ts";
import type { CallContext, CallHandler } from "./context.ts";

function findAppt(site: Site, p: Params): Appointment {
  const appt = site.appointments.get(p.id("apptid", { required: true }));
  if (!appt) refuse("appointment not found");
  return appt;
}

/** Every change by id needs the matching token: ids alone can be guessed. */
function findApptWithToken(site: Site, p: Params): Appointment {
  const appt = findAppt(site, p);
  // The reference names it vfib in every request (conf only in its prose): conf is not read.
  const token = p.text("vfib");
  if (!token.trim()) refuse("missing parameter: vfib");
  if (!tokenMatches(appt.conf, token)) refuse("vfib does not match");
  return appt;
}

export const apptinfo: CallHandler = ({ site, p }) => ({ appt: longAppointment(site, findAppt(site, p)) });

export const appthistory: CallHandler = ({ site, p }) => ({
  history: findAppt(site, p).history.map(historyShape),
});

function customerInput(p: Params): CustomerInput {
  return {
    first: p.text("first"),
    last: p.text("last"),
    cell: p.text("cell"),
    tz: p.text("tz"),
    email: p.text("email"),
    street: p.text("street"),
    city: p.text("city"),
    extra: p.numbered("cx", 10),
  };
}

/**
 * The customer an addappt is for: the existing record with this first name + cell, or a new one.
 * Validates everything first and returns a thunk that creates, so a refused booking changes nothing.
 */
function resolveCustomer(ctx: CallContext): () => string {
  const { site, p, store, now } = ctx;
  const raw = customerInput(p);
  if (!raw.first.trim()) refuse("missing parameter: first");
  if (!raw.last.trim()) refuse("missing parameter: last");
  if (!raw.cell.trim()) refuse("missing parameter: cell");
  if (!/^05\d{8}$/.test(raw.cell.trim())) refuse("cell must be 10 digits starting with 05");
  if (site.settings.istz === "2" && !raw.tz.trim()) refuse("tz is required");
  const existing = findByFirstAndCell(site, raw.first, raw.cell.trim());
  if (!existing) {
    const input = checkCustomerInput(site, raw);
    return () => createCustomer(store, site, input, now).id;
  }
  const tz = raw.tz.trim() ? normalizeIsraeliId(raw.tz) : "";
  if (tz && existing.tz && existing.tz !== tz) refuse("tz does not match the customer");
  if (tz && !existing.tz && findByTz(site, tz)) refuse("tz already belongs to another customer");
  return () => {
    if (tz && !existing.tz) existing.tz = tz;
    for (const [k, v] of Object.entries(raw.extra)) {
      if (v.trim()) existing.extra[k] = v;
    }
    return existing.id;
  };
}

function slotPlacement(site: Site, p: Params): { slot: string; from: DateTime; to: DateTime } {
  const slotId = p.id("slotid", { required: true });
  const slot = site.slots.get(slotId);
  if (slot?.status !== "1") refuse("slot not found");
  if (!tokenMatches(slot.vfib, p.required("vfib"))) refuse("vfib does not match");
  const from = p.has("from") ? p.minute("from") : slot.from;
  const to = p.has("to") ? p.minute("to") : slot.to;
  return { slot: slotId, from, to };
}

export const addappt: CallHandler = (ctx) => {
  const { site, p, bookings } = ctx;
  const isLozamin = p.int("islozamin", 0, { min: 0, max: 1 }) === 1;
  const staff = p.id("staff", { required: true });
  const service = p.id("service", { required: true });
  const onSlot = site.settings.calendarType === "slots" && (p.has("slotid") || !isLozamin);
  const where = onSlot ? slotPlacement(site, p) : { slot: "0", from: p.minute("from"), to: p.minute("to") };
  const participants = p.int("participants", 1, { min: 1, max: 10000 });
  const color = String(p.int("color", 0, { min: 0, max: 9 }));
  const placement = { ...where, staff, service, participants, isLozamin };
  const customer = isLozamin ? () => site.lozaminCustomer : resolveCustomer(ctx);
  bookings.check(site, placement);
  // addappt takes appointment extra fields as ax1..ax20 (af1..af20 is updateaf's and the webhook's name).
  const extra = p.numbered("ax", 20, "af");
  for (const k of Object.keys(extra)) if (!extra[k]?.trim() || extra[k] === "-") delete extra[k];
  const appt = bookings.create(
    site,
    { ...placement, customer: customer(), color, notes: p.text("notes"), zoom: p.text("zoom").trim(), extra },
    UPDATEBY_API,
  );
  return { apptid: appt.id, conf: appt.conf };
};

export const delappt: CallHandler = ({ site, p, bookings }) => {
  const appt = findApptWithToken(site, p);
  if (appt.status !== "1") refuse("appointment is already cancelled");
  bookings.cancel(site, appt, UPDATEBY_API);
  return {};
};

function setCode(field: "iscoming" | "showstatus"): CallHandler {
  return ({ site, p, bookings }) => {
    const appt = findApptWithToken(site, p);
    const value = p.code012(field);
    if (appt.status !== "1") refuse("appointment is not live");
    bookings.update(site, appt, UPDATEBY_API, (a) => {
      const before = a[field];
      a[field] = value;
      return `${field}: ${before} → ${value}`;
    });
    return {};
  };
}

export const iscoming = setCode("iscoming");
export const showstatus = setCode("showstatus");

/** Only the fields sent change; "-" clears one (the reference: "TO SET AN EMPTY VALUE, SEND MINUS"). */
export const updateaf: CallHandler = ({ site, p, bookings }) => {
  const appt = findApptWithToken(site, p);
  const sent = Object.entries(p.numbered("af", 20)).filter(([, v]) => v !== "");
  if (sent.length === 0) return {};
  bookings.update(site, appt, UPDATEBY_API, (a) => {
    for (const [k, v] of sent) {
      if (v.trim() === "-") delete a.extra[k];
      else a.extra[k] = v;
    }
    return `extra fields updated: ${sent.map(([k]) => k).join(", ")}`;
  });
  return {};
};
