import type { Appointment } from "../../domain/appointment.ts";
import { apptChoice, menuChoice } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "../context.ts";
import { businessPhone } from "./navigation.ts";

/**
 * The verified phone's live, future appointments, soonest first. Only ever called with the
 * chat's own proven cell: this is the privacy boundary of every customer flow.
 */
export async function upcoming(ctx: StepContext): Promise<Appointment[]> {
  if (!ctx.identity) return [];
  const list = await ctx.api.apptbycellortz({ cell: ctx.identity.cell, showFuture: true });
  return list
    .filter((a) => a.status === "live" && !a.isLozamin && a.start > ctx.now)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/** One of the customer's own upcoming appointments, or null: ids from buttons are never trusted alone. */
export async function findOwn(ctx: StepContext, apptId: string): Promise<Appointment | null> {
  return (await upcoming(ctx)).find((a) => a.id === apptId) ?? null;
}

export function staffName(ctx: StepContext, a: Pick<Appointment, "staffName">): string {
  return a.staffName?.trim() || ctx.t("staff-anyone");
}

export function serviceName(ctx: StepContext, a: Pick<Appointment, "serviceName" | "serviceId">): string {
  return a.serviceName?.trim() || ctx.catalog.services.find((s) => s.id === a.serviceId)?.name || "";
}

export function card(ctx: StepContext, a: Appointment): string {
  const args = { when: ctx.when(a.start), service: serviceName(ctx, a), staff: staffName(ctx, a) };
  const body = a.branchName?.trim()
    ? ctx.t("appt-card-branch", { ...args, branch: a.branchName.trim() })
    : ctx.t("appt-card", args);
  if (a.iscoming === 1) return `${body}\n${ctx.t("appt-confirmed-mark")}`;
  if (a.iscoming === 2) return `${body}\n${ctx.t("appt-declined-mark")}`;
  return body;
}

/**
 * Where and whom to call, under a reminder or a confirmation: the branch and its address with a
 * map link (when Tor4You has an address), and the business's phone in tap-to-call form.
 */
export function placeLines(ctx: StepContext, a: { branchId?: string; branchName?: string }): string[] {
  const branch = ctx.catalog.branches.find((b) => b.id === a.branchId);
  const name = (branch?.name ?? a.branchName ?? "").trim();
  const address = (
    branch?.address ?? (ctx.catalog.branches.length <= 1 ? ctx.catalog.info.address : "")
  )?.trim();
  const lines: string[] = [];
  const place = [name, address].filter(Boolean).join(", ");
  if (place) lines.push(ctx.t("appt-place", { place }));
  if (address) lines.push(`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`);
  const phone = businessPhone(ctx);
  if (phone) lines.push(ctx.t("appt-phone", { phone }));
  return lines;
}

/** The message and, on lines of their own, the place and the phone. */
export const withPlace = (ctx: StepContext, body: string, a: { branchId?: string; branchName?: string }) =>
  [body, ...placeLines(ctx, a)].join("\n");

/** A short label for an appointment on a button: "Tue 24.11 14:30 Haircut". */
export function shortLabel(ctx: StepContext, a: Appointment): string {
  return `${ctx.day(a.start)} ${ctx.time(a.start)} ${serviceName(ctx, a)}`.trim();
}

export async function listAppointments(ctx: StepContext): Promise<StepResult> {
  const list = await upcoming(ctx);
  if (list.length === 0) {
    return done(choices(ctx.t("appts-none"), [{ id: menuChoice("book"), label: ctx.t("menu-book") }]));
  }
  const out = [text(ctx.t("appts-header"))];
  for (const a of list.slice(0, 10)) {
    const actions = [];
    if (a.iscoming !== 1) actions.push({ id: apptChoice("c", a.id), label: ctx.t("appt-confirm") });
    actions.push({ id: apptChoice("m", a.id), label: ctx.t("appt-change") });
    actions.push({ id: apptChoice("x", a.id), label: ctx.t("appt-cancel") });
    out.push(choices(card(ctx, a), actions));
  }
  return done(...out);
}
