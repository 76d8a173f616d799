import { parseApiMinute } from "../../tor4you/dates.ts";
import { flowChoice } from "../choice-ids.ts";
import { choices, type StepContext, type StepResult } from "../context.ts";
import type { BookFlow } from "../state.ts";
import { humanDuration } from "./cancel.ts";
import { navChoices } from "./navigation.ts";

export const serviceLabel = (ctx: StepContext, serviceId: string | undefined) =>
  ctx.catalog.services.find((s) => s.id === serviceId)?.name.trim() ?? "";

const staffLabel = (ctx: StepContext, id: string) =>
  ctx.catalog.providers.find((p) => p.id === id)?.name.trim() || ctx.t("staff-anyone");

/**
 * "Shall I book it?": what, with whom, when, in whose name (a messenger's profile name is not
 * always the customer's, so it can be changed here) and until when it can be cancelled here.
 */
export function summary(ctx: StepContext, flow: BookFlow): StepResult {
  const t = flow.time!;
  const next: BookFlow = { ...flow, step: "confirm" };
  return {
    flow: next,
    out: [
      choices(
        ctx.t("book-summary", {
          service: serviceLabel(ctx, flow.serviceId),
          staff: staffLabel(ctx, t.staffId),
          when: ctx.when(parseApiMinute(t.from, ctx.site.timezone)),
          people: flow.participants ?? 1,
          name: `${flow.first ?? ""} ${flow.last ?? ""}`.trim(),
          cutoff: humanDuration(ctx, ctx.site.cancelCutoffMs),
        }),
        navChoices(ctx, next, [
          { id: flowChoice(flow.token, "yes"), label: ctx.t("book-confirm") },
          { id: flowChoice(flow.token, "name"), label: ctx.t("book-change-name") },
        ]),
      ),
    ],
  };
}
