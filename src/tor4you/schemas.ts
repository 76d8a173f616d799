import { z } from "zod";
import { APPOINTMENT_STATUS_CODES, type Appointment } from "../domain/appointment.ts";
import type {
  Branch,
  Customer,
  HistoryEntry,
  OpenHour,
  Service,
  SiteInfo,
  Slot,
  StaffMember,
  StaffServiceLink,
  Subscription,
  SubscriptionUsage,
} from "./types.ts";
import {
  active,
  boolFlag,
  compact,
  expiryTimestamp,
  id,
  looseCell,
  nameOrBlank,
  noteFallback,
  num,
  numberedFields,
  optionalTimestamp,
  ref,
  requiredText,
  text,
  timestamp,
  tristate,
  withAliases,
} from "./wire.ts";

/** Zod schemas from one Tor4You object to our normalized type. Times need the site's zone. */
export type Schemas = ReturnType<typeof buildSchemas>;

const cache = new Map<string, Schemas>();

export function schemasFor(zone: string): Schemas {
  let s = cache.get(zone);
  if (!s) {
    s = buildSchemas(zone);
    cache.set(zone, s);
  }
  return s;
}

const appointmentStatus = z
  .union([z.string(), z.number(), z.null(), z.undefined()])
  .optional()
  .transform((v, ctx) => {
    // apptlist format=1 carries no status, and nothing says apptinfo always does: unknown, which
    // the list calls turn into "live" when they asked for live rows only (liveUnlessAsked).
    if (v === null || v === undefined || String(v).trim() === "") return "unknown" as const;
    const status = APPOINTMENT_STATUS_CODES[String(v).trim()];
    if (!status) {
      ctx.addIssue({ code: "custom", message: "unknown appointment status" });
      return z.NEVER;
    }
    return status;
  });

