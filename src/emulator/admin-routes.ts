import type { FastifyInstance, FastifyReply } from "fastify";
import { DateTime } from "luxon";
import { z } from "zod";
import { parseApiMinute, TOR4YOU_ZONE } from "../tor4you/dates.ts";
import type { Bookings } from "./bookings.ts";
import type { EmulatorClock } from "./clock.ts";
import { checkCustomerInput, createCustomer, findByFirstAndCell } from "./customers.ts";
import { type Faults, faultSpecSchema } from "./faults.ts";
import { type Appointment, type Site, UPDATEBY_WIDGET } from "./model.ts";
import { refusalMessage } from "./refusal.ts";
import type { Store } from "./store.ts";
import type { UsageMeter } from "./usage.ts";
import type { WebhookDispatcher } from "./webhooks.ts";
import { longAppointment } from "./wire-shapes.ts";

export interface AdminDeps {
  store: Store;
  bookings: Bookings;
  clock: EmulatorClock;
  faults: Faults;
  usage: UsageMeter;
  webhooks: WebhookDispatcher;
  reset(): void;
}

/** `YYYYMMDDhhmm` (like the API) or ISO 8601. */
const time = z.string().transform((s, ctx) => {
  const t = /^\d{12}$/.test(s.trim())
    ? safe(() => parseApiMinute(s))
    : DateTime.fromISO(s, { zone: TOR4YOU_ZONE });
  if (!t?.isValid) {
    ctx.addIssue({ code: "custom", message: "must be YYYYMMDDhhmm or ISO 8601" });
    return z.NEVER;
  }
  return t.setZone(TOR4YOU_ZONE);
});

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

const id = z.union([z.string(), z.number()]).transform(String);
/** "widget" → 99 (the customer through the booking widget); a staff id; default: the site's first admin user. */
const by = z.union([z.literal("widget"), id]).optional();

const createSchema = z.object({
  staff: id,
  service: id,
  from: time.optional(),
  to: time.optional(),
  slotid: id.optional(),
  customerid: id.optional(),
  customer: z
    .object({
      first: z.string(),
      last: z.string(),
      cell: z.string(),
      tz: z.string().optional(),
      email: z.string().optional(),
    })
    .optional(),
  participants: z.number().int().min(1).optional(),
  islozamin: z.boolean().optional(),
  tmpExpire: time.optional(),
  tmpExpireMinutes: z.number().int().min(1).optional(),
  by,
  /** The business may book outside the rules from its own dashboard. */
  force: z.boolean().optional(),
});

const moveSchema = z.object({
  from: time.optional(),
  to: time.optional(),
  staff: id.optional(),
  slotid: id.optional(),
  by,
  force: z.boolean().optional(),
});

const temporarySchema = z.object({
  expire: time.optional(),
  minutes: z.number().int().min(1).optional(),
  by,
});

const clockSchema = z.object({
  set: time.optional(),
  advanceMs: z.number().optional(),
  advanceMinutes: z.number().optional(),
  freeze: z.boolean().optional(),
});

const webhookSchema = z.object({ url: z.string().optional(), active: z.boolean().optional() });
const limitsSchema = z.object({
  perMinute: z.number().int().min(1).optional(),
  perDay: z.number().int().min(1).optional(),
});

class AdminError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw new AdminError(400, z.prettifyError(r.error));
  return r.data;
}

function siteOf(store: Store, siteid: string): Site {
  const site = store.site(siteid);
  if (!site) throw new AdminError(404, `no site ${siteid}`);
  return site;
}

function apptOf(site: Site, apptid: string): Appointment {
  const a = site.appointments.get(apptid);
  if (!a) throw new AdminError(404, `no appointment ${apptid}`);
  return a;
}

function updater(site: Site, b: z.infer<typeof by>, appt?: { staff: string }): string {
  if (b === "widget") return UPDATEBY_WIDGET;
  if (b !== undefined) return b;
  const admin = [...site.staff.values()].find((s) => s.showorder === 0 && s.status === "1");
  return admin?.id ?? appt?.staff ?? "0";
}

/**
 * `/__emulator/*`: no Tor4You auth. State, reset, clock, webhook config and log, faults, limits,
 * and the "dashboard" actions a business takes in Tor4You's UI (they send webhooks like real ones).
 */
export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  // Its own plugin scope, so the admin error handler leaves /api answers alone.
  app.register(async (scope) => defineAdminRoutes(scope, deps));
}

function defineAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store, bookings } = deps;

  app.setErrorHandler((err, _req, reply: FastifyReply) => {
    if (err instanceof AdminError) return reply.code(err.httpStatus).send({ error: err.message });
    const refusal = refusalMessage(err);
    if (refusal !== null) return reply.code(409).send({ error: refusal });
    return reply
      .code((err as { statusCode?: number }).statusCode ?? 500)
      .send({ error: (err as Error).message });
  });

  app.get("/__emulator/state", async () => ({
    now: deps.clock.now().toISO(),
    clock: { controllable: deps.clock.controllable, frozen: deps.clock.frozen },
    limits: deps.usage.limits,
    faults: deps.faults.list(),
    sites: [...store.sites.values()].map((s) => ({
      siteid: s.siteid,
      name: s.name,
      calendartype: s.settings.calendarType,
      istz: s.settings.istz,
      webhook: s.webhook,
      pendingWebhookRetries: deps.webhooks.pendingRetries(s.siteid),
      usage: deps.usage.snapshot(s.siteid),
      counts: {
        branches: s.branches.size,
        staff: s.staff.size,
        services: s.services.size,
        slots: s.slots.size,
        customers: [...s.customers.values()].filter((c) => !c.isLozamin).length,
        appointments: s.appointments.size,
        liveAppointments: [...s.appointments.values()].filter((a) => a.status === "1").length,
      },
    })),
  }));

  app.get("/__emulator/sites", async () => ({
    sites: [...store.sites.values()].map((s) => ({
      siteid: s.siteid,
      name: s.name,
      torkey: s.credentials.torkey,
      key: s.credentials.key,
      secret: s.credentials.secret,
      webhookKey: s.credentials.webhookKey,
    })),
  }));

  app.post("/__emulator/reset", async () => {
    deps.reset();
    return { ok: true };
  });

  app.get("/__emulator/clock", async () => ({ now: deps.clock.now().toISO(), frozen: deps.clock.frozen }));
  app.post("/__emulator/clock", async (req) => {
    const b = parse(clockSchema, req.body);
    if (!deps.clock.controllable) throw new AdminError(409, "the emulator runs on the caller's clock");
    if (b.freeze !== undefined) deps.clock.freeze(b.freeze);
    if (b.set) deps.clock.set(b.set);
    const advance = (b.advanceMs ?? 0) + (b.advanceMinutes ?? 0) * 60_000;
    if (advance) deps.clock.advance(advance);
    return { now: deps.clock.now().toISO(), frozen: deps.clock.frozen };
  });

  app.get<{ Params: { siteid: string } }>("/__emulator/sites/:siteid/webhook", async (req) => {
    return siteOf(store, req.params.siteid).webhook;
  });
  app.post<{ Params: { siteid: string } }>("/__emulator/sites/:siteid/webhook", async (req) => {
    const site = siteOf(store, req.params.siteid);
    const b = parse(webhookSchema, req.body);
    if (b.url !== undefined) {
      if (b.url !== "" && !URL.canParse(b.url)) throw new AdminError(400, "url is not a URL");
      site.webhook.url = b.url;
    }
    // Setting a URL or `active: true` is the settings menu's "reset the count".
    site.webhook.active = b.active ?? site.webhook.url !== "";
    return site.webhook;
  });

  app.get<{ Querystring: { site?: string } }>("/__emulator/webhooks", async (req) => ({
    deliveries: deps.webhooks.log.filter((r) => !req.query.site || r.siteid === req.query.site),
  }));

  app.get("/__emulator/faults", async () => ({ faults: deps.faults.list() }));
  app.post("/__emulator/faults", async (req) => ({
    fault: deps.faults.add(parse(faultSpecSchema, req.body)),
  }));
  app.delete("/__emulator/faults", async () => {
    deps.faults.clear();
    return { ok: true };
  });

  app.post("/__emulator/limits", async (req) => {
    const b = parse(limitsSchema, req.body);
    deps.usage.limits = { ...deps.usage.limits, ...b };
    return deps.usage.limits;
  });

  app.post<{ Params: { siteid: string } }>("/__emulator/sites/:siteid/appointments", async (req) => {
    const site = siteOf(store, req.params.siteid);
    const b = parse(createSchema, req.body);
    bookings.expireDue();
    const isLozamin = b.islozamin ?? false;
    let from: DateTime | undefined = b.from;
    let to: DateTime | undefined = b.to;
    const slot = b.slotid ? site.slots.get(b.slotid) : undefined;
    if (b.slotid && !slot) throw new AdminError(404, `no slot ${b.slotid}`);
    if (slot) {
      from ??= slot.from;
      to ??= slot.to;
    }
    if (!from) throw new AdminError(400, "from (or slotid) is required");
    to ??= from.plus({ minutes: site.services.get(b.service)?.duration ?? 30 });
    const placement = {
      staff: b.staff,
      service: b.service,
      from,
      to,
      slot: slot?.id ?? "0",
      participants: b.participants ?? 1,
      isLozamin,
    };
    if (!b.force) bookings.check(site, placement);
    const now = deps.clock.now();
    let customer = site.lozaminCustomer;
    if (!isLozamin) {
      if (b.customerid) {
        if (!site.customers.has(b.customerid)) throw new AdminError(404, `no customer ${b.customerid}`);
        customer = b.customerid;
      } else if (b.customer) {
        const c = b.customer;
        const found = findByFirstAndCell(site, c.first, c.cell.trim());
        customer =
          found?.id ??
          createCustomer(
            store,
            site,
            checkCustomerInput(site, { street: "", city: "", extra: {}, tz: "", email: "", ...c }),
            now,
          ).id;
      } else throw new AdminError(400, "customerid or customer is required");
    }
    const tmpExpire = b.tmpExpire ?? (b.tmpExpireMinutes ? now.plus({ minutes: b.tmpExpireMinutes }) : null);
    const appt = bookings.create(site, { ...placement, customer, tmpExpire }, updater(site, b.by, b), {
      skipRules: true,
    });
    return { appt: longAppointment(site, appt) };
  });

  type ApptRoute = { Params: { siteid: string; apptid: string } };

  app.post<ApptRoute>("/__emulator/sites/:siteid/appointments/:apptid/move", async (req) => {
    const site = siteOf(store, req.params.siteid);
    const appt = apptOf(site, req.params.apptid);
    const b = parse(moveSchema, req.body);
    if (appt.status !== "1") throw new AdminError(409, "appointment is not live");
    const slot = b.slotid ? site.slots.get(b.slotid) : undefined;
    if (b.slotid && !slot) throw new AdminError(404, `no slot ${b.slotid}`);
    const from: DateTime = slot?.from ?? b.from ?? appt.from;
    const to: DateTime = slot?.to ?? b.to ?? from.plus(appt.to.diff(appt.from));
    const staff = slot?.staff ?? b.staff ?? appt.staff;
    const slotId = slot?.id ?? appt.slot;
    const placement = {
      staff,
      service: appt.service,
      from,
      to,
      slot: slotId,
      participants: appt.participants,
      isLozamin: appt.isLozamin,
    };
    if (!b.force) bookings.check(site, placement, appt.id);
    bookings.update(site, appt, updater(site, b.by, appt), (a) => {
      const was = `${a.staff} ${a.from.toFormat("yyyyMMddHHmm")}`;
      a.staff = staff;
      a.branch = site.staff.get(staff)?.branch ?? a.branch;
      a.from = from;
      a.to = to;
      a.slot = slotId;
      return `moved from ${was} to ${staff} ${from.toFormat("yyyyMMddHHmm")}`;
    });
    return { appt: longAppointment(site, appt) };
  });

  app.post<ApptRoute>("/__emulator/sites/:siteid/appointments/:apptid/cancel", async (req) => {
    const site = siteOf(store, req.params.siteid);
    const appt = apptOf(site, req.params.apptid);
    const b = parse(z.object({ by }), req.body);
    bookings.cancel(site, appt, updater(site, b.by, appt));
    return { appt: longAppointment(site, appt) };
  });

  /** Marks a booking as temporary (awaiting payment); it expires when the clock passes `expire`. */
  app.post<ApptRoute>("/__emulator/sites/:siteid/appointments/:apptid/temporary", async (req) => {
    const site = siteOf(store, req.params.siteid);
    const appt = apptOf(site, req.params.apptid);
    const b = parse(temporarySchema, req.body);
    if (appt.status !== "1") throw new AdminError(409, "appointment is not live");
    const expire = b.expire ?? deps.clock.now().plus({ minutes: b.minutes ?? 15 });
    bookings.update(site, appt, updater(site, b.by, appt), (a) => {
      a.tmpExpire = expire;
      return `temporary booking until ${expire.toFormat("yyyyMMddHHmm")}`;
    });
    bookings.expireDue();
    return { appt: longAppointment(site, appt) };
  });

  /** The payment arrived: the booking stops being temporary. */
  app.post<ApptRoute>("/__emulator/sites/:siteid/appointments/:apptid/confirm", async (req) => {
    const site = siteOf(store, req.params.siteid);
    const appt = apptOf(site, req.params.apptid);
    const b = parse(z.object({ by }), req.body);
    if (appt.status !== "1") throw new AdminError(409, "appointment is not live");
    bookings.update(site, appt, updater(site, b.by, appt), (a) => {
      if (!a.tmpExpire) return null;
      a.tmpExpire = null;
      return "temporary booking confirmed";
    });
    return { appt: longAppointment(site, appt) };
  });
}
