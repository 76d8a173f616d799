import { z } from "zod";
import { InvalidInputError } from "../../core/errors.ts";
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
  tokenParam,
} from "../inputs.ts";
import type { AddedSlot, AvailabilityResult, Slot } from "../types.ts";
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
}

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

    availability: async (p: AvailabilityParams): Promise<AvailabilityResult> => {
      const [from, to] = rangeParams(["from", "to"], p.from, p.to, zone, API_LIMITS.availabilityDays);
      const params: Record<string, string> = { from, to, service: idParam("service", p.service) };
      optional(params, "staff", p.staff, (v) => idParam("staff", v));
      optional(params, "branch", p.branch, (v) => idParam("branch", v));
      optional(params, "participants", p.participants, (n) => countParam("participants", n, 1, 1000));
      optional(params, "dateonly", p.dateOnly, flagParam);
      optional(params, "internal", p.internal, flagParam);
      return call("availability", params, (body): AvailabilityResult => {
        if (p.dateOnly)
          return { kind: "dates", dates: readList(schemas.availableDate, ["dates", "days"])(body) };
        if ("slots" in body) return { kind: "slots", slots: readList(schemas.slot, ["slots"])(body) };
        if (OPEN_HOURS_KEYS.some((k) => k in body)) {
          return { kind: "openhours", openHours: readList(schemas.openHour, OPEN_HOURS_KEYS)(body) };
        }
        // Neither natural key: slots carry their own id and token, open hours do not.
        const list = requireList(body, []);
        return list.some((x) => isRecord(x) && ("slotid" in x || "vfib" in x))
          ? { kind: "slots", slots: z.array(schemas.slot).parse(list) }
          : { kind: "openhours", openHours: z.array(schemas.openHour).parse(list) };
      });
    },
  };
}

const OPEN_HOURS_KEYS = ["openhours", "hours", "times"];

function urlParam(field: string, v: string): string {
  const s = textParam(field, v, 2000);
  if (!URL.canParse(s) || !/^https?:/i.test(s)) throw new InvalidInputError(field, "must be an http(s) URL");
  return s;
}
