import type { DateTime } from "luxon";
import { z } from "zod";
import { InvalidInputError } from "../../core/errors.ts";
import { formatApiDate } from "../dates.ts";
import { fetchCappedRange } from "../day-windows.ts";
import { API_LIMITS } from "../endpoints.ts";
import { requireList } from "../envelope.ts";
import {
  countParam,
  type DateInput,
  flagParam,
  type IdInput,
  idParam,
  minuteRangeParams,
  optional,
  rangeParams,
  textParam,
  toDay,
  tokenParam,
} from "../inputs.ts";
import type { AddedSlot, AvailabilityResult, OpenHour, Slot } from "../types.ts";
import { isRecord } from "../wire.ts";
import { type EndpointContext, readList, readNothing, readOne, type ShowCancelled } from "./context.ts";

export interface AddSlotParams {
  staff: IdInput;
  /** Services the slot accepts; omitted or empty = any of the staff member's services. */
  services?: IdInput[];
  from: DateInput;
  to: DateInput;
  maxMembers?: number;
  zoom?: string;
}

export interface SlotListParams extends ShowCancelled {
  from: DateInput;
  to: DateInput;
  service?: IdInput;
  staff?: IdInput;
}

export interface AvailabilityParams {
  from: DateInput;
  to: DateInput;
  service: IdInput;
  staff?: IdInput;
  branch?: IdInput;
  participants?: number;
  /** Only the dates that have room; then ask again for one date to get its times. */
  dateOnly?: boolean;
  /** Also services customers may not book themselves (staff use). */
  internal?: boolean;
  /**
   * The site's calendar: Tor4You answers at most 31 days a call on open calendars and 60 on
   * time-slot ones. Unknown: 31, which costs a call more on a long range but is never refused.
   */
  calendar?: "open" | "slots";
  /** The service's length: ends an open time Tor4You gives only a start for (else it is not offered). */
  serviceMinutes?: number;
}

/** One row of an availability answer, whatever its kind, so windows can be counted and merged. */
type Spot =
  | { kind: "dates"; date: DateTime }
  | { kind: "slots"; slot: Slot }
  | { kind: "openhours"; hour: OpenHour };

