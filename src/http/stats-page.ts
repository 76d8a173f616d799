import type { FastifyInstance } from "fastify";
import { escapeHtml } from "../core/html.ts";
import { type Counts, confirmationRate, noShowRate, type WeekStats } from "../digests/stats.ts";
import { adminGuard } from "./admin-auth.ts";

const pct = (r: number | null) => (r === null ? "–" : `${Math.round(r * 100)}%`);

const HEAD: Array<[keyof Counts, string]> = [
  ["appointments", "Appointments"],
  ["reminded", "Reminded"],
  ["remindersSent", "Reminders sent"],
  ["answered", "Answered"],
  ["confirmed", "Confirmed"],
  ["declined", "Declined"],
  ["noAnswer", "No answer"],
  ["noShowsConfirmed", "No-shows (confirmed)"],
  ["noShowsUnanswered", "No-shows (no answer)"],
  ["noShows", "No-shows (all)"],
  ["cancelledByBot", "Cancelled via bot"],
];

function table(rows: Array<{ week: string; label: string; c: Counts }>, labelHead: string) {
  const th = ["Week", labelHead, ...HEAD.map(([, h]) => h), "Confirmation rate", "No-show rate"]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join("");
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.week)}</td><td>${escapeHtml(r.label)}</td>${HEAD.map(([k]) => `<td>${r.c[k]}</td>`).join("")}` +
        `<td>${pct(confirmationRate(r.c))}</td><td>${pct(noShowRate(r.c))}</td></tr>`,
    )
    .join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * Reminded appointments per week as stacked bars (confirmed / declined / no answer), with the
 * week's no-show rate above each bar. Plain SVG, rendered on the server: no script on the page.
 */
export function statsChart(weeks: readonly WeekStats[]): string {
  const W = 120;
  const H = 200;
  const max = Math.max(1, ...weeks.map((w) => w.total.reminded));
  const scale = (n: number) => (n / max) * (H - 40);
  const bars = weeks
    .map((w, i) => {
      const x = 40 + i * W;
      let y = H - 20;
      const parts: Array<[number, string, string]> = [
        [w.total.confirmed, "#2e7d32", "confirmed"],
        [w.total.declined, "#c62828", "declined"],
        [w.total.noAnswer, "#9e9e9e", "no answer"],
      ];
      const rects = parts
        .filter(([n]) => n > 0)
        .map(([n, color, name]) => {
          const h = scale(n);
          y -= h;
          return `<rect x="${x}" y="${y.toFixed(1)}" width="${W - 40}" height="${h.toFixed(1)}" fill="${color}"><title>${name}: ${n}</title></rect>`;
        })
        .join("");
      return (
        `${rects}<text x="${x + (W - 40) / 2}" y="${H - 5}" text-anchor="middle" font-size="11">${escapeHtml(w.week)}</text>` +
        `<text x="${x + (W - 40) / 2}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="11">no-show ${pct(noShowRate(w.total))}</text>`
      );
    })
    .join("\n");
  const width = 40 + weeks.length * W;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Answers to reminders per week" width="${width}" height="${H}" viewBox="0 0 ${width} ${H}">
<line x1="30" y1="${H - 20}" x2="${width}" y2="${H - 20}" stroke="#333"/>
${bars}
</svg>`;
}

export function statsPage(site: string, weeks: readonly WeekStats[]): string {
  const totals = weeks.map((w) => ({ week: w.week, label: "all", c: w.total }));
  const staff = weeks.flatMap((w) => w.byStaff.map((g) => ({ week: w.week, label: g.name, c: g.counts })));
  const services = weeks.flatMap((w) =>
    w.byService.map((g) => ({ week: w.week, label: g.name, c: g.counts })),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(site)}: statistics</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:end}td:nth-child(-n+2),th:nth-child(-n+2){text-align:start}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em}</style></head>
<body><h1>${escapeHtml(site)}: reminders, answers and no-shows</h1>
<p class="legend"><span style="background:#2e7d32"></span>confirmed<span style="background:#c62828"></span>declined<span style="background:#9e9e9e"></span>no answer</p>
${statsChart(weeks)}
<h2>Per week</h2>${table(totals, "")}
<h2>Per staff member</h2>${table(staff, "Staff")}
<h2>Per service</h2>${table(services, "Service")}
</body></html>`;
}

/** `GET /admin/stats?site=S&weeks=4`, behind ADMIN_TOKEN; absent without one. */
export function statsRoute(deps: {
  adminToken: string | undefined;
  sites: readonly string[];
  stats: (site: string, weeks: number) => Promise<WeekStats[]>;
}) {
  return async (app: FastifyInstance) => {
    if (!deps.adminToken) return;
    const allowed = adminGuard(deps.adminToken);
    app.get("/admin/stats", async (req, reply) => {
      if (!allowed(req, reply)) return reply;
      const q = req.query as { site?: string; weeks?: string };
      const site = q.site ?? deps.sites[0];
      if (!site || !deps.sites.includes(site)) return reply.code(404).send({ error: "no such site" });
      const weeks = Number(q.weeks ?? 4);
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
        return reply.code(400).send({ error: "weeks must be 1 to 52" });
      return reply.type("text/html; charset=utf-8").send(statsPage(site, await deps.stats(site, weeks)));
    });
  };
}
