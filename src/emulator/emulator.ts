import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import type { DateTime } from "luxon";
import pino, { type Logger } from "pino";
import { registerAdminRoutes } from "./admin-routes.ts";
import { registerApiRoutes } from "./api-routes.ts";
import { type Bookings, createBookings } from "./bookings.ts";
import { createClock, type EmulatorClock, externalClock } from "./clock.ts";
import { Faults } from "./faults.ts";
import type { Site } from "./model.ts";
import type { RandomSource } from "./random.ts";
import type { SeedSource } from "./seed.ts";
import { demoSeed } from "./seed-demo.ts";
import { Store } from "./store.ts";
import { DEFAULT_LIMITS, type UsageLimits, UsageMeter } from "./usage.ts";
import type { WireMode } from "./variants.ts";
import { createWebhookDispatcher, type WebhookDispatcher } from "./webhooks.ts";

export interface EmulatorOptions {
  /** Someone else's clock. Without it the emulator runs its own, which /__emulator/clock can move. */
  now?: () => DateTime;
  /** Built-in clock only: start here (default: real time) and optionally frozen. */
  start?: DateTime;
  frozen?: boolean;
  /** Default: the demo seed (a barbershop and a studio around "now"). */
  seed?: SeedSource;
  webhook?: {
    /** Used for every site whose seed has no webhook URL of its own. */
    url?: string;
    /** One "minute" of the retry schedule 2,4,8,60,120,240,960,1440; default 60 000. */
    unitMs?: number;
    timeoutMs?: number;
  };
  limits?: Partial<UsageLimits>;
  logger?: Logger;
  /** Picks the staff member per time in availability; pass seededRandom(n) for reproducible answers. */
  random?: RandomSource;
  /** How often temporary bookings are checked for expiry besides on each request; default 1000 ms. */
  expiryCheckMs?: number;
  fetch?: typeof fetch;
  /** `variants`: answers in the other plausible shapes (see variants.ts); default `normal`. */
  wire?: WireMode;
}

export interface Emulator {
  app: FastifyInstance;
  /** Starts listening (port 0 = any free port) and returns the API base URL, `http://127.0.0.1:<port>/api`. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** Base URL once listening, else null. */
  readonly baseUrl: string | null;
  store: Store;
  site(siteid: string): Site;
  sites(): Site[];
  clock: EmulatorClock;
  faults: Faults;
  usage: UsageMeter;
  webhooks: WebhookDispatcher;
  bookings: Bookings;
  /** Re-seeds from the seed source at the current clock; clears faults, usage and the webhook log. */
  reset(): void;
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const logger = opts.logger ?? pino({ level: "silent" });
  const clock = opts.now ? externalClock(opts.now) : createClock({ start: opts.start, frozen: opts.frozen });
  const random = opts.random ?? Math.random;
  const seed = opts.seed ?? demoSeed;
  const store = new Store(() => clock.now());
  const usage = new UsageMeter({ ...DEFAULT_LIMITS, ...opts.limits });
  const faults = new Faults();
  const webhooks = createWebhookDispatcher({
    clock,
    logger,
    unitMs: opts.webhook?.unitMs ?? 60_000,
    timeoutMs: opts.webhook?.timeoutMs ?? 10_000,
    fetch: opts.fetch,
  });
  const bookings = createBookings({ store, clock, webhooks });

  const load = () => {
    store.clear();
    store.load(typeof seed === "function" ? seed(clock.now()) : seed);
    if (opts.webhook?.url) {
      for (const s of store.sites.values()) {
        if (s.webhook.url) continue;
        s.webhook.url = opts.webhook.url;
        s.webhook.active = true;
      }
    }
  };
  const reset = () => {
    webhooks.clear();
    faults.clear();
    usage.reset();
    load();
  };
  load();

  clock.onChange(() => {
    bookings.expireDue();
    webhooks.catchUp();
  });
  const expiryTimer = setInterval(() => bookings.expireDue(), opts.expiryCheckMs ?? 1000);
  expiryTimer.unref();

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Closing cuts every connection, also one a client gave up on mid-delay or keeps alive: a
    // stopped emulator must not wait on its callers (a test's afterAll waited past 20 s for one).
    forceCloseConnections: true,
    // Request lines would log query strings, and those carry cells and tz numbers.
    logController: new LogController({ disableRequestLogging: true }),
  });
  // Tor4You's POST calls are form-encoded; a parser of our own saves a dependency for five lines.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  registerApiRoutes(app, {
    store,
    bookings,
    clock,
    random,
    usage,
    faults,
    logger,
    wire: opts.wire ?? "normal",
  });
  registerAdminRoutes(app, { store, bookings, clock, faults, usage, webhooks, reset });

  let baseUrl: string | null = null;
  const site = (siteid: string) => {
    const s = store.site(siteid);
    if (!s) throw new Error(`no site ${siteid}`);
    return s;
  };

  return {
    app,
    get baseUrl() {
      return baseUrl;
    },
    async listen(port = 0, host = "127.0.0.1") {
      await app.listen({ port, host });
      const address = app.server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
      baseUrl = `http://${shown.includes(":") ? `[${shown}]` : shown}:${actual}/api`;
      return baseUrl;
    },
    async close() {
      clearInterval(expiryTimer);
      webhooks.close();
      await app.close();
    },
    store,
    site,
    sites: () => [...store.sites.values()],
    clock,
    faults,
    usage,
    webhooks,
    bookings,
    reset,
  };
}
