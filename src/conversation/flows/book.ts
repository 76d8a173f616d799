import type { Appointment } from "../../domain/appointment.ts";
import { isValidIsraeliId, normalizeIsraeliId } from "../../domain/israeli-id.ts";
import { formatApiDate, formatApiMinute, parseApiDate, parseApiMinute } from "../../tor4you/dates.ts";
import { Tor4YouApiError } from "../../tor4you/errors.ts";
import type { AvailabilityResult } from "../../tor4you/types.ts";
import { flowChoice, newToken } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "../context.ts";
import type { BookFlow, OfferedTime } from "../state.ts";
import { tooLateToChange } from "./cancel.ts";
import { menuMessage } from "./menu.ts";

const DATES_PER_PAGE = 8;
/** A day's times come in pages: a phone screen holds about this many buttons. */
const TIMES_PER_PAGE = 16;
const MAX_TIMES = 96;
/** Availability is limited to 31 days on open calendars; stay inside it. */
const HORIZON_DAYS = 30;

export async function startBook(ctx: StepContext, replaces?: Appointment): Promise<StepResult> {
  const token = newToken();
  if (replaces) {
    if (!replaces.conf || !replaces.serviceId) return done(text(ctx.t("appt-not-found")));
    const late = tooLateToChange(ctx, replaces);
    if (late) return late;
    return askDate(ctx, {
      name: "book",
      token,
      step: "date",
      serviceId: replaces.serviceId,
      staffId: replaces.staffId ?? "any",
      participants: replaces.participants,
      replaces: { apptId: replaces.id, conf: replaces.conf },
    });
  }
  const services = ctx.catalog.services;
  if (services.length === 0) return done(text(ctx.t("book-no-services")));
  if (services.length === 1)
    return afterService(ctx, { name: "book", token, step: "service", serviceId: services[0]!.id });
  return {
    flow: { name: "book", token, step: "service" },
    out: [
      choices(
        ctx.t("book-service"),
        services.map((s) => ({ id: flowChoice(token, "svc", s.id), label: s.name })),
      ),
    ],
  };
}

function providersFor(ctx: StepContext, flow: BookFlow) {
  const linked = ctx.catalog.staffFor.get(flow.serviceId ?? "") ?? new Set();
  return ctx.catalog.providers.filter(
    (p) => linked.has(p.id) && (!flow.branchId || p.branchId === flow.branchId),
  );
}

async function afterService(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  const providers = providersFor(ctx, flow);
  const branchIds = new Set(providers.map((p) => p.branchId).filter(Boolean));
  if (!flow.branchId && branchIds.size > 1) {
    const branches = ctx.catalog.branches.filter((b) => branchIds.has(b.id));
    return {
      flow: { ...flow, step: "branch" },
      out: [
        choices(
          ctx.t("book-branch"),
          branches.map((b) => ({ id: flowChoice(flow.token, "br", b.id), label: b.name })),
        ),
      ],
    };
  }
  if (providers.length === 1) return askDate(ctx, { ...flow, staffId: providers[0]!.id });
  return {
    flow: { ...flow, step: "staff" },
    out: [
      choices(ctx.t("book-staff"), [
        { id: flowChoice(flow.token, "stf", "any"), label: ctx.t("book-any-staff") },
        ...providers.map((p) => ({ id: flowChoice(flow.token, "stf", p.id), label: p.name })),
      ]),
    ],
  };
}

function availabilityQuery(flow: BookFlow) {
  return {
    service: flow.serviceId!,
    staff: flow.staffId && flow.staffId !== "any" ? flow.staffId : undefined,
    branch: flow.branchId,
    participants: flow.participants,
  };
}

