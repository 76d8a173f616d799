import { isCell, normalizeCell } from "../../domain/phone.ts";
import { newToken } from "../choice-ids.ts";
import { done, type StepContext, type StepResult, text } from "../context.ts";
import type { LinkFlow } from "../state.ts";
import type { WhenSlots } from "../understanding/slots.ts";

type Resume = LinkFlow["resume"];

function askPhone(ctx: StepContext, lead: string, flow: LinkFlow): StepResult {
  return { flow, out: [{ type: "requestPhone", text: lead, button: ctx.t("link-button") }] };
}

export function startLink(ctx: StepContext, resume: Resume, slots?: WhenSlots): StepResult {
  const when = slots && (slots.day || slots.part || slots.time) ? { slots: { ...slots } } : {};
  return askPhone(ctx, ctx.t("link-ask"), { name: "link", token: newToken(), resume, ...when });
}

/**
 * A shared contact links the chat only when the channel vouches it is the sender's own number.
 * Anything else (forwarded contact, typed number) is refused without looking anything up.
 */
export function linkContact(
  flow: LinkFlow | null,
  contact: { phone: string; own: boolean; first?: string; last?: string },
  ctx: StepContext,
): StepResult {
  const pending: LinkFlow = flow ?? { name: "link", token: newToken(), resume: "appointments" };
  if (!contact.own) return askPhone(ctx, ctx.t("link-not-own"), pending);
  if (!isCell(contact.phone)) return askPhone(ctx, ctx.t("link-bad-number"), pending);
  const first = contact.first?.trim() || undefined;
  const last = contact.last?.trim() || undefined;
  return {
    ...done(text(ctx.t("link-done", { first: first ?? "none" }))),
    effects: [
      {
        type: "link",
        identity: { cell: normalizeCell(contact.phone), first, last, linkedAt: ctx.now.toMillis() },
      },
    ],
    continueWith: pending.resume,
    continueSlots: pending.slots as WhenSlots | undefined,
  };
}

/** Typed text while we wait for the contact: a number proves nothing; anything else re-asks. */
export function linkText(flow: LinkFlow, ctx: StepContext): StepResult {
  return askPhone(ctx, ctx.t("link-not-own"), flow);
}
