import type { FastifyInstance } from "fastify";
import { DateTime } from "luxon";
import { escapeHtml } from "../core/html.ts";
import { type Counts, confirmationRate, noShowRate, type WeekStats } from "../digests/stats.ts";
import type { Locale, Translator } from "../i18n/translator.ts";
import { adminGuard, type LoginLimiter } from "./admin-auth.ts";
import { type AdminView, adminDocument, adminTranslator, adminView } from "./admin-view.ts";

const e = escapeHtml;
const pct = (r: number | null) => (r === null ? "–" : `${Math.round(r * 100)}%`);

const COLUMNS: Array<[keyof Counts, string]> = [
  ["appointments", "admin-col-appointments"],
  ["reminded", "admin-col-reminded"],
  ["remindersSent", "admin-col-reminders-sent"],
  ["answered", "admin-col-answered"],
  ["confirmed", "admin-col-confirmed"],
  ["declined", "admin-col-declined"],
  ["noAnswer", "admin-col-no-answer"],
  ["noShowsConfirmed", "admin-col-no-shows-confirmed"],
  ["noShowsUnanswered", "admin-col-no-shows-unanswered"],
  ["noShows", "admin-col-no-shows"],
  ["cancelledByBot", "admin-col-cancelled-by-bot"],
];

/** "22.11": a week by its Sunday, as people here write dates. */
const weekLabel = (week: string) => DateTime.fromISO(week).toFormat("dd.MM");

/**
 * A table that becomes one card per row on a phone (each cell says what it is). Rows are weeks,
 * or, with `labelHead`, staff members or services over the whole period.
 */