export function slotEndpoints({ call, schemas, zone }: EndpointContext) {
  return {
    slotinfo: async (p: { slotId: IdInput }): Promise<Slot> =>
      call("slotinfo", { slotid: idParam("slotId", p.slotId) }, readOne(schemas.slot, ["slot", "slotinfo"])),

    addslot: async (p: AddSlotParams): Promise<AddedSlot> => {
      const params: Record<string, string> = { staff: idParam("staff", p.staff) };
      const services = (p.services ?? []).map((s, i) => idParam(`services[${i}]`, s));
      params.services = services.length > 0 ? services.join(",") : "0";
      Object.assign(params, minuteRangeParams(p.from, p.to, zone));
      optional(params, "maxmembers", p.maxMembers, (n) => countParam("maxMembers", n, 1, 10_000));
      optional(params, "zoom", p.zoom, (u) => urlParam("zoom", u));
      return call("addslot", params, (body) => {
        const o = readOne(schemas.addedSlot, ["slot"])(body);
        return { slotId: o.slotid, vfib: o.vfib };
      });
    },

    delslot: async (p: { slotId: IdInput; vfib: string }): Promise<void> =>
      call("delslot", { slotid: idParam("slotId", p.slotId), vfib: tokenParam("vfib", p.vfib) }, readNothing),

    slotlist: async (p: SlotListParams): Promise<Slot[]> => {
      const [from, to] = rangeParams(["from", "to"], p.from, p.to, zone, API_LIMITS.slotlistDays);
      const params: Record<string, string> = {};
      optional(params, "showcancelled", p.showCancelled, flagParam);
      Object.assign(params, { from, to });
      optional(params, "service", p.service, (v) => idParam("service", v));
      optional(params, "staff", p.staff, (v) => idParam("staff", v));
      return call("slotlist", params, readList(schemas.slot, ["slots", "slotlist"]));
    },

    /**
     * Any range up to a year: asked in windows the calendar accepts, and a window whose answer
     * reaches 500 spots (Tor4You stops there) asked again in halves. A single day at 500 keeps
     * what came: every spot in it is free, only fewer are offered.
     */
    availability: async (p: AvailabilityParams): Promise<AvailabilityResult> => {
      rangeParams(["from", "to"], p.from, p.to, zone, 366);
      const params: Record<string, string> = { service: idParam("service", p.service) };
      optional(params, "staff", p.staff, (v) => idParam("staff", v));
      optional(params, "branch", p.branch, (v) => idParam("branch", v));
      optional(params, "participants", p.participants, (n) => countParam("participants", n, 1, 1000));
      optional(params, "dateonly", p.dateOnly, flagParam);
      optional(params, "internal", p.internal, flagParam);
      const kinds = new Set<Spot["kind"]>();
      const spots = await fetchCappedRange<Spot>(
        { from: toDay("from", p.from, zone), to: toDay("to", p.to, zone) },
        {
          maxDays: p.calendar === "slots" ? API_LIMITS.availabilityDays : API_LIMITS.availabilityDaysOpen,
          cap: API_LIMITS.availabilitySpots,
          onFullDay: "keep",
          endpoint: "availability",
          zone,
          fetch: async (w) => {
            const window = { from: formatApiDate(w.from, zone), to: formatApiDate(w.to, zone) };
            const r = await call("availability", { ...window, ...params }, (body) =>
              readAvailability(body, p),
            );
            kinds.add(r.kind);
            if (r.kind === "dates") return r.dates.map((date) => ({ kind: "dates", date }));
            if (r.kind === "slots") return r.slots.map((slot) => ({ kind: "slots", slot }));
            return r.openHours.map((hour) => ({ kind: "openhours", hour }));
          },
        },
      );
      return mergeSpots(spots, kinds);
    },
  };

  function readAvailability(body: Record<string, unknown>, p: AvailabilityParams): AvailabilityResult {
    if (p.dateOnly) return { kind: "dates", dates: readList(schemas.availableDate, ["dates", "days"])(body) };
    if ("slots" in body) return { kind: "slots", slots: readList(schemas.slot, ["slots"])(body) };
    if (OPEN_HOURS_KEYS.some((k) => k in body)) {
      return { kind: "openhours", openHours: ended(readList(schemas.openHour, OPEN_HOURS_KEYS)(body), p) };
    }
    // Neither natural key: slots carry their own id and token, open hours do not.
    const list = requireList(body, []);
    return list.some((x) => isRecord(x) && ("slotid" in x || "vfib" in x))
      ? { kind: "slots", slots: z.array(schemas.slot).parse(list) }
      : { kind: "openhours", openHours: ended(z.array(schemas.openHour).parse(list), p) };
  }
}

/** Open times given by their start only end after the service's length; without it they are not offered. */
function ended(rows: (Omit<OpenHour, "end"> & { end?: DateTime })[], p: AvailabilityParams): OpenHour[] {
  const out: OpenHour[] = [];
  for (const h of rows) {
    const end = h.end ?? (p.serviceMinutes ? h.start.plus({ minutes: p.serviceMinutes }) : undefined);
    if (end) out.push({ ...h, end });
  }
  return out;
}

/** The windows' answers as one, each date, slot or time once, earliest first. */
function mergeSpots(spots: Spot[], kinds: Set<Spot["kind"]>): AvailabilityResult {
  const byStart = <T extends { start: DateTime }>(a: T, b: T) => a.start.toMillis() - b.start.toMillis();
  if (kinds.has("dates")) {
    const dates = new Map<number, DateTime>();
    for (const s of spots) if (s.kind === "dates") dates.set(s.date.toMillis(), s.date);
    return { kind: "dates", dates: [...dates.values()].sort((a, b) => a.toMillis() - b.toMillis()) };
  }
  if (kinds.has("slots")) {
    const slots = new Map<string, Slot>();
    for (const s of spots) if (s.kind === "slots") slots.set(s.slot.id, s.slot);
    return { kind: "slots", slots: [...slots.values()].sort(byStart) };
  }
  const hours = new Map<string, OpenHour>();
  for (const s of spots)
    if (s.kind === "openhours") hours.set(`${s.hour.start.toMillis()}-${s.hour.staffId ?? ""}`, s.hour);
  return { kind: "openhours", openHours: [...hours.values()].sort(byStart) };
}

const OPEN_HOURS_KEYS = ["openhours", "hours", "times"];

function urlParam(field: string, v: string): string {
  const s = textParam(field, v, 2000);
  if (!URL.canParse(s) || !/^https?:/i.test(s)) throw new InvalidInputError(field, "must be an http(s) URL");
  return s;
}
