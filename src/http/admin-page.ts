import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { Queue } from "bullmq";
import type { FastifyInstance } from "fastify";
import QRCode from "qrcode";
import { escapeHtml } from "../core/html.ts";
import type { Decision } from "../storage/decision-log.ts";
import { adminGuard } from "./admin-auth.ts";

export interface AdminSite {
  id: string;
  name: string;
  /** The link customers start the business's Telegram bot with, once the bot is up. */
  telegramInvite?: string;
}

export interface AdminSession {
  session: string;
  state: string;
  reason?: string;
  since: number;
  /** While pairing: the QR WhatsApp wants scanned, or the pairing code. */
  qr?: string;
  code?: string;
}

export interface AdminDeps {
  adminToken: string | undefined;
  sites: () => AdminSite[];
  sessions: () => AdminSession[];
  queues: () => Queue[];
  decisions: (site: string) => Promise<Decision[]>;
}

const qr = async (text: string, label: string) =>
  `<img class="qr" alt="${escapeHtml(label)}" src="${await QRCode.toDataURL(text, { margin: 1, width: 180 })}">`;
const time = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 19);

/**
 * `/admin` behind ADMIN_TOKEN (HTTP Basic in a browser): each site with its invite link and QR,
 * statistics, and latest decisions not to send; the WhatsApp sessions with their pairing QR; and
 * bull-board for the queues at `/admin/queues`. Without a token none of it exists.
 */
export function adminRoutes(deps: AdminDeps) {
  return async (app: FastifyInstance) => {
    if (!deps.adminToken) return;
    const allowed = adminGuard(deps.adminToken);
    await app.register(async (scope) => {
      scope.addHook("onRequest", async (req, reply) => {
        if (!allowed(req, reply)) return reply;
      });

      const board = new FastifyAdapter();
      board.setBasePath("/admin/queues");
      createBullBoard({ queues: deps.queues().map((q) => new BullMQAdapter(q)), serverAdapter: board });
      await scope.register(board.registerPlugin(), { prefix: "/admin/queues" });

      scope.get("/admin", async (_req, reply) => {
        const sites = await Promise.all(
          deps.sites().map(async (s) => {
            const decisions = await deps.decisions(s.id);
            const rows = decisions
              .map(
                (d) =>
                  `<tr><td>${time(d.at)}</td><td>${escapeHtml(d.reason)}</td><td>${escapeHtml(d.apptId ?? "")}</td><td>${d.offsetMin ?? ""}</td></tr>`,
              )
              .join("");
            const invite = s.telegramInvite
              ? `<p>Telegram: <a href="${escapeHtml(s.telegramInvite)}">${escapeHtml(s.telegramInvite)}</a></p>${await qr(s.telegramInvite, `QR for ${s.name}`)}`
              : "<p>No Telegram bot for this site.</p>";
            return `<section><h2>${escapeHtml(s.name)} <small>(${escapeHtml(s.id)})</small></h2>${invite}
<p><a href="/admin/stats?site=${encodeURIComponent(s.id)}">Statistics</a></p>
<h3>Latest decisions not to send a reminder</h3>
${rows ? `<table><thead><tr><th>When (UTC)</th><th>Reason</th><th>Appointment</th><th>Offset (min)</th></tr></thead><tbody>${rows}</tbody></table>` : "<p>None.</p>"}
</section>`;
          }),
        );
        const sessions = await Promise.all(
          deps
            .sessions()
            .map(
              async (s) =>
                `<tr><td>${escapeHtml(s.session)}</td><td>${escapeHtml(s.state)}</td><td>${escapeHtml(s.reason ?? "")}</td><td>${time(s.since)}</td><td>${
                  s.qr
                    ? await qr(s.qr, `pairing QR for ${s.session}`)
                    : s.code
                      ? `code <b>${escapeHtml(s.code)}</b>`
                      : ""
                }</td></tr>`,
            ),
        );
        return reply
          .type("text/html; charset=utf-8")
          .header("cache-control", "no-store")
          .send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tor4you-bot admin</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:start}.qr{display:block;margin:.3rem 0}</style></head>
<body><h1>tor4you-bot admin</h1>
<p><a href="/admin/queues">Queues (bull-board)</a> · <a href="/readyz">Readiness</a> · <a href="/metrics">Metrics</a></p>
<h2>WhatsApp sessions</h2>
${sessions.length ? `<table><thead><tr><th>Session</th><th>State</th><th>Why</th><th>Since (UTC)</th><th>Pairing</th></tr></thead><tbody>${sessions.join("")}</tbody></table>` : "<p>No WhatsApp session runs in this process.</p>"}
${sites.join("\n")}
</body></html>`);
      });
    });
  };
}
