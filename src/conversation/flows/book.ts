import type { Choice } from "../../core/messages.ts";
import { inZone } from "../../core/zones.ts";
import type { Appointment } from "../../domain/appointment.ts";
import { isValidIsraeliId, normalizeIsraeliId } from "../../domain/israeli-id.ts";
import { formatApiDate, parseApiDate, parseApiMinute } from "../../tor4you/dates.ts";
import { Tor4YouApiError } from "../../tor4you/errors.ts";
import { flowChoice, newToken } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "../context.ts";
import type { BookFlow, OfferedTime } from "../state.ts";
import { resolveDay } from "../understanding/resolve-day.ts";
import type { WhenSlots } from "../understanding/slots.ts";
import { withPlace } from "./appointments.ts";
import { serviceLabel, summary } from "./book-summary.ts";
import {
  availabilityQuery,
  isPart,
  offeredTimes,
  type PartOfDay,
  partOf,
  partsWithTimes,
  timeLabels,
} from "./book-times.ts";
import { tooLateToChange } from "./cancel.ts";
import { finishChange } from "./change.ts";
import { bookedDespite, heldAt } from "./lost-booking.ts";
import { deadEnd, navChoices, stopped } from "./navigation.ts";
import { WAITLIST_MAX_DAYS, waitlistButton } from "./waitlist.ts";

const DATES_PER_PAGE = 8;
/** A day's times come in pages: a phone screen holds about this many buttons. */
const TIMES_PER_PAGE = 16;
const MAX_TIMES = 96;
/** Availability is limited to 31 days on open calendars; stay inside it. */
const HORIZON_DAYS = 30;
/** A day with more free times than this is first split into morning, noon and evening. */
const PART_THRESHOLD = 6;

export async function startBook(
  ctx: StepContext,
  replaces?: Appointment,
  slots?: WhenSlots,
): Promise<StepResult> {
  const token = newToken();
  const want = wanted(ctx, slots);
  if (replaces) {
    if (!replaces.conf || !replaces.serviceId) return done(text(ctx.t("appt-not-found")));
    const late = tooLateToChange(ctx, replaces);
    if (late) return late;
    // A move keeps the service; the original staff member first, anyone free if they are full.
    return askDate(ctx, {
      name: "book",
      token,
      step: "date",
      serviceId: replaces.serviceId,
      branchId: ctx.catalog.providers.find((p) => p.id === replaces.staffId)?.branchId,
      staffId: replaces.staffId ?? "any",
      participants: replaces.participants,
      replaces: { apptId: replaces.id, conf: replaces.conf },
      want,
    });
  }
  const services = ctx.catalog.services;
  if (services.length === 0) return done(deadEnd(ctx, ctx.t("book-no-services")));
  const { again, ...known } = await knownCustomer(ctx);
  const flow: BookFlow = { name: "book", token, step: "service", ...known, want };
  if (services.length === 1) return afterService(ctx, { ...flow, serviceId: services[0]!.id });
  return askService(ctx, flow, again);
}

/**
 * What the customer's own record says: their name (so it is not asked again) and their last
 * service and staff member, offered first as "again".
 */
async function knownCustomer(
  ctx: StepContext,
): Promise<Pick<BookFlow, "first" | "last" | "tz" | "recordRead"> & { again?: Again }> {
  if (!ctx.identity) return {};
  const mine = await ctx.api.apptbycellortz({ cell: ctx.identity.cell, showPast: true, showFuture: true });
  const named = mine.find((a) => a.customer.first && a.customer.last);
  const last = mine
    .filter((a) => !a.isLozamin && a.serviceId && a.staffId)
    .sort((a, b) => b.start.toMillis() - a.start.toMillis())
    .find((a) => canBook(ctx, a.serviceId!, a.staffId!));
  return {
    first: named ? named.customer.first : ctx.identity.first,
    last: named ? named.customer.last : ctx.identity.last,
    tz: validTz(named?.customer.tz),
    recordRead: true,
    again: last ? { serviceId: last.serviceId!, staffId: last.staffId! } : undefined,
  };
}
type Again = { serviceId: string; staffId: string };

