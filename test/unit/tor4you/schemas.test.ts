import { describe, expect, it } from "vitest";
import { listIn, objectIn } from "../../../src/tor4you/envelope.ts";
import { schemasFor } from "../../../src/tor4you/schemas.ts";
import { collectFallbacks } from "../../../src/tor4you/wire.ts";

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

describe("tolerant where the reference is silent: a neutral fallback, named for the debug log", () => {
  const base = { id: "1", from: "202403011000", to: "202403011030" };

  it("tmp_expire_date as MySQL DATETIME is read; text we cannot read still marks the booking temporary", () => {
    const sql = collectFallbacks(() =>
      s.appointment.parse({ ...base, tmp_expire_date: "2024-03-01 09:45:00" }),
    );
    expect(sql.value.tmpExpire?.toISO()).toBe("2024-03-01T09:45:00.000+02:00");
    expect(sql.fallbacks).toEqual([]);
    // A temporary booking gets no reminder: unreadable expiry text must not make it an ordinary one.
    const odd = collectFallbacks(() => s.appointment.parse({ ...base, tmp_expire_date: "in 15 minutes" }));
    expect(odd.value.tmpExpire?.toISO()).toBe(odd.value.start.toISO());
    expect(odd.fallbacks).toEqual(["tmp_expire_date"]);
    expect(s.appointment.parse({ ...base, tmp_expire_date: "" }).tmpExpire).toBeUndefined();
  });

  it("a missing staff, branch, service or site name is blank, and said so; a missing istz is 0", () => {
    const staff = collectFallbacks(() => s.staffMember.parse({ id: 11, showorder: 2, status: 1 }));
    expect(staff).toEqual({
      value: { id: "11", name: "", showOrder: 2, isProvider: true, active: true },
      fallbacks: ["name"],
    });
    expect(s.branch.parse({ id: "1" })).toEqual({ id: "1", name: "", active: true });
    expect(s.service.parse({ id: 21, duration: 30 })).toMatchObject({
      id: "21",
      name: "",
      durationMinutes: 30,
    });
    const site = collectFallbacks(() => s.siteInfo.parse({ siteid: 7, calendartype: "open" }));
    expect(site.value).toEqual({ siteId: "7", name: "", istz: 0, calendarType: "open" });
    expect(site.fallbacks.sort()).toEqual(["istz", "name"]);
  });

  it("a creation date in an unknown layout is left out instead of failing the customer list", () => {
    const c = collectFallbacks(() => s.customer.parse({ id: "9", createdate: "last tuesday" }));
    expect(c.value.createdAt).toBeUndefined();
    expect(c.fallbacks).toEqual(["createdate"]);
    expect(s.customer.parse({ id: "9", createdate: "2024-01-01" }).createdAt?.toISODate()).toBe("2024-01-01");
  });

  it("ids and times still must be readable: those the product uses are not guessed", () => {
    expect(s.appointment.safeParse({ ...base, id: "" }).success).toBe(false);
    expect(s.appointment.safeParse({ ...base, from: "tomorrow" }).success).toBe(false);
    expect(s.staffMember.safeParse({ name: "Dana" }).success).toBe(false);
  });
});
