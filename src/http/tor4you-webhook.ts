import type { FastifyInstance, FastifyReply } from "fastify";
import type { Logger } from "pino";
import type { WebhookOutcome } from "../storage/webhook-health.ts";
import { parseWebhook, Tor4YouWebhookError, verifyWebhook, type WebhookEvent } from "../tor4you/webhook.ts";

export interface WebhookSite {
  id: string;
  webhookKey?: string;
  timezone: string;
}

export interface Tor4YouWebhookDeps {
  sites: readonly WebhookSite[];
  /** Records the event for the sync worker (deduplicated by notification id); must be quick. */
  record: (site: string, event: WebhookEvent) => Promise<void>;
  logger: Logger;
  /** Counts outcomes for /metrics: verified, unsigned, malformed, not_json, unknown_site. */
  count?: (outcome: string) => void;
  /** Per site, for the webhook health shown on /readyz and the admin page (kept in Redis). */
  health?: (site: string, outcome: WebhookOutcome) => void;
}

/**
 * `POST /webhooks/tor4you/:site` (and `/webhooks/tor4you` for the first site). Tor4You retries
 * anything but 200 after 2, 4, 8, 60, 120, 240, 960 and 1440 minutes and then switches the webhook
 * off, telling nobody. The answer for each case, decided so that nothing switches it off silently:
 * - signature verifies, body usable: recorded as a sync job, then 200 (even if we then ignore it);
 * - signature verifies, body unusable: 200 (retrying cannot fix it; the scan reconciles), counted `malformed`;
 * - wrong signature: 401 (not provably from Tor4You), counted per site: wrong signatures in the last
 *   hour show on /readyz and the admin page (a wrong TOR4YOU_WEBHOOK_KEY would otherwise switch it off);
 * - not JSON: 400 (Tor4You always sends JSON), counted `not_json`;
 * - unknown site: 404 (nothing to act on), counted `unknown_site`: the retries give the operator about
 *   47 hours to fix the URL, and the scan's "changes no webhook told of" shows it on the admin page.
 * Every outcome is counted on /metrics.
 */
export function tor4youWebhookRoutes(deps: Tor4YouWebhookDeps) {
  return async (app: FastifyInstance) => {
    const log = deps.logger.child({ mod: "tor4you-webhook" });
    const count = deps.count ?? (() => {});

    await app.register(async (scope) => {
      // Tor4You's content type is not documented: read every body as text and parse it ourselves.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser("*", { parseAs: "string", bodyLimit: 256 * 1024 }, (_req, body, done) =>
        done(null, body),
      );

      const handle = async (siteId: string | undefined, raw: unknown, reply: FastifyReply) => {
        const site = siteId ? deps.sites.find((s) => s.id === siteId) : deps.sites[0];
        if (!site?.webhookKey) {
          count("unknown_site");
          if (site) deps.health?.(site.id, "unknown_site");
          return reply.code(404).send({ status: 0, message: "unknown site" });
        }
        let body: unknown;
        try {
          // A byte-order mark some senders put first is not part of the JSON.
          body = JSON.parse(String(raw ?? "").replace(/^\uFEFF/, ""));
        } catch {
          count("not_json");
          deps.health?.(site.id, "not_json");
          return reply.code(400).send({ status: 0, message: "body is not JSON" });
        }
        if (!verifyWebhook(body, site.webhookKey)) {
          count("unsigned");
          deps.health?.(site.id, "unsigned");
          log.warn({ site: site.id }, "tor4you webhook with a wrong signature refused");
          return reply.code(401).send({ status: 0, message: "bad signature" });
        }
        let event: WebhookEvent;
        try {
          event = parseWebhook(body, site.timezone);
        } catch (e) {
          count("malformed");
          deps.health?.(site.id, "malformed");
          const field = e instanceof Tor4YouWebhookError ? e.field : undefined;
          log.warn(
            { site: site.id, field },
            "signed tor4you webhook with an unusable body: acknowledged, ignored",
          );
          return reply.code(200).send({ status: 1 });
        }
        await deps.record(site.id, event);
        count("verified");
        deps.health?.(site.id, "verified");
        return reply.code(200).send({ status: 1 });
      };

      scope.post("/webhooks/tor4you", (req, reply) => handle(undefined, req.body, reply));
      scope.post<{ Params: { site: string } }>("/webhooks/tor4you/:site", (req, reply) =>
        handle(req.params.site, req.body, reply),
      );
    });
  };
}