const canBook = (ctx: StepContext, serviceId: string, staffId: string) =>
  ctx.catalog.services.some((s) => s.id === serviceId) &&
  ctx.catalog.providers.some((p) => p.id === staffId) &&
  Boolean(ctx.catalog.staffFor.get(serviceId)?.has(staffId));

function askService(ctx: StepContext, flow: BookFlow, again?: Again): StepResult {
  const rest: BookFlow = {
    ...flow,
    step: "service",
    serviceId: undefined,
    staffId: undefined,
    branchId: undefined,
  };
  const list: Choice[] = [];
  if (again) {
    const staff = ctx.catalog.providers.find((p) => p.id === again.staffId)!;
    list.push({
      id: flowChoice(flow.token, "again", `${again.serviceId}-${again.staffId}`),
      label: ctx.t("book-again", { service: serviceLabel(ctx, again.serviceId), staff: staff.name.trim() }),
    });
  }
  for (const s of ctx.catalog.services)
    list.push({ id: flowChoice(flow.token, "svc", s.id), label: serviceButton(ctx, s.id) });
  return { flow: rest, out: [choices(ctx.t("book-service"), navChoices(ctx, rest, list, false))] };
}

/** "Men's haircut · 30 min · ₪60": duration and price when Tor4You has them. */
function serviceButton(ctx: StepContext, serviceId: string): string {
  const s = ctx.catalog.services.find((x) => x.id === serviceId)!;
  const parts = [s.name.trim()];
  // Whole hours as hours ("1 hour", "שעתיים"); anything else in minutes ("90 min").
  if (s.durationMinutes && s.durationMinutes % 60 === 0)
    parts.push(ctx.t("service-hours", { hours: s.durationMinutes / 60 }));
  else if (s.durationMinutes) parts.push(ctx.t("service-minutes", { minutes: s.durationMinutes }));
  if (s.price !== undefined && s.price > 0) {
    parts.push(
      new Intl.NumberFormat(ctx.locale, {
        style: "currency",
        currency: "ILS",
        maximumFractionDigits: Number.isInteger(s.price) ? 0 : 2,
      }).format(s.price),
    );
  }
  return parts.join(" · ");
}

function providersFor(ctx: StepContext, flow: BookFlow) {
  const linked = ctx.catalog.staffFor.get(flow.serviceId ?? "") ?? new Set();
  return ctx.catalog.providers.filter(
    (p) => linked.has(p.id) && (!flow.branchId || p.branchId === flow.branchId),
  );
}

/** Whether the branch question is asked for this service (its providers work in several branches). */
export function asksBranch(ctx: StepContext, flow: BookFlow): boolean {
  const branchIds = new Set(
    providersFor(ctx, { ...flow, branchId: undefined })
      .map((p) => p.branchId)
      .filter(Boolean),
  );
  return branchIds.size > 1;
}

/** A branch Tor4You sends without a name is shown by its address; with neither it cannot be offered. */
const branchLabel = (b: { name: string; address?: string }) => b.name.trim() || (b.address ?? "").trim();

function branchesFor(ctx: StepContext, flow: BookFlow) {
  const ids = new Set(providersFor(ctx, { ...flow, branchId: undefined }).map((p) => p.branchId));
  return ctx.catalog.branches.filter((b) => ids.has(b.id));
}

async function afterService(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  // Asked only when every branch can be told apart; otherwise the times of all of them are offered.
  if (!flow.branchId && asksBranch(ctx, flow) && branchesFor(ctx, flow).every(branchLabel))
    return askBranch(ctx, flow);
  const providers = providersFor(ctx, flow);
  if (providers.length === 1) return askDate(ctx, { ...flow, staffId: providers[0]!.id });
  // Tor4You may not send staff names: nobody can choose between nameless people, so any of them.
  if (!providers.some((p) => p.name.trim())) return askDate(ctx, { ...flow, staffId: "any" });
  return askStaff(ctx, flow);
}

function askBranch(ctx: StepContext, flow: BookFlow): StepResult {
  const list = branchesFor(ctx, flow).map((b) => ({
    id: flowChoice(flow.token, "br", b.id),
    label: branchLabel(b),
  }));
  return {
    flow: { ...flow, step: "branch", branchId: undefined },
    out: [choices(ctx.t("book-branch"), navChoices(ctx, flow, list))],
  };
}

