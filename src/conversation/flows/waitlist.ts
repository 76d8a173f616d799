import type { Choice } from "../../core/messages.ts";
import { inZone } from "../../core/zones.ts";
import { weekKey } from "../../domain/week.ts";
import { formatApiDate, formatApiMinute, parseApiDate, parseApiMinute } from "../../tor4you/dates.ts";
import { Tor4YouApiError } from "../../tor4you/errors.ts";
import { menuChoice } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "../context.ts";
import type { FreedTime, WaitlistEntry, WaitPart } from "../waitlist-port.ts";
import { finishChange } from "./change.ts";
import { bookedDespite } from "./lost-booking.ts";

/** A waitlist wish covers at most this many days. */
export const WAITLIST_MAX_DAYS = 14;
const PARTS: Record<string, WaitPart> = { a: "any", m: "morning", n: "noon", e: "evening" };
const PART_CODE: Record<WaitPart, string> = { any: "a", morning: "m", noon: "n", evening: "e" };

/** The part of the day a local `YYYYMMDDhhmm` falls in (the booking flow's own split). */
export function partOfMinute(stamp: string): Exclude<WaitPart, "any"> {
  const hour = Number(stamp.slice(8, 10));
  return hour < 12 ? "morning" : hour < 16 ? "noon" : "evening";
}

/** Does a freed time suit a waiting customer: service, staff, day and part of the day. */
export function matches(entry: WaitlistEntry, freed: FreedTime): boolean {
  const day = freed.from.slice(0, 8);
  return (
    (!freed.serviceId || freed.serviceId === entry.serviceId) &&
    (entry.staffId === "any" || entry.staffId === freed.staffId) &&
    day >= entry.from &&
    day <= entry.to &&
    (entry.part === "any" || entry.part === partOfMinute(freed.from))
  );
}

/**
 * "Tell me if something frees up": a button carrying the whole wish (Telegram allows 64 bytes),
 * so it works after the booking question it came with is gone. Null where the site has the
 * waitlist off.
 */
export function waitlistButton(
  ctx: StepContext,
  wish: {
    serviceId?: string;
    staffId?: string;
    from: string;
    days: number;
    part?: string;
    replaces?: string;
  },
): Choice | null {
  if (!ctx.waitlist || ctx.site.waitlist === false || !wish.serviceId) return null;
  const part = PART_CODE[(wish.part === "afternoon" ? "noon" : wish.part) as WaitPart] ?? "a";
  const days = Math.max(1, Math.min(WAITLIST_MAX_DAYS, wish.days));
  const move = wish.replaces ? `.${wish.replaces}` : "";
  return {
    id: `w.j.${wish.serviceId}.${wish.staffId || "any"}.${wish.from}.${days}.${part}${move}`,
    label: ctx.t("waitlist-join-button"),
  };
}

/** The customer's own live appointment, read from Tor4You by their proven cell (never from a button alone). */
async function ownAppointment(ctx: StepContext, apptId: string) {
  const mine = await ctx.api.apptbycellortz({ cell: ctx.identity!.cell, showPast: false, showFuture: true });
  return mine.find((a) => a.id === apptId && a.status === "live" && a.conf) ?? null;
}

const today = (ctx: StepContext) => formatApiDate(inZone(ctx.now, ctx.site.timezone), ctx.site.timezone);
const serviceName = (ctx: StepContext, id?: string) =>
  ctx.catalog.services.find((s) => s.id === id)?.name.trim() ?? "";
const staffName = (ctx: StepContext, id: string) =>
  ctx.catalog.providers.find((p) => p.id === id)?.name.trim() || ctx.t("staff-anyone");

function describe(
  ctx: StepContext,
  e: Pick<WaitlistEntry, "serviceId" | "staffId" | "from" | "to" | "part">,
) {
  const zone = ctx.site.timezone;
  const first = ctx.day(parseApiDate(e.from, zone));
  const days = e.from === e.to ? first : `${first} – ${ctx.day(parseApiDate(e.to, zone))}`;
  return ctx.t("waitlist-wish", {
    service: serviceName(ctx, e.serviceId),
    staff: e.staffId === "any" ? ctx.t("staff-anyone") : staffName(ctx, e.staffId),
    days,
    part: e.part,
  });
}

/** The wish in words, and for a move the time of the appointment it would replace. */
const wishArgs = (ctx: StepContext, e: WaitlistEntry) => ({
  wish: describe(ctx, e),
  old: e.replaces ? ctx.when(parseApiMinute(e.replaces.start, ctx.site.timezone)) : "",
});

