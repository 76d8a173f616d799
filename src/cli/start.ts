import { parseArgs } from "node:util";
import { loadConfig } from "../config/load.ts";
import { InvalidInputError } from "../core/errors.ts";
import { createLogger } from "../log/logger.ts";
import { startAll } from "../roles/all.ts";
import { type Base, openBase } from "../roles/base.ts";
import { createShutdown } from "../roles/shutdown.ts";
import { startWeb } from "../roles/web.ts";
import { startWhatsAppRole } from "../roles/whatsapp.ts";
import { startWorker } from "../roles/worker.ts";
import type { CliIO } from "./io.ts";

const ROLES: Record<string, (base: Base, session: string | undefined) => Promise<unknown>> = {
  all: (base) => startAll(base),
  web: (base) => startWeb(base),
  worker: (base) => startWorker(base),
  whatsapp: async (base, session) => startWhatsAppRole(base, [session!]),
};

/**
 * `tor4you-bot start [--role R] [--session S]`: parse config once, build what the role needs
 * (src/roles/), and stop it in order when asked (roles/shutdown.ts); a second signal exits at
 * once (close-with-grace, in main.ts).
 */
export async function runStart(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { role: { type: "string", default: "all" }, session: { type: "string" } },
  });
  const role = ROLES[values.role];
  if (!role || !Object.hasOwn(ROLES, values.role)) {
    throw new InvalidInputError("--role", `"${values.role}" is not one of ${Object.keys(ROLES).join(", ")}`);
  }
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel });
  const shutdown = createShutdown();
  try {
    await role(await openBase({ config, env: io.env, logger, shutdown, print: io.out }), values.session);
  } catch (e) {
    // What started before the failure (the demo's emulator, Redis, browsers) must not outlive it.
    await shutdown.run((err) => logger.warn({ err: err.message }, "close failed"));
    throw e;
  }

  await io.stopped;
  logger.info("shutting down");
  await shutdown.run((e) => logger.warn({ err: e.message }, "close failed"));
  return 0;
}