function askStaff(ctx: StepContext, flow: BookFlow): StepResult {
  const list = [
    { id: flowChoice(flow.token, "stf", "any"), label: ctx.t("book-any-staff") },
    ...providersFor(ctx, flow)
      .filter((p) => p.name.trim())
      .map((p) => ({ id: flowChoice(flow.token, "stf", p.id), label: p.name.trim() })),
  ];
  return {
    flow: { ...flow, step: "staff", staffId: undefined },
    out: [choices(ctx.t("book-staff"), navChoices(ctx, flow, list))],
  };
}

/**
 * The days with free times. Today and tomorrow come as their parts of the day ("tomorrow
 * afternoon"), because that is how people choose a near time; later days as days.
 */
async function askDate(
  ctx: StepContext,
  flow: BookFlow,
  page = 0,
  lead?: string,
  full?: { from: string; days: number; part?: string },
): Promise<StepResult> {
  const zone = ctx.site.timezone;
  const today = inZone(ctx.now, zone).startOf("day");
  let dates = flow.dates;
  if (!dates || page === 0) {
    const r = await ctx.api.availability({
      ...availabilityQuery(flow, ctx.catalog.services),
      from: today,
      to: today.plus({ days: HORIZON_DAYS - 1 }),
      dateOnly: true,
    });
    dates = r.kind === "dates" ? r.dates.map((d) => formatApiDate(d, zone)) : [];
  }
  if (dates.length === 0) {
    // A move: the original staff member is full, so anyone free for the same service.
    if (flow.replaces && flow.staffId && flow.staffId !== "any" && providersFor(ctx, flow).length > 1)
      return askDate(ctx, { ...flow, staffId: "any", dates: undefined }, 0, ctx.t("change-staff-full"));
    const end = deadEnd(ctx, ctx.t("book-no-dates"));
    // No free day at all: waiting for one is the customer's other way (a move waits with its appointment).
    const join = waitlistButton(ctx, {
      ...flow,
      from: formatApiDate(today, zone),
      days: WAITLIST_MAX_DAYS,
      part: flow.want?.part,
      replaces: flow.replaces?.apptId,
    });
    return done(join && end.type === "choices" ? { ...end, choices: [join, ...end.choices] } : end);
  }
  // The day the customer named ("tomorrow", "on Thursday"): straight to its times when it is free.
  const { from, to } = flow.want ?? {};
  let fullDay = full;
  if (page === 0 && from && to) {
    const onWanted = dates.filter((d) => d >= from && d <= to);
    flow = { ...flow, want: { ...flow.want, from: undefined, to: undefined } };
    if (onWanted.length === 1) return askTime(ctx, { ...flow, dates }, onWanted[0]!);
    if (onWanted.length > 1) dates = onWanted;
    else {
      lead ??= ctx.t("book-day-full");
      // The day they wanted is full: they may wait for it.
      const days = parseApiDate(to, zone).diff(parseApiDate(from, zone), "days").days + 1;
      fullDay = { from, days: Math.round(days), part: flow.want?.part };
    }
  }
  const near = [formatApiDate(today, zone), formatApiDate(today.plus({ days: 1 }), zone)].filter((d) =>
    dates.includes(d),
  );
  const list: Choice[] = [];
  // Today and tomorrow are offered by their parts of the day on the first page, later days as days.
  const later = dates.filter((d) => !near.includes(d));
  const join = fullDay && waitlistButton(ctx, { ...flow, ...fullDay, replaces: flow.replaces?.apptId });
  if (join) list.push(join);
  if (page === 0 && near.length) {
    const r = await ctx.api.availability({
      ...availabilityQuery(flow, ctx.catalog.services),
      from: near[0]!,
      to: near.at(-1)!,
      dateOnly: false,
    });
    const times = offeredTimes(ctx, r, flow.staffId === "any");
    for (const d of near) {
      for (const p of partsWithTimes(times.filter((t) => t.from.startsWith(d))))
        list.push({
          id: flowChoice(flow.token, "dp", `${d}${p.part[0]}`),
          label: dayPartLabel(ctx, d, p.part),
        });
    }
  }
  const shown = later.slice(page * DATES_PER_PAGE, (page + 1) * DATES_PER_PAGE);
  for (const d of shown)
    list.push({ id: flowChoice(flow.token, "day", d), label: ctx.day(parseApiDate(d, zone)) });
  if ((page + 1) * DATES_PER_PAGE < later.length)
    list.push({ id: flowChoice(flow.token, "more", page + 1), label: ctx.t("book-more-dates") });
  const next: BookFlow = {
    ...flow,
    step: "date",
    dates,
    datePage: page,
    date: undefined,
    times: undefined,
    time: undefined,
    part: undefined,
  };
  const out = [choices(ctx.t("book-date"), navChoices(ctx, next, list))];
  return { flow: next, out: lead ? [text(lead), ...out] : out };
}

