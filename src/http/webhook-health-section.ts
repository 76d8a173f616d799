import { DateTime } from "luxon";
import { escapeHtml } from "../core/html.ts";
import type { WebhookHealth, WebhookHealthStatus } from "../storage/webhook-health.ts";
import type { AdminSiteSection } from "./admin-page.ts";
import type { HealthCheck } from "./server.ts";

export interface WebhookHealthSource {
  health: WebhookHealth;
  /** Sites with a webhook key: only they can receive verified webhooks. */
  sites: ReadonlyArray<{ id: string; webhooks: boolean }>;
  now: () => DateTime;
}

const TURN_ON =
  "in Tor4You's settings menu, check the webhook URL and reset its retry count to turn it on again";

/** One line per site on /readyz. Informational: webhooks being off never makes the process unready. */
export function webhookReadiness(src: WebhookHealthSource): HealthCheck[] {
  return src.sites.map((s) => ({
    name: `tor4you-webhooks-${s.id}`,
    check: async () => ({
      ok: true,
      detail: s.webhooks
        ? describe(await status(src, s.id))
        : "no webhook key configured: changes arrive by the scan only",
    }),
  }));
}

async function status(src: WebhookHealthSource, site: string) {
  return src.health.status(site, src.now().toMillis());
}

/** For logs and /readyz: plain English (the admin page has its own, translated, wording). */
export function describe(st: WebhookHealthStatus): string {
  const last =
    st.lastVerifiedAt === null
      ? "no verified webhook yet"
      : `last verified webhook ${Math.round((Date.now() - st.lastVerifiedAt) / 60_000)} min ago`;
  const parts = [last, `${st.wrongSignaturesLastHour} wrong signatures in the last hour`];
  if (st.looksOff)
    parts.push(
      `no webhook for ${st.hoursWithoutWebhook ?? 0} h while the scan found ${st.missedSinceLastWebhook} changes made by the business: Tor4You has likely switched the webhook off; ${TURN_ON}`,
    );
  else if (st.wrongSignaturesLastHour > 0)
    parts.push("check TOR4YOU_WEBHOOK_KEY against Tor4You's settings menu");
  return parts.join("; ");
}

/** The admin page's block per business: the last verified webhook, wrong signatures, and whether webhooks look off. */
export function webhookHealthSection(src: WebhookHealthSource): AdminSiteSection {
  return {
    id: "webhook-health",
    render: async (site, view) => {
      const configured = src.sites.find((s) => s.id === site.id)?.webhooks ?? false;
      const e = escapeHtml;
      if (!configured)
        return `<section class="webhooks"><h3>${e(view.t("admin-webhooks-title"))}</h3><p>${e(view.t("admin-webhooks-no-key"))}</p></section>`;
      const st = await status(src, site.id);
      const last =
        st.lastVerifiedAt === null
          ? view.t("admin-webhooks-never")
          : view.t("admin-webhooks-last", {
              at: view.dateTime(DateTime.fromMillis(st.lastVerifiedAt), site.timezone ?? "Asia/Jerusalem"),
            });
      const lines = [
        `<p>${e(last)}</p>`,
        `<p>${e(view.t("admin-webhooks-wrong-signatures", { count: st.wrongSignaturesLastHour }))}</p>`,
      ];
      if (st.wrongSignaturesLastHour > 0) lines.push(`<p>${e(view.t("admin-webhooks-check-key"))}</p>`);
      if (st.looksOff)
        lines.push(
          `<p class="alert"><strong>${e(
            view.t("admin-webhooks-off", {
              hours: st.hoursWithoutWebhook ?? 0,
              changes: st.missedSinceLastWebhook,
            }),
          )}</strong></p>`,
          `<p>${e(view.t("admin-webhooks-turn-on"))}</p>`,
        );
      return `<section class="webhooks"><h3>${e(view.t("admin-webhooks-title"))}</h3>${lines.join("")}</section>`;
    },
  };
}
