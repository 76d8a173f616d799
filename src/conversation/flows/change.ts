import { type StepContext, text } from "../context.ts";

/** Change time = book the new one, then cancel the old; on failure undo so exactly one remains. */
export async function finishChange(
  ctx: StepContext,
  old: { apptId: string; conf: string },
  added: { apptId: string; conf: string },
) {
  const before = await ctx.api.apptinfo({ apptId: old.apptId }).catch(() => null);
  const oldWhen = before ? ctx.when(before.start) : "";
  const previousStart = before?.start;
  try {
    await ctx.api.delappt({ apptId: old.apptId, vfib: old.conf, sendNotice: true });
    return { moved: true, previousStart, out: [text(ctx.t("change-old-cancelled", { when: oldWhen }))] };
  } catch {
    try {
      await ctx.api.delappt({ apptId: added.apptId, vfib: added.conf, sendNotice: false });
      return { moved: false, rolledBack: true, out: [text(ctx.t("change-rolled-back", { when: oldWhen }))] };
    } catch {
      return { moved: false, out: [text(ctx.t("change-both-kept", { when: oldWhen }))] };
    }
  }
}
