import { DateTime } from "luxon";
import { createTor4YouClient, type Tor4YouClient, type Tor4YouClientOptions } from "./client.ts";
import { listIn, objectIn } from "./envelope.ts";
import { Tor4YouError, Tor4YouResponseError } from "./errors.ts";
import { compareFields, fieldsOf } from "./fields.ts";
import { redactParams } from "./redact.ts";
import { redactSample } from "./sample-redaction.ts";
import { type Schemas, schemasFor } from "./schemas.ts";
import { isRecord } from "./wire.ts";

/**
 * `tor4you-bot probe`: every read-only call once against a real site, each answer checked against
 * the client's own schemas, so the first contact with a Tor4You that answers differently from our
 * reading of the reference shows where, and leaves a redacted sample to send us.
 */

export interface ProbeRow {
  /** The call, with what was asked when it matters (`apptlist lu`). */
  call: string;
  /** true: read by the client; false: refused, failed or unreadable; "skipped": nothing to ask for. */
  ok: boolean | "skipped";
  /** Fields we read that the answer did not carry (under any name we accept). */
  missing: string[];
  /** Fields the answer carried that we never read. */
  unexpected: string[];
  /** Why it failed or was skipped: an error code and message, never a value from the answer. */
  note?: string;
}

export interface ProbeSample {
  call: string;
  method: string;
  /** What we sent, personal values and credentials replaced by "[redacted]". */
  params: Record<string, string>;
  /** The answer as received, every name, phone, ID number and e-mail replaced by its shape. */
  answer: unknown;
}

export interface ProbeReport {
  site: string;
  at: string;
  rows: ProbeRow[];
  samples: ProbeSample[];
}

export interface ProbeOptions extends Tor4YouClientOptions {
  /** A customer's cell for apptbycellortz; default the cell of an appointment the list returned. */
  cell?: string;
  /** Days ahead that apptlist, slotlist and availability cover; default 7. */
  days?: number;
}

type Captured = { method: string; url: string; body: string | undefined; text: string };

interface Step<T> {
  call: string;
  endpoint: string;
  schema: keyof Schemas | ((result: T) => keyof Schemas | undefined);
  /** Where the rows sit: a list under one of these keys, or one object under one of them (or flat). */
  where: { list: string[] } | { object: string[] };
  /** Said when the answer holds no rows by design (apptlist's "no new information"). */
  noRows?: string;
  run: () => Promise<T>;
}

