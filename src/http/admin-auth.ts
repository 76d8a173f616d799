import type { FastifyReply, FastifyRequest } from "fastify";
import type { LoginLimiter } from "../storage/login-failures.ts";
import { hexEquals, sha256Hex } from "../tor4you/signature.ts";

export type { LoginLimiter };

/**
 * ADMIN_TOKEN as a bearer token (scripts, Prometheus) or as the password of HTTP Basic (a
 * browser asks for it; the user name is ignored). Digests are compared: constant time.
 */
export function adminAuth(adminToken: string, limiter?: LoginLimiter) {
  const expected = sha256Hex(adminToken);
  const isAdmin = (req: FastifyRequest): boolean => {
    const header = req.headers.authorization ?? "";
    const bearer = /^Bearer (.+)$/.exec(header)?.[1];
    const basic = /^Basic (.+)$/.exec(header)?.[1];
    let given = bearer ?? "";
    if (basic) {
      const decoded = Buffer.from(basic, "base64").toString("utf8");
      given = decoded.slice(decoded.indexOf(":") + 1);
    }
    return hexEquals(sha256Hex(given), expected);
  };
  /**
   * Lets the request through, or answers it: 401 (the browser asks for the password), or 429
   * while its address has failed too often (even the right token waits: guessing must not pay).
   * Only a wrong password counts; a request that sent none is a browser about to ask.
   */
  const guard = async (req: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const wait = limiter ? await limiter.blockedFor(req.ip) : 0;
    if (wait > 0) {
      reply
        .code(429)
        .header("retry-after", String(wait))
        .send({ error: "too many failed logins, try later" });
      return false;
    }
    if (isAdmin(req)) return true;
    if (limiter && req.headers.authorization) await limiter.failed(req.ip);
    reply
      .code(401)
      .header("www-authenticate", 'Basic realm="tor4you-bot admin"')
      .send({ error: "unauthorized" });
    return false;
  };
  return { isAdmin, guard };
}

export function adminGuard(adminToken: string, limiter?: LoginLimiter) {
  return adminAuth(adminToken, limiter).guard;
}

/**
 * A browser sends HTTP Basic credentials by itself, so a page elsewhere could make it post to the
 * admin (cross-site request forgery). A request that changes something must come from the
 * admin's own pages (Origin equal to the host it was sent to); a bearer token is never sent by
 * itself, so scripts using one need no Origin.
 */
export function sameOriginOrBearer(req: FastifyRequest): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return true;
  if (/^Bearer /.test(req.headers.authorization ?? "")) return true;
  const origin = req.headers.origin;
  if (!origin || !URL.canParse(origin)) return false;
  return new URL(origin).host === req.headers.host;
}
