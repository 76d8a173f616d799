import { isLocale, type Locale } from "../../i18n/translator.ts";
import { flowChoice, newToken } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "../context.ts";
import { menuMessage } from "./menu.ts";

export function setLanguage(
  ctx: StepContext,
  locale: string,
  translate: (l: Locale, id: string) => string,
): StepResult {
  if (!isLocale(locale)) return done(menuMessage(ctx));
  return {
    ...done(text(translate(locale, "language-set"))),
    effects: [{ type: "prefs", patch: { locale } }],
  };
}

export function setReminders(ctx: StepContext, on: boolean): StepResult {
  return {
    ...done(text(ctx.t(on ? "start-done" : "stop-done"))),
    effects: [{ type: "prefs", patch: { remindersOff: !on } }],
  };
}

export function startForget(ctx: StepContext): StepResult {
  const token = newToken();
  return {
    flow: { name: "forget", token },
    out: [
      choices(ctx.t("forget-confirm"), [
        { id: flowChoice(token, "yes"), label: ctx.t("forget-yes") },
        { id: flowChoice(token, "no"), label: ctx.t("no") },
      ]),
    ],
  };
}

export function forgetStep(action: string, ctx: StepContext): StepResult | null {
  if (action === "yes") return { ...done(text(ctx.t("forget-done"))), effects: [{ type: "forget" }] };
  if (action === "no") return done(text(ctx.t("forget-kept")));
  return null;
}
