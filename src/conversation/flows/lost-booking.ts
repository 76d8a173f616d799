import { formatApiMinute } from "../../tor4you/dates.ts";
import { Tor4YouError } from "../../tor4you/errors.ts";
import type { StepContext } from "../context.ts";

interface Wanted {
  from: string;
  staffIds: string[];
  serviceId: string;
}

/**
 * The customer's own appointment at that time with one of those staff members, if they hold one:
 * a booking made although its answer never reached us. A failed lookup finds nothing.
 */
export async function heldAt(
  ctx: StepContext,
  want: Wanted,
): Promise<{ apptId: string; conf: string; staffId: string } | null> {
  if (!ctx.identity) return null;
  const zone = ctx.site.timezone;
  let mine: Awaited<ReturnType<typeof ctx.api.apptbycellortz>>;
  try {
    mine = await ctx.api.apptbycellortz({ cell: ctx.identity.cell, showFuture: true });
  } catch {
    return null;
  }
  const made = mine.find(
    (a) =>
      a.status === "live" &&
      formatApiMinute(a.start, zone) === want.from &&
      (!a.staffId || want.staffIds.includes(a.staffId)) &&
      (!a.serviceId || a.serviceId === want.serviceId),
  );
  return made ? { apptId: made.id, conf: made.conf ?? "", staffId: made.staffId ?? want.staffIds[0]! } : null;
}

/**
 * A booking whose answer never came (a timeout, a dropped connection, a gateway page, a body we
 * could not read) may still have been made. Before the customer hears it failed and is offered a
 * "try again" that would book the same time twice, their own appointments are looked up.
 * Null when the error says nothing was done, or nothing was found (then trying again is safe).
 */
export async function bookedDespite(ctx: StepContext, error: unknown, want: Wanted) {
  if (!(error instanceof Tor4YouError) || !error.outcomeUnknown) return null;
  return heldAt(ctx, want);
}