function buildSchemas(zone: string) {
  const at = timestamp(zone);
  const maybeAt = (field: string) => optionalTimestamp(zone, field);

  const appointment = z.preprocess(
    withAliases({
      id: ["apptid"],
      conf: ["vfib"],
      status: ["apptstatus"],
      from: ["from_date"],
      to: ["to_date"],
    }),
    z
      .looseObject({
        id,
        conf: text,
        status: appointmentStatus,
        from: at,
        to: at,
        staff: ref,
        staffname: text,
        service: ref,
        servicename: text,
        branch: ref,
        branchname: text,
        slotid: ref,
        participants: num,
        iscoming: tristate,
        showstatus: tristate,
        tmp_expire_date: expiryTimestamp(zone),
        islozamin: boolFlag,
        customerid: ref,
        first: text,
        last: text,
        cell: looseCell,
        tz: text,
        email: text,
        notes: text,
      })
      .transform((o): Appointment => {
        const extra = numberedFields(o, ["af"], 20, "af");
        return compact({
          id: o.id,
          conf: o.conf,
          status: o.status,
          start: o.from,
          end: o.to,
          staffId: o.staff,
          staffName: o.staffname,
          serviceId: o.service,
          serviceName: o.servicename,
          branchId: o.branch,
          branchName: o.branchname,
          slotId: o.slotid,
          participants: o.participants,
          iscoming: o.iscoming,
          showstatus: o.showstatus,
          // Unreadable expiry text still means "temporary": expiring by its start at the latest.
          tmpExpire: o.tmp_expire_date === "unreadable" ? o.from : o.tmp_expire_date,
          isLozamin: o.islozamin,
          customer: compact({
            id: o.customerid,
            first: o.first,
            last: o.last,
            cell: o.cell,
            tz: o.tz,
            email: o.email,
          }),
          notes: o.notes,
          extra: Object.keys(extra).length > 0 ? extra : undefined,
        });
      }),
  );

  const siteInfo = z.preprocess(
    withAliases({ siteid: ["id", "site"], name: ["sitename"] }),
    z
      .object({
        siteid: id,
        name: nameOrBlank("name"),
        phone: text,
        address: text,
        istz: num,
        calendartype: text,
      })
      .transform((o): SiteInfo => {
        // Not said: 0 ("not used") here; a booking refused for want of one asks for it then.
        if (o.istz === undefined) noteFallback("istz");
        return compact({
          siteId: o.siteid,
          name: o.name,
          phone: o.phone,
          address: o.address,
          istz: o.istz ?? 0,
          calendarType: calendarType(o.calendartype),
        });
      }),
  );

  const branch = z.preprocess(
    withAliases({ id: ["branchid"], name: ["branchname"] }),
    z
      .object({ id, name: nameOrBlank("name"), address: text, status: active })
      .transform((o): Branch => compact({ id: o.id, name: o.name, address: o.address, active: o.status })),
  );

  const staffMember = z.preprocess(
    withAliases({ id: ["staffid"], name: ["staffname"], branch: ["branchid"] }),
    z
      .object({ id, name: nameOrBlank("name"), branch: ref, showorder: num, status: active })
      .transform((o): StaffMember => {
        const showOrder = o.showorder ?? 0;
        return compact({
          id: o.id,
          name: o.name,
          branchId: o.branch,
          showOrder,
          isProvider: showOrder > 0,
          active: o.status,
        });
      }),
  );

  const service = z.preprocess(
    withAliases({ id: ["serviceid"], name: ["servicename"] }),
    z
      .object({
        id,
        name: nameOrBlank("name"),
        duration: num,
        price: num,
        external: boolFlag,
        internal: boolFlag,
        status: active,
      })
      .transform(
        (o): Service =>
          compact({
            id: o.id,
            name: o.name,
            durationMinutes: o.duration,
            price: o.price,
            external: o.external ?? (o.internal === undefined ? undefined : !o.internal),
            active: o.status,
          }),
      ),
  );

  const staffService = z.preprocess(
    withAliases({ staff: ["staffid"], service: ["serviceid"] }),
    z
      .object({ staff: id, service: id })
      .transform((o): StaffServiceLink => ({ staffId: o.staff, serviceId: o.service })),
  );

  const slot = z.preprocess(
    withAliases({ slotid: ["id"], vfib: ["conf"], services: ["service"], staff: ["staffid"] }),
    z
      .object({
        slotid: id,
        vfib: text,
        staff: ref,
        staffname: text,
        services: z
          .union([
            z.array(z.union([z.string(), z.number()])),
            z.string(),
            z.number(),
            z.null(),
            z.undefined(),
          ])
          .optional(),
        from: at,
        to: at,
        maxmembers: num,
        members: num,
        placesleft: num,
        status: active,
        zoom: text,
      })
      .transform(
        (o): Slot =>
          compact({
            id: o.slotid,
            vfib: o.vfib,
            staffId: o.staff,
            staffName: o.staffname,
            serviceIds: serviceIds(o.services),
            start: o.from,
            end: o.to,
            maxMembers: o.maxmembers,
            members: o.members,
            placesLeft: o.placesleft,
            active: o.status,
            zoom: o.zoom,
          }),
      ),
  );

  const history = z.preprocess(
    withAliases({ date: ["datetime", "time", "updatedate"] }),
    z
      .object({ date: at, action: text, updateby: text, description: text })
      .transform(
        (o): HistoryEntry =>
          compact({ at: o.date, action: o.action, updateBy: o.updateby, description: o.description }),
      ),
  );

  const subscription = z.preprocess(
    withAliases({ subid: ["id"] }),
    z
      .object({
        subid: id,
        customerid: ref,
        name: text,
        from: maybeAt("from"),
        to: maybeAt("to"),
        total: num,
        used: num,
        left: num,
        status: active,
      })
      .transform(
        (o): Subscription =>
          compact({
            id: o.subid,
            customerId: o.customerid,
            name: o.name,
            from: o.from,
            to: o.to,
            total: o.total,
            used: o.used,
            left: o.left,
            active: o.status,
          }),
      ),
  );

  const subscriptionUsage = z.preprocess(
    withAliases({ apptid: ["id"] }),
    z
      .object({ apptid: id, date: maybeAt("date"), participants: num })
      .transform(
        (o): SubscriptionUsage => compact({ apptId: o.apptid, at: o.date, participants: o.participants }),
      ),
  );

  const customer = z.preprocess(
    withAliases({ customerid: ["id"], vfib: ["conf"] }),
    z
      .looseObject({
        customerid: id,
        vfib: text,
        first: text,
        last: text,
        cell: looseCell,
        email: text,
        tz: text,
        street: text,
        city: text,
        createdate: maybeAt("createdate"),
        status: active,
      })
      .transform(
        (o): Customer =>
          compact({
            id: o.customerid,
            vfib: o.vfib,
            first: o.first,
            last: o.last,
            cell: o.cell,
            email: o.email,
            tz: o.tz,
            street: o.street,
            city: o.city,
            extra: numberedFields(o, ["cx", "cf"], 10, "cx"),
            createdAt: o.createdate,
            active: o.status,
          }),
      ),
  );

  const availableDate = z.union([
    at,
    z.preprocess(withAliases({ date: ["day"] }), z.object({ date: at })).transform((o) => o.date),
  ]);

  // "One randomly chosen staff member per time": a row may hold its start only, or be the time alone.
  const openHour = z.preprocess(
    (v) =>
      withAliases({ staff: ["staffid"], from: ["time", "start"], to: ["end"] })(
        typeof v === "string" || typeof v === "number" ? { from: v } : v,
      ),
    z
      .object({ staff: ref, staffname: text, from: at, to: at.optional() })
      .transform((o): Omit<OpenHour, "end"> & { end?: OpenHour["end"] } =>
        compact({ staffId: o.staff, staffName: o.staffname, start: o.from, end: o.to }),
      ),
  );

  const addedAppointment = z.preprocess(
    withAliases({ apptid: ["id"], conf: ["vfib"] }),
    z.object({ apptid: id, conf: requiredText.pipe(z.string().min(1)) }),
  );
  const addedSlot = z.preprocess(
    withAliases({ slotid: ["id"], vfib: ["conf"] }),
    z.object({ slotid: id, vfib: requiredText.pipe(z.string().min(1)) }),
  );
  const addedCustomer = z.preprocess(
    withAliases({ customerid: ["id"], vfib: ["conf"] }),
    z.object({ customerid: id, vfib: requiredText.pipe(z.string().min(1)) }),
  );

  return {
    appointment,
    siteInfo,
    branch,
    staffMember,
    service,
    staffService,
    slot,
    history,
    subscription,
    subscriptionUsage,
    customer,
    availableDate,
    openHour,
    addedAppointment,
    addedSlot,
    addedCustomer,
  };
}

function calendarType(v: string | undefined): "open" | "slots" | undefined {
  if (!v) return undefined;
  const s = v.toLowerCase();
  if (s.startsWith("slot") || s === "timeslots") return "slots";
  if (s.startsWith("open")) return "open";
  return undefined;
}

function serviceIds(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v === null || v === undefined ? [] : String(v).split(/[,;\s]+/);
  return items.map((x) => String(x).trim()).filter((x) => x !== "" && !/^0+$/.test(x));
}
