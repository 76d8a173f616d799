import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import { adminGuard, type LoginLimiter } from "./admin-auth.ts";

/**
 * `GET /metrics` for Prometheus, behind ADMIN_TOKEN (as a bearer token); without a token
 * configured the route does not exist, so nothing about the business leaks by default.
 */
export function metricsRoute(
  registry: Registry,
  adminToken: string | undefined,
  /** More exposition text (BullMQ's queue exporter), appended after ours. */
  extra?: () => Promise<string[]>,
  loginLimiter?: LoginLimiter,
) {
  return async (app: FastifyInstance) => {
    if (!adminToken) return;
    const allowed = adminGuard(adminToken, loginLimiter);
    app.get("/metrics", async (req, reply) => {
      if (!(await allowed(req, reply))) return reply;
      const parts = [await registry.metrics(), ...((await extra?.()) ?? [])];
      return reply.type(registry.contentType).send(mergeExposition(parts));
    });
  };
}

/** Joins exposition texts; a metric family's HELP and TYPE may appear once (each queue repeats them). */
export function mergeExposition(parts: string[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const line of parts.join("\n").split("\n")) {
    if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
      if (seen.has(line)) continue;
      seen.add(line);
    }
    if (line.trim() !== "") lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}
