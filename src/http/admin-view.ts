import type { FluentVariable } from "@fluent/bundle";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { DateTime } from "luxon";
import { escapeHtml } from "../core/html.ts";
import {
  createTranslator,
  isLocale,
  LOCALES,
  LOCALES_DIR,
  type Locale,
  type Translator,
} from "../i18n/translator.ts";

/** What every admin renderer gets: the reader's language and the translator's formatting in it. */
export interface AdminView {
  locale: Locale;
  dir: "rtl" | "ltr";
  /** A message of the admin's locale files, bidi-isolation marks removed (HTML's own `dir` handles direction). */
  t: (id: string, args?: Record<string, FluentVariable>) => string;
  /** HH:MM in the zone. */
  time: (dt: DateTime, zone: string) => string;
  /** "יום ה׳ 03.12" */
  day: (dt: DateTime, zone: string) => string;
  dateTime: (dt: DateTime, zone: string) => string;
  /** This page's address in another language (for the language switch). */
  urlIn: (locale: Locale) => string;
  /** A language's name for itself ("עברית", "English"), from its own locale file. */
  languageName: (locale: Locale) => string;
}

const COOKIE = "t4y_admin_lang";

/** The translator the routes were given, or the shipped locale files with Hebrew first. */
export const adminTranslator = (given: Translator | undefined): Translator =>
  given ?? createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" });

/**
 * The page's language: `?lang=` (remembered in a cookie, so the board and the statistics
 * agree), else the cookie, else the business's own language.
 */
