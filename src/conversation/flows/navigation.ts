import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import type { Choice, OutboundMessage } from "../../core/messages.ts";
import { flowChoice, menuChoice } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult } from "../context.ts";
import type { Flow } from "../state.ts";
import { menuMessage } from "./menu.ts";

/** The business's phone: the configuration's, else Tor4You's (siteinfo). */
export function businessPhone(ctx: StepContext): string | undefined {
  const raw = ctx.site.phone?.trim() || ctx.catalog.info.phone?.trim();
  if (!raw) return undefined;
  return callable(raw);
}

/**
 * A number every messenger turns into a tap-to-call link: international form ("+972 3-555-1234").
 * What cannot be parsed is shown as the business wrote it.
 */
export function callable(raw: string): string {
  const parsed = parsePhoneNumberFromString(raw, "IL");
  return parsed?.isPossible() ? parsed.formatInternational() : raw;
}

/** Every step of a flow ends with "back" and "stop this" (numbered like the rest on WhatsApp). */
export function navChoices(ctx: StepContext, flow: Flow, list: Choice[], back = true): Choice[] {
  const nav: Choice[] = [];
  if (back) nav.push({ id: flowChoice(flow.token, "back"), label: ctx.t("nav-back"), nav: true });
  nav.push({ id: flowChoice(flow.token, "stop"), label: ctx.t("nav-stop"), nav: true });
  return [...list, ...nav];
}

/** The flow was stopped (a button, or a typed "stop" confirmed): nothing changed, here is the menu. */
export function stopped(ctx: StepContext, flow: Flow): StepResult {
  const lead =
    flow.name === "book"
      ? ctx.t(flow.replaces ? "change-aborted" : "book-aborted")
      : flow.name === "cancel"
        ? ctx.t("cancel-kept")
        : ctx.t("flow-stopped");
  return done(menuMessage(ctx, lead));
}

/**
 * Where the bot cannot go on (no free days, Tor4You down, too late, a foreign number): the reason,
 * the business's phone to call, and the way back to the menu.
 */
export function deadEnd(ctx: StepContext, reason: string, addPhone = true): OutboundMessage {
  const phone = addPhone ? businessPhone(ctx) : undefined;
  const body = phone ? `${reason}\n${ctx.t("call-business", { phone })}` : reason;
  return choices(body, [{ id: menuChoice("menu"), label: ctx.t("back-to-menu") }]);
}
