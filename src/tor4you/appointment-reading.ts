import type { DateTime } from "luxon";
import { InvalidInputError } from "../core/errors.ts";
import { inZone } from "../core/zones.ts";
import type { Appointment } from "../domain/appointment.ts";
import { listAppointments } from "./apptlist-range.ts";
import type { Tor4YouClient } from "./client.ts";
import { Tor4YouError, Tor4YouUsageLimitError } from "./errors.ts";

/**
 * What Tor4You says about one appointment, as evidence. A refusal is not evidence: the reference
 * answers every failure alike (`status: 0` and a message), so a bad key, a usage limit, a passing
 * fault and a deleted id cannot be told apart. Only these end an appointment: a cancelled or
 * expired status, a cancel webhook (the caller's), or its absence from a list call that succeeded
 * and covers its day.
 */
export type AppointmentReading =
  | { kind: "found"; appt: Appointment; via: "apptinfo" | "apptlist" }
  | { kind: "gone"; evidence: "absent_from_list" }
  /** `retryAfterMs`: the minute's usage was spent, so asking again before then is pointless. */
  | { kind: "unknown"; reason: string; retryAfterMs?: number };

export type ReadingClient = Pick<Tor4YouClient, "apptinfo" | "apptlist" | "zone">;

/**
 * apptinfo first; when it is refused, fails or answers without a status, the appointment's day is
 * listed (format 2, cancelled included) and the row with its id is the answer. The list asks for
 * `day`..`day + 1`, so the day is covered whether Tor4You's `to` is inclusive or exclusive.
 */
export async function readAppointment(
  client: ReadingClient,
  apptId: string,
  hint: { day?: DateTime } = {},
): Promise<AppointmentReading> {
  let reason: string;
  try {
    const appt = await client.apptinfo({ apptId });
    if (appt.status !== "unknown") return { kind: "found", appt, via: "apptinfo" };
    reason = "status_missing";
  } catch (e) {
    reason = failureReason(e);
    // The list would wait for the same minute: say when it frees instead.
    if (e instanceof Tor4YouUsageLimitError && e.scope === "minute")
      return { kind: "unknown", reason, retryAfterMs: e.retryAfterMs };
  }
  if (!hint.day) return { kind: "unknown", reason };
  try {
    const day = inZone(hint.day, client.zone).startOf("day");
    const rows = await listAppointments(client, {
      from: day,
      to: day.plus({ days: 1 }),
      format: 2,
      showCancelled: true,
    });
    const appt = rows.find((a) => a.id === apptId);
    if (!appt) return { kind: "gone", evidence: "absent_from_list" };
    if (appt.status === "unknown") return { kind: "unknown", reason: "status_missing" };
    return { kind: "found", appt, via: "apptlist" };
  } catch (e) {
    const why = `${reason}+${failureReason(e)}`;
    if (e instanceof Tor4YouUsageLimitError && e.scope === "minute")
      return { kind: "unknown", reason: why, retryAfterMs: e.retryAfterMs };
    return { kind: "unknown", reason: why };
  }
}

/** A Tor4You failure as a short code for logs; our own bugs (bad input, anything else) are thrown. */
export function failureReason(e: unknown): string {
  if (e instanceof InvalidInputError) throw e;
  if (e instanceof Tor4YouError) return e.code;
  throw e;
}
