import { DateTime } from "luxon";
import { inZone } from "../../core/zones.ts";
import type { Appointment } from "../../domain/appointment.ts";
import { formatApiMinute } from "../../tor4you/dates.ts";
import { apptChoice } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "../context.ts";
import type { PendingReminder } from "../ports.ts";
import { onDay } from "../understanding/resolve-day.ts";
import type { ReminderAnswer, Understanding } from "../understanding/understand.ts";
import { serviceName, shortLabel, staffName, upcoming } from "./appointments.ts";
import { startBook } from "./book.ts";
import { startCancel } from "./cancel.ts";
import { confirmComing, currentOwn, decline, recordDecline, reminderButtons } from "./reminder.ts";

/** The start a reminder was sent for, as buttons pin it: an appointment moved since is stale. */
const stamp = (ctx: StepContext, startMs: number) =>
  Number.isFinite(startMs) ? formatApiMinute(DateTime.fromMillis(startMs), ctx.site.timezone) : undefined;

type Target = { appt: Appointment; pinned?: string } | { result: StepResult };

/**
 * Which pending reminder a typed answer is about: the only one, the one on the day the customer
 * named, else the nearest; for a yes or no when the nearest two are on the same day, a question
 * with buttons (the wrong appointment confirmed or cancelled is worse than one more tap).
 */
async function target(
  ctx: StepContext,
  pending: readonly PendingReminder[],
  reading: ReminderAnswer | null,
  u: Understanding,
): Promise<Target> {
  const mine = await upcoming(ctx);
  const open = pending
    .map((p) => ({ p, appt: mine.find((a) => a.id === p.apptId) }))
    .filter((x): x is { p: PendingReminder; appt: Appointment } => Boolean(x.appt))
    .sort((a, b) => a.appt.start.toMillis() - b.appt.start.toMillis());
  const pin = (p: PendingReminder) => stamp(ctx, p.startMs);
  if (open.length === 0) {
    // Gone from the customer's list: say why (cancelled, moved, started) rather than act.
    const r = await currentOwn(ctx, pending[0]!.apptId, pin(pending[0]!));
    return "stale" in r ? { result: r.stale } : { appt: r.appt, pinned: pin(pending[0]!) };
  }
  let chosen = open;
  if (open.length > 1 && u.slots.day) {
    const day = u.slots.day;
    const named = open.filter((x) => onDay(day, inZone(x.appt.start, ctx.site.timezone), ctx.now));
    if (named.length > 0) chosen = named;
  }
  const [first, second] = chosen;
  const sameDay =
    second &&
    inZone(first!.appt.start, ctx.site.timezone).hasSame(inZone(second.appt.start, ctx.site.timezone), "day");
  if (sameDay && (reading === "yes" || reading === "no")) {
    const verb = reading === "yes" ? "c" : "d";
    return {
      result: done(
        choices(
          ctx.t("answer-which"),
          chosen.map((x) => ({ id: apptChoice(verb, x.appt.id, pin(x.p)), label: shortLabel(ctx, x.appt) })),
        ),
      ),
    };
  }
  return { appt: first!.appt, pinned: pin(first!.p) };
}

/** A typed answer to a pending reminder: yes, no (or cancel / move), unsure, late, a question. */
export async function answerReminder(
  ctx: StepContext,
  pending: readonly PendingReminder[],
  reading: ReminderAnswer,
  u: Understanding,
): Promise<StepResult> {
  const t = await target(ctx, pending, reading, u);
  if ("result" in t) return t.result;
  const { appt: a, pinned } = t;
  const when = ctx.when(a.start);
  switch (reading) {
    case "yes":
      return confirmComing(ctx, a.id, pinned);
    case "no": {
      if (u.action === "cancel") {
        await recordDecline(ctx, a);
        return startCancel(ctx, a.id, true);
      }
      if (u.action === "change") {
        await recordDecline(ctx, a);
        return startBook(ctx, a);
      }
      return decline(ctx, a.id, pinned);
    }
    case "unsure":
      return done(choices(ctx.t("answer-unsure", { when }), reminderButtons(ctx, a)));
    case "late":
      await ctx.report({
        kind: "late",
        apptId: a.id,
        staffId: a.staffId,
        serviceId: a.serviceId,
        start: a.start,
      });
      return done(text(ctx.t("answer-late", { when })));
    case "question":
      return done(
        choices(
          ctx.t("answer-question", { service: serviceName(ctx, a), staff: staffName(ctx, a), when }),
          reminderButtons(ctx, a),
        ),
      );
  }
}

/** Something we could not read while a reminder waits: ask again about the nearest, with buttons. */
export async function askAboutReminder(
  ctx: StepContext,
  pending: readonly PendingReminder[],
): Promise<StepResult> {
  const t = await target(ctx, pending, null, {
    intent: null,
    answer: null,
    confidence: 0,
    slots: {},
    script: null,
  });
  if ("result" in t) return t.result;
  return done(
    choices(ctx.t("answer-unclear", { when: ctx.when(t.appt.start) }), reminderButtons(ctx, t.appt)),
  );
}
