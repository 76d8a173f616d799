import { flowChoice } from "../choice-ids.ts";
import { choices, type StepContext, type StepResult } from "../context.ts";
import type { Flow } from "../state.ts";
import { bookBack, bookCurrent } from "./book.ts";
import { cancelBack, cancelCurrent } from "./cancel.ts";
import { stopped } from "./navigation.ts";

/** Flows with steps a customer may want out of: booking, moving, cancelling. */
export const isStoppable = (flow: Flow | null): flow is Extract<Flow, { name: "book" | "cancel" }> =>
  flow?.name === "book" || flow?.name === "cancel";

/**
 * "back", "stop this" and the answer to "stop booking?": the same for every step, so no step
 * is a trap. Null when the action is not one of these.
 */
export async function controlStep(flow: Flow, action: string, ctx: StepContext): Promise<StepResult | null> {
  if (action === "stop") return stopped(ctx, flow);
  if (!isStoppable(flow)) return action === "back" ? stopped(ctx, flow) : null;
  if (action === "back") return flow.name === "book" ? bookBack(ctx, flow) : cancelBack(ctx, flow);
  if (action === "cont") return current(ctx, { ...flow, stopAsked: undefined });
  return null;
}

function current(ctx: StepContext, flow: Extract<Flow, { name: "book" | "cancel" }>) {
  return flow.name === "book" ? bookCurrent(ctx, flow) : cancelCurrent(ctx, flow);
}

/** A typed "cancel" or "stop" in the middle of a flow: ask before dropping what was chosen. */
export function askStop(ctx: StepContext, flow: Extract<Flow, { name: "book" | "cancel" }>): StepResult {
  const question =
    flow.name === "cancel" ? "stop-ask-cancel" : flow.replaces ? "stop-ask-change" : "stop-ask-book";
  return {
    flow: { ...flow, stopAsked: true },
    out: [
      choices(ctx.t(question), [
        { id: flowChoice(flow.token, "stop"), label: ctx.t("stop-ask-yes") },
        { id: flowChoice(flow.token, "cont"), label: ctx.t("stop-ask-no") },
      ]),
    ],
  };
}
