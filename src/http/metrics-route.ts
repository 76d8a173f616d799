import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import { hexEquals, sha256Hex } from "../tor4you/signature.ts";

/**
 * `GET /metrics` for Prometheus, behind ADMIN_TOKEN (as a bearer token); without a token
 * configured the route does not exist, so nothing about the business leaks by default.
 */
export function metricsRoute(registry: Registry, adminToken: string | undefined) {
  return async (app: FastifyInstance) => {
    if (!adminToken) return;
    const expected = sha256Hex(adminToken);
    app.get("/metrics", async (req, reply) => {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
      // Compare digests: constant time, and the lengths always match.
      if (!hexEquals(sha256Hex(given), expected)) return reply.code(401).send({ error: "unauthorized" });
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  };
}
