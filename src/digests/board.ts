import type { DateTime } from "luxon";
import type { Appointment } from "../domain/appointment.ts";
import type { PlanAdjustReason, PlanSkipReason } from "../reminders/policy.ts";
import type { SkipReason } from "../reminders/remind.ts";

/**
 * Every reason the product logs for a reminder it did not send: the send-time checks
 * (`SkipReason`), the planner's (`PlanSkipReason`) and the outbound queues' (a send that may
 * have happened, a customer who blocked the bot). The record is typed, so a new reason in
 * either type does not compile until the owner's page can say it in words.
 */
const REASON_MESSAGES = {
  not_found: "admin-reason-not-found",
  cancelled: "admin-reason-cancelled",
  not_live: "admin-reason-not-live",
  moved: "admin-reason-moved",
  started: "admin-reason-started",
  past: "admin-reason-past",
  answered: "admin-reason-answered",
  temporary: "admin-reason-temporary",
  lozamin: "admin-reason-lozamin",
  no_cell: "admin-reason-no-cell",
  opted_out: "admin-reason-opted-out",
  no_channel: "admin-reason-no-channel",
  unreachable: "admin-reason-unreachable",
  window_passed: "admin-reason-window-passed",
  quiet_unavoidable: "admin-reason-quiet-unavoidable",
  duplicate: "admin-reason-duplicate",
  invalid_offset: "admin-reason-invalid-offset",
  uncertain: "admin-reason-uncertain",
  send_failed: "admin-reason-send-failed",
  unverified: "admin-reason-unverified",
} as const satisfies Record<
  SkipReason | PlanSkipReason | "uncertain" | "unreachable" | "duplicate" | "send_failed",
  string
>;

export const KNOWN_REASONS = Object.keys(REASON_MESSAGES) as Array<keyof typeof REASON_MESSAGES>;

/** The message id that says a reason in words with what to do; an unknown one gets a general message, never its code. */
export function reasonMessage(reason: string): string {
  return (REASON_MESSAGES as Record<string, string>)[reason] ?? "admin-reason-other";
}

export type ReminderState =
  | { kind: "confirmed" }
  | { kind: "declined" }
  /** A reminder went out; another one is still to come. */
  | { kind: "sent"; next: DateTime }
  /** Reminders went out and nothing more will: time to call. */
  | { kind: "no-answer" }
  /** None went out yet; the next is planned. */
  | { kind: "scheduled"; at: DateTime; adjusted?: PlanAdjustReason }
  | { kind: "not-sent"; reason: string };

export interface BoardRow {
  apptId: string;
  start: DateTime;
  /** The customer's first name only: the board is a glance, not a customer file. */
  firstName: string;
  service: string;
  staff: string;
  state: ReminderState;
  /** Set only on "no answer" rows of appointments still ahead: the one place the page shows a phone. */
  callCell?: string;
  /** False when no chat is linked and no channel can reach the customer by number. */
  reachable: boolean;
  attendance: 0 | 1 | 2;
}

/** What the bot knows about one appointment's reminders. */
export interface ReminderFacts {
  /** Offsets (minutes) whose reminder went out (or may have: a send cut by a crash). */
  sentOffsets: number[];
  /** Reminders still planned, soonest first. */
  planned: Array<{ offsetMin: number; dueAt: DateTime; adjusted?: PlanAdjustReason }>;
  /** Reasons the planner gives now for offsets it will not send. */
  planSkips: string[];
  /** The latest logged decision not to send, if any. */
  lastDecision?: string;
  reachable: boolean;
}

/**
 * One board row from an appointment and what the bot knows of its reminders. An answer in
 * Tor4You wins (whoever recorded it); then what was sent; then what is planned; else why not.
 */
export function boardRow(a: Appointment, facts: ReminderFacts, now: DateTime): BoardRow {
  const state = reminderState(a, facts);
  return {
    apptId: a.id,
    start: a.start,
    firstName: a.customer.first?.trim() ?? "",
    service: a.serviceName?.trim() ?? "",
    staff: a.staffName?.trim() ?? "",
    state,
    callCell: state.kind === "no-answer" && a.start > now ? a.customer.cell : undefined,
    reachable: facts.reachable,
    attendance: a.showstatus,
  };
}

function reminderState(a: Appointment, facts: ReminderFacts): ReminderState {
  if (a.iscoming === 1) return { kind: "confirmed" };
  if (a.iscoming === 2) return { kind: "declined" };
  if (facts.sentOffsets.length > 0) {
    // The policy, asked now, plans a "late booking" reminder when every other one's time has
    // passed; for an appointment whose reminders already went out that is not a reminder to come.
    const next = facts.planned.find(
      (p) => p.adjusted !== "late_booking" && !facts.sentOffsets.includes(p.offsetMin),
    );
    return next ? { kind: "sent", next: next.dueAt } : { kind: "no-answer" };
  }
  const next = facts.planned[0];
  if (a.tmpExpire) return { kind: "not-sent", reason: "temporary" };
  if (next) return { kind: "scheduled", at: next.dueAt, adjusted: next.adjusted };
  return { kind: "not-sent", reason: facts.lastDecision ?? facts.planSkips[0] ?? "other" };
}

export interface BoardDay {
  /** Midnight of the day, in the site's zone. */
  day: DateTime;
  rows: BoardRow[];
}

/** One business's board: today and tomorrow (or, when tomorrow has none, the next day that has), times in `zone`. */
export interface BoardData {
  zone: string;
  today: BoardDay;
  next: BoardDay & { isTomorrow: boolean };
  updatedAt: DateTime;
}

/** The appointments a board shows: customers' live ones, by start. */
export function boardAppointments(list: readonly Appointment[]): Appointment[] {
  return list
    .filter((a) => a.status === "live" && !a.isLozamin)
    .sort((x, y) => x.start.toMillis() - y.start.toMillis());
}