/** The tapped "tell me": checked (a button can be forged), then kept in join order. */
export async function joinWaitlist(ctx: StepContext, args: string[]): Promise<StepResult> {
  const [serviceId, staffId, from, daysText, partCode, replacesId] = args;
  const days = Number(daysText);
  const part = PARTS[partCode ?? ""];
  const valid =
    ctx.waitlist &&
    ctx.site.waitlist !== false &&
    ctx.identity &&
    ctx.catalog.services.some((s) => s.id === serviceId) &&
    (staffId === "any" || ctx.catalog.providers.some((p) => p.id === staffId)) &&
    /^\d{8}$/.test(from ?? "") &&
    Number.isInteger(days) &&
    days >= 1 &&
    days <= WAITLIST_MAX_DAYS &&
    part &&
    (replacesId === undefined || /^\d+$/.test(replacesId));
  if (!valid) return done(text(ctx.t("waitlist-unavailable")));
  // A move waits with the appointment it would replace: it must be the customer's own and still booked.
  const old = replacesId ? await ownAppointment(ctx, replacesId) : null;
  if (replacesId && !old) return done(text(ctx.t("waitlist-unavailable")));
  const zone = ctx.site.timezone;
  const start = parseApiDate(from!, zone);
  const first = from! < today(ctx) ? today(ctx) : from!;
  const to = formatApiDate(start.plus({ days: days - 1 }), zone);
  if (to < first) return done(text(ctx.t("waitlist-unavailable")));
  const entry = await ctx.waitlist!.join({
    address: ctx.address,
    serviceId: serviceId!,
    staffId: staffId!,
    from: first,
    to,
    part: part!,
    joinedAt: ctx.now.toMillis(),
    ...(old ? { replaces: { apptId: old.id, start: formatApiMinute(old.start, zone) } } : {}),
  });
  return done(text(ctx.t(entry.replaces ? "waitlist-joined-move" : "waitlist-joined", wishArgs(ctx, entry))));
}

/** "My appointments" also lists what the customer waits for, each with a way off the list. */
export async function waitlistCards(ctx: StepContext) {
  if (!ctx.waitlist) return [];
  const mine = await ctx.waitlist.ofChat(ctx.address, today(ctx));
  return mine.map((e) =>
    choices(ctx.t(e.replaces ? "waitlist-card-move" : "waitlist-card", wishArgs(ctx, e)), [
      { id: `w.x.${e.id}`, label: ctx.t("waitlist-leave") },
    ]),
  );
}

export async function leaveWaitlist(ctx: StepContext, entryId: string): Promise<StepResult> {
  const e = ctx.waitlist ? await ctx.waitlist.get(ctx.address.site, entryId) : null;
  if (!e || e.address.chatId !== ctx.address.chatId || e.address.channel !== ctx.address.channel)
    return done(text(ctx.t("waitlist-gone")));
  await ctx.waitlist!.remove(ctx.address.site, e.id);
  return done(text(ctx.t("waitlist-left", { wish: describe(ctx, e) })));
}

/** The offer of a freed time, in the chat's language. */
export function waitlistOffer(ctx: StepContext, freed: FreedTime, entry: WaitlistEntry): StepResult {
  const when = ctx.when(parseApiMinute(freed.from, ctx.site.timezone));
  const move = Boolean(entry.replaces);
  return done(
    choices(
      ctx.t(move ? "waitlist-offer-move" : "waitlist-offer", {
        service: serviceName(ctx, freed.serviceId ?? entry.serviceId),
        staff: staffName(ctx, freed.staffId),
        when,
        old: wishArgs(ctx, entry).old,
      }),
      [
        { id: `w.b.${freed.id}.${entry.id}`, label: ctx.t(move ? "waitlist-move-it" : "waitlist-book-it") },
        { id: `w.n.${freed.id}.${entry.id}`, label: ctx.t("waitlist-not-this") },
      ],
    ),
  );
}

/**
 * "Book it": the first tap wins. The claim is atomic in Redis, so one freed time makes one
 * `addappt` however many customers tap at once on however many workers; availability is read
 * again before booking. The others hear it was taken and stay on the list.
 */
