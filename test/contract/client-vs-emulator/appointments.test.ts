import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.ts";
import { readAppointment } from "../../../src/tor4you/appointment-reading.ts";
import { Tor4YouApiError } from "../../../src/tor4you/errors.ts";
import {
  apptinfoStatus,
  at,
  failure,
  OPEN_SITE,
  openSite,
  said,
  sentOnNormal,
  T0,
  TZ,
  time,
  useEmulator,
  WIRE_MODES,
} from "./harness.ts";

describe.each(WIRE_MODES)("over the %s wire", (wire) => {
  const emu = useEmulator(
    () => [
      openSite({
        appointments: [
          {
            id: "700101",
            staff: "11",
            service: "21",
            customer: "41001",
            from: at(0, "10:00"),
            to: at(0, "10:30"),
          },
          {
            id: "700102",
            staff: "12",
            service: "21",
            customer: "41001",
            from: at(2, "11:00"),
            to: at(2, "11:30"),
          },
          {
            id: "700103",
            staff: "11",
            service: "22",
            customer: "41002",
            from: at(1, "12:00"),
            to: at(1, "13:00"),
          },
        ],
      }),
    ],
    { wire },
  );

  const newCustomer = {
    first: "Dana",
    last: "Mor",
    cell: "+972 52-555-1234",
    tz: TZ.a,
    email: "Dana.Mor@Example.com",
  };

  describe("appointments against the emulator (open calendar)", () => {
    it("addappt books a time range; apptinfo shows the same times, staff, service, customer and conf", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const added = await c.addappt({
        staff: 11,
        service: "21",
        at: { from: time(1, "10:00"), to: time(1, "10:30") },
        customer: newCustomer,
        notes: "first visit",
        extra: { ax3: "from instagram" },
      });
      expect(added.apptId).toMatch(/^\d+$/);
      expect(added.conf).toMatch(/^[0-9A-F]{16}$/);

      const info = await c.apptinfo({ apptId: added.apptId });
      expect(info).toMatchObject({
        id: added.apptId,
        conf: added.conf,
        status: apptinfoStatus(wire, "live"),
        staffId: "11",
        serviceId: "21",
        ...sentOnNormal(wire, { staffName: "Dana", serviceName: "Cut" }),
        branchId: "1",
        participants: 1,
        iscoming: 0,
        showstatus: 0,
        isLozamin: false,
        notes: "first visit",
        extra: { af3: "from instagram" },
        customer: {
          first: "Dana",
          last: "Mor",
          cell: "0525551234",
          ...sentOnNormal(wire, { tz: TZ.a, email: "Dana.Mor@Example.com" }),
        },
      });
      expect(info.start.toISO()).toBe(time(1, "10:00").toISO());
      expect(info.end.toISO()).toBe(time(1, "10:30").toISO());

      // The emulator holds exactly that: a new appointment and a new customer record.
      const held = t.em.site(OPEN_SITE).appointments.get(added.apptId)!;
      expect(held.conf).toBe(added.conf);
      expect(+held.from).toBe(+time(1, "10:00"));
      expect(held.customer).toBe(info.customer.id);
      expect(t.em.site(OPEN_SITE).customers.get(held.customer)).toMatchObject({
        cell: "0525551234",
        tz: TZ.a,
      });
    });

    it("addappt for an existing first name + cell books that customer instead of creating another", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const customersBefore = t.em.site(OPEN_SITE).customers.size;
      const { apptId } = await c.addappt({
        staff: 12,
        service: 21,
        at: { from: time(3, "09:00"), to: time(3, "09:30") },
        customer: { first: "Noa", last: "Levi", cell: "052-765-4321" },
      });
      expect((await c.apptinfo({ apptId })).customer).toMatchObject({
        id: "41001",
        ...sentOnNormal(wire, { tz: TZ.b }),
      });
      expect(t.em.site(OPEN_SITE).customers.size).toBe(customersBefore);
    });

    it("addappt with isLozamin blocks the time for the site's unavailable customer", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const { apptId } = await c.addappt({
        staff: 11,
        service: 21,
        at: { from: time(1, "14:00"), to: time(1, "15:00") },
        isLozamin: true,
      });
      const info = await c.apptinfo({ apptId });
      expect(info).toMatchObject({ isLozamin: true, status: apptinfoStatus(wire, "live") });
      expect(info.customer.id).toBe(t.em.site(OPEN_SITE).lozaminCustomer);
      // The block holds the time: a customer cannot be booked over it.
      const err = await failure(() =>
        c.addappt({
          staff: 11,
          service: 21,
          at: { from: time(1, "14:30"), to: time(1, "15:00") },
          customer: newCustomer,
        }),
      );
      expect(err).toBeInstanceOf(Tor4YouApiError);
    });

    it("appthistory lists the creation by the API user, stamped with the emulator's clock", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const { apptId } = await c.addappt({
        staff: 11,
        service: 21,
        at: { from: time(1, "11:00"), to: time(1, "11:30") },
        customer: newCustomer,
      });
      const history = await c.appthistory({ apptId });
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ action: "1", updateBy: "1000", description: "appointment created" });
      expect(history[0]!.at.toISO()).toBe(T0.toISO());
    });

    it("delappt cancels: apptinfo shows status cancelled, history has the cancel, apptlist hides it", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const { apptId, conf } = await c.addappt({
        staff: 11,
        service: 21,
        at: { from: time(1, "15:00"), to: time(1, "15:30") },
        customer: newCustomer,
      });
      await c.delappt({ apptId, vfib: conf });

      expect((await c.apptinfo({ apptId })).status).toBe(apptinfoStatus(wire, "cancelled"));
      // Either way the product reads it as cancelled: a missing status is resolved through the day's list.
      expect(await readAppointment(c, apptId, { day: time(1, "15:00") })).toMatchObject({
        kind: "found",
        appt: { status: "cancelled" },
        via: wire === "normal" ? "apptinfo" : "apptlist",
      });
      expect(t.em.site(OPEN_SITE).appointments.get(apptId)?.status).toBe("0");
      expect((await c.appthistory({ apptId })).map((h) => h.action)).toEqual(["1", "3"]);
      const listed = await c.apptlist({ from: time(1, "00:00"), to: time(1, "00:00") });
      expect(listed.changed && listed.appointments.map((a) => a.id)).toEqual(["700103"]);
      const withCancelled = await c.apptlist({
        from: time(1, "00:00"),
        to: time(1, "00:00"),
        showCancelled: true,
      });
      expect(withCancelled.changed && withCancelled.appointments.map((a) => a.id)).toContain(apptId);
      // The freed time can be booked again.
      await expect(
        c.addappt({
          staff: 11,
          service: 21,
          at: { from: time(1, "15:00"), to: time(1, "15:30") },
          customer: newCustomer,
        }),
      ).resolves.toMatchObject({ apptId: expect.any(String) });
    });

    it("iscoming, showstatus and updateaf are visible through apptinfo and appthistory", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const { apptId, conf } = await c.addappt({
        staff: 11,
        service: 21,
        at: { from: time(1, "09:00"), to: time(1, "09:30") },
        customer: newCustomer,
        extra: { ax1: "old", ax2: "keep" },
      });
      await c.iscoming({ apptId, vfib: conf, iscoming: 1 });
      await c.showstatus({ apptId, vfib: conf.toLowerCase(), showstatus: 2 });
      await c.updateaf({ apptId, vfib: conf, fields: { af1: null, af4: "paid" } });

      const info = await c.apptinfo({ apptId });
      expect(info).toMatchObject({ iscoming: 1, showstatus: 2 });
      // af1 cleared (sent as "-"), af2 untouched, af4 set.
      expect(info.extra).toEqual({ af2: "keep", af4: "paid" });

      const history = await c.appthistory({ apptId });
      expect(history.map((h) => [h.action, h.updateBy])).toEqual([
        ["1", "1000"],
        ["2", "1000"],
        ["2", "1000"],
        ["2", "1000"],
      ]);
      expect(history[1]!.description).toContain("iscoming");
      expect(history[2]!.description).toContain("showstatus");
      expect(history[3]!.description).toMatch(/af1.*af4/);
    });

    it("a temporary booking shows its expiry, then status expired once the emulator's clock passes it", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const marked = await t.admin("POST", `/sites/${OPEN_SITE}/appointments/700103/temporary`, {
        minutes: 15,
      });
      expect(marked.status).toBe(200);
      const pending = await c.apptinfo({ apptId: 700103 });
      expect(pending.status).toBe(apptinfoStatus(wire, "live"));
      expect(pending.tmpExpire?.toISO()).toBe(T0.plus({ minutes: 15 }).toISO());

      t.em.clock.advance(16 * 60_000);
      expect((await c.apptinfo({ apptId: 700103 })).status).toBe(apptinfoStatus(wire, "expired"));
      expect((await c.appthistory({ apptId: 700103 })).map((h) => [h.action, h.updateBy])).toEqual([
        ["1", "0"],
        ["2", "19"],
        ["5", "0"],
      ]);
    });

    it("apptbycellortz finds today's appointments by cell or tz, and later ones with showFuture", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const today = await c.apptbycellortz({ cell: "+972527654321" });
      expect(today.map((a) => a.id)).toEqual(["700101"]);
      expect(today[0]).toMatchObject({
        customer: { id: "41001", first: "Noa", cell: "0527654321" },
        status: "live",
      });
      expect(today[0]!.start.toISO()).toBe(time(0, "10:00").toISO());

      const byTz = await c.apptbycellortz({ tz: TZ.b, showFuture: true });
      expect(byTz.map((a) => a.id)).toEqual(["700101", "700102"]);
      expect(await c.apptbycellortz({ cell: "0547654321" })).toEqual([]);
    });
  });

  describe("appointment refusals arrive as Tor4YouApiError with the emulator's message", () => {
    async function refusal(fn: () => Promise<unknown>): Promise<string> {
      const err = await failure(fn);
      expect(err).toBeInstanceOf(Tor4YouApiError);
      return (err as Tor4YouApiError).apiMessage;
    }

    it("a wrong conf changes nothing", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const msg = await refusal(() => c.delappt({ apptId: "700101", vfib: "DEADBEEF00000000" }));
      expect(msg).toEqual(said(wire, "vfib does not match"));
      expect(
        await refusal(() => c.iscoming({ apptId: "700101", vfib: "DEADBEEF00000000", iscoming: 2 })),
      ).toEqual(said(wire, "vfib does not match"));
      expect(await c.apptinfo({ apptId: "700101" })).toMatchObject({
        status: apptinfoStatus(wire, "live"),
        iscoming: 0,
      });
    });

    it("an overlapping booking is refused and not stored", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const before = t.em.site(OPEN_SITE).appointments.size;
      const msg = await refusal(() =>
        c.addappt({
          staff: 11,
          service: 22,
          at: { from: time(1, "12:30"), to: time(1, "13:30") },
          customer: newCustomer,
        }),
      );
      expect(msg).toEqual(said(wire, "the requested time is not available (overlaps another appointment)"));
      expect(t.em.site(OPEN_SITE).appointments.size).toBe(before);
      // Nor was the customer created by the refused booking.
      expect([...t.em.site(OPEN_SITE).customers.values()].some((x) => x.first === "Dana")).toBe(false);
    });

    it("a booking outside working hours is refused (evening, and a Friday)", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const book = (from: string, to: string, d: number) =>
        c.addappt({
          staff: 11,
          service: 21,
          at: { from: time(d, from), to: time(d, to) },
          customer: newCustomer,
        });
      expect(await refusal(() => book("17:00", "17:30", 1))).toEqual(
        said(wire, "the requested time is outside working hours"),
      );
      expect(await refusal(() => book("10:00", "10:30", 5))).toEqual(
        said(wire, "the requested time is outside working hours"),
      );
      expect(await refusal(() => book("16:45", "17:15", 1))).toEqual(
        said(wire, "the requested time is outside working hours"),
      );
    });

    it("an unknown appointment is refused for reads and writes", async () => {
      const t = await emu.fresh();
      const c = t.client();
      expect(await refusal(() => c.apptinfo({ apptId: 999999 }))).toEqual(
        said(wire, "appointment not found"),
      );
      expect(await refusal(() => c.appthistory({ apptId: 999999 }))).toEqual(
        said(wire, "appointment not found"),
      );
      expect(await refusal(() => c.delappt({ apptId: 999999, vfib: "AB12" }))).toEqual(
        said(wire, "appointment not found"),
      );
    });

    it("cancelling twice is refused the second time", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const conf = t.em.site(OPEN_SITE).appointments.get("700102")!.conf;
      await c.delappt({ apptId: "700102", vfib: conf });
      expect(await refusal(() => c.delappt({ apptId: "700102", vfib: conf }))).toEqual(
        said(wire, "appointment is already cancelled"),
      );
    });

    it("a booking without a customer fails in the client before anything is sent", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const err = await failure(() =>
        c.addappt({ staff: 11, service: 21, at: { from: time(1, "10:00"), to: time(1, "10:30") } }),
      );
      expect(err).toBeInstanceOf(InvalidInputError);
      expect(t.requests).toEqual([]);
    });
  });
});
