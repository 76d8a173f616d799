import { describe, expect, it } from "vitest";
import { buildSite, type SeedSite } from "../../../src/emulator/seed.ts";
import { Tor4YouApiError } from "../../../src/tor4you/errors.ts";
import {
  at,
  day,
  failure,
  OPEN_SITE,
  openSite,
  said,
  T0,
  TZ,
  time,
  useEmulator,
  WIRE_MODES,
} from "./harness.ts";

const TZ_SITE = "700003";
const BIG_SITE = "700004";

/** 520 customers (over custlist's 500 cap); customer 50001 has 30 upcoming appointments and one past. */
function bigSite(): SeedSite {
  const customers = Array.from({ length: 520 }, (_, i) => ({
    id: String(50001 + i),
    first: `C${i}`,
    last: "Many",
    cell: `05233${String(i).padStart(5, "0")}`,
  }));
  const appointments = Array.from({ length: 30 }, (_, i) => ({
    id: String(710001 + i),
    staff: "11",
    service: "21",
    customer: "50001",
    // Seeded out of order: the answer must still come earliest first.
    from: at(30 - i, "10:00"),
    to: at(30 - i, "10:30"),
  }));
  appointments.push({
    id: "710100",
    staff: "11",
    service: "21",
    customer: "50001",
    from: at(-3, "10:00"),
    to: at(-3, "10:30"),
  });
  return buildSite(BIG_SITE, { customers, appointments });
}

