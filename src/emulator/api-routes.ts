import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Logger } from "pino";
import { authenticate } from "./auth.ts";
import type { Bookings } from "./bookings.ts";
import { CALL_METHODS, CALLS } from "./calls/index.ts";
import type { EmulatorClock } from "./clock.ts";
import type { FaultMode, Faults } from "./faults.ts";
import { Params } from "./params.ts";
import type { RandomSource } from "./random.ts";
import { refusalMessage } from "./refusal.ts";
import type { Store } from "./store.ts";
import type { UsageMeter } from "./usage.ts";
import { variantAnswer, variantRefusal, type WireMode } from "./variants.ts";

export interface ApiDeps {
  store: Store;
  bookings: Bookings;
  clock: EmulatorClock;
  random: RandomSource;
  usage: UsageMeter;
  faults: Faults;
  logger: Logger;
  wire: WireMode;
}

const BAD_GATEWAY_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>
`;

/** `/api/<call>`: faults first (they stand for the network and the proxy), then auth, budget, the call. */
export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const variants = deps.wire === "variants";
  const refused = (message: string) => (variants ? variantRefusal(message) : { status: 0, message });
  const handle = async (req: FastifyRequest<{ Params: { call: string } }>, reply: FastifyReply) => {
    // Exact, like the parameter names: the reference spells every call in lower case.
    const call = req.params.call;
    const { delayMs, fail } = deps.faults.decide(call);
    if (delayMs > 0) await sleep(delayMs);
    if (fail && fail !== "lost") return injectFailure(fail, reply, refused);

    // Lazy expiry: a temporary booking is expired before anyone can read it as live.
    deps.bookings.expireDue();
    const handler = CALLS[call];
    if (!handler) return refused(`unknown call: ${call}`);
    const method = CALL_METHODS[call];
    if (method && req.method !== method) {
      return refused(`${call} must be called with ${method}`);
    }
    // A POST's fields travel in its form body ("POST with application/x-www-form-urlencoded"); its
    // query string carries only the signed parameters. A GET has nothing but its query.
    if (req.method === "POST" && req.body !== undefined && !isForm(req.headers["content-type"])) {
      return refused(`${call}: send the fields as application/x-www-form-urlencoded`);
    }
    const p = req.method === "POST" ? new Params(req.body) : new Params(req.query);
    // Signed parameters are read from the query string only, as the reference's one example sends them.
    const auth = new Params(req.query);
    const now = deps.clock.now();
    try {
      const torkey = req.headers.torkey;
      const site = authenticate(deps.store, Array.isArray(torkey) ? torkey[0] : torkey, auth, call, now);
      const exhausted = deps.usage.take(site.siteid, now);
      if (exhausted) return refused(`usage limit exceeded (${exhausted})`);
      const body = handler({ site, p, now, store: deps.store, bookings: deps.bookings, random: deps.random });
      if (fail === "lost") return injectFailure("drop", reply, refused);
      deps.logger.debug({ siteid: site.siteid, call }, "emulator: call answered");
      return variants ? variantAnswer(call, { status: 1, ...body }) : { status: 1, ...body };
    } catch (e) {
      const message = refusalMessage(e);
      if (message !== null) {
        deps.logger.debug({ call, reason: message }, "emulator: call refused");
        return refused(message);
      }
      deps.logger.error({ err: e, call }, "emulator: call failed");
      return reply.code(500).send({ status: 0, message: "internal error" });
    }
  };
  app.route({ method: ["GET", "POST"], url: "/api/:call", handler: handle });
}

function isForm(contentType: string | undefined): boolean {
  return (contentType ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

function injectFailure(mode: FaultMode, reply: FastifyReply, refused: (message: string) => unknown) {
  switch (mode) {
    case "http500":
      return reply.code(500).type("text/plain").send("Internal Server Error");
    case "html":
      return reply.code(502).type("text/html; charset=utf-8").send(BAD_GATEWAY_PAGE);
    case "status0":
      return reply.send(refused("temporary error, please try again later"));
    case "usagelimit":
      return reply.send(refused("usage limit exceeded (minute)"));
    case "drop":
      reply.hijack();
      reply.raw.socket?.destroy();
      return reply;
    default:
      return reply.code(500).send();
  }
}
