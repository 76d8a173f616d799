import { Redis } from "ioredis";
import type { CliIO } from "./cli.ts";
import { loadConfig } from "./config/load.ts";
import type { SiteConfig } from "./config/types.ts";
import { InvalidInputError } from "./core/errors.ts";
import { startDemoBackend } from "./demo.ts";
import { createHttpServer } from "./http/server.ts";
import { createLogger } from "./log/logger.ts";

const ROLES = ["all", "web", "worker", "whatsapp"] as const;

/**
 * The composition root: parse config once, build every part with its dependencies, start the
 * roles this process runs, and stop them in order when asked.
 */
export async function runStart(opts: { role: string; session?: string }, io: CliIO): Promise<number> {
  if (!(ROLES as readonly string[]).includes(opts.role)) {
    throw new InvalidInputError("--role", `"${opts.role}" is not one of ${ROLES.join(", ")}`);
  }
  if (opts.role === "whatsapp" && !opts.session)
    throw new InvalidInputError("--session", "is required with --role whatsapp");
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel });

  const closers: Array<() => Promise<unknown>> = [];
  let sites: readonly SiteConfig[] = config.sites;
  if (config.demo) {
    const demo = await startDemoBackend(io.env, logger);
    sites = demo.sites;
    closers.push(() => demo.emulator.close());
    io.out(
      `tor4you-bot DEMO: no Tor4You credentials, so it runs on the built-in Tor4You emulator at ${demo.emulator.baseUrl}`,
    );
    io.out(
      "  to run for real, set TOR4YOU_TORKEY (or TOR4YOU_SITEID + TOR4YOU_KEY + TOR4YOU_SECRET) or SITES_FILE",
    );
  } else {
    io.out(`tor4you-bot: ${sites.length} site(s): ${sites.map((s) => s.id).join(", ")}`);
  }

  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  redis.on("error", (e) => logger.warn({ err: e.message }, "redis error"));
  await redis.connect();
  closers.unshift(() => redis.quit());

  if (opts.role === "all" || opts.role === "web") {
    const http = await createHttpServer({
      logger,
      readiness: [{ name: "redis", check: async () => ({ ok: (await redis.ping()) === "PONG" }) }],
    });
    await http.listen({ port: config.port, host: "0.0.0.0" });
    closers.unshift(() => http.close());
    io.out(`  http: http://127.0.0.1:${config.port}/healthz`);
  }

  await io.stopped;
  logger.info("shutting down");
  for (const close of closers)
    await close().catch((e) => logger.warn({ err: (e as Error).message }, "close failed"));
  return 0;
}
