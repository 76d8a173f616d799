import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentResource, type FluentVariable } from "@fluent/bundle";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { matchIntent } from "../../../src/conversation/intents.ts";
import {
  createTranslator,
  LOCALES,
  LOCALES_DIR,
  type Locale,
  loadLocales,
} from "../../../src/i18n/translator.ts";

const ZONE = "Asia/Jerusalem";
const loaded = loadLocales(LOCALES_DIR);
const tr = createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" });
const englishIds = [...loaded.ids.get("en")!].sort();

function ftlFiles(locale: Locale): string[] {
  return readdirSync(join(LOCALES_DIR, locale))
    .filter((f) => f.endsWith(".ftl"))
    .sort();
}

/** Ids the source declares (`id =` at the start of a line), whatever the parser made of them. */
function declaredIds(source: string): string[] {
  return [...source.matchAll(/^(-?[a-zA-Z][\w-]*)[ \t]*=/gm)].map((m) => m[1]!);
}

/** Every `$variable` a message's AST references, in any variant. */
function variablesOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const n of node) variablesOf(n, into);
  } else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.type === "var" && typeof o.name === "string") into.add(o.name);
    for (const v of Object.values(o)) variablesOf(v, into);
  }
  return into;
}

function messageVariables(locale: Locale, id: string): string[] {
  const message = loaded.bundles.get(locale)!.getMessage(id);
  return [...variablesOf(message?.value)].sort();
}

/** Plausible values for every placeable any message uses; names as the business would have them. */
function sampleArgs(locale: Locale, overrides: Record<string, FluentVariable> = {}) {
  const start = DateTime.fromISO("2025-11-26T14:30:00Z");
  return {
    business: "מספרת הדר",
    when: tr.formatDateTime(locale, start, ZONE),
    was: tr.formatDateTime(locale, start.minus({ days: 1 }), ZONE),
    day: tr.formatDay(locale, start, ZONE),
    service: "תספורת גבר",
    staff: "דנה ",
    branch: "Tel Aviv",
    max: 4,
    place: "Tel Aviv, Dizengoff 50",
    people: 3,
    cutoff: "3 hours",
    name: "דנה כהן",
    minutes: 30,
    channel: "telegram",
    part: "noon",
    earliest: "12:00",
    latest: "15:45",
    phone: "03-555-1234",
    first: "דנה ",
    // staff digests
    count: 2,
    total: 12,
    confirmed: 7,
    declined: 2,
    unanswered: 3,
    // staff alerts
    who: "דנה כהן · תספורת",
    from: tr.formatDateTime(locale, start.minus({ days: 1 }), ZONE),
    // the waitlist
    days: tr.formatDay(locale, start, ZONE),
    wish: "תספורת גבר · דנה",
    old: tr.formatDateTime(locale, start.minus({ days: 2 }), ZONE),
    // the admin page's webhook health
    at: tr.formatDateTime(locale, start, ZONE),
    hours: 6,
    changes: 4,
    ...overrides,
  } satisfies Record<string, FluentVariable>;
}

function render(locale: Locale, id: string, args: Record<string, FluentVariable>) {
  const bundle = loaded.bundles.get(locale)!;
  const message = bundle.getMessage(id);
  expect(message?.value, `${locale}/${id} has no value`).toBeTruthy();
  const errors: Error[] = [];
  const text = bundle.formatPattern(message!.value!, args, errors);
  return { text, errors: errors.map((e) => e.message) };
}

function expectClean(locale: Locale, id: string, args: Record<string, FluentVariable>): string {
  const { text, errors } = render(locale, id, args);
  expect(errors, `${locale}/${id}`).toEqual([]);
  expect(text.trim(), `${locale}/${id} is empty`).not.toBe("");
  expect(text, `${locale}/${id} left a brace: ${text}`).not.toMatch(/[{}]/);
  expect(text, `${locale}/${id} left a variable: ${text}`).not.toMatch(/\$[a-zA-Z]/);
  return text;
}

