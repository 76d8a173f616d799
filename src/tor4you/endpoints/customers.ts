import { InvalidInputError } from "../../core/errors.ts";
import type { Appointment } from "../../domain/appointment.ts";
import {
  cellParam,
  type DateInput,
  dayParam,
  flagParam,
  type IdInput,
  idParam,
  optional,
  textParam,
  tokenParam,
  tzParam,
} from "../inputs.ts";
import type { AddedCustomer, Customer, Subscription, SubscriptionUsage } from "../types.ts";
import { liveUnlessAsked } from "./appointments.ts";
import { type EndpointContext, readList, readNothing, readOne, type ShowCancelled } from "./context.ts";
import { type CustomerFields, customerParams } from "./customer-fields.ts";

export interface CustListParams extends ShowCancelled {
  minId?: IdInput;
  maxId?: IdInput;
  minCreateDate?: DateInput;
  maxCreateDate?: DateInput;
  /** true: only customers with an appointment; false: only those without; absent: any. */
  hasAppointment?: boolean;
  hasFutureAppointment?: boolean;
}

/** Whose appointments: by customer id, by tz, or by first name and cell together. */
export type CustApptsParams = ShowCancelled & { showPast?: boolean } & (
    | { customerId: IdInput }
    | { tz: string }
    | { first: string; cell: string }
  );

export function customerEndpoints({ call, schemas, zone }: EndpointContext) {
  const customerId = (v: IdInput) => idParam("customerId", v);
  return {
    subinfo: async (p: { customerId: IdInput }): Promise<Subscription[]> =>
      call(
        "subinfo",
        { customerid: customerId(p.customerId) },
        readList(schemas.subscription, ["subscriptions", "subs"]),
      ),

    subusage: async (p: { subId: IdInput }): Promise<SubscriptionUsage[]> =>
      call(
        "subusage",
        { subid: idParam("subId", p.subId) },
        readList(schemas.subscriptionUsage, ["usage", "subusage"]),
      ),

    custinfo: async (p: { customerId: IdInput }): Promise<Customer> =>
      call(
        "custinfo",
        { customerid: customerId(p.customerId) },
        readOne(schemas.customer, ["customer", "cust"]),
      ),

    addcust: async (p: CustomerFields): Promise<AddedCustomer> =>
      call("addcust", customerParams(p), (body) => {
        const o = readOne(schemas.addedCustomer, ["customer"])(body);
        return { customerId: o.customerid, vfib: o.vfib };
      }),

    /**
     * Tor4You blanks every field not sent (city, email, extra fields...): pass the whole customer
     * as it should be afterwards, e.g. custinfo's answer with your changes on top.
     */
    editcust: async (p: CustomerFields & { customerId: IdInput }): Promise<void> =>
      call("editcust", { customerid: customerId(p.customerId), ...customerParams(p) }, readNothing),

    delcust: async (p: { customerId: IdInput; vfib: string }): Promise<void> =>
      call(
        "delcust",
        { customerid: customerId(p.customerId), vfib: tokenParam("vfib", p.vfib) },
        readNothing,
      ),

    custlist: async (p: CustListParams = {}): Promise<Customer[]> => {
      const params: Record<string, string> = {};
      optional(params, "showcancelled", p.showCancelled, flagParam);
      optional(params, "minid", p.minId, (v) => idParam("minId", v));
      optional(params, "maxid", p.maxId, (v) => idParam("maxId", v));
      optional(params, "mincreatedate", p.minCreateDate, (v) => dayParam("minCreateDate", v, zone));
      optional(params, "maxcreatedate", p.maxCreateDate, (v) => dayParam("maxCreateDate", v, zone));
      if (params.minid && params.maxid && BigInt(params.minid) > BigInt(params.maxid)) {
        throw new InvalidInputError("maxId", "must not be below minId");
      }
      if (params.mincreatedate && params.maxcreatedate && params.mincreatedate > params.maxcreatedate) {
        throw new InvalidInputError("maxCreateDate", "must not be before minCreateDate");
      }
      optional(params, "hasappointment", p.hasAppointment, yesNo);
      optional(params, "hasfutureappointment", p.hasFutureAppointment, yesNo);
      return call("custlist", params, readList(schemas.customer, ["customers", "custlist"]));
    },

    custappts: async (p: CustApptsParams): Promise<Appointment[]> => {
      const params: Record<string, string> = {};
      optional(params, "showcancelled", p.showCancelled, flagParam);
      optional(params, "showpast", p.showPast, flagParam);
      if ("customerId" in p) params.customerid = customerId(p.customerId);
      else if ("tz" in p) params.tz = tzParam(p.tz);
      else if ("first" in p && "cell" in p) {
        params.first = textParam("first", p.first, 100);
        params.cell = cellParam(p.cell);
      } else throw new InvalidInputError("customerId", "give customerId, tz, or first and cell");
      const rows = readList(schemas.appointment, ["appts", "appointments", "custappts"]);
      return call("custappts", params, (body) => liveUnlessAsked(rows(body), p.showCancelled));
    },
  };
}

/** custlist's filters: 1 yes, 2 no (blank = any). */
function yesNo(v: boolean): string {
  return v ? "1" : "2";
}
