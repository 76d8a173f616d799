import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import { adminGuard } from "./admin-auth.ts";

/**
 * `GET /metrics` for Prometheus, behind ADMIN_TOKEN (as a bearer token); without a token
 * configured the route does not exist, so nothing about the business leaks by default.
 */
export function metricsRoute(registry: Registry, adminToken: string | undefined) {
  return async (app: FastifyInstance) => {
    if (!adminToken) return;
    const allowed = adminGuard(adminToken);
    app.get("/metrics", async (req, reply) => {
      if (!allowed(req, reply)) return reply;
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  };
}
