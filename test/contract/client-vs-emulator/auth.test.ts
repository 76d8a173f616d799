import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.ts";
import { createTor4YouClient } from "../../../src/tor4you/client.ts";
import { Tor4YouApiError } from "../../../src/tor4you/errors.ts";
import { failure, OPEN_SITE, SLOTS_SITE, said, time, useEmulator, WIRE_MODES } from "./harness.ts";

describe.each(WIRE_MODES)("over the %s wire", (wire) => {
  const emu = useEmulator(undefined, { wire });

  interface Seen {
    method: string;
    url: URL;
    headers: Headers;
    body: URLSearchParams | null;
  }

  /** The global fetch, recording what each request carried. */
  function recordingFetch(seen: Seen[]): typeof fetch {
    return async (input, init) => {
      seen.push({
        method: init?.method ?? "GET",
        url: new URL(String(input)),
        headers: new Headers(init?.headers),
        body: typeof init?.body === "string" ? new URLSearchParams(init.body) : null,
      });
      return fetch(input, init);
    };
  }

  const customer = { first: "Dana", last: "Mor", cell: "0525551234" };

  describe("both auth methods, for reads (GET query) and writes (POST form)", () => {
    it("torkey: the header alone authenticates a GET read and a POST write", async () => {
      const t = await emu.fresh();
      const seen: Seen[] = [];
      const c = t.client(OPEN_SITE, { auth: "torkey", fetch: recordingFetch(seen) });
      expect(await c.siteinfo()).toMatchObject({ siteId: OPEN_SITE });
      const { customerId } = await c.addcust(customer);
      expect(t.em.site(OPEN_SITE).customers.get(customerId)).toMatchObject({
        first: "Dana",
        cell: "0525551234",
      });

      expect(seen.map((s) => s.method)).toEqual(["GET", "POST"]);
      for (const s of seen) {
        expect(s.headers.get("torkey")).toBe(t.em.site(OPEN_SITE).credentials.torkey);
        expect(s.url.searchParams.has("sh")).toBe(false);
      }
      expect(seen[1]!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
      expect(seen[1]!.body?.get("cell")).toBe("0525551234");
    });

    it("signed: siteid, key, dt, sh in the query string of a GET and of a POST (the call's fields in the form)", async () => {
      const t = await emu.fresh();
      const seen: Seen[] = [];
      const c = t.client(SLOTS_SITE, { auth: "signed", fetch: recordingFetch(seen) });
      const slots = await c.slotlist({ from: time(0, "00:00"), to: time(6, "00:00") });
      expect(slots.map((s) => s.id)).toEqual(["9101", "9102", "9103"]);
      const { apptId, conf } = await c.addappt({
        staff: 11,
        service: 21,
        at: { slotId: 9101, vfib: "AAAA0000AAAA0001" },
        customer,
      });
      expect(t.em.site(SLOTS_SITE).appointments.get(apptId)).toMatchObject({ conf, slot: "9101" });

      const [get, post] = seen;
      expect(get!.method).toBe("GET");
      expect(get!.headers.has("torkey")).toBe(false);
      expect([...get!.url.searchParams.keys()]).toEqual(
        expect.arrayContaining(["siteid", "key", "dt", "sh"]),
      );
      expect(get!.url.searchParams.get("siteid")).toBe(SLOTS_SITE);
      expect(get!.url.searchParams.get("dt")).toBe(t.em.clock.now().toFormat("yyyyMMddHHmm"));
      expect(post!.method).toBe("POST");
      expect([...post!.url.searchParams.keys()]).toEqual(["siteid", "key", "dt", "sh"]);
      expect([...post!.body!.keys()]).toContain("slotid");
      expect([...post!.body!.keys()]).not.toContain("sh");
    });

    it("signed: a GET that writes (iscoming) and a POST that writes (updateaf) change the appointment", async () => {
      const t = await emu.fresh();
      const c = t.client(OPEN_SITE, { auth: "signed" });
      const { apptId, conf } = await c.addappt({
        staff: 11,
        service: 21,
        at: { from: time(1, "10:00"), to: time(1, "10:30") },
        customer,
      });
      await c.iscoming({ apptId, vfib: conf, iscoming: 2 });
      await c.updateaf({ apptId, vfib: conf, fields: { af5: "called twice" } });
      expect(await c.apptinfo({ apptId })).toMatchObject({ iscoming: 2, extra: { af5: "called twice" } });
    });

    it("signed: a clock a few minutes off is still accepted", async () => {
      const t = await emu.fresh();
      const c = t.client(OPEN_SITE, { auth: "signed", now: () => t.em.clock.now().minus({ minutes: 5 }) });
      await expect(c.branches()).resolves.toHaveLength(1);
    });

    it("the signed client refuses a non-numeric site id before sending anything", async () => {
      const t = await emu.fresh();
      const err = await failure(async () =>
        createTor4YouClient({
          baseUrl: t.base,
          site: "barbershop",
          auth: { kind: "signed", siteid: "barbershop", key: "k", secret: "s" },
        }),
      );
      expect(err).toBeInstanceOf(InvalidInputError);
      expect(t.requests).toEqual([]);
    });
  });

  describe("refused credentials: Tor4YouApiError, not retried, nothing changed", () => {
    async function refused(t: Awaited<ReturnType<typeof emu.fresh>>, fn: () => Promise<unknown>) {
      const customers = t.em.site(OPEN_SITE).customers.size;
      const appointments = t.em.site(OPEN_SITE).appointments.size;
      const err = await failure(fn);
      expect(err).toBeInstanceOf(Tor4YouApiError);
      expect(t.requests).toHaveLength(1);
      expect(t.em.site(OPEN_SITE).customers.size).toBe(customers);
      expect(t.em.site(OPEN_SITE).appointments.size).toBe(appointments);
      // Refused before the usage meter: a bad key does not spend the site's budget.
      expect(t.em.usage.snapshot(OPEN_SITE)).toEqual({ minute: 0, day: 0 });
      return (err as Tor4YouApiError).apiMessage;
    }

    it("a wrong torkey", async () => {
      const t = await emu.fresh();
      const c = t.client(OPEN_SITE, { auth: { kind: "torkey", torkey: `${OPEN_SITE}-not-the-token` } });
      expect(await refused(t, () => c.addcust(customer))).toEqual(
        said(wire, "authentication failed: invalid torkey"),
      );
      t.requests.length = 0;
      expect(await refused(t, () => c.siteinfo())).toEqual(
        said(wire, "authentication failed: invalid torkey"),
      );
    });

    it("a bad signature (wrong secret)", async () => {
      const t = await emu.fresh();
      const creds = t.em.site(OPEN_SITE).credentials;
      const c = t.client(OPEN_SITE, {
        auth: { kind: "signed", siteid: OPEN_SITE, key: creds.key, secret: `${creds.secret}x` },
      });
      expect(
        await refused(t, () =>
          c.addappt({
            staff: 11,
            service: 21,
            at: { from: time(1, "10:00"), to: time(1, "10:30") },
            customer,
          }),
        ),
      ).toEqual(said(wire, "authentication failed: invalid signature"));
    });

    it("a wrong key", async () => {
      const t = await emu.fresh();
      const creds = t.em.site(OPEN_SITE).credentials;
      const c = t.client(OPEN_SITE, {
        auth: { kind: "signed", siteid: OPEN_SITE, key: "nope", secret: creds.secret },
      });
      expect(await refused(t, () => c.addcust(customer))).toEqual(
        said(wire, "authentication failed: invalid siteid or key"),
      );
    });

    it("a stale dt (the client's clock 30 minutes behind)", async () => {
      const t = await emu.fresh();
      const c = t.client(OPEN_SITE, { auth: "signed", now: () => t.em.clock.now().minus({ minutes: 30 }) });
      expect(await refused(t, () => c.addcust(customer))).toEqual(
        said(wire, "authentication failed: dt is too far from the current time"),
      );
      t.requests.length = 0;
      expect(await refused(t, () => c.custlist())).toEqual(
        said(wire, "authentication failed: dt is too far from the current time"),
      );
    });
  });
});
