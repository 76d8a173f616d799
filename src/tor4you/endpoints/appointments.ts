import { InvalidInputError } from "../../core/errors.ts";
import type { Appointment, Iscoming, Showstatus } from "../../domain/appointment.ts";
import { API_LIMITS } from "../endpoints.ts";
import { listIn, NOTHING_FOUND, ShapeError, saysNoNewInformation } from "../envelope.ts";
import { Tor4YouApiError } from "../errors.ts";
import {
  cellParam,
  choiceParam,
  countParam,
  type DateInput,
  flagParam,
  type IdInput,
  idParam,
  minuteRangeParams,
  numberedParams,
  optional,
  rangeParams,
  textParam,
  tokenParam,
  tzParam,
} from "../inputs.ts";
import type { AddedAppointment, ApptListResult, HistoryEntry } from "../types.ts";
import { type EndpointContext, readList, readNothing, readOne, type ShowCancelled } from "./context.ts";
import { type CustomerFields, customerParams } from "./customer-fields.ts";

export interface ApptRef {
  apptId: IdInput;
  /** The appointment's token (`Appointment.conf`); Tor4You calls it vfib in requests. */
  vfib: string;
}

export interface AddApptParams {
  staff: IdInput;
  service: IdInput;
  /** A slot (timeslot calendars) or a time range (open calendars). */
  at: { slotId: IdInput; vfib: string } | { from: DateInput; to: DateInput };
  /** Required unless `isLozamin`, which books the site's own "unavailable" customer instead. */
  customer?: CustomerFields;
  isLozamin?: boolean;
  participants?: number;
  /** 0..9 */
  color?: number;
  notes?: string;
  /** Appointment extra fields ax1..ax20. */
  extra?: Record<string, string>;
  zoom?: string;
  /** Let the site's own notice settings send the customer a message. */
  sendNotice?: boolean;
}

export interface ApptListParams extends ShowCancelled {
  /** Appointment dates (inclusive), or else `createFrom`/`createTo` for creation dates. At most 60 days. */
  from?: DateInput;
  to?: DateInput;
  createFrom?: DateInput;
  createTo?: DateInput;
  /** 1 short (id, staff, from, to), 2 long (customer, names, status, ...). API default: 1. */
  format?: 1 | 2;
  service?: IdInput;
  staff?: IdInput;
  customer?: IdInput;
  slotId?: IdInput;
  /** Cursor from an earlier answer: nothing changed since → `{ changed: false }`. */
  lu?: string;
}

export interface ApptLookupParams extends ShowCancelled {
  cell?: string;
  tz?: string;
  showPast?: boolean;
  showFuture?: boolean;
}

const APPT_LIST_KEYS = ["appts", "appointments", "apptlist"];

