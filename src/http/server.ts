import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
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
  /** What /healthz lists besides "ok" (e.g. WhatsApp sessions and why they are not ready). */
  details?: () => Record<string, unknown>;
  /** Extra routes registered by the roles that run in this process. */
  plugins?: Array<(app: FastifyInstance) => Promise<void> | void>;
}

/** The project's one HTTP server. Liveness stays 200 while the process lives; readiness tells why not. */
export async function createHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // Request lines would carry chat and site ids on every call; warnings and errors are enough.
    loggerInstance: deps.logger.child({ mod: "http" }, { level: "warn" }) as FastifyBaseLogger,
  });

  // Liveness: 200 while the process lives, whatever a session is doing; the body says the rest.
  app.get("/healthz", async () => ({ status: "ok", ...deps.details?.() }));

  app.get("/readyz", async (_req, reply) => {
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
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", checks: results });
  });

  for (const plugin of deps.plugins ?? []) await plugin(app);
  return app;
}
