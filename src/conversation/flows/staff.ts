import { done, type StepContext, type StepResult, text } from "../context.ts";
import type { StaffDirectory } from "../ports.ts";

/**
 * Staff link codes: 8 letters and digits (at least one digit, so no word is mistaken for one),
 * without the look-alikes 0/O and 1/I/L.
 */
export const STAFF_CODE = /^(?=.*[2-9])[A-HJ-NP-Z2-9]{8}$/i;

/** A staff member sent their one-time code (typed, or through the bot's deep link). */
export async function linkStaff(ctx: StepContext, staff: StaffDirectory, code: string): Promise<StepResult> {
  const role = await staff.redeem(ctx.address.site, code.trim(), ctx.address);
  if (role === "locked") return done(text(ctx.t("staff-code-locked")));
  if (!role) return done(text(ctx.t("staff-code-refused")));
  return done(text(ctx.t(role.kind === "owner" ? "staff-linked-owner" : "staff-linked")));
}

/** "Came" / "No-show" from a digest: showstatus 1 or 2, by staff only, for a past appointment. */
export async function markAttendance(ctx: StepContext, apptId: string, came: boolean): Promise<StepResult> {
  const role = ctx.staffRole;
  if (!role) return done(text(ctx.t("staff-only")));
  const appt = await ctx.api.apptinfo({ apptId }).catch(() => null);
  if (!appt?.conf || appt.status !== "live" || (role.kind === "staff" && appt.staffId !== role.staffId)) {
    return done(text(ctx.t("appt-not-found")));
  }
  const showstatus = came ? 1 : 2;
  if (appt.showstatus !== showstatus) await ctx.api.showstatus({ apptId, vfib: appt.conf, showstatus });
  return done(
    text(ctx.t(came ? "staff-marked-came" : "staff-marked-no-show", { when: ctx.when(appt.start) })),
  );
}