export function appointmentEndpoints({ call, schemas, zone }: EndpointContext) {
  const ref = (p: ApptRef) => ({ apptid: idParam("apptId", p.apptId), vfib: tokenParam("vfib", p.vfib) });
  const appointments = readList(schemas.appointment, APPT_LIST_KEYS);

  return {
    apptinfo: async (p: { apptId: IdInput }): Promise<Appointment> =>
      call(
        "apptinfo",
        { apptid: idParam("apptId", p.apptId) },
        readOne(schemas.appointment, ["appt", "appointment", "apptinfo"]),
      ),

    appthistory: async (p: { apptId: IdInput }): Promise<HistoryEntry[]> =>
      call(
        "appthistory",
        { apptid: idParam("apptId", p.apptId) },
        readList(schemas.history, ["history", "appthistory"]),
      ),

    addappt: async (p: AddApptParams): Promise<AddedAppointment> => {
      const params: Record<string, string> = {};
      if ("slotId" in p.at) {
        params.slotid = idParam("slotId", p.at.slotId);
        params.vfib = tokenParam("vfib", p.at.vfib);
      } else {
        Object.assign(params, minuteRangeParams(p.at.from, p.at.to, zone));
      }
      params.staff = idParam("staff", p.staff);
      params.service = idParam("service", p.service);
      if (p.isLozamin) params.islozamin = "1";
      else if (!p.customer) throw new InvalidInputError("customer", "is required unless isLozamin");
      else Object.assign(params, customerParams(p.customer));
      optional(params, "participants", p.participants, (n) => countParam("participants", n, 1, 1000));
      optional(params, "color", p.color, (n) => countParam("color", n, 0, 9));
      optional(params, "notes", p.notes, (v) => textParam("notes", v, 2000));
      Object.assign(params, numberedParams("ax", 20, p.extra));
      optional(params, "zoom", p.zoom, (v) => textParam("zoom", v, 2000));
      optional(params, "sendnotice", p.sendNotice, flagParam);
      return call("addappt", params, (body) => {
        const o = readOne(schemas.addedAppointment, ["appt", "appointment"])(body);
        return { apptId: o.apptid, conf: o.conf };
      });
    },

    delappt: async (p: ApptRef & { sendNotice?: boolean }): Promise<void> => {
      const params = ref(p);
      optional(params, "sendnotice", p.sendNotice, flagParam);
      return call("delappt", params, readNothing);
    },

    apptlist: async (p: ApptListParams): Promise<ApptListResult> => {
      const params: Record<string, string> = {};
      optional(params, "format", p.format, (v) => choiceParam("format", v, [1, 2]));
      optional(params, "showcancelled", p.showCancelled, flagParam);
      const byDate = p.from !== undefined || p.to !== undefined;
      const byCreate = p.createFrom !== undefined || p.createTo !== undefined;
      if (byDate === byCreate)
        throw new InvalidInputError("from", "give either from/to or createFrom/createTo");
      const [a, b] = byDate
        ? rangeParams(["from", "to"], req("from", p.from), req("to", p.to), zone, API_LIMITS.apptlistDays)
        : rangeParams(
            ["createFrom", "createTo"],
            req("createFrom", p.createFrom),
            req("createTo", p.createTo),
            zone,
            API_LIMITS.apptlistDays,
          );
      if (byDate) Object.assign(params, { from: a, to: b });
      else Object.assign(params, { createfrom: a, createto: b });
      optional(params, "service", p.service, (v) => idParam("service", v));
      optional(params, "staff", p.staff, (v) => idParam("staff", v));
      optional(params, "customer", p.customer, (v) => idParam("customer", v));
      optional(params, "slotid", p.slotId, (v) => idParam("slotId", v));
      optional(params, "lu", p.lu, luParam);
      return call("apptlist", params, (body): ApptListResult => {
        const lu = readLu(body.lu);
        const list = listIn(body, APPT_LIST_KEYS);
        // Under `appts` in real answers, but a "no new information" under `message` with no list
        // must not read as an empty day: that would withdraw every reminder in the window.
        const unchanged = (!list || list.length === 0) && saysNoNewInformation(body);
        if (unchanged) return lu ? { changed: false, lu } : { changed: false };
        if (!list) throw new ShapeError('appts is neither a list nor "no new information"');
        const parsed = liveUnlessAsked(appointments({ appts: list }), p.showCancelled);
        return lu ? { changed: true, appointments: parsed, lu } : { changed: true, appointments: parsed };
      });
    },

    apptbycellortz: async (p: ApptLookupParams): Promise<Appointment[]> => {
      if (p.cell === undefined && p.tz === undefined) throw new InvalidInputError("cell", "give cell or tz");
      const params: Record<string, string> = {};
      optional(params, "showcancelled", p.showCancelled, flagParam);
      optional(params, "showpast", p.showPast, flagParam);
      optional(params, "showfuture", p.showFuture, flagParam);
      optional(params, "cell", p.cell, (v) => cellParam(v));
      optional(params, "tz", p.tz, (v) => tzParam(v));
      try {
        return await call("apptbycellortz", params, (body) =>
          liveUnlessAsked(appointments(body), p.showCancelled),
        );
      } catch (e) {
        // A number Tor4You has no customer for may be refused rather than answered with an empty
        // list; as an error it kept every first-time customer from booking.
        if (e instanceof Tor4YouApiError && NOTHING_FOUND.test(e.apiMessage)) return [];
        throw e;
      }
    },

    showstatus: async (p: ApptRef & { showstatus: Showstatus }): Promise<void> =>
      call(
        "showstatus",
        { ...ref(p), showstatus: choiceParam("showstatus", p.showstatus, [0, 1, 2]) },
        readNothing,
      ),

    iscoming: async (p: ApptRef & { iscoming: Iscoming }): Promise<void> =>
      call("iscoming", { ...ref(p), iscoming: choiceParam("iscoming", p.iscoming, [0, 1, 2]) }, readNothing),

    /** Sends only the fields given; `null` or "" clears one (the API's `-`). */
    updateaf: async (p: ApptRef & { fields: Record<string, string | null> }): Promise<void> => {
      const fields = numberedParams("af", 20, p.fields, "-");
      if (Object.keys(fields).length === 0)
        throw new InvalidInputError("fields", "name at least one of af1..af20");
      return call("updateaf", { ...ref(p), ...fields }, readNothing);
    },
  };
}

/** Without `showcancelled` a list holds live rows only, so a row without a status is live. */
export function liveUnlessAsked(rows: Appointment[], showCancelled: boolean | undefined): Appointment[] {
  if (showCancelled) return rows;
  for (const a of rows) if (a.status === "unknown") a.status = "live";
  return rows;
}

function req(field: string, v: DateInput | undefined): DateInput {
  if (v === undefined) throw new InvalidInputError(field, "is required");
  return v;
}

function luParam(v: string): string {
  const s = String(v).trim();
  if (!/^\d{8,20}$/.test(s)) throw new InvalidInputError("lu", "must be the digits Tor4You returned as lu");
  return s;
}

/** `lu` is a 17-digit string on the wire; a number would lose digits in JSON, so take what is left. */
function readLu(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string" && /^\d{8,20}$/.test(v.trim())) return v.trim();
  return undefined;
}
