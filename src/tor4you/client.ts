import { setTimeout as delay } from "node:timers/promises";
import { DateTime, IANAZone } from "luxon";
import type { Logger } from "pino";
import { z } from "zod";
import { InvalidInputError } from "../core/errors.ts";
import type { Tor4YouAuth } from "./auth.ts";
import { type BreakerOptions, createBreaker } from "./breaker.ts";
import { TOR4YOU_ZONE } from "./dates.ts";
import { appointmentEndpoints } from "./endpoints/appointments.ts";
import { customerEndpoints } from "./endpoints/customers.ts";
import { siteEndpoints } from "./endpoints/site.ts";
import { slotEndpoints } from "./endpoints/slots.ts";
import type { UsageBudget } from "./limiter.ts";
import { schemasFor } from "./schemas.ts";
import { createTransport, type RetryPolicy } from "./transport.ts";

export interface Tor4YouClientOptions {
  /** e.g. `https://www.tor4you.co.il/api` or the emulator's `http://127.0.0.1:4010/api`. */
  baseUrl: string;
  /** Our id for the site: budget keys and log lines carry it. */
  site: string;
  auth: Tor4YouAuth;
  /** The site's zone for naive API times; default Asia/Jerusalem. */
  zone?: string;
  /** Per HTTP attempt; default 10 s. */
  timeoutMs?: number;
  /** Reads only; default 3 attempts, 250 ms doubling up to 4 s, jittered. */
  retry?: RetryPolicy;
  budget?: UsageBudget;
  fetch?: typeof fetch;
  now?: () => DateTime;
  logger?: Logger;
  /** Tests replace the backoff's wait and dice. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The site's circuit breaker (see breaker.ts); `false` turns it off. */
  breaker?: BreakerOptions | false;
}

const fn = <T>() => z.custom<T>((v) => typeof v === "function", "must be a function");
const nonEmpty = z.string().trim().min(1);

const optionsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  site: nonEmpty.max(100),
  auth: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("torkey"), torkey: nonEmpty }),
    z.object({
      kind: z.literal("signed"),
      siteid: z.string().trim().regex(/^\d+$/),
      key: nonEmpty,
      secret: nonEmpty,
    }),
  ]),
  zone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone")
    .default(TOR4YOU_ZONE),
  timeoutMs: z.number().int().min(1).max(300_000).default(10_000),
  retry: z
    .object({
      attempts: z.number().int().min(1).max(10),
      baseMs: z.number().int().min(0),
      maxMs: z.number().int().min(0),
    })
    .refine((r) => r.maxMs >= r.baseMs, "maxMs must be at least baseMs")
    .default({ attempts: 3, baseMs: 250, maxMs: 4_000 }),
  budget: z
    .custom<UsageBudget>((v) => typeof (v as UsageBudget | undefined)?.acquire === "function")
    .optional(),
  fetch: fn<typeof fetch>().optional(),
  now: fn<() => DateTime>().optional(),
  logger: z.custom<Logger>((v) => typeof (v as Logger | undefined)?.child === "function").optional(),
  sleep: fn<(ms: number) => Promise<void>>().optional(),
  random: fn<() => number>().optional(),
  breaker: z
    .union([
      z.literal(false),
      z.object({ baseMs: z.number().int().min(0).optional(), maxMs: z.number().int().min(0).optional() }),
    ])
    .optional(),
});

/**
 * A typed client for every call in the Tor4You API reference. Input is checked before anything is
 * sent; answers are read liberally and normalized; reads retry, writes never do on their own.
 */
export function createTor4YouClient(options: Tor4YouClientOptions) {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError(`tor4you.${issue.path.join(".") || "options"}`, issue.message);
  }
  const o = parsed.data;
  const breaker = o.breaker === false ? undefined : createBreaker(o.breaker ?? {});
  const call = createTransport({
    baseUrl: o.baseUrl,
    site: o.site,
    auth: o.auth,
    timeoutMs: o.timeoutMs,
    retry: o.retry,
    budget: o.budget,
    fetch: o.fetch ?? globalThis.fetch,
    now: o.now ?? (() => DateTime.now()),
    logger: o.logger,
    sleep: o.sleep ?? ((ms) => delay(ms)),
    random: o.random ?? Math.random,
    breaker,
  });
  const ctx = { call, schemas: schemasFor(o.zone), zone: o.zone };
  return {
    site: o.site,
    zone: o.zone,
    /** Whether the site's calls are paused (for /readyz and the admin page). */
    breakerState: () => breaker?.state() ?? { open: false, trips: 0, retryAfterMs: 0 },
    ...siteEndpoints(ctx),
    ...slotEndpoints(ctx),
    ...appointmentEndpoints(ctx),
    ...customerEndpoints(ctx),
  };
}

export type Tor4YouClient = ReturnType<typeof createTor4YouClient>;