/** "Tomorrow afternoon" / "מחר בצהריים". */
function dayPartLabel(ctx: StepContext, date: string, part: PartOfDay): string {
  const today = formatApiDate(inZone(ctx.now, ctx.site.timezone).startOf("day"), ctx.site.timezone);
  return ctx.t(date === today ? "book-today-part" : "book-tomorrow-part", { part });
}

async function askTime(
  ctx: StepContext,
  flow: BookFlow,
  date: string,
  part?: PartOfDay,
): Promise<StepResult> {
  const r = await ctx.api.availability({
    ...availabilityQuery(flow, ctx.catalog.services),
    from: date,
    to: date,
    dateOnly: false,
  });
  const times = nearWanted(flow, offeredTimes(ctx, r, flow.staffId === "any")).slice(0, MAX_TIMES);
  part ??= wantedPart(flow);
  // The day filled up meanwhile: the dates again, with waiting for this day as one of the answers.
  if (times.length === 0) return askDate(ctx, flow, 0, ctx.t("book-no-times"), { from: date, days: 1, part });
  const next: BookFlow = { ...flow, step: "time", date, times, time: undefined, part: undefined };
  if (part && times.some((t) => partOf(t.from) === part)) return showTimes(ctx, { ...next, part }, 0);
  const parts = partsWithTimes(times);
  if (parts.length > 1 && times.length > PART_THRESHOLD) return askPart(ctx, next);
  return showTimes(ctx, next, 0);
}

/** What the customer said in words ("tomorrow afternoon", "at 16:00"), as the flow keeps it. */
function wanted(ctx: StepContext, slots?: WhenSlots): BookFlow["want"] {
  if (!slots) return undefined;
  const zone = ctx.site.timezone;
  const days = slots.day ? resolveDay(slots.day, inZone(ctx.now, zone)) : null;
  const want = {
    from: days ? formatApiDate(days.from, zone) : undefined,
    to: days ? formatApiDate(days.to, zone) : undefined,
    part: slots.part,
    time: slots.time,
  };
  return Object.values(want).some(Boolean) ? want : undefined;
}

/** The booking flow's parts of the day are three: the afternoon is its "noon" (12:00 to 16:00). */
function wantedPart(flow: BookFlow): PartOfDay | undefined {
  const p = flow.want?.part;
  return p === "afternoon" ? "noon" : p;
}

/** For "at 16:00": the four free times nearest to it; all of them otherwise. */
function nearWanted(flow: BookFlow, times: OfferedTime[]): OfferedTime[] {
  const hhmm = flow.want?.time;
  if (!hhmm || times.length <= 4) return times;
  const minutes = (stamp: string) => Number(stamp.slice(8, 10)) * 60 + Number(stamp.slice(10, 12));
  const wantedMinutes = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const distance = (t: OfferedTime) => Math.abs(minutes(t.from) - wantedMinutes);
  return [...times]
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, 4)
    .sort((a, b) => a.from.localeCompare(b.from));
}