export async function probeSite(opts: ProbeOptions): Promise<ProbeReport> {
  const underlying = opts.fetch ?? globalThis.fetch;
  // The last answer seen, whatever the client made of it (a holder: the closure writes it).
  const seen: { last?: Captured } = {};
  const recording: typeof fetch = async (input, init) => {
    const res = await underlying(input, init);
    const text = await res.clone().text();
    const body = typeof init?.body === "string" ? init.body : undefined;
    seen.last = { method: init?.method ?? "GET", url: String(input), body, text };
    return res;
  };
  // One attempt each: a probe reports what Tor4You answers, it does not paper over it.
  const client = createTor4YouClient({
    ...opts,
    fetch: recording,
    retry: { attempts: 1, baseMs: 0, maxMs: 0 },
    breaker: false,
  });
  const schemas = schemasFor(client.zone);
  const now = (opts.now ?? (() => DateTime.now()))().setZone(client.zone);
  const today = now.startOf("day");
  const until = today.plus({ days: (opts.days ?? 7) - 1 });
  const rows: ProbeRow[] = [];
  const samples: ProbeSample[] = [];

  async function step<T>(s: Step<T>): Promise<T | undefined> {
    seen.last = undefined;
    let result: T | undefined;
    let row: ProbeRow;
    try {
      result = await s.run();
      row = { call: s.call, ok: true, missing: [], unexpected: [] };
    } catch (e) {
      if (!(e instanceof Tor4YouError)) throw e;
      const detail = e instanceof Tor4YouResponseError ? e.issues.slice(0, 5).join("; ") : e.message;
      row = { call: s.call, ok: false, missing: [], unexpected: [], note: `${e.code}: ${detail}` };
    }
    const captured = seen.last as Captured | undefined;
    const body = captured ? parseJson(captured.text) : undefined;
    const schema =
      typeof s.schema === "function" ? (result === undefined ? undefined : s.schema(result)) : s.schema;
    if (body && isSuccessBody(body)) {
      const found = rowsIn(body, s.where);
      if (schema && found.length > 0) {
        const compared = compareFields(found, fieldsOf(schemas, schema));
        row.missing = compared.missing;
        row.unexpected = compared.unexpected;
      } else if (!schema && s.noRows) row.note = s.noRows;
      else row.note = "empty: no fields to compare";
    }
    rows.push(row);
    if (captured) samples.push(sampleOf(s.endpoint, captured, body));
    return result;
  }

  const skip = (call: string, note: string) =>
    rows.push({ call, ok: "skipped", missing: [], unexpected: [], note });

  const info = await step({
    call: "siteinfo",
    endpoint: "siteinfo",
    schema: "siteInfo",
    where: { object: ["site", "siteinfo", "info"] },
    run: () => client.siteinfo(),
  });
  await step({
    call: "branches",
    endpoint: "branches",
    schema: "branch",
    where: { list: ["branches"] },
    run: () => client.branches(),
  });
  await step({
    call: "staff",
    endpoint: "staff",
    schema: "staffMember",
    where: { list: ["staff", "staffs"] },
    run: () => client.staff(),
  });
  const services = await step({
    call: "services",
    endpoint: "services",
    schema: "service",
    where: { list: ["services"] },
    run: () => client.services(),
  });
  await step({
    call: "staffservice",
    endpoint: "staffservice",
    schema: "staffService",
    where: { list: ["staffservice", "staffservices", "links"] },
    run: () => client.staffservice(),
  });

  if (info?.calendarType === "open") {
    skip("slotlist", "open calendar: no time slots");
    skip("slotinfo", "open calendar: no time slots");
  } else {
    const slots = await step({
      call: "slotlist",
      endpoint: "slotlist",
      schema: "slot",
      where: { list: ["slots", "slotlist"] },
      run: () => client.slotlist({ from: today, to: until }),
    });
    const slot = slots?.[0];
    if (slot) {
      await step({
        call: "slotinfo",
        endpoint: "slotinfo",
        schema: "slot",
        where: { object: ["slot", "slotinfo"] },
        run: () => client.slotinfo({ slotId: slot.id }),
      });
    } else skip("slotinfo", "no slot listed to ask about");
  }

  const listed = await step({
    call: "apptlist",
    endpoint: "apptlist",
    schema: "appointment",
    where: { list: ["appts", "appointments", "apptlist"] },
    run: () => client.apptlist({ from: today, to: until, format: 2 }),
  });
  if (listed?.lu) {
    const lu = listed.lu;
    await step({
      call: "apptlist lu",
      endpoint: "apptlist",
      schema: (r: Awaited<ReturnType<Tor4YouClient["apptlist"]>>) => (r.changed ? "appointment" : undefined),
      where: { list: ["appts", "appointments", "apptlist"] },
      noRows: "no new information (expected: nothing changed since the first call)",
      run: () => client.apptlist({ from: today, to: until, format: 2, lu }),
    });
  } else skip("apptlist lu", "the first apptlist returned no lu");

  const appts = listed?.changed ? listed.appointments : [];
  const appt = appts.find((a) => !a.isLozamin) ?? appts[0];
  if (appt) {
    await step({
      call: "apptinfo",
      endpoint: "apptinfo",
      schema: "appointment",
      where: { object: ["appt", "appointment", "apptinfo"] },
      run: () => client.apptinfo({ apptId: appt.id }),
    });
  } else skip("apptinfo", "no appointment listed in the coming days");

  const cell = opts.cell ?? appts.find((a) => a.customer.cell && !a.isLozamin)?.customer.cell;
  if (cell) {
    await step({
      call: "apptbycellortz",
      endpoint: "apptbycellortz",
      schema: "appointment",
      where: { list: ["appts", "appointments", "apptlist"] },
      run: () => client.apptbycellortz({ cell, showFuture: true }),
    });
  } else skip("apptbycellortz", "no cell: pass --cell 05…");

  const service = services?.find((s) => s.active && s.external !== false) ?? services?.[0];
  if (service) {
    await step({
      call: "availability",
      endpoint: "availability",
      schema: (r: Awaited<ReturnType<Tor4YouClient["availability"]>>) =>
        r.kind === "slots" ? "slot" : r.kind === "openhours" ? "openHour" : undefined,
      where: { list: ["slots", "openhours", "hours", "times"] },
      run: () => client.availability({ from: today, to: until, service: service.id }),
    });
  } else skip("availability", "no service to ask about");

  const customerId = appts.find((a) => a.customer.id && !a.isLozamin)?.customer.id;
  if (customerId) {
    const subs = await step({
      call: "subinfo",
      endpoint: "subinfo",
      schema: "subscription",
      where: { list: ["subscriptions", "subs"] },
      run: () => client.subinfo({ customerId }),
    });
    const sub = subs?.[0];
    if (sub) {
      await step({
        call: "subusage",
        endpoint: "subusage",
        schema: "subscriptionUsage",
        where: { list: ["usage", "subusage"] },
        run: () => client.subusage({ subId: sub.id }),
      });
    } else skip("subusage", "the customer asked about has no subscription");
  } else {
    skip("subinfo", "no customer listed to ask about");
    skip("subusage", "no customer listed to ask about");
  }

  await step({
    call: "custlist",
    endpoint: "custlist",
    schema: "customer",
    where: { list: ["customers", "custlist"] },
    run: () => client.custlist(),
  });

  return { site: opts.site, at: now.toISO() ?? "", rows, samples };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return isRecord(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function isSuccessBody(body: Record<string, unknown>): boolean {
  return String(body.status ?? "").trim() === "1";
}

function rowsIn(body: Record<string, unknown>, where: { list: string[] } | { object: string[] }) {
  if ("list" in where) return (listIn(body, where.list) ?? []).filter(isRecord);
  // At the top level the envelope's own fields are not the object's (objectIn drops status and message).
  const { msg: _m, error: _e, lu: _l, ...own } = objectIn(body, where.object);
  return [own];
}

function sampleOf(endpoint: string, c: Captured, body: Record<string, unknown> | undefined): ProbeSample {
  const url = new URL(c.url);
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  if (c.body) Object.assign(params, Object.fromEntries(new URLSearchParams(c.body)));
  const { siteid: _s, key: _k, dt: _d, sh: _h, ...own } = params;
  return {
    call: endpoint,
    method: c.method,
    params: redactParams(own),
    answer: redactSample(body ?? { "(not JSON)": c.text.slice(0, 200) }),
  };
}