describe("locale files", () => {
  it("has an English source with messages", () => {
    expect(englishIds.length).toBeGreaterThan(50);
  });

  it.each(LOCALES.flatMap((l) => ftlFiles(l).map((f) => [l, f] as const)))(
    "%s/%s parses without junk",
    (locale, file) => {
      const source = readFileSync(join(LOCALES_DIR, locale, file), "utf8");
      const parsed = new FluentResource(source).body.map((e) => e.id);
      // The runtime parser skips a broken entry silently; a declared id that did not come out is a syntax error.
      expect(parsed).toEqual(declaredIds(source));
      // A line that is not a comment, an entry start, an indented continuation or blank is junk.
      const stray = source
        .split("\n")
        .map((line, i) => [i + 1, line] as const)
        .filter(([, line]) => line.trim() !== "" && !/^(#|[ \t]|-?[a-zA-Z][\w-]*[ \t]*=)/.test(line));
      expect(stray, `${locale}/${file}: stray lines`).toEqual([]);
      expect(new Set(parsed).size, `${locale}/${file}: duplicate ids`).toBe(parsed.length);
    },
  );

  it.each(LOCALES.filter((l) => l !== "en"))("every locale has the same files as English: %s", (locale) => {
    expect(ftlFiles(locale)).toEqual(ftlFiles("en"));
  });

  it.each(LOCALES)("%s has exactly the English message ids", (locale) => {
    const ids = [...loaded.ids.get(locale)!].sort();
    expect(
      englishIds.filter((id) => !ids.includes(id)),
      `missing in ${locale}`,
    ).toEqual([]);
    expect(
      ids.filter((id) => !englishIds.includes(id)),
      `extra in ${locale}`,
    ).toEqual([]);
  });

  it.each(LOCALES)("%s uses the same placeables as English in every message", (locale) => {
    const differing = englishIds
      .map((id) => ({ id, en: messageVariables("en", id), [locale]: messageVariables(locale, id) }))
      .filter((d) => d.en.join() !== (d[locale] as string[]).join());
    expect(differing).toEqual([]);
  });
});

describe("rendering", () => {
  it.each(LOCALES)("%s renders every message with sample arguments, without errors", (locale) => {
    for (const id of englishIds) expectClean(locale, id, sampleArgs(locale));
  });

  it.each(LOCALES)("%s renders every select variant that a count or a name picks", (locale) => {
    for (const people of [1, 2, 3, 5, 11, 21, 22, 100]) {
      for (const id of englishIds) expectClean(locale, id, sampleArgs(locale, { people, max: people }));
    }
    for (const id of englishIds) expectClean(locale, id, sampleArgs(locale, { first: "none" }));
  });

  it("Hebrew never glues a one-letter prefix to a name in Latin letters ('מBarber King')", () => {
    const latin = {
      business: "Barber King",
      service: "Fade",
      staff: "Dana",
      branch: "Tel Aviv",
      name: "Dana Levi",
    };
    const glued = englishIds
      .map((id) => ({ id, text: tr.t("he", id, sampleArgs("he", latin)) }))
      .filter(({ text }) => /(^|[\s(])[ובלמהשכ]\u2068?[A-Za-z]/m.test(text));
    expect(glued.map((g) => `${g.id}: ${g.text}`)).toEqual([]);
  });

  it.each(LOCALES)("%s link-done greets by name, or without one", (locale) => {
    const named = expectClean(locale, "link-done", sampleArgs(locale, { first: "דנה " }));
    expect(named).toContain("דנה");
    const unnamed = expectClean(locale, "link-done", sampleArgs(locale, { first: "none" }));
    expect(unnamed).not.toContain("none");
    expect(unnamed).not.toMatch(/[,،]\s*[!\u2069]/);
  });

  it.each(LOCALES)("%s book-summary shows the number of people only when more than one", (locale) => {
    const one = expectClean(locale, "book-summary", sampleArgs(locale, { people: 1 }));
    expect(one).not.toMatch(/\d\u2069? *(people|אנשים|человек|أشخاص|شخص)/);
    const five = expectClean(locale, "book-summary", sampleArgs(locale, { people: 5 }));
    expect(five).toContain("5");
  });

  it("Russian and Arabic pluralize the number of people", () => {
    const ru = (people: number) => expectClean("ru", "book-summary", sampleArgs("ru", { people }));
    expect(ru(2)).toMatch(/2\u2069? человека/);
    expect(ru(5)).toMatch(/5\u2069? человек\u2069?\n/);
    expect(ru(21)).toMatch(/21\u2069? человек\u2069?\n/);
    expect(ru(22)).toMatch(/22\u2069? человека/);
    const ar = (people: number) => expectClean("ar", "book-summary", sampleArgs("ar", { people }));
    expect(ar(2)).toContain("شخصان");
    expect(ar(3)).toMatch(/3\u2069? أشخاص/);
    expect(ar(11)).toMatch(/11\u2069? شخصًا/);
    expect(ar(100)).toMatch(/100\u2069? شخص\u2069?\n/);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s help is translated, not English", (locale) => {
    const args = sampleArgs(locale);
    expect(tr.t(locale, "help", args)).not.toBe(tr.t("en", "help", args));
    expect(tr.t(locale, "help", args)).toContain("מספרת הדר");
  });

  const BUTTONS = [
    "menu-appointments",
    "menu-book",
    "menu-cancel",
    "menu-language",
    "menu-help",
    "yes",
    "no",
    "link-button",
    "appt-confirm",
    "appt-cancel",
    "appt-change",
    "cancel-yes",
    "keep-it",
    "book-any-staff",
    "book-more-dates",
    "book-more-times",
    "book-confirm",
    "book-abort",
    "forget-yes",
    "retry",
  ];

  it.each(LOCALES)("%s button labels fit on a phone button", (locale) => {
    const long = BUTTONS.map((id) => [id, tr.t(locale, id)] as const).filter(
      ([, label]) => label.length > 30,
    );
    expect(long).toEqual([]);
  });

  it("button labels differ from each other within a locale (typed labels pick one)", () => {
    for (const locale of LOCALES) {
      const groups = [
        ["appt-confirm", "appt-cancel", "appt-change"],
        ["cancel-yes", "keep-it"],
        ["book-confirm", "book-abort"],
        ["forget-yes", "no"],
        ["menu-appointments", "menu-book", "menu-cancel", "menu-language"],
      ];
      for (const g of groups) {
        const labels = g.map((id) => tr.t(locale, id));
        expect(new Set(labels).size, `${locale}: ${g.join(", ")}`).toBe(labels.length);
      }
    }
  });
});

describe("direction", () => {
  it.each([
    ["he", "rtl"],
    ["ar", "rtl"],
    ["en", "ltr"],
    ["ru", "ltr"],
  ] as const)("%s is %s", (locale, dir) => {
    expect(tr.direction(locale)).toBe(dir);
  });
});

describe("the words help and stop-done tell customers to type", () => {
  /** Quoted words: "…" in he/ar/en, «…» in ru. */
  const quoted = (text: string) => [...text.matchAll(/["«]([^"»]+)["»]/g)].map((m) => m[1]!);

  it.each(LOCALES)("%s help lists only words the bot understands", (locale) => {
    const words = quoted(tr.t(locale, "help", sampleArgs(locale))).flatMap((w) => w.split(" / "));
    expect(words.length).toBeGreaterThanOrEqual(6);
    const expected = ["appointments", "book", "language", "stop", "start", "forget"];
    expect(words.map((w) => matchIntent(w))).toEqual(expected);
  });

  it.each(LOCALES)("%s stop-done names the word that starts reminders again", (locale) => {
    const [word] = quoted(tr.t(locale, "stop-done"));
    expect(matchIntent(word!)).toBe("start");
  });
});

describe("labels a customer may type back instead of tapping", () => {
  const expected = {
    "menu-appointments": "appointments",
    "menu-book": "book",
    "menu-cancel": "cancel",
    "menu-language": "language",
    "menu-help": "help",
    yes: "yes",
    no: "no",
    "appt-confirm": "yes",
    "reminder-coming": "yes",
    "reminder-not-coming": "no",
  } as const;

  it.each(LOCALES)("%s labels map to their intent", (locale) => {
    const wrong = Object.entries(expected)
      .map(([id, intent]) => ({ id, label: tr.t(locale, id), got: matchIntent(tr.t(locale, id)), intent }))
      .filter((r) => r.got !== r.intent);
    expect(wrong).toEqual([]);
  });
});