function askPart(ctx: StepContext, flow: BookFlow): StepResult {
  const zone = ctx.site.timezone;
  const list = partsWithTimes(flow.times ?? []).map((p) => ({
    id: flowChoice(flow.token, "pt", p.part),
    label: ctx.t("book-part-range", {
      part: p.part,
      earliest: ctx.time(parseApiMinute(p.first, zone)),
      latest: ctx.time(parseApiMinute(p.last, zone)),
    }),
  }));
  const day = ctx.day(parseApiDate(flow.date!, zone));
  const next: BookFlow = { ...flow, step: "part", part: undefined };
  return { flow: next, out: [choices(ctx.t("book-part", { day }), navChoices(ctx, next, list))] };
}

function showTimes(ctx: StepContext, flow: BookFlow, page: number): StepResult {
  const times = flow.times ?? [];
  const labels = timeLabels(ctx, times);
  const all = times
    .map((t, i) => ({ t, choice: { id: flowChoice(flow.token, "tm", i), label: labels[i]! } }))
    .filter(({ t }) => !flow.part || partOf(t.from) === flow.part)
    .map(({ choice }) => choice);
  const shown = all.slice(page * TIMES_PER_PAGE, (page + 1) * TIMES_PER_PAGE);
  if ((page + 1) * TIMES_PER_PAGE < all.length) {
    shown.push({ id: flowChoice(flow.token, "mtm", page + 1), label: ctx.t("book-more-times") });
  }
  const day = ctx.day(parseApiDate(flow.date!, ctx.site.timezone));
  const next: BookFlow = { ...flow, step: "time", timePage: page };
  return { flow: next, out: [choices(ctx.t("book-time", { day }), navChoices(ctx, next, shown))] };
}

async function afterTime(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  const t = flow.time!;
  if (!flow.replaces && t.slotId && (t.placesLeft ?? 1) > 1 && !flow.participants)
    return askParticipants(ctx, flow);
  return askName(ctx, flow);
}

function askParticipants(ctx: StepContext, flow: BookFlow): StepResult {
  const max = Math.min(flow.time?.placesLeft ?? 1, 8);
  const list = Array.from({ length: max }, (_, i) => ({
    id: flowChoice(flow.token, "ppl", i + 1),
    label: String(i + 1),
  }));
  const next: BookFlow = { ...flow, step: "participants" };
  return { flow: next, out: [choices(ctx.t("book-participants", { max }), navChoices(ctx, next, list))] };
}

/** Name from the customer's existing record, else their own shared contact; asked only when neither has it. */
async function askName(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  if (!flow.first || !flow.last) {
    // Read at the booking's start when the chat was already linked: it had no full name then.
    const known =
      ctx.identity && !flow.recordRead
        ? (await ctx.api.apptbycellortz({ cell: ctx.identity.cell, showPast: true, showFuture: true })).find(
            (a) => a.customer.first && a.customer.last,
          )
        : undefined;
    const first = known?.customer.first ?? ctx.identity?.first;
    const last = known?.customer.last ?? ctx.identity?.last;
    if (first && last) flow = { ...flow, first, last, tz: flow.tz ?? validTz(known?.customer.tz) };
    else return nameQuestion(ctx, flow);
  }
  return askTz(ctx, flow);
}

function nameQuestion(ctx: StepContext, flow: BookFlow): StepResult {
  const next: BookFlow = { ...flow, step: "name" };
  return { flow: next, out: [choices(ctx.t("book-name"), navChoices(ctx, next, []))] };
}

function validTz(tz: string | undefined): string | undefined {
  return tz && isValidIsraeliId(tz) ? normalizeIsraeliId(tz) : undefined;
}

function askTz(ctx: StepContext, flow: BookFlow): StepResult {
  if (ctx.catalog.info.istz === 2 && !flow.tz) {
    const next: BookFlow = { ...flow, step: "tz" };
    return { flow: next, out: [choices(ctx.t("book-tz"), navChoices(ctx, next, []))] };
  }
  return summary(ctx, flow);
}