async function askDate(ctx: StepContext, flow: BookFlow, page = 0): Promise<StepResult> {
  let dates = flow.dates;
  if (!dates || page === 0) {
    const today = ctx.now.setZone(ctx.site.timezone).startOf("day");
    const r = await ctx.api.availability({
      ...availabilityQuery(flow),
      from: today,
      to: today.plus({ days: HORIZON_DAYS - 1 }),
      dateOnly: true,
    });
    dates = r.kind === "dates" ? r.dates.map((d) => formatApiDate(d, ctx.site.timezone)) : [];
  }
  if (dates.length === 0) return done(menuMessage(ctx, ctx.t("book-no-dates")));
  const shown = dates.slice(page * DATES_PER_PAGE, (page + 1) * DATES_PER_PAGE);
  const list = shown.map((d) => ({
    id: flowChoice(flow.token, "day", d),
    label: ctx.day(parseApiDate(d, ctx.site.timezone)),
  }));
  if ((page + 1) * DATES_PER_PAGE < dates.length) {
    list.push({ id: flowChoice(flow.token, "more", page + 1), label: ctx.t("book-more-dates") });
  }
  return {
    flow: {
      ...flow,
      step: "date",
      dates,
      datePage: page,
      date: undefined,
      times: undefined,
      time: undefined,
    },
    out: [choices(ctx.t("book-date"), list)],
  };
}

function toOffered(ctx: StepContext, r: AvailabilityResult): OfferedTime[] {
  const zone = ctx.site.timezone;
  const list: OfferedTime[] =
    r.kind === "slots"
      ? r.slots.map((s) => ({
          from: formatApiMinute(s.start, zone),
          to: formatApiMinute(s.end, zone),
          staffId: s.staffId ?? "",
          slotId: s.id,
          vfib: s.vfib,
          placesLeft: s.placesLeft,
        }))
      : r.kind === "openhours"
        ? r.openHours.map((h) => ({
            from: formatApiMinute(h.start, zone),
            to: formatApiMinute(h.end, zone),
            staffId: h.staffId ?? "",
          }))
        : [];
  const now = formatApiMinute(ctx.now, zone);
  return list.filter((t) => t.staffId && t.from > now).sort((a, b) => a.from.localeCompare(b.from));
}

function timeChoices(ctx: StepContext, flow: BookFlow, times: OfferedTime[]) {
  const staffName = (id: string) => ctx.catalog.providers.find((p) => p.id === id)?.name ?? "";
  const counts = new Map<string, number>();
  for (const t of times) counts.set(t.from, (counts.get(t.from) ?? 0) + 1);
  return times.map((t, i) => {
    const hhmm = ctx.time(parseApiMinute(t.from, ctx.site.timezone));
    // Two slots at one time (two staff) need the name to tell them apart.
    return {
      id: flowChoice(flow.token, "tm", i),
      label: (counts.get(t.from) ?? 0) > 1 ? `${hhmm} ${staffName(t.staffId)}` : hhmm,
    };
  });
}

async function askTime(ctx: StepContext, flow: BookFlow, date: string): Promise<StepResult> {
  const r = await ctx.api.availability({ ...availabilityQuery(flow), from: date, to: date, dateOnly: false });
  const times = toOffered(ctx, r).slice(0, MAX_TIMES);
  if (times.length === 0) {
    const again = await askDate(ctx, flow);
    return { ...again, out: [text(ctx.t("book-no-times")), ...again.out] };
  }
  return showTimes(ctx, { ...flow, step: "time", date, times, time: undefined }, 0);
}

function showTimes(ctx: StepContext, flow: BookFlow, page: number): StepResult {
  const times = flow.times ?? [];
  const all = timeChoices(ctx, flow, times);
  const shown = all.slice(page * TIMES_PER_PAGE, (page + 1) * TIMES_PER_PAGE);
  if ((page + 1) * TIMES_PER_PAGE < all.length) {
    shown.push({ id: flowChoice(flow.token, "mtm", page + 1), label: ctx.t("book-more-times") });
  }
  const day = ctx.day(parseApiDate(flow.date!, ctx.site.timezone));
  return { flow: { ...flow, timePage: page }, out: [choices(ctx.t("book-time", { day }), shown)] };
}

async function afterTime(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  const t = flow.time!;
  if (!flow.replaces && t.slotId && (t.placesLeft ?? 1) > 1 && !flow.participants) {
    const max = Math.min(t.placesLeft ?? 1, 8);
    return {
      flow: { ...flow, step: "participants" },
      out: [
        choices(
          ctx.t("book-participants", { max }),
          Array.from({ length: max }, (_, i) => ({
            id: flowChoice(flow.token, "ppl", i + 1),
            label: String(i + 1),
          })),
        ),
      ],
    };
  }
  return askName(ctx, flow);
}

