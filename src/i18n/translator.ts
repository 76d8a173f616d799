import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { negotiateLanguages } from "@fluent/langneg";
import type { DateTime } from "luxon";
import { digits, inZone } from "../core/zones.ts";

export const LOCALES = ["he", "en", "ar", "ru"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(x: unknown): x is Locale {
  return typeof x === "string" && (LOCALES as readonly string[]).includes(x);
}

export interface Translator {
  readonly defaultLocale: Locale;
  t(locale: Locale, id: string, args?: Record<string, FluentVariable>): string;
  has(locale: Locale, id: string): boolean;
  /** The best supported locale for what the user's client asks for (e.g. Telegram's `language_code`). */
  negotiate(requested: string | readonly string[] | undefined): Locale;
  direction(locale: Locale): "rtl" | "ltr";
  /** "יום ג׳ 24.11" / "Tue 24.11": what a date button shows. */
  formatDay(locale: Locale, dt: DateTime, zone: string): string;
  /** 24-hour HH:MM in the site's zone, whatever the locale. */
  formatTime(dt: DateTime, zone: string): string;
  /**
   * Weekday, date and time, for summaries and reminders. With `now`, as people say it to a
   * customer: "Tuesday 25.11 (tomorrow) at 14:30", today and tomorrow named, the year only when
   * it is not this year. The relative word follows the weekday so that the prepositions the
   * messages put before a date ("on", "ב", "на", "يوم") still fit.
   */
  formatDateTime(locale: Locale, dt: DateTime, zone: string, now?: DateTime): string;
}

export interface LoadedLocales {
  bundles: Map<Locale, FluentBundle>;
  /** Message ids per locale, for the completeness test. */
  ids: Map<Locale, Set<string>>;
}

/** Reads every `locales/<locale>/*.ftl`; a syntax error in any file is a startup error, not a blank reply later. */
export function loadLocales(dir: string): LoadedLocales {
  const bundles = new Map<Locale, FluentBundle>();
  const ids = new Map<Locale, Set<string>>();
  for (const locale of LOCALES) {
    // Bidi isolation stays on: a Hebrew sentence around a Latin name or a number must not reorder.
    const bundle = new FluentBundle(locale, { useIsolating: true });
    const seen = new Set<string>();
    const files = readdirSync(join(dir, locale)).filter((f) => f.endsWith(".ftl"));
    for (const file of files.sort()) {
      const resource = new FluentResource(readFileSync(join(dir, locale, file), "utf8"));
      const errors = bundle.addResource(resource);
      if (errors.length) throw new Error(`locales/${locale}/${file}: ${errors[0]!.message}`);
      for (const entry of resource.body) seen.add(entry.id);
    }
    bundles.set(locale, bundle);
    ids.set(locale, seen);
  }
  return { bundles, ids };
}

const RTL = new Set<Locale>(["he", "ar"]);

export function createTranslator(opts: { dir: string; defaultLocale: Locale }): Translator {
  const { bundles } = loadLocales(opts.dir);
  const fallback = opts.defaultLocale;

  function format(locale: Locale, id: string, args?: Record<string, FluentVariable>): string | undefined {
    const bundle = bundles.get(locale);
    const message = bundle?.getMessage(id);
    if (!bundle || !message?.value) return undefined;
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, args ?? null, errors);
    return errors.length ? undefined : text;
  }

  return {
    defaultLocale: fallback,
    t(locale, id, args) {
      // A missing translation falls back to the default locale, then English, never to an empty reply.
      return format(locale, id, args) ?? format(fallback, id, args) ?? format("en", id, args) ?? id;
    },
    has(locale, id) {
      return Boolean(bundles.get(locale)?.getMessage(id)?.value);
    },
    negotiate(requested) {
      const list = (typeof requested === "string" ? [requested] : (requested ?? [])).filter(Boolean);
      const [best] = negotiateLanguages(list, [...LOCALES], { strategy: "lookup", defaultLocale: fallback });
      return isLocale(best) ? best : fallback;
    },
    direction(locale) {
      return RTL.has(locale) ? "rtl" : "ltr";
    },
    formatDay(locale, dt, zone) {
      const local = inZone(dt, zone).setLocale(locale);
      return `${local.toFormat("ccc")} ${digits(local, "dd.MM")}`;
    },
    formatTime(dt, zone) {
      return digits(inZone(dt, zone), "HH:mm");
    },
    formatDateTime(locale, dt, zone, now) {
      const local = inZone(dt, zone).setLocale(locale);
      if (!now) return `${local.toFormat("cccc")} ${digits(local, "dd.MM.yyyy")} ${digits(local, "HH:mm")}`;
      const today = inZone(now, zone).startOf("day");
      const days = Math.round(local.startOf("day").diff(today, "days").days);
      const word = (id: string) => format(locale, id) ?? format("en", id) ?? "";
      const relative = days === 0 ? word("when-today") : days === 1 ? word("when-tomorrow") : "";
      const date = digits(local, local.year === today.year ? "dd.MM" : "dd.MM.yyyy");
      const time = `${word("when-at")} ${digits(local, "HH:mm")}`;
      // Russian puts the date after "на" ("запись на …"), which would need the weekday declined
      // ("на среду"); the date first reads right after any preposition: "на 25.11 (среда, завтра) в 14:30".
      if (locale === "ru")
        return `${date} (${[local.toFormat("cccc"), relative].filter(Boolean).join(", ")}) ${time}`;
      return `${local.toFormat("cccc")} ${date}${relative ? ` (${relative})` : ""} ${time}`;
    },
  };
}

/** Where the shipped `.ftl` files live, whichever file imports this. */
export const LOCALES_DIR = join(import.meta.dirname, "..", "..", "locales");
