import { languageChoice, menuChoice } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "../context.ts";

export function menuMessage(ctx: StepContext, lead = ctx.t("menu-prompt")) {
  return choices(lead, [
    { id: menuChoice("appointments"), label: ctx.t("menu-appointments") },
    { id: menuChoice("book"), label: ctx.t("menu-book") },
    { id: menuChoice("cancel"), label: ctx.t("menu-cancel") },
    { id: menuChoice("language"), label: ctx.t("menu-language") },
    { id: menuChoice("human"), label: ctx.t("menu-person") },
  ]);
}

export function welcome(ctx: StepContext): StepResult {
  return done(text(ctx.t("welcome", { business: ctx.site.name })), menuMessage(ctx));
}

export function help(ctx: StepContext): StepResult {
  return done(text(ctx.t("help", { business: ctx.site.name })), menuMessage(ctx));
}

export function fallback(ctx: StepContext): StepResult {
  return done(menuMessage(ctx, ctx.t("fallback")));
}

export function outOfDate(ctx: StepContext): StepResult {
  return done(menuMessage(ctx, ctx.t("out-of-date")));
}

const LANGUAGE_NAMES = { he: "עברית", en: "English", ar: "العربية", ru: "Русский" } as const;

export function languagePicker(ctx: StepContext): StepResult {
  return done(
    choices(
      ctx.t("language-pick"),
      Object.entries(LANGUAGE_NAMES).map(([code, name]) => ({ id: languageChoice(code), label: name })),
    ),
  );
}
