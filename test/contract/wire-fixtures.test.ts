import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Tor4YouClient } from "../../src/tor4you/client.ts";
import { Tor4YouApiError, Tor4YouHttpError, Tor4YouUsageLimitError } from "../../src/tor4you/errors.ts";
import { testClient } from "../unit/tor4you/fake-fetch.ts";

/** Recorded answers that follow tor4you-wire-notes.md (confirmed shapes and allowed alternatives). */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/wire/${name}`, import.meta.url), "utf8");

function clientServing(name: string, status = 200) {
  const contentType = name.endsWith(".html") ? "text/html" : "application/json";
  return testClient(() => new Response(fixture(name), { status, headers: { "content-type": contentType } }), {
    retry: { attempts: 1, baseMs: 0, maxMs: 0 },
  });
}

async function serve<T>(name: string, act: (c: Tor4YouClient) => Promise<T>): Promise<T> {
  return act(clientServing(name).client);
}

const range = { from: "20240310", to: "20240320" };
const ref = { apptId: 90001, vfib: "AE154A23B746DC21" };

describe("apptlist", () => {
  it("short form (confirmed): string ids and times, 17-digit lu", async () => {
    const r = await serve("apptlist-short.json", (c) => c.apptlist(range));
    expect(r.changed && r.lu).toBe("20240301123456000");
    if (!r.changed) throw new Error("expected changes");
    expect(
      r.appointments.map((a) => [a.id, a.staffId, a.start.toFormat("yyyy-MM-dd HH:mm"), a.status]),
    ).toEqual([
      ["90001", "72230", "2024-03-10 10:00", "live"],
      ["90002", "72231", "2024-03-11 12:00", "live"],
    ]);
    expect(r.appointments[0]!.start.zoneName).toBe("Asia/Jerusalem");
  });

  it("long form: padded Hebrew names trimmed, status strings, conf, extra fields", async () => {
    const r = await serve("apptlist-long.json", (c) => c.apptlist({ ...range, format: 2 }));
    if (!r.changed) throw new Error("expected changes");
    const [a, b] = r.appointments;
    expect(a).toMatchObject({
      id: "90001",
      conf: "AE154A23B746DC21",
      status: "live",
      staffName: "אבי כהן",
      serviceName: "תספורת גבר",
      branchName: "סניף תל אביב",
      customer: { id: "4411", first: "דנה", last: "לוי", cell: "0525551234", tz: "039337423" },
      extra: { af2: "VIP" },
    });
    expect(a!.slotId).toBeUndefined();
    expect(a!.tmpExpire).toBeUndefined();
    expect(b).toMatchObject({ id: "90003", status: "cancelled", iscoming: 2 });
  });

  it("numbers instead of strings, apptid/vfib/apptstatus, an international cell", async () => {
    const r = await serve("apptlist-numbers-vfib.json", (c) => c.apptlist(range));
    if (!r.changed) throw new Error("expected changes");
    expect(r.appointments[0]).toMatchObject({
      id: "90001",
      conf: "AE154A23B746DC21",
      status: "expired",
      staffId: "72230",
      iscoming: 1,
      showstatus: 2,
      participants: 2,
      customer: { id: "4411", cell: "0525551234" },
    });
  });

  it('"no new information" (confirmed) keeps status 1 and returns the new lu', async () => {
    const r = await serve("apptlist-no-new-information.json", (c) =>
      c.apptlist({ ...range, lu: "20240301123456000" }),
    );
    expect(r).toEqual({ changed: false, lu: "20240301130000000" });
  });

  it('"no new information" without a lu', async () => {
    const r = await serve("apptlist-no-new-information-without-lu.json", (c) =>
      c.apptlist({ ...range, lu: "20240301123456000" }),
    );
    expect(r).toEqual({ changed: false });
  });

  it.each(["apptlist-other-key.json", "apptlist-php-object.json"])(
    "a list under another key or as an object: %s",
    async (name) => {
      const r = await serve(name, (c) => c.apptlist(range));
      expect(r.changed && r.appointments[0]!.id).toBe("90001");
    },
  );
});

describe("single appointments", () => {
  it("apptinfo under appt (emulator shape)", async () => {
    const a = await serve("apptinfo.json", (c) => c.apptinfo({ apptId: 90001 }));
    expect(a).toMatchObject({ id: "90001", status: "live", conf: "AE154A23B746DC21", staffName: "אבי כהן" });
  });

  it("apptinfo at the top level, status as apptstatus, token as vfib", async () => {
    const a = await serve("apptinfo-top-level.json", (c) => c.apptinfo({ apptId: 90001 }));
    expect(a).toMatchObject({ id: "90001", status: "cancelled", conf: "AE154A23B746DC21" });
  });

  it("escaped slashes in a dd/mm/YYYY expiry and in free text", async () => {
    const a = await serve("apptinfo-escaped-slashes.json", (c) => c.apptinfo({ apptId: 90005 }));
    expect(a.status).toBe("expired");
    expect(a.tmpExpire?.toFormat("yyyy-MM-dd HH:mm")).toBe("2024-03-10 09:30");
    expect(a.notes).toBe("bring ID/passport");
  });

  it("apptbycellortz and custappts (list under appointments)", async () => {
    const a = await serve("apptbycellortz.json", (c) => c.apptbycellortz({ cell: "0525551234" }));
    const b = await serve("custappts.json", (c) => c.custappts({ customerId: 4411 }));
    expect(a.map((x) => x.id)).toEqual(["90001"]);
    expect(b.map((x) => x.id)).toEqual(["90001"]);
  });

  it("appthistory with second-precision dates", async () => {
    const h = await serve("appthistory.json", (c) => c.appthistory({ apptId: 90001 }));
    expect(h.map((e) => [e.at.toFormat("yyyy-MM-dd HH:mm:ss"), e.updateBy, e.description])).toEqual([
      ["2024-03-01 10:15:00", "99", "נקבע דרך האתר"],
      ["2024-03-02 09:00:00", "1000", "אישור הגעה"],
    ]);
  });

  it.each(["addappt.json", "addappt-vfib-number.json"])("addappt returns id and token: %s", async (name) => {
    const r = await serve(name, (c) =>
      c.addappt({
        staff: 72230,
        service: 501,
        at: { slotId: 3001, vfib: "B16A" },
        customer: { first: "דנה", last: "לוי", cell: "0525551234" },
      }),
    );
    expect(r).toEqual({ apptId: "90010", conf: "AE154A23B746DC21" });
  });

  it("writes that answer the bare envelope", async () => {
    for (const act of [
      (c: Tor4YouClient) => c.iscoming({ ...ref, iscoming: 1 }),
      (c: Tor4YouClient) => c.showstatus({ ...ref, showstatus: 2 }),
      (c: Tor4YouClient) => c.delappt(ref),
      (c: Tor4YouClient) => c.updateaf({ ...ref, fields: { af1: "x" } }),
      (c: Tor4YouClient) => c.delslot({ slotId: 3001, vfib: "B16A" }),
      (c: Tor4YouClient) => c.delcust({ customerId: 4411, vfib: "D00D" }),
      (c: Tor4YouClient) => c.editcust({ customerId: 4411, first: "דנה", last: "לוי", cell: "0525551234" }),
    ]) {
      await expect(serve("bare.json", act)).resolves.toBeUndefined();
    }
  });
});

describe("site, staff, services, slots", () => {
  it("siteinfo under site and at the top level", async () => {
    expect(await serve("siteinfo.json", (c) => c.siteinfo())).toEqual({
      siteId: "123456",
      name: "מספרת הדוגמה",
      phone: "03-5551234",
      address: "דיזנגוף 1, תל אביב",
      istz: 2,
      calendarType: "slots",
    });
    expect(await serve("siteinfo-top-level.json", (c) => c.siteinfo())).toEqual({
      siteId: "123456",
      name: "Barber TLV",
      istz: 0,
      calendarType: "open",
    });
  });

  it("branches, staff, services, staffservice", async () => {
    const branches = await serve("branches.json", (c) => c.branches({ showCancelled: true }));
    expect(branches.map((b) => [b.id, b.name, b.active])).toEqual([
      ["3", "סניף תל אביב", true],
      ["4", "סניף חיפה", false],
    ]);
    const staff = await serve("staff.json", (c) => c.staff());
    expect(staff.map((s) => [s.id, s.name, s.branchId, s.isProvider])).toEqual([
      ["72230", "אבי כהן", "3", true],
      ["1000", "API", undefined, false],
    ]);
    const services = await serve("services.json", (c) => c.services());
    expect(services).toEqual([
      { id: "501", name: "תספורת גבר", durationMinutes: 30, price: 80, external: true, active: true },
      { id: "502", name: "צבע", durationMinutes: 90, price: 250.5, external: false, active: true },
    ]);
    const links = await serve("staffservice.json", (c) => c.staffservice());
    expect(links).toEqual([
      { staffId: "72230", serviceId: "501" },
      { staffId: "72230", serviceId: "502" },
    ]);
  });

  it("slotinfo, slotlist under another key, escaped zoom URL, addslot", async () => {
    const slot = await serve("slotinfo.json", (c) => c.slotinfo({ slotId: 3001 }));
    expect(slot).toMatchObject({
      id: "3001",
      vfib: "B16A",
      serviceIds: [],
      maxMembers: 10,
      members: 4,
      placesLeft: 6,
    });
    const list = await serve("slotlist-other-key.json", (c) => c.slotlist(range));
    expect(list[0]).toMatchObject({ id: "3001", vfib: "B16A", serviceIds: ["501", "502"], staffId: "72230" });
    const zoom = await serve("slotinfo-escaped-slashes.json", (c) => c.slotinfo({ slotId: 3001 }));
    expect(zoom.zoom).toBe("https://zoom.us/j/123");
    const added = await serve("addslot.json", (c) =>
      c.addslot({
        staff: 72230,
        from: DateTime.fromISO("2024-03-10T10:00", { zone: "Asia/Jerusalem" }),
        to: "202403101100",
      }),
    );
    expect(added).toEqual({ slotId: "3002", vfib: "C77D" });
  });

  it("availability: dates, slots, open hours", async () => {
    const q = { ...range, service: 501 };
    const dates = await serve("availability-dates.json", (c) => c.availability({ ...q, dateOnly: true }));
    expect(dates.kind === "dates" && dates.dates.map((d) => d.toISODate())).toEqual([
      "2024-03-10",
      "2024-03-11",
    ]);
    const slots = await serve("availability-slots.json", (c) => c.availability(q));
    expect(slots.kind === "slots" && slots.slots[0]).toMatchObject({
      id: "3001",
      vfib: "B16A",
      placesLeft: 6,
      staffName: "אבי כהן",
    });
    const open = await serve("availability-openhours.json", (c) => c.availability(q));
    expect(open.kind === "openhours" && open.openHours[0]).toMatchObject({
      staffId: "72230",
      staffName: "אבי",
    });
  });
});

describe("customers and subscriptions", () => {
  it("custinfo with extra fields and creation date", async () => {
    const c = await serve("custinfo.json", (c) => c.custinfo({ customerId: 4411 }));
    expect(c).toMatchObject({
      id: "4411",
      vfib: "D00D",
      first: "דנה",
      city: "תל אביב",
      extra: { cx1: "חבר מועדון" },
    });
    expect(c.street).toBeUndefined();
    expect(c.createdAt?.toISODate()).toBe("2023-01-15");
  });

  it("custlist as a PHP object keyed by id", async () => {
    const list = await serve("custlist-php-object.json", (c) => c.custlist({ showCancelled: true }));
    expect(list.map((c) => [c.id, c.cell, c.active])).toEqual([
      ["4411", "0525551234", true],
      ["4415", undefined, false],
    ]);
  });

  it("addcust, subinfo, subusage", async () => {
    expect(
      await serve("addcust.json", (c) => c.addcust({ first: "משה", last: "כהן", cell: "0547654321" })),
    ).toEqual({
      customerId: "4412",
      vfib: "E11E",
    });
    const subs = await serve("subinfo.json", (c) => c.subinfo({ customerId: 4411 }));
    expect(subs[0]).toMatchObject({
      id: "11",
      name: "כרטיסיה 10",
      total: 10,
      used: 3,
      left: 7,
      active: true,
    });
    const usage = await serve("subusage.json", (c) => c.subusage({ subId: 11 }));
    expect(usage[0]).toMatchObject({ apptId: "90001", participants: 1 });
  });
});

describe("failures", () => {
  it.each([
    ["failure-message.json", "appointment not found"],
    ["failure-msg.json", "invalid vfib"],
    ["failure-error.json", "authentication failed"],
  ])("%s → Tor4YouApiError with the text", async (name, text) => {
    const err = await serve(name, (c) => c.apptinfo({ apptId: 1 })).catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouApiError);
    expect(err.apiMessage).toBe(text);
  });

  it.each([
    ["usage-limit-minute.json", "minute"],
    ["usage-limit-day.json", "day"],
  ])("%s → Tor4YouUsageLimitError", async (name, scope) => {
    const err = await serve(name, (c) => c.apptlist(range)).catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouUsageLimitError);
    expect(err.scope).toBe(scope);
  });

  it("an nginx 502 page → Tor4YouHttpError with a short text snippet", async () => {
    const { client } = clientServing("html-502.html", 502);
    const err = await client.apptlist(range).catch((e) => e);
    expect(err).toBeInstanceOf(Tor4YouHttpError);
    expect(err.httpStatus).toBe(502);
    expect(err.bodySnippet).toBe("502 Bad Gateway 502 Bad Gateway nginx");
  });
});
