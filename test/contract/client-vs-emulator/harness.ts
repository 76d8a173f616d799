import type { Redis } from "ioredis";
import { DateTime } from "luxon";
import { afterAll, expect } from "vitest";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../../src/emulator/emulator.ts";
import type { FaultSpec } from "../../../src/emulator/faults.ts";
import { seededRandom } from "../../../src/emulator/random.ts";
import { buildSeed, buildSite, type SeedSite } from "../../../src/emulator/seed.ts";
import type { WireMode } from "../../../src/emulator/variants.ts";
import type { Keys } from "../../../src/storage/keys.ts";
import {
  createTor4YouClient,
  type Tor4YouClient,
  type Tor4YouClientOptions,
} from "../../../src/tor4you/client.ts";
import { formatApiMinute, TOR4YOU_ZONE } from "../../../src/tor4you/dates.ts";
import { useRedisPrefix } from "../../support/redis-prefix.ts";

/**
 * The real client over real HTTP against the emulator on a free port. Each test file starts its
 * own emulator (frozen at T0) and resets it between tests, so tests never see each other's writes.
 */

/** Sunday 4 January 2026, 08:00 in Israel: a working day far from any DST switch. */
export const T0 = DateTime.fromObject({ year: 2026, month: 1, day: 4, hour: 8 }, { zone: TOR4YOU_ZONE });

/** Numeric site ids, as real Tor4You sites have. */
export const OPEN_SITE = "700001";
export const SLOTS_SITE = "700002";

/** Valid Israeli IDs (check digit holds). */
export const TZ = { a: "039337423", b: "123456782", c: "000000018" } as const;

/** `YYYYMMDDhhmm` of T0 + days at hh:mm. */
export function at(days: number, hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  return formatApiMinute(T0.plus({ days }).set({ hour: h!, minute: m! }));
}

/** T0 + days at hh:mm as a DateTime in Israel. */
export function time(days: number, hhmm: string): DateTime {
  const [h, m] = hhmm.split(":").map(Number);
  return T0.plus({ days }).set({ hour: h!, minute: m!, second: 0, millisecond: 0 });
}

export function day(days: number): string {
  return T0.plus({ days }).toFormat("yyyyMMdd");
}

/** A small open-calendar site with two customers; `over` replaces parts wholesale. */
export function openSite(over: Partial<SeedSite> = {}): SeedSite {
  return buildSite(OPEN_SITE, {
    customers: [
      { id: "41001", first: "Noa", last: "Levi", cell: "0527654321", tz: TZ.b, email: "noa@example.com" },
      { id: "41002", first: "Eli", last: "Cohen", cell: "0547654321", city: "Haifa" },
    ],
    ...over,
  });
}

/** A time-slots site: slot 9101 (Dana, any service, 1 place), 9102 (Dana, class of 3, service 21). */
export function slotsSite(over: Partial<SeedSite> = {}): SeedSite {
  return buildSite(SLOTS_SITE, {
    settings: { calendarType: "slots", istz: "0", stepMinutes: 30, minLeadMinutes: 0, maxHorizonDays: 365 },
    customers: [{ id: "42001", first: "Maya", last: "Bar", cell: "0505551234" }],
    slots: [
      { id: "9101", staff: "11", from: at(1, "10:00"), to: at(1, "10:30"), vfib: "AAAA0000AAAA0001" },
      {
        id: "9102",
        staff: "11",
        services: "21",
        from: at(2, "12:00"),
        to: at(2, "13:00"),
        maxmembers: 3,
        vfib: "AAAA0000AAAA0002",
      },
      { id: "9103", staff: "12", from: at(3, "09:00"), to: at(3, "09:30"), vfib: "AAAA0000AAAA0003" },
    ],
    ...over,
  });
}

type ClientOverrides = Partial<Omit<Tor4YouClientOptions, "auth">> & {
  /** Which of the site's credentials to use; default torkey. */
  auth?: "torkey" | "signed" | Tor4YouClientOptions["auth"];
};

