import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { Queue } from "bullmq";
import type { FastifyInstance } from "fastify";
import { DateTime } from "luxon";
import QRCode from "qrcode";
import { escapeHtml } from "../core/html.ts";
import { type BoardData, reasonMessage } from "../digests/board.ts";
import type { Locale, Translator } from "../i18n/translator.ts";
import type { Decision } from "../storage/decision-log.ts";
import { TOR4YOU_ZONE } from "../tor4you/dates.ts";
import { adminGuard, type LoginLimiter, sameOriginOrBearer } from "./admin-auth.ts";
import { BOARD_SCRIPT, boardHtml } from "./admin-board-section.ts";
import { type AdminView, adminDocument, adminTranslator, adminView } from "./admin-view.ts";

export interface AdminSite {
  id: string;
  name: string;
  /** The business's language and time zone: the page speaks the one and shows times in the other. */
  locale?: Locale;
  timezone?: string;
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

/**
 * One block of the page. A site section renders once per business, under its name; a page
 * section once, after the businesses. Each returns HTML with every text from `view.t`.
 */
export interface AdminSiteSection {
  id: string;
  render: (site: AdminSite, view: AdminView) => Promise<string> | string;
}
export interface AdminPageSection {
  id: string;
  render: (view: AdminView) => Promise<string> | string;
}

export interface AdminDeps {
  adminToken: string | undefined;
  /** Failed logins per address (none: unlimited, for tests of other things). */
  loginLimiter?: LoginLimiter;
  /** bull-board may retry, clean, pause or remove jobs (ADMIN_QUEUES_WRITABLE); read-only otherwise. */
  queuesWritable?: boolean;
  /** The chats' translator (the shipped locale files when absent). */
  translator?: Translator;
  sites: () => AdminSite[];
  sessions: () => AdminSession[];
  queues: () => Queue[];
  decisions: (site: string) => Promise<Decision[]>;
  /** Today's and tomorrow's appointments with their reminders' state. */
  board?: (site: string) => Promise<BoardData>;
  /** More blocks from other parts of the program, after the built-in ones. */
  siteSections?: AdminSiteSection[];
  pageSections?: AdminPageSection[];
}

const e = escapeHtml;
const qr = async (text: string, label: string) =>
  `<img class="qr" alt="${e(label)}" src="${await QRCode.toDataURL(text, { margin: 1, width: 180 })}">`;

function boardSection(deps: AdminDeps): AdminSiteSection {
  return {
    id: "board",
    render: async (site, view) => {
      if (!deps.board) return "";
      const data = await deps.board(site.id).catch(() => null);
      return boardHtml(site.id, data, view);
    },
  };
}

const inviteSection: AdminSiteSection = {
  id: "invite",
  render: async (site, view) => {
    if (!site.telegramInvite)
      return `<h3>${e(view.t("admin-invite-title"))}</h3><p>${e(view.t("admin-invite-none"))}</p>`;
    return `<h3>${e(view.t("admin-invite-title"))}</h3><p>${e(view.t("admin-invite-text"))}</p>
<p><a href="${e(site.telegramInvite)}" dir="ltr">${e(site.telegramInvite)}</a></p>${await qr(site.telegramInvite, view.t("admin-qr-alt"))}`;
  },
};

const statsLinkSection: AdminSiteSection = {
  id: "stats-link",
  render: (site, view) =>
    `<p><a class="button secondary" href="/admin/stats?site=${encodeURIComponent(site.id)}">${e(view.t("admin-nav-stats"))}</a></p>`,
};

/** Recent decisions not to send, counted by reason and said in words (the board has them per appointment). */
function decisionsSection(deps: AdminDeps): AdminSiteSection {
  return {
    id: "decisions",
    render: async (site, view) => {
      const counts = new Map<string, number>();
      for (const d of await deps.decisions(site.id)) {
        const message = reasonMessage(d.reason);
        counts.set(message, (counts.get(message) ?? 0) + 1);
      }
      const items = [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(
          ([message, n]) =>
            `<li>${e(view.t(message))} <small>(${e(view.t("admin-decisions-times", { count: n }))})</small></li>`,
        )
        .join("");
      return `<details><summary>${e(view.t("admin-decisions-title"))}</summary>${items ? `<ul>${items}</ul>` : `<p>${e(view.t("admin-decisions-none"))}</p>`}</details>`;
    },
  };
}

const SESSION_STATES = new Set(["starting", "pairing", "ready", "disconnected", "unreachable", "stopped"]);

function sessionsSection(deps: AdminDeps, zone: () => string): AdminPageSection {
  return {
    id: "whatsapp",
    render: async (view) => {
      const sessions = deps.sessions();
      const items = await Promise.all(
        sessions.map(async (s) => {
          const state = SESSION_STATES.has(s.state) ? view.t(`admin-session-${s.state}`) : s.state;
          const since = view.t("admin-session-since", {
            when: view.dateTime(DateTime.fromMillis(s.since), zone()),
          });
          const pairing = s.qr
            ? await qr(s.qr, view.t("admin-session-qr-alt"))
            : s.code
              ? `<p>${e(view.t("admin-session-code"))}: <b dir="ltr">${e(s.code)}</b></p>`
              : "";
          const detail = s.reason
            ? `<details><summary>${e(view.t("admin-technical"))}</summary><p dir="ltr">${e(s.reason)}</p></details>`
            : "";
          return `<li data-testid="session"><b dir="ltr">${e(s.session)}</b>: ${e(state)} <small>(${e(since)})</small>${pairing}${detail}</li>`;
        }),
      );
      return `<section><h2>${e(view.t("admin-sessions-title"))}</h2>${
        items.length ? `<ul>${items.join("")}</ul>` : `<p>${e(view.t("admin-sessions-none"))}</p>`
      }</section>`;
    },
  };
}

const technicalLinks: AdminPageSection = {
  id: "technical",
  render: (view) =>
    `<footer><p><small><a href="/admin/queues">${e(view.t("admin-nav-queues"))}</a> · <a href="/readyz?details=1">${e(view.t("admin-nav-health"))}</a> · <a href="/metrics">${e(view.t("admin-nav-metrics"))}</a></small></p></footer>`,
};

/**
 * `/admin` behind ADMIN_TOKEN (HTTP Basic in a browser), in the business's language: for each
 * business its board of today and tomorrow, the statistics link, the Telegram invite with its
 * QR, and why recent reminders did not go out; then the WhatsApp sessions with their pairing QR.
 * bull-board serves the queues at `/admin/queues`. Without a token none of it exists.
 */
export function adminRoutes(deps: AdminDeps) {
  return async (app: FastifyInstance) => {
    if (!deps.adminToken) return;
    const allowed = adminGuard(deps.adminToken, deps.loginLimiter);
    const translator = adminTranslator(deps.translator);
    const siteSections = [
      boardSection(deps),
      statsLinkSection,
      ...(deps.siteSections ?? []),
      inviteSection,
      decisionsSection(deps),
    ];
    const zone = () => deps.sites()[0]?.timezone ?? TOR4YOU_ZONE;
    const pageSections = [sessionsSection(deps, zone), ...(deps.pageSections ?? []), technicalLinks];

    await app.register(async (scope) => {
      scope.addHook("onRequest", async (req, reply) => {
        if (!(await allowed(req, reply))) return reply;
        if (!sameOriginOrBearer(req))
          return reply.code(403).send({ error: "a change must come from the admin's own pages (Origin)" });
        // bull-board refuses writes itself in read-only mode; this also covers its routes that
        // are not per queue (pause all, purge metrics).
        if (!deps.queuesWritable && req.method !== "GET" && req.method !== "HEAD")
          return reply.code(405).send({ error: "the queues are read-only (ADMIN_QUEUES_WRITABLE)" });
      });

      const board = new FastifyAdapter();
      board.setBasePath("/admin/queues");
      const readOnlyMode = !deps.queuesWritable;
      createBullBoard({
        queues: deps.queues().map((q) => new BullMQAdapter(q, { readOnlyMode })),
        serverAdapter: board,
      });
      await scope.register(board.registerPlugin(), { prefix: "/admin/queues" });

      scope.get("/admin", async (req, reply) => {
        const sites = deps.sites();
        const view = adminView(req, reply, translator, sites[0]?.locale);
        const blocks = await Promise.all(
          sites.map(async (site) => {
            const parts = await Promise.all(siteSections.map((s) => s.render(site, view)));
            return `<section class="business" id="site-${e(site.id)}" data-testid="business"><h2>${e(site.name)}</h2>\n${parts.join("\n")}</section>`;
          }),
        );
        const page = await Promise.all(pageSections.map((s) => s.render(view)));
        const title = view.t("admin-page-title");
        return reply
          .type("text/html; charset=utf-8")
          .header("cache-control", "no-store")
          .send(
            adminDocument(view, {
              title: sites.length === 1 ? `${sites[0]!.name}: ${title}` : title,
              heading: title,
              body: `${blocks.join("\n")}\n${page.join("\n")}`,
              script: BOARD_SCRIPT,
            }),
          );
      });

      // One business's board alone, for the page's in-place refresh.
      scope.get("/admin/board", async (req, reply) => {
        const site = deps.sites().find((s) => s.id === (req.query as { site?: string }).site);
        if (!site) return reply.code(404).send({ error: "no such site" });
        const view = adminView(req, reply, translator, site.locale);
        const data = deps.board ? await deps.board(site.id).catch(() => null) : null;
        return reply
          .type("text/html; charset=utf-8")
          .header("cache-control", "no-store")
          .send(boardHtml(site.id, data, view));
      });
    });
  };
}
