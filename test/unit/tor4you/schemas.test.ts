import { describe, expect, it } from "vitest";
import { listIn, objectIn } from "../../../src/tor4you/envelope.ts";
import { schemasFor } from "../../../src/tor4you/schemas.ts";

const s = schemasFor("Asia/Jerusalem");

describe("appointment", () => {
  it("reads the short apptlist form with string ids and times; no status is 'unknown', not 'live'", () => {
    const a = s.appointment.parse({ id: "123", staff: "72230", from: "202403011000", to: "202403011030" });
    expect(a).toMatchObject({ id: "123", staffId: "72230", status: "unknown", iscoming: 0, showstatus: 0 });
    expect(a.start.toISO()).toBe("2024-03-01T10:00:00.000+02:00");
    expect(a.end.zoneName).toBe("Asia/Jerusalem");
  });

  it("takes apptid/vfib/apptstatus and numbers as well as id/conf/status and strings", () => {
    const a = s.appointment.parse({
      apptid: 123,
      vfib: "AE154A23B746DC21",
      apptstatus: 0,
      from: 202403011000,
      to: 202403011030,
      iscoming: 2,
      showstatus: "1",
      participants: "3",
      slotid: "0",
      customerid: 55,
    });
    expect(a).toMatchObject({
      id: "123",
      conf: "AE154A23B746DC21",
      status: "cancelled",
      iscoming: 2,
      showstatus: 1,
      participants: 3,
      customer: { id: "55" },
    });
    expect(a.slotId).toBeUndefined();
  });

  it("trims padded Hebrew names, normalizes the cell, keeps set extra fields only", () => {
    const a = s.appointment.parse({
      id: "1",
      from: "202403011000",
      to: "202403011030",
      status: "5",
      first: "דנה  ",
      last: " כהן",
      staffname: "אבי ",
      cell: "052-555-1234",
      af1: "",
      af3: " vip ",
      tmp_expire_date: "202403010930",
      islozamin: "0",
    });
    expect(a).toMatchObject({ status: "expired", staffName: "אבי", extra: { af3: "vip" }, isLozamin: false });
    expect(a.customer).toEqual({ first: "דנה", last: "כהן", cell: "0525551234" });
    expect(a.tmpExpire?.hour).toBe(9);
  });

  it("drops an unreadable cell instead of failing the row, but refuses an unknown status", () => {
    const base = { id: "1", from: "202403011000", to: "202403011030" };
    expect(s.appointment.parse({ ...base, cell: "n/a" }).customer.cell).toBeUndefined();
    expect(s.appointment.safeParse({ ...base, status: "9" }).success).toBe(false);
    expect(s.appointment.safeParse({ ...base, iscoming: "7" }).success).toBe(false);
    expect(s.appointment.safeParse({ ...base, from: "20240230" }).success).toBe(false);
  });
});

describe("other objects", () => {
  it("staff: showorder decides who is a provider", () => {
    const rows = [
      { id: "1", name: "אבי ", showorder: "3", status: "1" },
      { staffid: 2, staffname: "Office", showorder: 0, status: 0 },
    ].map((r) => s.staffMember.parse(r));
    expect(rows).toEqual([
      { id: "1", name: "אבי", showOrder: 3, isProvider: true, active: true },
      { id: "2", name: "Office", showOrder: 0, isProvider: false, active: false },
    ]);
  });

  it("slot: services '0' means any, a list is split, vfib or conf", () => {
    const any = s.slot.parse({
      slotid: "7",
      conf: "AB",
      from: "202403011000",
      to: "202403011100",
      services: "0",
    });
    const some = s.slot.parse({
      id: 8,
      vfib: "CD",
      from: "202403011000",
      to: "202403011100",
      services: "12,15",
    });
    expect(any).toMatchObject({ id: "7", vfib: "AB", serviceIds: [] });
    expect(some).toMatchObject({ id: "8", vfib: "CD", serviceIds: ["12", "15"] });
  });

  it("customer: cx or cf extra fields, createdate as a day", () => {
    const c = s.customer.parse({ id: "9", vfib: "X", cf2: "a", cx5: "b", createdate: "20240101" });
    expect(c.extra).toEqual({ cx2: "a", cx5: "b" });
    expect(c.createdAt?.toISODate()).toBe("2024-01-01");
  });
});

describe("envelope", () => {
  it("finds a list under its natural key, else the only array, else an object of objects", () => {
    expect(listIn({ status: 1, branches: [1] }, ["branches"])).toEqual([1]);
    expect(listIn({ status: 1, items: [2] }, ["branches"])).toEqual([2]);
    expect(listIn({ status: 1, branches: { "0": { id: 1 }, "3": { id: 2 } } }, ["branches"])).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect(listIn({ status: 1 }, ["branches"])).toEqual([]);
    expect(listIn({ status: 1, a: [1], b: [2] }, ["branches"])).toBeUndefined();
  });

  it("finds a single object under its key or at the top level without the envelope's status", () => {
    expect(objectIn({ status: 1, appt: { id: 1 } }, ["appt"])).toEqual({ id: 1 });
    expect(objectIn({ status: 1, id: 1, apptstatus: "0" }, ["appt"])).toEqual({ id: 1, apptstatus: "0" });
  });
});
