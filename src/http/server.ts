import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import type { Logger } from "pino";

export interface HealthCheck {
  name: string;
  /** Resolves with details when healthy; rejects (or returns ok:false) when not. */
  check: () => Promise<{ ok: boolean; detail?: string }>;
}

export interface HttpDeps {
  logger: Logger;
  /** What /readyz asks: Redis, Tor4You, channels… */
  readiness: HealthCheck[];
  /** More of what /readyz shows the admin (e.g. WhatsApp sessions and why they are not ready). */
  details?: () => Record<string, unknown>;
  /**
   * Whether the caller may see the checks' details (ADMIN_TOKEN): it answers the request itself
   * (401, 429) when not. Without it, /readyz says only ready or not.
   */
  adminGuard?: (req: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
  /** TRUST_PROXY: whose X-Forwarded-For gives the client's address (default: nobody's). */
  trustProxy?: boolean | string[];
  /** Extra routes registered by the roles that run in this process. */
  plugins?: Array<(app: FastifyInstance) => Promise<void> | void>;
}

/**
 * The project's one HTTP server. Liveness stays 200 while the process lives; readiness is 200 or
 * 503. Anyone may ask both (probes, load balancers), so they say only ok or not: which sites,
 * sessions and errors are behind it (site ids, session names, error texts) is for the admin,
 * on `/readyz?details=1` with ADMIN_TOKEN.
 */
export async function createHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    trustProxy: deps.trustProxy ?? false,
    // Request lines would carry chat and site ids on every call; warnings and errors are enough.
    loggerInstance: deps.logger.child({ mod: "http" }, { level: "warn" }) as FastifyBaseLogger,
  });

  // Liveness: 200 while the process lives, whatever a session is doing.
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (req, reply) => {
    const wantsDetails = (req.query as { details?: string }).details !== undefined;
    // Asked for details: the admin's password first (the browser asks for it); a probe never asks.
    if (wantsDetails && !(deps.adminGuard && (await deps.adminGuard(req, reply)))) {
      if (!reply.sent) reply.code(404).send({ error: "set ADMIN_TOKEN to see the checks" });
      return reply;
    }
    const results = await Promise.all(
      deps.readiness.map(async (c) => {
        try {
          const r = await c.check();
          return { name: c.name, ok: r.ok, detail: r.detail };
        } catch (e) {
          return { name: c.name, ok: false, detail: (e as Error).message };
        }
      }),
    );
    const ready = results.every((r) => r.ok);
    const status = ready ? "ready" : "not ready";
    if (!wantsDetails) return reply.code(ready ? 200 : 503).send({ status });
    return reply.code(ready ? 200 : 503).send({ status, checks: results, ...deps.details?.() });
  });

  for (const plugin of deps.plugins ?? []) await plugin(app);
  return app;
}
