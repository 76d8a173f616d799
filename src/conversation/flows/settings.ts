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

/**
 * "Stop" and "start" act on the phone, so a chat not linked yet is asked for it first: saying
 * "done" there would be a promise nothing keeps (reminders go by phone, on every channel).
 */
export function setReminders(ctx: StepContext, on: boolean): StepResult {
  if (!ctx.identity) {
    const flow = {
      name: "link" as const,
      token: newToken(),
      resume: on ? ("start" as const) : ("stop" as const),
    };
    return {
      flow,
      out: [
        {
          type: "requestPhone",
          text: ctx.t(on ? "start-needs-number" : "stop-needs-number"),
          button: ctx.t("link-button"),
        },
      ],
    };
  }
  return {
    ...done(text(ctx.t(on ? "start-done" : "stop-done"))),
    effects: [{ type: "optOut", stopped: !on }],
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
