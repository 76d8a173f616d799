import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DateTime } from "luxon";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../../src/emulator/emulator.ts";
import { seededRandom } from "../../../src/emulator/random.ts";
import { buildSeed, buildSite, type SeedSite } from "../../../src/emulator/seed.ts";
import { formatApiMinute, TOR4YOU_ZONE } from "../../../src/tor4you/dates.ts";
import { signCall } from "../../../src/tor4you/signature.ts";

/** Sunday 4 January 2026, 08:00 in Israel: a working day far from any DST switch. */
export const T0 = DateTime.fromObject({ year: 2026, month: 1, day: 4, hour: 8 }, { zone: TOR4YOU_ZONE });

// biome-ignore lint/suspicious/noExplicitAny: admin answers are read ad hoc in tests
export type AdminBody = any;
export type Json = Record<string, unknown> & { status: number; message?: string };

export interface Harness {
  em: Emulator;
  base: string;
  root: string;
  /** Calls the API as `siteid` with its torkey (GET with a query, or POST form-encoded). */
  api(
    call: string,
    params?: Record<string, string | number>,
    opts?: { site?: string; method?: "GET" | "POST" },
  ): Promise<Json>;
  /** Calls with signed parameters; `dt` defaults to the emulator clock. */
  signed(
    call: string,
    params?: Record<string, string | number>,
    opts?: { site?: string; method?: "GET" | "POST"; dt?: string; sh?: string; key?: string },
  ): Promise<Json>;
  admin(
    method: "GET" | "POST" | "DELETE",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: AdminBody }>;
  close(): Promise<void>;
}

export async function startEmulator(
  opts: EmulatorOptions & { sites?: SeedSite[] } = {},
  defaultSite = "s1",
): Promise<Harness> {
  const em = createEmulator({
    start: T0,
    frozen: true,
    random: seededRandom(42),
    seed: buildSeed(...(opts.sites ?? [buildSite("s1")])),
    ...opts,
  });
  const base = await em.listen(0);
  const root = base.replace(/\/api$/, "");
  const send = async (
    call: string,
    params: Record<string, string>,
    method: "GET" | "POST",
    headers: Record<string, string>,
    auth: Record<string, string> = {},
  ) => {
    const qs = new URLSearchParams(params).toString();
    // Signed parameters always travel in the query string, as in the reference's example.
    const authQs = new URLSearchParams(auth).toString();
    const res =
      method === "GET"
        ? await fetch(`${base}/${call}?${[authQs, qs].filter(Boolean).join("&")}`, { headers })
        : await fetch(`${base}/${call}${authQs ? `?${authQs}` : ""}`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
            body: qs,
          });
    return (await res.json()) as Json;
  };
  const strings = (p: Record<string, string | number>) =>
    Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]));
  return {
    em,
    base,
    root,
    api: (call, params = {}, o = {}) =>
      send(call, strings(params), o.method ?? "GET", {
        torkey: em.site(o.site ?? defaultSite).credentials.torkey,
      }),
    signed: (call, params = {}, o = {}) => {
      const site = em.site(o.site ?? defaultSite);
      const dt = o.dt ?? formatApiMinute(em.clock.now());
      const key = o.key ?? site.credentials.key;
      const sh = o.sh ?? signCall({ siteid: site.siteid, key, dt, call, secret: site.credentials.secret });
      return send(call, strings(params), o.method ?? "GET", {}, { siteid: site.siteid, key, dt, sh });
    },
    async admin(method, path, body) {
      const res = await fetch(`${root}/__emulator${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    close: () => em.close(),
  };
}

/** `YYYYMMDDhhmm` of T0 + days at hh:mm. */
export function at(days: number, hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  return formatApiMinute(T0.plus({ days }).set({ hour: h!, minute: m! }));
}

export function day(days: number): string {
  return T0.plus({ days }).toFormat("yyyyMMdd");
}

export interface Receiver {
  url: string;
  hits: Array<{ at: number; body: Record<string, string> }>;
  /** Decides the HTTP status of the n-th hit (0-based). */
  respond: (n: number) => number;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A webhook endpoint on a random port that records what arrives. */
export async function startReceiver(respond: (n: number) => number = () => 200): Promise<Receiver> {
  const hits: Receiver["hits"] = [];
  const r: Partial<Receiver> = { hits, respond };
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const n = hits.length;
    hits.push({ at: Date.now(), body: JSON.parse(raw) });
    res.statusCode = r.respond!(n);
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(r, {
    url: `http://127.0.0.1:${port}/hook`,
    async waitFor(count: number, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (hits.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} webhooks, got ${hits.length}`);
        await new Promise((res) => setTimeout(res, 5));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as Receiver;
}
