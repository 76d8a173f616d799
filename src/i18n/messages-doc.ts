import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FluentResource, type FluentVariable } from "@fluent/bundle";
import { DateTime } from "luxon";
import { createTranslator, LOCALES, LOCALES_DIR, type Locale, loadLocales } from "./translator.ts";

/** Where the generated page lives in the repository. */
export const MESSAGES_DOC = join(LOCALES_DIR, "..", "docs", "messages.md");

const ZONE = "Asia/Jerusalem";

/**
 * Values a reviewer would expect to see in each placeable: names as a business has them, dates
 * and times as the bot writes them. A placeable not listed shows as ⟨name⟩, so a new message
 * still renders (and the gap is visible).
 */
function sampleValues(locale: Locale, dir: string): Record<string, FluentVariable> {
  const tr = createTranslator({ dir, defaultLocale: "he" });
  const start = DateTime.fromISO("2026-11-24T14:30:00", { zone: ZONE });
  return {
    business: "מספרת הדקל",
    when: tr.formatDateTime(locale, start, ZONE),
    from: tr.formatDateTime(locale, start.minus({ days: 1 }), ZONE),
    was: tr.formatDateTime(locale, start.minus({ days: 1 }).set({ hour: 10, minute: 0 }), ZONE),
    day: tr.formatDay(locale, start, ZONE),
    service: "תספורת גברים",
    staff: "יוסי כהן",
    branch: "סניף מרכז",
    address: "רחוב הדקל 12, תל אביב",
    max: 4,
    hours: 2,
    people: 3,
    cutoff: locale === "he" ? "3 שעות" : locale === "ar" ? "3 ساعات" : locale === "ru" ? "3 часа" : "3 hours",
    phone: "+972 3 555 1234",
    first: "דנה",
    name: "דנה כהן",
    who: "דנה כהן · תספורת גברים",
    count: 2,
    total: 12,
    confirmed: 7,
    declined: 2,
    unanswered: 3,
    minutes: 30,
    channel: "WhatsApp",
    part: "noon",
    earliest: "12:00",
    latest: "15:45",
  };
}

/** Every `$variable` a message's AST references, in any variant. */
function variablesOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) variablesOf(n, into);
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.type === "var" && typeof o.name === "string") into.add(o.name);
    for (const v of Object.values(o)) variablesOf(v, into);
  }
  return into;
}

const quote = (text: string) =>
  text
    .replace(/[\u2068\u2069]/g, "")
    .split("\n")
    .map((l) => `> ${l}`.trimEnd())
    .join("\n");

/** The page: every message of every locale file, each locale's text rendered with the samples. */
export function renderMessagesDoc(dir = LOCALES_DIR): string {
  const { bundles } = loadLocales(dir);
  const samples = new Map(LOCALES.map((l) => [l, sampleValues(l, dir)]));
  const files = readdirSync(join(dir, "en"))
    .filter((f) => f.endsWith(".ftl"))
    .sort();
  const out = [
    "# Every message the bot sends, in every language",
    "",
    "Generated from `locales/*/*.ftl` by `npm run docs:messages`, with sample values; a test fails when",
    "this page is not current. Edit the `.ftl` files, then run the script: never edit this page by hand.",
    "",
  ];
  for (const file of files) {
    out.push(`## ${file}`, "");
    const ids = new FluentResource(readFileSync(join(dir, "en", file), "utf8")).body
      .map((e) => e.id)
      .filter((id) => !id.startsWith("-"));
    for (const id of ids) {
      out.push(`### ${id}`, "");
      for (const locale of LOCALES) {
        const bundle = bundles.get(locale)!;
        const message = bundle.getMessage(id);
        if (!message?.value) {
          out.push(`**${locale}** (missing)`, "");
          continue;
        }
        const values = samples.get(locale)!;
        const args: Record<string, FluentVariable> = {};
        for (const v of variablesOf(message.value)) args[v] = values[v] ?? `⟨${v}⟩`;
        const text = bundle.formatPattern(message.value, args, []);
        out.push(`**${locale}**`, "", quote(text), "");
      }
    }
  }
  return out.join("\n");
}

// `npm run docs:messages` writes the page.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(MESSAGES_DOC, renderMessagesDoc());
  console.log(`wrote ${MESSAGES_DOC}`);
}