async function book(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  const t = flow.time!;
  const zone = ctx.site.timezone;
  let added: { apptId: string; conf: string } | null = null;
  let staffId = t.staffId;
  // "Any staff member": the one shown first, else whoever else was free at that time.
  for (const candidate of [t.staffId, ...(t.alts ?? [])]) {
    try {
      staffId = candidate;
      added = await ctx.api.addappt({
        staff: candidate,
        service: flow.serviceId!,
        at: t.slotId && t.vfib ? { slotId: t.slotId, vfib: t.vfib } : { from: t.from, to: t.to },
        customer: { first: flow.first!, last: flow.last!, cell: ctx.identity!.cell, tz: flow.tz },
        participants: flow.participants,
        sendNotice: true,
      });
      break;
    } catch (e) {
      if (e instanceof Tor4YouApiError) continue;
      added = await bookedDespite(ctx, e, {
        from: t.from,
        staffIds: [candidate],
        serviceId: flow.serviceId!,
      });
      if (!added) throw e;
      break;
    }
  }
  if (!added) {
    // Refused because the customer already holds that time: an earlier try (the "try again" after
    // an answer that never came) made it.
    const held = await heldAt(ctx, {
      from: t.from,
      staffIds: [t.staffId, ...(t.alts ?? [])],
      serviceId: flow.serviceId!,
    });
    if (!held) return refused(ctx, flow);
    added = held;
    staffId = held.staffId;
  }
  const when = ctx.when(parseApiMinute(t.from, zone));
  // A provider Tor4You sent without a name reads as "anyone" rather than as an empty gap.
  const staff = ctx.catalog.providers.find((p) => p.id === staffId)?.name.trim() || ctx.t("staff-anyone");
  const branchId = flow.branchId ?? ctx.catalog.providers.find((p) => p.id === staffId)?.branchId;
  const booked = ctx.t("book-done", { service: serviceLabel(ctx, flow.serviceId), staff, when });
  const out = [text(withPlace(ctx, booked, { branchId }))];
  const event = {
    apptId: added.apptId,
    staffId,
    serviceId: flow.serviceId,
    start: parseApiMinute(t.from, zone),
  };
  const entry = {
    id: added.apptId,
    start: event.start,
    end: parseApiMinute(t.to, zone),
    serviceName: serviceLabel(ctx, flow.serviceId),
    staffName: ctx.catalog.providers.find((p) => p.id === staffId)?.name || undefined,
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

/**
 * Tor4You refused the booking. Its refusals all look alike, so the time is looked up again: only
 * if it is gone does the customer hear it was taken. Still free, the refusal was about something
 * else, most likely an ID number the site requires without siteinfo saying so: asked for once,
 * and the booking tried again with it. Refused again, the customer hears that plainly.
 */
async function refused(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  const t = flow.time!;
  const r = await ctx.api.availability({
    ...availabilityQuery(flow, ctx.catalog.services),
    from: flow.date!,
    to: flow.date!,
    dateOnly: false,
  });
  const offered = offeredTimes(ctx, r, flow.staffId === "any");
  const stillFree = offered.some(
    (o) => o.from === t.from && (flow.staffId === "any" || o.staffId === t.staffId),
  );
  if (!stillFree) return nearestTimes(ctx, flow, offered);
  if (!flow.tz && !flow.tzForRetry) {
    const next: BookFlow = { ...flow, step: "tz", tzForRetry: true };
    return { flow: next, out: [choices(ctx.t("book-tz"), navChoices(ctx, next, []))] };
  }
  return done(text(ctx.t("book-refused")));
}

async function nearestTimes(ctx: StepContext, flow: BookFlow, offered: OfferedTime[]): Promise<StepResult> {
  const wanted = flow.time!.from;
  const distance = (t: OfferedTime) => Math.abs(Number(t.from) - Number(wanted));
  const times = offered
    .filter((t) => t.from !== wanted || t.staffId !== flow.time!.staffId)
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, 4)
    .sort((a, b) => a.from.localeCompare(b.from));
  if (times.length === 0) return askDate(ctx, flow, 0, ctx.t("book-taken"));
  const next: BookFlow = { ...flow, step: "time", times, time: undefined, part: undefined };
  const labels = timeLabels(ctx, times);
  const list = times.map((_, i) => ({ id: flowChoice(flow.token, "tm", i), label: labels[i]! }));
  return {
    flow: next,
    out: [text(ctx.t("book-taken")), choices(ctx.t("book-nearest"), navChoices(ctx, next, list))],
  };
}

/** The current question, asked again (after "no, don't stop"). */
export async function bookCurrent(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  switch (flow.step) {
    case "service":
      return askService(ctx, flow);
    case "branch":
      return askBranch(ctx, flow);
    case "staff":
      return askStaff(ctx, flow);
    case "date":
      return askDate(ctx, flow, flow.datePage ?? 0);
    case "part":
      return askPart(ctx, flow);
    case "time":
      return showTimes(ctx, flow, flow.timePage ?? 0);
    case "participants":
      return askParticipants(ctx, flow);
    case "name":
      return nameQuestion(ctx, flow);
    case "tz":
      return askTz(ctx, flow);
    case "confirm":
      return summary(ctx, flow);
  }
}

/** The question before the current one, asked again: "back". */
export async function bookBack(ctx: StepContext, flow: BookFlow): Promise<StepResult> {
  const fromDate = async () => {
    if (flow.replaces) return stopped(ctx, flow);
    if (providersFor(ctx, flow).length > 1) return askStaff(ctx, flow);
    if (flow.branchId && asksBranch(ctx, flow)) return askBranch(ctx, flow);
    if (ctx.catalog.services.length > 1) return askService(ctx, flow);
    return stopped(ctx, flow);
  };
  switch (flow.step) {
    case "service":
      return stopped(ctx, flow);
    case "branch":
      return ctx.catalog.services.length > 1 ? askService(ctx, flow) : stopped(ctx, flow);
    case "staff":
      if (flow.branchId && asksBranch(ctx, flow)) return askBranch(ctx, flow);
      return ctx.catalog.services.length > 1 ? askService(ctx, flow) : stopped(ctx, flow);
    case "date":
      return fromDate();
    case "part":
      return askDate(ctx, flow);
    case "time":
      if (flow.part && partsWithTimes(flow.times ?? []).length > 1)
        return askPart(ctx, { ...flow, part: undefined });
      return askDate(ctx, flow);
    case "participants":
    case "name":
    case "tz":
    case "confirm":
      return flow.times?.length ? showTimes(ctx, { ...flow, time: undefined }, 0) : askDate(ctx, flow);
  }
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
        return { flow, out: [choices(ctx.t("book-name-invalid"), navChoices(ctx, flow, []))] };
      return askTz(ctx, { ...flow, first: parts[0]!, last: parts.slice(1).join(" ") });
    }
    if (flow.step === "tz") {
      if (!isValidIsraeliId(input.text))
        return { flow, out: [choices(ctx.t("book-tz-invalid"), navChoices(ctx, flow, []))] };
      const withTz = { ...flow, tz: normalizeIsraeliId(input.text) };
      // Asked after a refusal: the customer already said yes to this booking.
      return flow.tzForRetry ? book(ctx, withTz) : summary(ctx, withTz);
    }
    return null;
  }
  const { action, arg } = input;
  switch (`${flow.step}:${action}`) {
    case "service:svc":
      if (!ctx.catalog.services.some((s) => s.id === arg)) return null;
      return afterService(ctx, { ...flow, serviceId: arg });
    case "service:again": {
      const [serviceId, staffId] = arg.split("-");
      if (!serviceId || !staffId || !canBook(ctx, serviceId, staffId)) return null;
      const branchId = ctx.catalog.providers.find((p) => p.id === staffId)?.branchId;
      return askDate(ctx, { ...flow, serviceId, staffId, branchId });
    }
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
    case "date:dp": {
      const date = arg.slice(0, 8);
      const part = ["morning", "noon", "evening"].find((p) => p[0] === arg.slice(8));
      if (!flow.dates?.includes(date) || !part || !isPart(part)) return null;
      return askTime(ctx, flow, date, part);
    }
    case "part:pt":
      if (!isPart(arg)) return null;
      return showTimes(ctx, { ...flow, step: "time", part: arg }, 0);
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
    case "confirm:name":
      return nameQuestion(ctx, flow);
    case "confirm:yes":
      return book(ctx, flow);
    case "confirm:no":
      return stopped(ctx, flow);
  }
  return null;
}