/** Name from the customer's existing record, else their own shared contact; asked only when neither has it. */
async function askName(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  if (!flow.first || !flow.last) {
    const known = ctx.identity
      ? (await ctx.api.apptbycellortz({ cell: ctx.identity.cell, showPast: true, showFuture: true })).find(
          (a) => a.customer.first && a.customer.last,
        )
      : undefined;
    const first = known?.customer.first ?? ctx.identity?.first;
    const last = known?.customer.last ?? ctx.identity?.last;
    if (first && last) flow = { ...flow, first, last, tz: flow.tz ?? validTz(known?.customer.tz) };
    else return { flow: { ...flow, step: "name" }, out: [text(ctx.t("book-name"))] };
  }
  return askTz(ctx, flow);
}

function validTz(tz: string | undefined): string | undefined {
  return tz && isValidIsraeliId(tz) ? normalizeIsraeliId(tz) : undefined;
}

function askTz(ctx: StepContext, flow: BookFlow): StepResult {
  if (ctx.catalog.info.istz === 2 && !flow.tz)
    return { flow: { ...flow, step: "tz" }, out: [text(ctx.t("book-tz"))] };
  return summary(ctx, flow);
}

function summary(ctx: StepContext, flow: BookFlow): StepResult {
  const t = flow.time!;
  return {
    flow: { ...flow, step: "confirm" },
    out: [
      choices(
        ctx.t("book-summary", {
          service: serviceLabel(ctx, flow),
          staff: staffLabel(ctx, t.staffId),
          when: ctx.when(parseApiMinute(t.from, ctx.site.timezone)),
          people: flow.participants ?? 1,
        }),
        [
          { id: flowChoice(flow.token, "yes"), label: ctx.t("book-confirm") },
          { id: flowChoice(flow.token, "no"), label: ctx.t("book-abort") },
        ],
      ),
    ],
  };
}

const serviceLabel = (ctx: StepContext, flow: BookFlow) =>
  ctx.catalog.services.find((s) => s.id === flow.serviceId)?.name ?? "";
const staffLabel = (ctx: StepContext, id: string) =>
  ctx.catalog.providers.find((p) => p.id === id)?.name ?? ctx.t("staff-anyone");

async function book(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  const t = flow.time!;
  const zone = ctx.site.timezone;
  const when = ctx.when(parseApiMinute(t.from, zone));
  let added: { apptId: string; conf: string };
  try {
    added = await ctx.api.addappt({
      staff: t.staffId,
      service: flow.serviceId!,
      at: t.slotId && t.vfib ? { slotId: t.slotId, vfib: t.vfib } : { from: t.from, to: t.to },
      customer: { first: flow.first!, last: flow.last!, cell: ctx.identity!.cell, tz: flow.tz },
      participants: flow.participants,
      sendNotice: true,
    });
  } catch (e) {
    // Tor4You refused (most likely the time was taken meanwhile): offer the nearest free times.
    if (e instanceof Tor4YouApiError) return nearestTimes(ctx, flow);
    throw e;
  }
  const out = [
    text(ctx.t("book-done", { service: serviceLabel(ctx, flow), staff: staffLabel(ctx, t.staffId), when })),
  ];
  const event = {
    apptId: added.apptId,
    staffId: t.staffId,
    serviceId: flow.serviceId,
    start: parseApiMinute(t.from, zone),
  };
  const entry = {
    id: added.apptId,
    start: event.start,
    end: parseApiMinute(t.to, zone),
    serviceName: serviceLabel(ctx, flow),
    staffName: ctx.catalog.providers.find((p) => p.id === t.staffId)?.name,
    branchId: flow.branchId,
    branchName: ctx.catalog.branches.find((b) => b.id === flow.branchId)?.name,
  };
  if (flow.replaces) {
    const change = await finishChange(ctx, flow.replaces, added);
    out.push(...change.out);
    if (change.moved) {
      // The customer's calendar moves the event it already holds: same UID, next SEQUENCE.
      out.push(...(await ctx.calendarFile(entry, { replaces: flow.replaces.apptId })));
      await ctx.report({ kind: "moved", ...event, previousStart: change.previousStart });
    }
    // Rolled back: the new appointment is gone again and the old one stands, nothing to tell.
    else if (!change.rolledBack) {
      out.push(...(await ctx.calendarFile(entry)));
      await ctx.report({ kind: "booked", ...event });
    }
  } else {
    out.push(...(await ctx.calendarFile(entry)));
    await ctx.report({ kind: "booked", ...event });
  }
  return done(...out);
}

