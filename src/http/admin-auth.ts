import type { FastifyReply, FastifyRequest } from "fastify";
import { hexEquals, sha256Hex } from "../tor4you/signature.ts";

/**
 * ADMIN_TOKEN as a bearer token (scripts, Prometheus) or as the password of HTTP Basic (a
 * browser asks for it; the user name is ignored). Digests are compared: constant time.
 */
export function adminGuard(adminToken: string) {
  const expected = sha256Hex(adminToken);
  return (req: FastifyRequest, reply: FastifyReply): boolean => {
    const header = req.headers.authorization ?? "";
    const bearer = /^Bearer (.+)$/.exec(header)?.[1];
    const basic = /^Basic (.+)$/.exec(header)?.[1];
    let given = bearer ?? "";
    if (basic) {
      const decoded = Buffer.from(basic, "base64").toString("utf8");
      given = decoded.slice(decoded.indexOf(":") + 1);
    }
    if (hexEquals(sha256Hex(given), expected)) return true;
    reply
      .code(401)
      .header("www-authenticate", 'Basic realm="tor4you-bot admin"')
      .send({ error: "unauthorized" });
    return false;
  };
}
