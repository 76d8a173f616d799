import type { DateTime } from "luxon";
import type { ChannelKind, ChatAddress, OutboundMessage } from "../core/messages.ts";
import type { Appointment } from "../domain/appointment.ts";
import type { AppointmentReading } from "../tor4you/appointment-reading.ts";

/** Why a due reminder was not sent. Each is logged and counted; none is an error. */
export type SkipReason =
  | "not_found"
  | "cancelled"
  | "moved"
  | "started"
  | "answered"
  | "temporary"
  | "lozamin"
  | "no_cell"
  | "opted_out"
  | "no_channel"
  /** Tor4You could not be asked (refusals, faults) until the reminder stopped being useful. */
  | "unverified";

/** Counts (and keeps, for the admin page) a decision not to remind; ids only, never a phone. */
export type SkipCounter = (
  site: string,
  reason: string,
  detail?: { apptId?: string; offsetMin?: number },
) => void;

export interface DueReminder {
  site: string;
  apptId: string;
  offsetMin: number;
  /** The start the reminder was planned for (ISO). */
  plannedStart: string;
}

export interface LinkedChat {
  address: ChatAddress;
  remindersOff: boolean;
  unreachable: boolean;
}

export interface RemindDeps {
  /** Fresh from Tor4You, as evidence: found, gone (proven), or unknown (refused, unreachable). */
  appointment: (due: DueReminder) => Promise<AppointmentReading>;
  /** The phone said "stop" on this site (from any chat, on any channel). */
  optedOut: (site: string, cell: string) => Promise<boolean>;
  /** The chats proven to belong to this cell on this site. */
  chatsFor: (site: string, cell: string) => Promise<LinkedChat[]>;
  /** The site's channel order (e.g. whatsapp, telegram), only those running in this deployment. */
  channels: (site: string) => ChannelKind[];
  /** Reaches a customer with no chat yet (WhatsApp by number); null where the channel cannot. */
  addressByCell?: (site: string, channel: ChannelKind, cell: string) => ChatAddress | null;
  /** The reminder's text and buttons, made the chat's open question. */
  compose: (address: ChatAddress, appt: Appointment) => Promise<OutboundMessage[] | null>;
  /** Hands the send to the channel's outbound queue; the ledger claim happens there. */
  enqueue: (address: ChatAddress, messages: OutboundMessage[], appt: Appointment) => Promise<void>;
}

export type RemindOutcome =
  | { sent: true; channel: ChannelKind }
  | { sent: false; reason: SkipReason }
  /** Not verified yet, still useful: try again later (the caller delays the job). */
  | { sent: false; deferred: true; reason: string; usefulUntil: number; retryAfterMs?: number };

/**
 * The last moment a reminder is still worth sending when its appointment cannot be verified:
 * shortly before the start (half the offset, at most 15 minutes before it).
 */
export function usefulUntil(due: Pick<DueReminder, "plannedStart" | "offsetMin">): number {
  const marginMin = Math.min(15, due.offsetMin / 2);
  return Date.parse(due.plannedStart) - marginMin * 60_000;
}

/**
 * A reminder is due: check the appointment as it is now, then find the customer's chat in the
 * site's channel order. Everything that can make the reminder wrong is checked here, at send
 * time, because the plan may be minutes or days old.
 */
export async function remindNow(due: DueReminder, deps: RemindDeps, now: DateTime): Promise<RemindOutcome> {
  const skip = (reason: SkipReason): RemindOutcome => ({ sent: false, reason });
  const reading = await deps.appointment(due);
  if (reading.kind === "unknown") {
    // A refusal is not "gone": wait and ask again while the reminder is still useful.
    const until = usefulUntil(due);
    return now.toMillis() < until
      ? {
          sent: false,
          deferred: true,
          reason: reading.reason,
          usefulUntil: until,
          ...(reading.retryAfterMs !== undefined ? { retryAfterMs: reading.retryAfterMs } : {}),
        }
      : skip("unverified");
  }
  if (reading.kind === "gone") return skip("not_found");
  const appt = reading.appt;
  if (appt.status !== "live") return skip("cancelled");
  if (appt.isLozamin) return skip("lozamin");
  if (appt.tmpExpire) return skip("temporary");
  if (Math.abs(appt.start.toMillis() - Date.parse(due.plannedStart)) >= 60_000) return skip("moved");
  if (appt.start <= now) return skip("started");
  if (appt.iscoming !== 0) return skip("answered");
  const cell = appt.customer.cell;
  if (!cell) return skip("no_cell");

  // Before any chat is looked at: "stop" holds for a WhatsApp number that never wrote, too.
  if (await deps.optedOut(due.site, cell)) return skip("opted_out");
  const chats = await deps.chatsFor(due.site, cell);
  if (chats.some((c) => c.remindersOff)) return skip("opted_out");
  for (const channel of deps.channels(due.site)) {
    const address =
      chats.find((c) => c.address.channel === channel && !c.unreachable)?.address ??
      deps.addressByCell?.(due.site, channel, cell) ??
      null;
    if (!address) continue;
    const messages = await deps.compose(address, appt);
    if (!messages) continue;
    await deps.enqueue(address, messages, appt);
    return { sent: true, channel };
  }
  return skip("no_channel");
}