export async function bookFromWaitlist(
  ctx: StepContext,
  freedId: string,
  entryId: string,
): Promise<StepResult> {
  const site = ctx.address.site;
  const wl = ctx.waitlist;
  const entry = wl ? await wl.get(site, entryId) : null;
  const freed = wl ? await wl.freed(site, freedId) : null;
  const mine =
    entry && entry.address.chatId === ctx.address.chatId && entry.address.channel === ctx.address.channel;
  if (!wl || !entry || !freed || !mine || !ctx.identity || !(await wl.wasOffered(site, freedId, entryId)))
    return done(text(ctx.t("waitlist-gone")));
  if (freed.startMs <= ctx.now.toMillis()) return done(text(ctx.t("waitlist-too-late")));
  const taken = () => done(text(ctx.t("waitlist-taken")));
  // A move needs the appointment it replaces, checked before the claim so a gone one costs nobody the time.
  const old = entry.replaces ? await ownAppointment(ctx, entry.replaces.apptId) : null;
  if (entry.replaces && !old) {
    await wl.remove(site, entry.id);
    return done(text(ctx.t("waitlist-move-gone", wishArgs(ctx, entry))));
  }
  if (!(await wl.claim(site, freedId, entryId))) return taken();

  const zone = ctx.site.timezone;
  const day = freed.from.slice(0, 8);
  const serviceId = freed.serviceId ?? entry.serviceId;
  const r = await ctx.api.availability({
    service: serviceId,
    serviceMinutes: ctx.catalog.services.find((s) => s.id === serviceId)?.durationMinutes,
    staff: freed.staffId,
    from: day,
    to: day,
    dateOnly: false,
  });
  const slot =
    r.kind === "slots" ? r.slots.find((s) => formatApiMinute(s.start, zone) === freed.from) : undefined;
  const open =
    slot ??
    (r.kind === "openhours"
      ? r.openHours.find((h) => formatApiMinute(h.start, zone) === freed.from)
      : undefined);
  if (!open) return taken();
  const known = (
    await ctx.api.apptbycellortz({ cell: ctx.identity.cell, showPast: true, showFuture: true })
  ).find((a) => a.customer.first && a.customer.last);
  const first = known?.customer.first ?? ctx.identity.first;
  const last = known?.customer.last ?? ctx.identity.last;
  if (!first || !last)
    return done(
      choices(ctx.t("waitlist-need-name"), [{ id: menuChoice("book"), label: ctx.t("menu-book") }]),
    );
  let added: { apptId: string; conf: string } | null;
  try {
    added = await ctx.api.addappt({
      staff: freed.staffId,
      service: serviceId,
      at:
        slot?.id && slot.vfib
          ? { slotId: slot.id, vfib: slot.vfib }
          : { from: freed.from, to: formatApiMinute(open.end, zone) },
      customer: { first, last, cell: ctx.identity.cell, tz: known?.customer.tz },
      sendNotice: true,
    });
  } catch (e) {
    if (e instanceof Tor4YouApiError) return taken();
    added = await bookedDespite(ctx, e, { from: freed.from, staffIds: [freed.staffId], serviceId });
    if (!added) throw e;
  }
  const start = parseApiMinute(freed.from, zone);
  const event = { apptId: added.apptId, staffId: freed.staffId, serviceId, start };
  const calendarEntry = {
    id: added.apptId,
    start,
    end: parseApiMinute(formatApiMinute(open.end, zone), zone),
    serviceName: serviceName(ctx, serviceId),
    staffName: staffName(ctx, freed.staffId),
  };
  const booked = text(
    ctx.t("book-done", {
      service: serviceName(ctx, serviceId),
      staff: staffName(ctx, freed.staffId),
      when: ctx.when(start),
    }),
  );
  if (old?.conf) {
    const change = await finishChange(ctx, { apptId: old.id, conf: old.conf }, added);
    // Rolled back: the old appointment stands and the customer keeps waiting; nothing was filled.
    if (change.rolledBack) return done(...change.out);
    await filled(ctx, entry, start);
    if (!change.moved) {
      await ctx.report({ kind: "booked", ...event });
      return done(booked, ...change.out, ...(await ctx.calendarFile(calendarEntry)));
    }
    await ctx.report({ kind: "moved", ...event, previousStart: change.previousStart });
    return done(booked, ...change.out, ...(await ctx.calendarFile(calendarEntry, { replaces: old.id })));
  }
  await filled(ctx, entry, start);
  await ctx.report({ kind: "booked", ...event });
  return done(booked, ...(await ctx.calendarFile(calendarEntry)));
}

/** A booked entry leaves the list, and the owner's statistics count it in the week of its time. */
async function filled(ctx: StepContext, entry: WaitlistEntry, start: ReturnType<typeof parseApiMinute>) {
  await ctx.waitlist!.remove(ctx.address.site, entry.id);
  // The Israeli week (from Sunday), the same key the statistics read.
  await ctx.waitlist!.countFilled(ctx.address.site, weekKey(inZone(start, ctx.site.timezone)));
}

/** "Not this one": the customer stays on the list for the next freed time. */
export function declineOffer(ctx: StepContext): StepResult {
  return done(text(ctx.t("waitlist-declined")));
}