export interface Contract {
  em: Emulator;
  base: string;
  /** Every `/api/<call>` request that reached the emulator's HTTP server, faulted ones included. */
  requests: string[];
  client(siteid?: string, over?: ClientOverrides): Tor4YouClient;
  fault(spec: FaultSpec): Promise<void>;
  /** The dashboard / admin endpoints under `/__emulator`. */
  admin(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<AdminReply>;
}

// biome-ignore lint/suspicious/noExplicitAny: admin answers are read ad hoc in tests
export type AdminReply = { status: number; body: any };

/**
 * Starts one emulator for the calling test file (closed after all its tests) and resets it before
 * each test body runs, via `fresh()` at the top of every test.
 */
export function useEmulator(
  sites: () => SeedSite[] = () => [openSite(), slotsSite()],
  opts: EmulatorOptions = {},
): { get: () => Contract; fresh: () => Promise<Contract> } {
  let ctx: Contract | undefined;
  let em: Emulator | undefined;

  const start = async (): Promise<Contract> => {
    const e = createEmulator({
      start: T0,
      frozen: true,
      random: seededRandom(7),
      seed: buildSeed(...sites()),
      ...opts,
    });
    const requests: string[] = [];
    e.app.addHook("onRequest", async (req) => {
      const m = /^\/api\/([^/?]+)/.exec(req.url);
      if (m) requests.push(m[1]!.toLowerCase());
    });
    const base = await e.listen(0);
    const root = base.replace(/\/api$/, "");
    em = e;
    return {
      em: e,
      base,
      requests,
      client(siteid = OPEN_SITE, over = {}) {
        const site = e.site(siteid);
        const { auth = "torkey", ...rest } = over;
        return createTor4YouClient({
          baseUrl: base,
          site: siteid,
          auth:
            auth === "torkey"
              ? { kind: "torkey", torkey: site.credentials.torkey }
              : auth === "signed"
                ? { kind: "signed", siteid, key: site.credentials.key, secret: site.credentials.secret }
                : auth,
          now: () => e.clock.now(),
          // Retries back off for real in production; here they are immediate to keep the suite fast.
          sleep: async () => {},
          timeoutMs: 2_000,
          ...rest,
        });
      },
      async fault(spec) {
        const r = await fetch(`${root}/__emulator/faults`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(spec),
        });
        expect(r.status).toBe(200);
      },
      async admin(method, path, body) {
        const res = await fetch(`${root}/__emulator${path}`, {
          method,
          headers: body === undefined ? {} : { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: await res.json() };
      },
    };
  };

  afterAll(async () => {
    await em?.close();
  });

  return {
    get: () => {
      if (!ctx) throw new Error("call fresh() first");
      return ctx;
    },
    async fresh() {
      ctx ??= await start();
      ctx.em.clock.set(T0);
      ctx.em.reset();
      ctx.requests.length = 0;
      return ctx;
    },
  };
}

export { WIRE_MODES } from "../../../src/emulator/variants.ts";
export type { WireMode };

/**
 * A refusal's text as the client reports it: the emulator's own words on the normal wire; on the
 * variants wire the same words reworded (another prefix, other capitals), which must still arrive.
 */
export function said(wire: WireMode, text: string): unknown {
  if (wire === "normal") return text;
  return expect.stringMatching(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"));
}

/** A display name the variants wire leaves out: the client then reads it as "" (and logs it). */
export function named(wire: WireMode, name: string): string {
  return wire === "normal" ? name : "";
}

/** `fields` on the normal wire; nothing on the variants wire, which leaves these optional fields out. */
export function sentOnNormal<T extends object>(wire: WireMode, fields: T): Partial<T> {
  return wire === "normal" ? fields : {};
}

/** apptinfo's status: the variants wire's flat apptinfo carries none, which the client reads as unknown. */
export function apptinfoStatus(wire: WireMode, status: string): string {
  return wire === "normal" ? status : "unknown";
}

/** Runs `fn` expecting it to reject, and returns the error for closer assertions. */
export async function failure(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** The shared per-test Redis prefix helper, under the names these contract tests use. */
export function useRedis(): { redis: Redis; keys: () => Keys } {
  const r = useRedisPrefix();
  return { redis: r.redis, keys: r.fresh };
}