function table(
  view: AdminView,
  rows: Array<{ week?: string; label?: string; c: Counts; filled?: number }>,
  labelHead?: string,
) {
  // Only weeks know what the waitlist filled (it is counted per week, not per staff or service).
  const withFilled = !labelHead;
  const heads = [
    view.t(labelHead ?? "admin-col-week"),
    ...COLUMNS.map(([, id]) => view.t(id)),
    view.t("admin-col-confirmation-rate"),
    view.t("admin-col-no-show-rate"),
    ...(withFilled ? [view.t("admin-col-waitlist-filled")] : []),
  ];
  const th = heads.map((h, i) => `<th${i === 0 ? ' class="label"' : ""}>${e(h)}</th>`).join("");
  const body = rows
    .map((r) => {
      const cells = [
        labelHead ? (r.label ?? "") : weekLabel(r.week ?? ""),
        ...COLUMNS.map(([k]) => String(r.c[k])),
        pct(confirmationRate(r.c)),
        pct(noShowRate(r.c)),
        ...(withFilled ? [String(r.filled ?? 0)] : []),
      ];
      return `<tr>${cells.map((c, i) => `<td data-label="${e(heads[i]!)}"${i === 0 ? ' class="label"' : ""}>${e(c)}</td>`).join("")}</tr>`;
    })
    .join("\n");
  return `<table class="cards"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const COLORS: Array<[keyof Counts, string, string]> = [
  ["confirmed", "#2e7d32", "admin-col-confirmed"],
  ["declined", "#c62828", "admin-col-declined"],
  ["noAnswer", "#9e9e9e", "admin-col-no-answer"],
];

/** Round steps for the count axis: 1, 2, 5, 10, 20, 50… */
function niceStep(max: number): number {
  const rough = max / 4;
  const mag = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough) ?? 10 * mag;
}

/**
 * Reminded appointments per week as stacked bars (confirmed / can't come / no answer), the
 * week's no-show rate above each bar, a count axis with its gridlines and a week axis, each
 * titled. Plain SVG drawn on the server; it scales to the screen's width.
 */
export function statsChart(weeks: readonly WeekStats[], view: AdminView): string {
  // In viewBox units; on a 390 px phone the chart draws at about 0.65 of this, so text stays readable.
  const slot = 60;
  const bar = 40;
  const left = 40;
  const top = 44;
  const plotH = 220;
  const H = top + plotH + 62;
  const width = left + Math.max(weeks.length, 1) * slot + 8;
  const step = niceStep(Math.max(1, ...weeks.map((w) => w.total.reminded)));
  const axisMax = step * Math.max(1, Math.ceil(Math.max(1, ...weeks.map((w) => w.total.reminded)) / step));
  const y = (n: number) => top + plotH - (n / axisMax) * plotH;
  const ticks: string[] = [];
  for (let v = 0; v <= axisMax; v += step) {
    ticks.push(
      `<line x1="${left}" x2="${width - 4}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e5e5e5"/>` +
        `<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="15">${v}</text>`,
    );
  }
  const bars = weeks
    .map((w, i) => {
      const x = left + i * slot + (slot - bar) / 2;
      let base = top + plotH;
      const rects = COLORS.filter(([k]) => w.total[k] > 0)
        .map(([k, color, label]) => {
          const h = (w.total[k] / axisMax) * plotH;
          base -= h;
          return `<rect x="${x}" y="${base.toFixed(1)}" width="${bar}" height="${h.toFixed(1)}" fill="${color}"><title>${e(view.t(label))}: ${w.total[k]}</title></rect>`;
        })
        .join("");
      const rate = noShowRate(w.total);
      const above =
        rate === null
          ? ""
          : `<text x="${x + bar / 2}" y="${(base - 6).toFixed(1)}" text-anchor="middle" font-size="14" fill="#8e1b1b">${Math.round(rate * 100)}%<title>${e(view.t("admin-stats-bar-no-show", { count: Math.round(rate * 100) }))}</title></text>`;
      return `<g data-testid="week-bar" data-reminded="${w.total.reminded}">${rects}${above}<text x="${x + bar / 2}" y="${top + plotH + 20}" text-anchor="middle" font-size="15">${weekLabel(w.week)}</text></g>`;
    })
    .join("\n");
  return `<svg xmlns="http://www.w3.org/2000/svg" direction="ltr" role="img" aria-label="${e(view.t("admin-stats-chart"))}" viewBox="0 0 ${width} ${H}" preserveAspectRatio="xMidYMid meet">
${ticks.join("\n")}
<line x1="${left}" y1="${top + plotH}" x2="${width - 4}" y2="${top + plotH}" stroke="#333"/>
<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#333"/>
<text x="${left - 30}" y="${top - 22}" font-size="16" font-weight="bold">${e(view.t("admin-stats-axis-count"))}</text>
<text x="${(left + width) / 2}" y="${H - 10}" text-anchor="middle" font-size="16" font-weight="bold">${e(view.t("admin-stats-axis-week"))}</text>
${bars}
</svg>`;
}

const zero = (): Counts => Object.fromEntries(COLUMNS.map(([k]) => [k, 0])) as unknown as Counts;

function add(into: Counts, c: Counts): Counts {
  for (const [k] of COLUMNS) into[k] += c[k];
  return into;
}

const sum = (weeks: readonly WeekStats[]) => weeks.reduce((total, w) => add(total, w.total), zero());

/** Staff members or services over the whole period, by name. */
function overPeriod(weeks: readonly WeekStats[], pick: (w: WeekStats) => WeekStats["byStaff"]) {
  const groups = new Map<string, { label: string; c: Counts }>();
  for (const w of weeks)
    for (const g of pick(w)) {
      const row = groups.get(g.id) ?? { label: g.name, c: zero() };
      add(row.c, g.counts);
      groups.set(g.id, row);
    }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, "he"));
}

export function statsPage(
  site: { id: string; name: string },
  weeks: readonly WeekStats[],
  view: AdminView,
  others: ReadonlyArray<{ id: string; name: string }> = [],
): string {
  const all = weeks.length ? sum(weeks) : null;
  const kpis = all
    ? `<div class="kpis"><div class="kpi" data-testid="confirmation-rate">${e(view.t("admin-stats-confirmation-rate"))}<b>${pct(confirmationRate(all))}</b></div>
<div class="kpi" data-testid="no-show-rate">${e(view.t("admin-stats-no-show-rate"))}<b>${pct(noShowRate(all))}</b></div>
<div class="kpi" data-testid="waitlist-filled">${e(view.t("admin-stats-waitlist-filled"))}<b>${weeks.reduce((n, w) => n + w.filledFromWaitlist, 0)}</b></div></div>`
    : "";
  const legend = `${COLORS.map(
    ([, color, label]) => `<span style="background:${color}"></span>${e(view.t(label))}`,
  ).join("")}<span class="rate">%</span>${e(view.t("admin-col-no-show-rate"))}`;
  const totals = weeks.map((w) => ({ week: w.week, c: w.total, filled: w.filledFromWaitlist }));
  const staff = overPeriod(weeks, (w) => w.byStaff);
  const services = overPeriod(weeks, (w) => w.byService);
  const switcher = others.length
    ? `<nav>${others.map((o) => `<a href="/admin/stats?site=${encodeURIComponent(o.id)}">${e(o.name)}</a>`).join(" · ")}</nav>`
    : "";
  const weekChoice = [4, 8, 12, 26]
    .map(
      (n) =>
        `<a href="/admin/stats?site=${encodeURIComponent(site.id)}&amp;weeks=${n}"${n === weeks.length ? ' aria-current="true"' : ""}>${e(view.t("admin-stats-weeks", { count: n }))}</a>`,
    )
    .join(" · ");
  const heading = view.t("admin-stats-title", { business: site.name });
  return adminDocument(view, {
    title: heading,
    heading,
    body: `${switcher}<p>${weekChoice}</p>
<h2>${e(view.t("admin-stats-weeks", { count: weeks.length }))}</h2>${kpis}
<figure class="chart" data-testid="chart"><figcaption>${e(view.t("admin-stats-chart"))}</figcaption>${statsChart(weeks, view)}
<p class="legend">${legend}</p></figure>
<h2>${e(view.t("admin-stats-per-week"))}</h2>${table(view, totals)}
<h2>${e(view.t("admin-stats-per-staff"))}</h2>${staff.length ? table(view, staff, "admin-col-staff") : `<p>${e(view.t("admin-stats-empty"))}</p>`}
<h2>${e(view.t("admin-stats-per-service"))}</h2>${services.length ? table(view, services, "admin-col-service") : `<p>${e(view.t("admin-stats-empty"))}</p>`}
<p><a href="/admin">${e(view.t("admin-back"))}</a></p>`,
  });
}

/** `GET /admin/stats?site=S&weeks=8`, behind ADMIN_TOKEN, in the business's language; absent without a token. */
export function statsRoute(deps: {
  adminToken: string | undefined;
  /** The chats' translator (the shipped locale files when absent). */
  translator?: Translator;
  loginLimiter?: LoginLimiter;
  /** Each business (a bare id is its own name). */
  sites: ReadonlyArray<string | { id: string; name: string; locale?: Locale }>;
  stats: (site: string, weeks: number) => Promise<WeekStats[]>;
}) {
  return async (app: FastifyInstance) => {
    if (!deps.adminToken) return;
    const allowed = adminGuard(deps.adminToken, deps.loginLimiter);
    const translator = adminTranslator(deps.translator);
    const sites = deps.sites.map((s) => (typeof s === "string" ? { id: s, name: s } : s));
    app.get("/admin/stats", async (req, reply) => {
      if (!(await allowed(req, reply))) return reply;
      const q = req.query as { site?: string; weeks?: string };
      const site = q.site ? sites.find((s) => s.id === q.site) : sites[0];
      if (!site) return reply.code(404).send({ error: "no such site" });
      const weeks = Number(q.weeks ?? 8);
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
        return reply.code(400).send({ error: "weeks must be 1 to 52" });
      const view = adminView(req, reply, translator, site.locale);
      const others = sites.filter((s) => s.id !== site.id);
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(statsPage(site, await deps.stats(site.id, weeks), view, others));
    });
  };
}
