import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.ts";
import {
  Tor4YouApiError,
  Tor4YouHttpError,
  Tor4YouNetworkError,
  Tor4YouTimeoutError,
  Tor4YouUsageLimitError,
} from "../../../src/tor4you/errors.ts";
import { day, failure, OPEN_SITE, said, time, useEmulator, WIRE_MODES } from "./harness.ts";

describe.each(WIRE_MODES)("over the %s wire", (wire) => {
  const emu = useEmulator(undefined, { wire });
  const customer = { first: "Dana", last: "Mor", cell: "0525551234" };
  const customerCount = (t: Awaited<ReturnType<typeof emu.fresh>>) => t.em.site(OPEN_SITE).customers.size;

  /** A late handler (after a client timeout) must finish before the next test resets the emulator. */
  async function until(check: () => boolean, timeoutMs = 2_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error("condition not met in time");
      await delay(10);
    }
  }

  describe("bad input is rejected by the client before any request reaches the emulator", () => {
    const cases: Array<
      [string, string, (c: ReturnType<Awaited<ReturnType<typeof emu.fresh>>["client"]>) => Promise<unknown>]
    > = [
      ["a cell that is no Israeli mobile", "cell", (c) => c.addcust({ ...customer, cell: "12345" })],
      ["a landline as cell", "cell", (c) => c.apptbycellortz({ cell: "03-555-0000" })],
      ["a tz with a wrong check digit", "tz", (c) => c.addcust({ ...customer, tz: "039337424" })],
      ["a tz with a wrong check digit (custappts)", "tz", (c) => c.custappts({ tz: "123456789" })],
      ["a malformed email", "email", (c) => c.addcust({ ...customer, email: "dana@" })],
      ["a non-numeric appointment id", "apptId", (c) => c.apptinfo({ apptId: "12a" })],
      ["a non-numeric customer id", "customerId", (c) => c.editcust({ ...customer, customerId: "abc" })],
      [
        "a token with characters Tor4You never issues",
        "vfib",
        (c) => c.delappt({ apptId: 1, vfib: "x'; --" }),
      ],
      [
        "a booking with a bad cell",
        "cell",
        (c) =>
          c.addappt({
            staff: 11,
            service: 21,
            at: { from: time(1, "10:00"), to: time(1, "10:30") },
            customer: { ...customer, cell: "0500" },
          }),
      ],
      ["an apptlist range over 60 days", "to", (c) => c.apptlist({ from: day(0), to: day(60) })],
    ];

    for (const [name, field, call] of cases) {
      it(`${name} → InvalidInputError(${field}), nothing sent`, async () => {
        const t = await emu.fresh();
        const before = customerCount(t);
        const err = await failure(() => call(t.client()));
        expect(err).toBeInstanceOf(InvalidInputError);
        expect((err as InvalidInputError).field).toBe(field);
        expect(t.requests).toEqual([]);
        expect(t.em.usage.snapshot(OPEN_SITE)).toEqual({ minute: 0, day: 0 });
        expect(customerCount(t)).toBe(before);
      });
    }
  });

  describe("fault modes of the emulator arrive as the client's typed errors", () => {
    it("latency beyond timeoutMs: a read times out on every attempt (retried), then succeeds once the fault is spent", async () => {
      const t = await emu.fresh();
      const c = t.client(OPEN_SITE, { timeoutMs: 100 });
      await t.fault({ mode: "latency", ms: 400, calls: ["siteinfo"], count: 3 });
      const err = await failure(() => c.siteinfo());
      expect(err).toBeInstanceOf(Tor4YouTimeoutError);
      expect((err as Tor4YouTimeoutError).outcomeUnknown).toBe(false);
      expect(t.requests).toEqual(["siteinfo", "siteinfo", "siteinfo"]);
      await expect(c.siteinfo()).resolves.toMatchObject({ siteId: OPEN_SITE });
      await until(() => t.em.usage.snapshot(OPEN_SITE).minute === 4);
    });

    it("latency beyond timeoutMs on a write: one attempt, outcome unknown, and the emulator did book it", async () => {
      const t = await emu.fresh();
      const c = t.client(OPEN_SITE, { timeoutMs: 100 });
      await t.fault({ mode: "latency", ms: 300, calls: ["addappt"], count: 1 });
      const before = t.em.site(OPEN_SITE).appointments.size;
      const err = await failure(() =>
        c.addappt({ staff: 11, service: 21, at: { from: time(1, "10:00"), to: time(1, "10:30") }, customer }),
      );
      expect(err).toBeInstanceOf(Tor4YouTimeoutError);
      expect((err as Tor4YouTimeoutError).outcomeUnknown).toBe(true);
      expect(t.requests).toEqual(["addappt"]);
      // Why outcomeUnknown matters: the booking went through after the client gave up.
      await until(() => t.em.site(OPEN_SITE).appointments.size === before + 1);
    });

    it("http500: a read is retried and succeeds when the fault has count 1", async () => {
      const t = await emu.fresh();
      await t.fault({ mode: "http500", count: 1 });
      await expect(t.client().staff()).resolves.toHaveLength(3);
      expect(t.requests).toEqual(["staff", "staff"]);
    });

    it("http500: a write is sent once, fails with Tor4YouHttpError and outcomeUnknown", async () => {
      const t = await emu.fresh();
      const before = customerCount(t);
      await t.fault({ mode: "http500", count: 1 });
      const err = await failure(() => t.client().addcust(customer));
      expect(err).toBeInstanceOf(Tor4YouHttpError);
      expect(err).toMatchObject({ httpStatus: 500, outcomeUnknown: true });
      expect(t.requests).toEqual(["addcust"]);
      expect(customerCount(t)).toBe(before);
    });

    it("html (a proxy's 502 page): a read is retried and succeeds when the fault has count 1", async () => {
      const t = await emu.fresh();
      await t.fault({ mode: "html", count: 1, calls: ["custlist"] });
      await expect(t.client().custlist()).resolves.toHaveLength(2);
      expect(t.requests).toEqual(["custlist", "custlist"]);
    });

    it("html: a read fails with Tor4YouHttpError once every attempt got the page", async () => {
      const t = await emu.fresh();
      await t.fault({ mode: "html", calls: ["branches"] });
      const err = await failure(() => t.client().branches());
      expect(err).toBeInstanceOf(Tor4YouHttpError);
      expect(err).toMatchObject({ httpStatus: 502, outcomeUnknown: false });
      expect((err as Tor4YouHttpError).bodySnippet).toContain("502 Bad Gateway");
      expect(t.requests).toEqual(["branches", "branches", "branches"]);
    });

    it("html: a write is sent once and fails with Tor4YouHttpError and outcomeUnknown", async () => {
      const t = await emu.fresh();
      const before = t.em.site(OPEN_SITE).appointments.size;
      await t.fault({ mode: "html", count: 1 });
      const err = await failure(() =>
        t.client().addappt({
          staff: 11,
          service: 21,
          at: { from: time(1, "10:00"), to: time(1, "10:30") },
          customer,
        }),
      );
      expect(err).toBeInstanceOf(Tor4YouHttpError);
      expect(err).toMatchObject({ httpStatus: 502, outcomeUnknown: true });
      expect(t.requests).toEqual(["addappt"]);
      expect(t.em.site(OPEN_SITE).appointments.size).toBe(before);
    });

    it("a GET that writes (iscoming) is not retried either, and its failure leaves the outcome unknown", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const { apptId, conf } = await c.addappt({
        staff: 11,
        service: 21,
        at: { from: time(1, "10:00"), to: time(1, "10:30") },
        customer,
      });
      t.requests.length = 0;
      await t.fault({ mode: "http500", count: 1 });
      const err = await failure(() => c.iscoming({ apptId, vfib: conf, iscoming: 1 }));
      expect(err).toBeInstanceOf(Tor4YouHttpError);
      expect(err).toMatchObject({ httpStatus: 500, outcomeUnknown: true });
      expect(t.requests).toEqual(["iscoming"]);
      expect((await c.apptinfo({ apptId })).iscoming).toBe(0);
    });

    it("status0: Tor4YouApiError with the emulator's message, not retried", async () => {
      const t = await emu.fresh();
      await t.fault({ mode: "status0", count: 1 });
      const err = await failure(() => t.client().services());
      expect(err).toBeInstanceOf(Tor4YouApiError);
      expect((err as Tor4YouApiError).apiMessage).toEqual(
        said(wire, "temporary error, please try again later"),
      );
      expect(t.requests).toEqual(["services"]);
    });

    it("drop: Tor4YouNetworkError; a read is retried and succeeds when the fault has count 1", async () => {
      const t = await emu.fresh();
      await t.fault({ mode: "drop", calls: ["siteinfo"] });
      const err = await failure(() => t.client().siteinfo());
      expect(err).toBeInstanceOf(Tor4YouNetworkError);
      expect((err as Tor4YouNetworkError).outcomeUnknown).toBe(false);
      expect(t.requests).toEqual(["siteinfo", "siteinfo", "siteinfo"]);

      await t.admin("DELETE", "/faults");
      await t.fault({ mode: "drop", count: 1 });
      t.requests.length = 0;
      await expect(t.client().siteinfo()).resolves.toMatchObject({ siteId: OPEN_SITE });
      expect(t.requests).toEqual(["siteinfo", "siteinfo"]);
    });

    it("drop on a write: sent once, Tor4YouNetworkError with outcomeUnknown", async () => {
      const t = await emu.fresh();
      const before = customerCount(t);
      await t.fault({ mode: "drop", count: 1 });
      const err = await failure(() => t.client().addcust(customer));
      expect(err).toBeInstanceOf(Tor4YouNetworkError);
      expect((err as Tor4YouNetworkError).outcomeUnknown).toBe(true);
      expect(t.requests).toEqual(["addcust"]);
      expect(customerCount(t)).toBe(before);
    });

    it("usagelimit: Tor4YouUsageLimitError from the API, per minute, not retried", async () => {
      const t = await emu.fresh();
      await t.fault({ mode: "usagelimit", count: 1 });
      const err = await failure(() => t.client().siteinfo());
      expect(err).toBeInstanceOf(Tor4YouUsageLimitError);
      expect(err).toMatchObject({ source: "api", scope: "minute" });
      expect((err as Tor4YouUsageLimitError).retryAfterMs).toBeGreaterThan(0);
      expect((err as Tor4YouUsageLimitError).retryAfterMs).toBeLessThanOrEqual(60_000);
      expect(t.requests).toEqual(["siteinfo"]);
    });

    it("the emulator's own per-minute limit arrives as Tor4YouUsageLimitError too", async () => {
      const t = await emu.fresh();
      const saved = { ...t.em.usage.limits };
      try {
        t.em.usage.limits = { ...saved, perMinute: 2 };
        const c = t.client();
        await c.siteinfo();
        await c.branches();
        const err = await failure(() => c.staff());
        expect(err).toBeInstanceOf(Tor4YouUsageLimitError);
        expect(err).toMatchObject({ source: "api", scope: "minute" });
        expect(t.em.usage.snapshot(OPEN_SITE).minute).toBe(2);
      } finally {
        t.em.usage.limits = saved;
      }
    });
  });
});