export function adminView(
  req: FastifyRequest,
  reply: FastifyReply,
  translator: Translator,
  businessLocale: Locale | undefined,
): AdminView {
  const query = req.query as Record<string, string | undefined>;
  const asked = query.lang;
  const remembered = /(?:^|;\s*)t4y_admin_lang=([a-z]{2})/.exec(req.headers.cookie ?? "")?.[1];
  let locale: Locale = businessLocale ?? translator.defaultLocale;
  if (isLocale(asked)) {
    locale = asked;
    reply.header("set-cookie", `${COOKIE}=${asked}; Path=/admin; SameSite=Lax; HttpOnly; Max-Age=31536000`);
  } else if (isLocale(remembered)) locale = remembered;
  const path = req.url.split("?")[0] ?? "/admin";
  return viewIn(translator, locale, (l) => {
    const params = new URLSearchParams(
      Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
    params.set("lang", l);
    return `${path}?${params.toString()}`;
  });
}

/** A view in a given language (pages rendered outside a request: tests, previews). */
export function viewIn(
  translator: Translator,
  locale: Locale,
  urlIn: (l: Locale) => string = (l) => `?lang=${l}`,
): AdminView {
  return {
    locale,
    dir: translator.direction(locale),
    t: (id, args) => translator.t(locale, id, args).replace(/[\u2068\u2069]/g, ""),
    time: (dt, zone) => translator.formatTime(dt, zone),
    day: (dt, zone) => translator.formatDay(locale, dt, zone),
    dateTime: (dt, zone) => translator.formatDateTime(locale, dt, zone),
    languageName: (l) => translator.t(l, "admin-language-name"),
    urlIn,
  };
}

const STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:0;padding:0 .75rem 2rem;max-width:52rem;margin-inline:auto;line-height:1.4;color:#1d1d1f;background:#f6f6f4;overflow-wrap:anywhere}
header{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;padding:.75rem 0;border-bottom:1px solid #ddd}
header h1{font-size:1.25rem;margin:0;flex:1 1 12rem}
nav a,.langs a{margin-inline-end:.6rem}
.langs{font-size:.9rem}.langs a[aria-current]{font-weight:bold;text-decoration:none;color:inherit}
h2{font-size:1.15rem;margin:1.25rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .4rem}
section.business{background:#fff;border-radius:.6rem;padding:.25rem .75rem .75rem;margin:1rem 0;box-shadow:0 1px 2px #0002}
.day ul{list-style:none;margin:0;padding:0}
.appt{border:1px solid #e2e2e2;border-inline-start:.35rem solid #9e9e9e;border-radius:.4rem;padding:.45rem .6rem;margin:.4rem 0;background:#fff}
.appt .line{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
.appt .time{font-weight:bold;font-variant-numeric:tabular-nums}
.appt .who{font-weight:600}.appt .what{color:#555;font-size:.9rem}
.appt .badge{margin-inline-start:auto;font-size:.85rem;font-weight:600;padding:.05rem .45rem;border-radius:1rem;background:#eee}
.appt .why{margin:.25rem 0 0;font-size:.9rem;color:#333}
.appt .hint{margin:.25rem 0 0;font-size:.85rem;color:#8a4b00}
.state-confirmed{border-inline-start-color:#2e7d32}.state-confirmed .badge{background:#e3f3e4;color:#1b5e20}
.state-declined{border-inline-start-color:#c62828}.state-declined .badge{background:#fde7e7;color:#8e1b1b}
.state-no-answer{border-inline-start-color:#ef6c00}.state-no-answer .badge{background:#fff0e0;color:#8a4b00}
.state-sent{border-inline-start-color:#1565c0}.state-sent .badge{background:#e4eefb;color:#0d47a1}
.state-not-sent .badge{background:#f1f1f1;color:#444}
a.call,.button{display:inline-block;margin-top:.35rem;padding:.4rem .8rem;border-radius:.4rem;background:#2e7d32;color:#fff;text-decoration:none;font-weight:600;border:0;font-size:.95rem;cursor:pointer}
.button.secondary{background:#455a64}
.updated{font-size:.85rem;color:#555}
.qr{display:block;margin:.3rem 0;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.25rem;background:#fff}
td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:end;font-variant-numeric:tabular-nums}
td:first-child,th:first-child,td.label,th.label{text-align:start}
.kpis{display:flex;flex-wrap:wrap;gap:.6rem;margin:.75rem 0}
.kpi{flex:1 1 9rem;background:#fff;border-radius:.5rem;padding:.5rem .75rem;box-shadow:0 1px 2px #0002}
.kpi b{display:block;font-size:1.6rem}
.chart{background:#fff;border-radius:.5rem;padding:.5rem;box-shadow:0 1px 2px #0002;margin:0}
.chart figcaption{font-weight:600;margin-bottom:.25rem}
.legend span.rate{background:none;color:#8e1b1b;width:auto;height:auto;font-weight:bold}
.chart svg{width:100%;height:auto;display:block}
.legend{font-size:.9rem}.legend span{display:inline-block;width:.8em;height:.8em;margin-inline:.8em .3em;vertical-align:middle}
details{margin:.5rem 0}
@media (max-width:40rem){
 table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
 table.cards thead{display:none}
 table.cards{background:none}
 table.cards tr{background:#fff;border:1px solid #ddd;border-radius:.4rem;margin:.5rem 0;padding:.25rem .5rem;display:grid;grid-template-columns:1fr 1fr;column-gap:.75rem}
 table.cards td{border:0;border-bottom:1px solid #eee;display:flex;flex-direction:column;text-align:start;padding:.2rem 0;font-weight:600}
 table.cards td::before{content:attr(data-label);color:#555;font-size:.8rem;font-weight:normal}
 table.cards td.label{grid-column:1/-1;font-size:1.05rem;flex-direction:row;gap:.5rem;align-items:baseline}
}`;

/** The admin pages' one frame: the language and direction of the reader, navigation, language switch. */
export function adminDocument(
  view: AdminView,
  page: { title: string; heading: string; body: string; script?: string },
): string {
  const langs = LOCALES.map((l) => {
    const name = escapeHtml(view.languageName(l));
    return l === view.locale
      ? `<a aria-current="true" lang="${l}" hreflang="${l}" href="${escapeHtml(view.urlIn(l))}">${name}</a>`
      : `<a lang="${l}" hreflang="${l}" href="${escapeHtml(view.urlIn(l))}">${name}</a>`;
  }).join("");
  return `<!doctype html>
<html lang="${view.locale}" dir="${view.dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.title)}</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(page.heading)}</h1>
<nav><a href="/admin">${escapeHtml(view.t("admin-nav-board"))}</a><a href="/admin/stats">${escapeHtml(view.t("admin-nav-stats"))}</a></nav>
<div class="langs" role="navigation" aria-label="${escapeHtml(view.t("admin-language"))}">${langs}</div></header>
${page.body}
${page.script ? `<script>${page.script}</script>` : ""}
</body></html>`;
}
