import type { FluentVariable } from "@fluent/bundle";
import type { DateTime } from "luxon";
import type { StaffEvent } from "../conversation/ports.ts";
import type { OutboundMessage } from "../core/messages.ts";
import type { Appointment } from "../domain/appointment.ts";
import { cellToE164, isCell } from "../domain/phone.ts";

/** How a staff chat's messages are worded: its language, the site's zone. */
export interface StaffFormat {
  t: (id: string, args?: Record<string, FluentVariable>) => string;
  /** Weekday and date, short. */
  day: (dt: DateTime) => string;
  time: (dt: DateTime) => string;
  when: (dt: DateTime) => string;
}

export type AlertEventKind = StaffEvent["kind"];

export const customerName = (a: Appointment) =>
  [a.customer.first?.trim(), a.customer.last?.trim()].filter(Boolean).join(" ");

/**
 * `+9725XXXXXXXX`: Telegram and WhatsApp both turn a number in international form into a link
 * that dials it (Telegram refuses tel: URLs on buttons, so the number itself is the link).
 */
export const callable = (cell?: string) => (cell && isCell(cell) ? cellToE164(cell) : "");

const who = (a: Appointment, withStaff: boolean) => {
  const staff = withStaff && a.staffName?.trim() ? ` (${a.staffName.trim()})` : "";
  const service = a.serviceName?.trim() ? ` · ${a.serviceName.trim()}` : "";
  return `${customerName(a)}${service}${staff}`;
};

/** A customer declined, cancelled, booked, moved or is running late: one short message to staff. */
export function composeStaffAlert(
  f: StaffFormat,
  input: { kind: AlertEventKind; appt: Appointment; previousStart?: DateTime; withStaff: boolean },
): OutboundMessage[] {
  const { appt } = input;
  const args: Record<string, FluentVariable> = {
    who: who(appt, input.withStaff),
    when: f.when(appt.start),
    phone: callable(appt.customer.cell),
  };
  if (input.kind === "moved" && input.previousStart) args.from = f.when(input.previousStart);
  const id = input.kind === "moved" && !input.previousStart ? "alert-booked" : `alert-${input.kind}`;
  return [{ type: "text", text: f.t(id, args).trim() }];
}

/**
 * CONFIRM_DEADLINE: the appointments still without an answer, each with a number to call. One
 * message per staff chat, however many appointments reached their deadline together.
 */
export function composeUnconfirmed(
  f: StaffFormat,
  appts: readonly Appointment[],
  withStaff: boolean,
): OutboundMessage[] {
  if (appts.length === 0) return [];
  const lines = [...appts]
    .sort((a, b) => a.start.toMillis() - b.start.toMillis())
    .map((a) =>
      `${f.day(a.start)} ${f.time(a.start)} ${who(a, withStaff)} ${callable(a.customer.cell)}`.trim(),
    );
  return [{ type: "text", text: [f.t("unconfirmed-title", { count: appts.length }), ...lines].join("\n") }];
}