/** Change time = book the new one, then cancel the old; on failure undo so exactly one remains. */
async function finishChange(
  ctx: StepContext,
  old: { apptId: string; conf: string },
  added: { apptId: string; conf: string },
) {
  const before = await ctx.api.apptinfo({ apptId: old.apptId }).catch(() => null);
  const oldWhen = before ? ctx.when(before.start) : "";
  const previousStart = before?.start;
  try {
    await ctx.api.delappt({ apptId: old.apptId, vfib: old.conf, sendNotice: true });
    return { moved: true, previousStart, out: [text(ctx.t("change-old-cancelled", { when: oldWhen }))] };
  } catch {
    try {
      await ctx.api.delappt({ apptId: added.apptId, vfib: added.conf, sendNotice: false });
      return { moved: false, rolledBack: true, out: [text(ctx.t("change-rolled-back", { when: oldWhen }))] };
    } catch {
      return { moved: false, out: [text(ctx.t("change-both-kept", { when: oldWhen }))] };
    }
  }
}

async function nearestTimes(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  const wanted = flow.time!.from;
  const r = await ctx.api.availability({
    ...availabilityQuery(flow),
    from: flow.date!,
    to: flow.date!,
    dateOnly: false,
  });
  const distance = (t: OfferedTime) => Math.abs(Number(t.from) - Number(wanted));
  const times = toOffered(ctx, r)
    .filter((t) => t.from !== wanted || t.staffId !== flow.time!.staffId)
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, 4)
    .sort((a, b) => a.from.localeCompare(b.from));
  if (times.length === 0) {
    const again = await askDate(ctx, flow);
    return { ...again, out: [text(ctx.t("book-taken")), ...again.out] };
  }
  const next: BookFlow = { ...flow, step: "time", times, time: undefined };
  return {
    flow: next,
    out: [text(ctx.t("book-taken")), choices(ctx.t("book-nearest"), timeChoices(ctx, next, times))],
  };
}

/** One answer to the book flow's current question; null when the input does not fit it. */
export async function bookStep(
  flow: BookFlow,
  input: { action: string; arg: string } | { text: string },
  ctx: StepContext,
): Promise<StepResult | null> {
  if ("text" in input) {
    if (flow.step === "name") {
      const parts = input.text
        .trim()
        .split(/\s+/)
        .filter((p) => /\p{L}/u.test(p));
      if (parts.length < 2 || input.text.length > 80)
        return { flow, out: [text(ctx.t("book-name-invalid"))] };
      return askTz(ctx, { ...flow, first: parts[0]!, last: parts.slice(1).join(" ") });
    }
    if (flow.step === "tz") {
      if (!isValidIsraeliId(input.text)) return { flow, out: [text(ctx.t("book-tz-invalid"))] };
      return summary(ctx, { ...flow, tz: normalizeIsraeliId(input.text) });
    }
    return null;
  }
  const { action, arg } = input;
  switch (`${flow.step}:${action}`) {
    case "service:svc":
      if (!ctx.catalog.services.some((s) => s.id === arg)) return null;
      return afterService(ctx, { ...flow, serviceId: arg });
    case "branch:br":
      if (!ctx.catalog.branches.some((b) => b.id === arg)) return null;
      return afterService(ctx, { ...flow, branchId: arg });
    case "staff:stf":
      if (arg !== "any" && !providersFor(ctx, flow).some((p) => p.id === arg)) return null;
      return askDate(ctx, { ...flow, staffId: arg });
    case "date:more":
      return askDate(ctx, flow, Number(arg) || 0);
    case "date:day":
      if (!flow.dates?.includes(arg)) return null;
      return askTime(ctx, flow, arg);
    case "time:mtm":
      return showTimes(ctx, flow, Number(arg) || 0);
    case "time:tm": {
      const time = flow.times?.[Number(arg)];
      if (!time) return null;
      return afterTime(ctx, { ...flow, time });
    }
    case "participants:ppl": {
      const n = Number(arg);
      const max = Math.min(flow.time?.placesLeft ?? 1, 8);
      if (!Number.isInteger(n) || n < 1 || n > max) return null;
      return askName(ctx, { ...flow, participants: n });
    }
    case "confirm:yes":
      return book(ctx, flow);
    case "confirm:no":
      return done(text(ctx.t("book-aborted")));
  }
  return null;
}
