import type { DateTime } from "luxon";
import type { Appointment } from "../../domain/appointment.ts";
import { formatApiMinute } from "../../tor4you/dates.ts";
import { apptChoice, menuChoice, newToken } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "../context.ts";
import { serviceName, staffName, withPlace } from "./appointments.ts";
import { startCancel } from "./cancel.ts";

const startStamp = (ctx: StepContext, a: Appointment) => formatApiMinute(a.start, ctx.site.timezone);

/**
 * Coming / can't come / change time, pinned to the appointment's start. Inside the cancel cut-off
 * "change time" could only answer "too late", so it is not offered ("can't come" still is: the
 * business wants to know, and cancelling after declining is allowed).
 */
export function reminderButtons(ctx: StepContext, a: Appointment) {
  const start = startStamp(ctx, a);
  return [
    { id: apptChoice("c", a.id, start), label: ctx.t("reminder-coming") },
    { id: apptChoice("d", a.id, start), label: ctx.t("reminder-not-coming") },
    ...(changeable(ctx, a) ? [{ id: apptChoice("m", a.id, start), label: ctx.t("reminder-change") }] : []),
  ];
}

/** Still before the self-service cut-off: the customer may move it themselves. */
const changeable = (ctx: StepContext, a: Appointment) =>
  a.start.toMillis() - ctx.now.toMillis() >= ctx.site.cancelCutoffMs;

/** The reminder itself: who, what, when, and three answers. Its state lets "yes"/"no"/"1"/"2" answer it. */
export function reminderMessage(ctx: StepContext, a: Appointment): StepResult {
  return {
    flow: { name: "reminder", token: newToken(), apptId: a.id },
    out: [
      choices(
        withPlace(
          ctx,
          ctx.t("reminder-text", {
            business: ctx.site.name,
            service: serviceName(ctx, a),
            staff: staffName(ctx, a),
            when: ctx.when(a.start),
          }),
          a,
        ),
        reminderButtons(ctx, a),
      ),
    ],
  };
}

/**
 * The customer's own appointment as it is now, or the reason a button about it is stale:
 * cancelled, moved since the button was made, or already started.
 */
export async function currentOwn(
  ctx: StepContext,
  apptId: string,
  start?: string,
): Promise<{ appt: Appointment } | { stale: StepResult }> {
  const mine = ctx.identity
    ? (await ctx.api.apptbycellortz({ cell: ctx.identity.cell, showFuture: true, showCancelled: true })).find(
        (a) => a.id === apptId && !a.isLozamin,
      )
    : undefined;
  if (!mine) return { stale: done(text(ctx.t("appt-not-found"))) };
  if (mine.status !== "live") return { stale: done(text(ctx.t("stale-cancelled"))) };
  if (mine.start <= ctx.now) return { stale: done(text(ctx.t("stale-past"))) };
  if (start && startStamp(ctx, mine) !== start) {
    return { stale: done(text(ctx.t("stale-moved", { when: ctx.when(mine.start) }))) };
  }
  return { appt: mine };
}

export async function confirmComing(ctx: StepContext, apptId: string, start?: string): Promise<StepResult> {
  const r = await currentOwn(ctx, apptId, start);
  if ("stale" in r) return r.stale;
  const a = r.appt;
  if (a.iscoming !== 1 && a.conf) await ctx.api.iscoming({ apptId: a.id, vfib: a.conf, iscoming: 1 });
  return done(text(ctx.t("appt-confirmed", { when: ctx.when(a.start) })));
}

/** "Can't come": recorded once, then cancel (no cut-off: they told us), another time, or keep it. */
export async function decline(ctx: StepContext, apptId: string, start?: string): Promise<StepResult> {
  const r = await currentOwn(ctx, apptId, start);
  if ("stale" in r) return r.stale;
  const a = r.appt;
  await recordDecline(ctx, a);
  return done(
    choices(ctx.t("declined-ask", { when: ctx.when(a.start) }), [
      { id: apptChoice("x", a.id), label: ctx.t("declined-cancel") },
      ...(changeable(ctx, a) ? [{ id: apptChoice("m", a.id), label: ctx.t("reminder-change") }] : []),
      { id: menuChoice("keep"), label: ctx.t("keep-it") },
    ]),
  );
}

/** iscoming=2 in Tor4You, once, and staff told. */
export async function recordDecline(ctx: StepContext, a: Appointment): Promise<void> {
  if (a.iscoming === 2 || !a.conf) return;
  await ctx.api.iscoming({ apptId: a.id, vfib: a.conf, iscoming: 2 });
  await ctx.report({
    kind: "declined",
    apptId: a.id,
    staffId: a.staffId,
    serviceId: a.serviceId,
    start: a.start,
  });
}

/** Cancel from an appointment's button; the cut-off is waived when the customer declined it. */
export async function cancelOwn(ctx: StepContext, apptId: string): Promise<StepResult> {
  const r = await currentOwn(ctx, apptId);
  if ("stale" in r) return r.stale;
  return startCancel(ctx, apptId, r.appt.iscoming === 2);
}

/**
 * The business moved or cancelled the appointment: tell the customer. A move shows the time it
 * was and the time it is now; a cancel offers to book again.
 */
export function changeNotice(
  ctx: StepContext,
  a: Appointment,
  kind: "moved" | "cancelled",
  previousStart?: DateTime,
): StepResult {
  const args = {
    business: ctx.site.name,
    service: serviceName(ctx, a),
    staff: staffName(ctx, a),
    when: ctx.when(a.start),
    was: previousStart ? ctx.when(previousStart) : "",
  };
  if (kind === "cancelled")
    return done(
      choices(ctx.t("notice-cancelled", args), [
        { id: menuChoice("book"), label: ctx.t("notice-book-again") },
        { id: menuChoice("menu"), label: ctx.t("back-to-menu"), nav: true },
      ]),
    );
  return {
    flow: { name: "reminder", token: newToken(), apptId: a.id },
    out: [
      choices(
        withPlace(ctx, ctx.t(previousStart ? "notice-moved-from" : "notice-moved", args), a),
        reminderButtons(ctx, a),
      ),
    ],
  };
}
