import { Duration } from "luxon";
import type { Appointment } from "../../domain/appointment.ts";
import { flowChoice, newToken } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "../context.ts";
import type { CancelFlow } from "../state.ts";
import { findOwn, serviceName, shortLabel, upcoming } from "./appointments.ts";
import { businessPhone, deadEnd, navChoices, stopped } from "./navigation.ts";

/** "3 hours" / "שעתיים" / "90 minutes" in the customer's language. */
export function humanDuration(ctx: StepContext, ms: number): string {
  const d = Duration.fromMillis(ms).shiftTo("days", "hours", "minutes");
  const parts = Object.fromEntries(Object.entries(d.toObject()).filter(([, v]) => v));
  return Duration.fromObject(parts).reconfigure({ locale: ctx.locale }).toHuman({ listStyle: "long" });
}

/** Self-service changes stop `cancelCutoffMs` before the start; a declined reminder is exempt. */
export function tooLateToChange(ctx: StepContext, a: Appointment, afterDecline = false): StepResult | null {
  if (afterDecline) return null;
  if (a.start.toMillis() - ctx.now.toMillis() >= ctx.site.cancelCutoffMs) return null;
  const cutoff = humanDuration(ctx, ctx.site.cancelCutoffMs);
  const phone = businessPhone(ctx);
  const reason = phone ? ctx.t("too-late-phone", { cutoff, phone }) : ctx.t("too-late", { cutoff });
  return done(deadEnd(ctx, reason, false));
}

function confirmStep(
  ctx: StepContext,
  a: Appointment,
  token: string,
  afterDecline?: boolean,
  fromList = false,
): StepResult {
  const flow: CancelFlow = { name: "cancel", token, step: "confirm", apptId: a.id, afterDecline, fromList };
  return {
    flow,
    out: [
      choices(
        ctx.t("cancel-confirm", { service: serviceName(ctx, a), when: ctx.when(a.start) }),
        navChoices(
          ctx,
          flow,
          [
            { id: flowChoice(token, "yes"), label: ctx.t("cancel-yes") },
            { id: flowChoice(token, "no"), label: ctx.t("keep-it") },
          ],
          fromList,
        ),
      ),
    ],
  };
}

function pickStep(ctx: StepContext, list: Appointment[], token: string): StepResult {
  const flow: CancelFlow = { name: "cancel", token, step: "pick" };
  const items = list
    .slice(0, 10)
    .map((a) => ({ id: flowChoice(token, "pick", a.id), label: shortLabel(ctx, a) }));
  return { flow, out: [choices(ctx.t("cancel-pick"), navChoices(ctx, flow, items, false))] };
}

/** "Back" from "are you sure?" goes to the list it was picked from; from the list, out. */
export async function cancelBack(ctx: StepContext, flow: CancelFlow): Promise<StepResult> {
  if (flow.step === "confirm" && flow.fromList) {
    const list = await upcoming(ctx);
    if (list.length > 1) return pickStep(ctx, list, flow.token);
  }
  return stopped(ctx, flow);
}

/** The current question again (after "no, don't stop"). */
export async function cancelCurrent(ctx: StepContext, flow: CancelFlow): Promise<StepResult> {
  if (flow.step === "confirm" && flow.apptId) {
    const a = await findOwn(ctx, flow.apptId);
    if (a) return confirmStep(ctx, a, flow.token, flow.afterDecline, flow.fromList);
  }
  const list = await upcoming(ctx);
  if (list.length === 0) return done(text(ctx.t("appts-none")));
  return pickStep(ctx, list, flow.token);
}

/** Start cancelling: one appointment goes straight to "are you sure", several are listed first. */
export async function startCancel(
  ctx: StepContext,
  apptId?: string,
  afterDecline = false,
): Promise<StepResult> {
  const token = newToken();
  if (apptId) {
    const a = await findOwn(ctx, apptId);
    if (!a) return done(text(ctx.t("appt-not-found")));
    const waived = afterDecline || declined(a);
    return tooLateToChange(ctx, a, waived) ?? confirmStep(ctx, a, token, waived);
  }
  const list = await upcoming(ctx);
  if (list.length === 0) return done(text(ctx.t("appts-none")));
  const only = list.length === 1 ? list[0]! : undefined;
  if (only)
    return tooLateToChange(ctx, only, declined(only)) ?? confirmStep(ctx, only, token, declined(only));
  return pickStep(ctx, list, token);
}

/**
 * The customer said they cannot come (iscoming=2): cancelling it is allowed after the cut-off,
 * whether they press the reminder's button or type "cancel" afterwards.
 */
const declined = (a: Appointment) => a.iscoming === 2;

export async function cancelStep(
  flow: CancelFlow,
  input: { action: string; arg: string },
  ctx: StepContext,
): Promise<StepResult | null> {
  if (flow.step === "pick" && input.action === "pick") {
    const a = await findOwn(ctx, input.arg);
    if (!a) return done(text(ctx.t("appt-not-found")));
    return tooLateToChange(ctx, a, declined(a)) ?? confirmStep(ctx, a, flow.token, declined(a), true);
  }
  if (flow.step === "confirm" && flow.apptId) {
    if (input.action === "no") return stopped(ctx, flow);
    if (input.action === "yes") {
      const a = await findOwn(ctx, flow.apptId);
      if (!a?.conf) return done(text(ctx.t("appt-not-found")));
      const late = tooLateToChange(ctx, a, flow.afterDecline);
      if (late) return late;
      await ctx.api.delappt({ apptId: a.id, vfib: a.conf, sendNotice: true });
      await ctx.report({
        kind: "cancelled",
        apptId: a.id,
        staffId: a.staffId,
        serviceId: a.serviceId,
        start: a.start,
      });
      return done(
        text(ctx.t("cancel-done", { when: ctx.when(a.start) })),
        ...(await ctx.calendarFile(a, { cancelled: true })),
      );
    }
  }
  return null;
}
