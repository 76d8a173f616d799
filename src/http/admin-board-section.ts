import { escapeHtml } from "../core/html.ts";
import { type BoardData, type BoardDay, type BoardRow, reasonMessage } from "../digests/board.ts";
import { cellToE164 } from "../domain/phone.ts";
import type { AdminView } from "./admin-view.ts";

const e = escapeHtml;

/** 0527654321 -> 052-765-4321: how an Israeli reads a mobile number. */
const localPhone = (cell: string) =>
  /^05\d{8}$/.test(cell) ? `${cell.slice(0, 3)}-${cell.slice(3, 6)}-${cell.slice(6)}` : cell;

function stateWords(row: BoardRow, view: AdminView, zone: string): { badge: string; why: string } {
  const s = row.state;
  switch (s.kind) {
    case "confirmed":
      return { badge: view.t("admin-state-confirmed"), why: view.t("admin-detail-confirmed") };
    case "declined":
      return { badge: view.t("admin-state-declined"), why: view.t("admin-detail-declined") };
    case "sent":
      return {
        badge: view.t("admin-state-sent"),
        why: view.t("admin-detail-sent", { when: view.time(s.next, zone) }),
      };
    case "no-answer":
      return { badge: view.t("admin-state-no-answer"), why: view.t("admin-detail-no-answer") };
    case "scheduled": {
      const when = view.time(s.at, zone);
      const why = s.adjusted
        ? view.t(`admin-adjusted-${s.adjusted.replace(/_/g, "-")}`, { when })
        : view.t("admin-detail-scheduled", { when });
      return { badge: view.t("admin-state-scheduled"), why };
    }
    case "not-sent":
      return { badge: view.t("admin-state-not-sent"), why: view.t(reasonMessage(s.reason)) };
  }
}

/** A missing chat matters only while a reminder is still to go out. */
const needsChat = (row: BoardRow) =>
  !row.reachable && (row.state.kind === "scheduled" || row.state.kind === "sent");

function rowHtml(row: BoardRow, view: AdminView, zone: string, hintEach: boolean): string {
  const { badge, why } = stateWords(row, view, zone);
  const what = [row.service, row.staff].filter(Boolean).map(e).join(" · ");
  const attendance =
    row.attendance === 1
      ? ` · ${e(view.t("admin-state-came"))}`
      : row.attendance === 2
        ? ` · ${e(view.t("admin-state-no-show"))}`
        : "";
  const hint = hintEach && needsChat(row) ? `<p class="hint">${e(view.t("admin-hint-no-chat"))}</p>` : "";
  const call = row.callCell
    ? `<a class="call" data-testid="call" href="tel:${e(cellToE164(row.callCell))}">${e(view.t("admin-board-call", { phone: localPhone(row.callCell) }))}</a>`
    : "";
  return `<li class="appt state-${row.state.kind}" data-testid="appt" data-state="${row.state.kind}">
<div class="line"><span class="time">${e(view.time(row.start, zone))}</span><span class="who">${e(row.firstName)}</span><span class="what">${what}</span><span class="badge" data-testid="state">${e(badge)}${attendance}</span></div>
<p class="why">${e(why)}</p>${hint}${call}</li>`;
}

function dayHtml(
  d: BoardDay,
  heading: string,
  testid: string,
  view: AdminView,
  zone: string,
  hintEach: boolean,
): string {
  const confirmed = d.rows.filter((r) => r.state.kind === "confirmed").length;
  const declined = d.rows.filter((r) => r.state.kind === "declined").length;
  const totals = d.rows.length
    ? `<p>${e(view.t("digest-totals", { total: d.rows.length, confirmed, declined, unanswered: d.rows.length - confirmed - declined }))}</p>`
    : "";
  const list = d.rows.length
    ? `<ul>${d.rows.map((r) => rowHtml(r, view, zone, hintEach)).join("\n")}</ul>`
    : `<p>${e(view.t("admin-board-empty"))}</p>`;
  return `<div class="day" data-testid="${testid}"><h3>${e(view.t(heading, { day: view.day(d.day, zone) }))}</h3>${totals}${list}</div>`;
}

/**
 * The owner's evening question on one screen: who comes tomorrow (and today), who has not
 * answered (with a number to call), and why a reminder did not go out. The block is also served
 * alone at `/admin/board` so the page can refresh it in place.
 */
export function boardHtml(site: string, data: BoardData | null, view: AdminView): string {
  // Many customers without a chat (a new business, or no channel running) is one notice, not one per row.
  const unlinked = data ? [...data.next.rows, ...data.today.rows].filter(needsChat).length : 0;
  const hintEach = unlinked < 3;
  const notice = hintEach
    ? ""
    : `<p class="hint" data-testid="no-chat-notice">${e(view.t("admin-hint-no-chat-many", { count: unlinked }))}</p>`;
  const inner = data
    ? `${notice}${dayHtml(data.next, data.next.isTomorrow ? "admin-board-tomorrow" : "admin-board-next", "tomorrow", view, data.zone, hintEach)}
${dayHtml(data.today, "admin-board-today", "today", view, data.zone, hintEach)}
<p class="updated">${e(view.t("admin-board-updated", { when: view.time(data.updatedAt, data.zone) }))}</p>`
    : `<p class="hint">${e(view.t("admin-board-unavailable"))}</p>`;
  return `<div class="board" data-site="${e(site)}">${inner}
<a class="button secondary" data-refresh href="/admin#site-${e(site)}">${e(view.t("admin-board-refresh"))}</a></div>`;
}

/** Refreshes each board in place every minute and on its button; without script the button reloads the page. */
export const BOARD_SCRIPT = `(function(){
function refresh(board){var site=board.getAttribute("data-site");
fetch("/admin/board?site="+encodeURIComponent(site),{credentials:"same-origin"}).then(function(r){return r.ok?r.text():null}).then(function(html){if(!html)return;var t=document.createElement("div");t.innerHTML=html;var fresh=t.firstElementChild;if(fresh){board.replaceWith(fresh);}}).catch(function(){});}
document.addEventListener("click",function(ev){var b=ev.target.closest&&ev.target.closest("[data-refresh]");if(!b)return;ev.preventDefault();refresh(b.closest(".board"));});
setInterval(function(){document.querySelectorAll(".board").forEach(refresh)},60000);
})();`;