describe.each(WIRE_MODES)("over the %s wire", (wire) => {
  const emu = useEmulator(
    () => [
      openSite({
        customers: [
          { id: "41001", first: "Noa", last: "Levi", cell: "0527654321", tz: TZ.b, email: "noa@example.com" },
          {
            id: "41002",
            first: "Eli",
            last: "Cohen",
            cell: "0547654321",
            email: "eli@example.com",
            street: "Herzl 5",
            city: "Haifa",
            extra: { cx2: "vip" },
          },
        ],
        subscriptions: [
          {
            id: "301",
            customer: "41001",
            name: "10 cuts",
            service: "21",
            from: day(-10),
            to: day(30),
            total: 10,
          },
        ].map((s) => ({ ...s, from: `${s.from}0000`, to: `${s.to}0000` })),
        appointments: [
          {
            id: "700201",
            staff: "11",
            service: "21",
            customer: "41001",
            from: at(1, "10:00"),
            to: at(1, "10:30"),
            subscription: "301",
          },
          {
            id: "700202",
            staff: "11",
            service: "22",
            customer: "41002",
            from: at(2, "10:00"),
            to: at(2, "11:00"),
          },
        ],
      }),
      buildSite(TZ_SITE, {
        settings: {
          calendarType: "open",
          istz: "2",
          stepMinutes: 30,
          minLeadMinutes: 0,
          maxHorizonDays: 365,
        },
      }),
      bigSite(),
    ],
    { wire },
  );

  async function apiMessage(fn: () => Promise<unknown>): Promise<string> {
    const err = await failure(fn);
    expect(err).toBeInstanceOf(Tor4YouApiError);
    return (err as Tor4YouApiError).apiMessage;
  }

  describe("customers against the emulator", () => {
    it("addcust creates a customer that custinfo returns as stored", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const added = await c.addcust({
        first: "Tamar",
        last: "Golan",
        cell: "+972-58-765-4321",
        tz: "39337423",
        email: "tamar@example.com",
        street: "Ha'atzmaut 3",
        city: "Ashdod",
        extra: { cx1: "allergic to dye" },
      });
      const info = await c.custinfo({ customerId: added.customerId });
      expect(info).toEqual({
        id: added.customerId,
        vfib: added.vfib,
        first: "Tamar",
        last: "Golan",
        cell: "0587654321",
        tz: TZ.a,
        email: "tamar@example.com",
        street: "Ha'atzmaut 3",
        city: "Ashdod",
        extra: { cx1: "allergic to dye" },
        createdAt: T0.startOf("day"),
        active: true,
      });
      expect(t.em.site(OPEN_SITE).customers.get(added.customerId)).toMatchObject({
        cell: "0587654321",
        tz: TZ.a,
      });
    });

    it("editcust replaces the whole record: fields not sent become blank", async () => {
      const t = await emu.fresh();
      const c = t.client();
      expect(await c.custinfo({ customerId: 41002 })).toMatchObject({ city: "Haifa", extra: { cx2: "vip" } });
      await c.editcust({
        customerId: 41002,
        first: "Eli",
        last: "Cohen-Levi",
        cell: "0547654321",
        street: "Herzl 7",
      });
      const after = await c.custinfo({ customerId: 41002 });
      expect(after).toMatchObject({
        first: "Eli",
        last: "Cohen-Levi",
        street: "Herzl 7",
        extra: {},
        active: true,
      });
      expect(after.city).toBeUndefined();
      expect(after.email).toBeUndefined();
      expect(t.em.site(OPEN_SITE).customers.get("41002")).toMatchObject({ city: "", email: "", extra: {} });
    });

    it("editcust with custinfo's answer plus a change keeps every other field", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const info = await c.custinfo({ customerId: 41002 });
      await c.editcust({
        customerId: info.id,
        first: info.first!,
        last: info.last!,
        cell: info.cell!,
        email: info.email,
        street: info.street,
        city: "Akko",
        extra: info.extra,
      });
      expect(await c.custinfo({ customerId: 41002 })).toEqual({ ...info, city: "Akko" });
    });

    it("delcust deletes: custinfo shows it inactive, custlist lists it only with showCancelled", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const { customerId, vfib } = await c.addcust({ first: "Gil", last: "Ram", cell: "0544441111" });
      await c.delcust({ customerId, vfib });
      expect(await c.custinfo({ customerId })).toMatchObject({ active: false });
      expect((await c.custlist()).map((x) => x.id)).not.toContain(customerId);
      expect((await c.custlist({ showCancelled: true })).map((x) => x.id)).toContain(customerId);
      expect(await apiMessage(() => c.delcust({ customerId, vfib }))).toEqual(
        said(wire, "customer is already deleted"),
      );
      expect(await apiMessage(() => c.delcust({ customerId: 41001, vfib: "0000000000000000" }))).toEqual(
        said(wire, "vfib does not match"),
      );
    });

    it("custlist filters by id, creation date and appointments", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const { customerId } = await c.addcust({ first: "New", last: "One", cell: "0545551234" });
      const ids = async (p: Parameters<typeof c.custlist>[0]) => (await c.custlist(p)).map((x) => x.id);
      expect(await ids({})).toEqual(["41001", "41002", customerId]);
      expect(await ids({ minId: 41002, maxId: 41002 })).toEqual(["41002"]);
      expect(await ids({ minCreateDate: day(0), maxCreateDate: day(0) })).toEqual([customerId]);
      expect(await ids({ hasAppointment: true })).toEqual(["41001", "41002"]);
      expect(await ids({ hasAppointment: false })).toEqual([customerId]);
      expect(await ids({ hasFutureAppointment: true })).toEqual(["41001", "41002"]);
      const [noa] = await c.custlist({ maxId: 41001 });
      expect(noa).toMatchObject({ first: "Noa", cell: "0527654321", tz: TZ.b, email: "noa@example.com" });
    });

    it("custlist stops at 500 rows; the rest come with minId after the last one", async () => {
      const t = await emu.fresh();
      const c = t.client(BIG_SITE);
      const page = await c.custlist();
      expect(page).toHaveLength(500);
      expect(page[0]!.id).toBe("50001");
      expect(page.at(-1)!.id).toBe("50500");
      const rest = await c.custlist({ minId: Number(page.at(-1)!.id) + 1 });
      expect(rest.map((x) => x.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(50501 + i)));
      const held = [...t.em.site(BIG_SITE).customers.values()].filter((x) => !x.isLozamin).length;
      expect(page.length + rest.length).toBe(held);
    });

    it("custappts returns at most 25 upcoming appointments, earliest first; past ones with showPast", async () => {
      const t = await emu.fresh();
      const c = t.client(BIG_SITE);
      const upcoming = await c.custappts({ customerId: 50001 });
      expect(upcoming).toHaveLength(25);
      expect(upcoming[0]!.start.toISO()).toBe(time(1, "10:00").toISO());
      expect(upcoming.at(-1)!.start.toISO()).toBe(time(25, "10:00").toISO());
      expect(upcoming.every((a) => a.customer.id === "50001" && a.status === "live")).toBe(true);
      const withPast = await c.custappts({ customerId: 50001, showPast: true });
      expect(withPast[0]!.id).toBe("710100");
      // The same customer found by first name and cell.
      const byName = await c.custappts({ first: "C0", cell: "0523300000" });
      expect(byName.map((a) => a.id)).toEqual(upcoming.map((a) => a.id));
    });

    it("custappts by tz, and cancelled ones only with showCancelled", async () => {
      const t = await emu.fresh();
      const c = t.client();
      expect((await c.custappts({ tz: TZ.b })).map((a) => a.id)).toEqual(["700201"]);
      await c.delappt({ apptId: 700201, vfib: t.em.site(OPEN_SITE).appointments.get("700201")!.conf });
      expect(await c.custappts({ tz: TZ.b })).toEqual([]);
      const all = await c.custappts({ tz: TZ.b, showCancelled: true });
      expect(all.map((a) => [a.id, a.status])).toEqual([["700201", "cancelled"]]);
    });

    it("subinfo and subusage show a seeded subscription and the appointments drawing on it", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const [sub] = await c.subinfo({ customerId: 41001 });
      expect(sub).toMatchObject({
        id: "301",
        customerId: "41001",
        name: "10 cuts",
        total: 10,
        used: 1,
        left: 9,
        active: true,
      });
      expect(sub!.from?.toISO()).toBe(T0.minus({ days: 10 }).startOf("day").toISO());
      expect(sub!.to?.toISO()).toBe(T0.plus({ days: 30 }).startOf("day").toISO());

      // A new booking of the subscription's service draws on it.
      const { apptId } = await c.addappt({
        staff: 12,
        service: 21,
        at: { from: time(3, "10:00"), to: time(3, "10:30") },
        customer: { first: "Noa", last: "Levi", cell: "0527654321" },
        participants: 2,
      });
      expect((await c.subinfo({ customerId: 41001 }))[0]).toMatchObject({ used: 3, left: 7 });
      const usage = await c.subusage({ subId: 301 });
      expect(usage.map((u) => [u.apptId, u.participants])).toEqual([
        ["700201", 1],
        [apptId, 2],
      ]);
      expect(usage[1]!.at?.toISO()).toBe(time(3, "10:00").toISO());
      expect(await c.subinfo({ customerId: 41002 })).toEqual([]);
      expect(await apiMessage(() => c.subusage({ subId: 999 }))).toEqual(
        said(wire, "subscription not found"),
      );
    });
  });

  describe("customer refusals arrive as Tor4YouApiError with the emulator's message", () => {
    it("a site that requires tz refuses customers and bookings without one", async () => {
      const t = await emu.fresh();
      const c = t.client(TZ_SITE);
      expect(await apiMessage(() => c.addcust({ first: "No", last: "Tz", cell: "0545551234" }))).toEqual(
        said(wire, "tz is required"),
      );
      expect(
        await apiMessage(() =>
          c.addappt({
            staff: 11,
            service: 21,
            at: { from: time(1, "10:00"), to: time(1, "10:30") },
            customer: { first: "No", last: "Tz", cell: "0545551234" },
          }),
        ),
      ).toEqual(said(wire, "tz is required"));
      expect(t.em.site(TZ_SITE).appointments.size).toBe(0);
      // With a tz the same booking goes through.
      const { apptId } = await c.addappt({
        staff: 11,
        service: 21,
        at: { from: time(1, "10:00"), to: time(1, "10:30") },
        customer: { first: "No", last: "Tz", cell: "0545551234", tz: TZ.c },
      });
      const booked = await c.apptinfo({ apptId });
      // The variants wire leaves the ID number out of appointments: then the record holds it.
      const held = t.em.site(TZ_SITE).customers.get(booked.customer.id!)?.tz;
      expect(wire === "normal" ? booked.customer.tz : held).toBe(TZ.c);
    });

    it("a tz that belongs to another customer, and a duplicate first name + cell, are refused", async () => {
      const t = await emu.fresh();
      const c = t.client();
      expect(
        await apiMessage(() => c.addcust({ first: "Other", last: "Person", cell: "0545551234", tz: TZ.b })),
      ).toEqual(said(wire, "tz already belongs to another customer"));
      expect(await apiMessage(() => c.addcust({ first: "Noa", last: "Twin", cell: "0527654321" }))).toEqual(
        said(wire, "customer already exists (customerid 41001)"),
      );
      expect(
        await apiMessage(() =>
          c.editcust({ customerId: 41002, first: "Eli", last: "Cohen", cell: "0547654321", tz: TZ.b }),
        ),
      ).toEqual(said(wire, "tz already belongs to another customer"));
      expect(t.em.site(OPEN_SITE).customers.get("41002")?.tz).toBe("");
      expect(await apiMessage(() => c.custinfo({ customerId: 999999 }))).toEqual(
        said(wire, "customer not found"),
      );
    });
  });
});
