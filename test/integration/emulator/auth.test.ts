import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { formatApiMinute } from "../../../src/tor4you/dates.ts";
import { signCall } from "../../../src/tor4you/signature.ts";
import { at, type Harness, startEmulator, T0 } from "./harness.ts";

describe("emulator auth", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEmulator({ sites: [buildSite("s1"), buildSite("s2", { name: "Second" })] });
  });
  afterAll(() => h.close());

  it("accepts the torkey header and answers with the caller's site", async () => {
    expect(await h.api("siteinfo")).toMatchObject({
      status: 1,
      site: { siteid: "s1", calendartype: "open" },
    });
    expect(await h.api("siteinfo", {}, { site: "s2" })).toMatchObject({
      status: 1,
      site: { siteid: "s2", name: "Second" },
    });
  });

  it("refuses a wrong torkey with HTTP 200 and status 0", async () => {
    const res = await fetch(`${h.base}/siteinfo`, { headers: { torkey: "s1-wrong" } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe(0);
    expect(body.message).toMatch(/torkey/);
    expect(body.site).toBeUndefined();
  });

  it("refuses a call with no credentials at all", async () => {
    const res = await (await fetch(`${h.base}/siteinfo`)).json();
    expect(res).toMatchObject({ status: 0 });
  });

  it("reads signed parameters from the query string, for GET and POST", async () => {
    expect(await h.signed("siteinfo")).toMatchObject({ status: 1, site: { siteid: "s1" } });
    const added = await h.signed(
      "addcust",
      { first: "Noa", last: "Levi", cell: "0527654321" },
      { method: "POST" },
    );
    expect(added.status).toBe(1);
    expect(added.customerid).toMatch(/^\d+$/);
    expect(added.vfib).toMatch(/^[0-9A-F]{16}$/);
  });

  it("ignores signed parameters sent as form fields of a POST (auth is read from the query only)", async () => {
    const site = h.em.site("s1");
    const dt = formatApiMinute(T0);
    const sh = signCall({
      siteid: site.siteid,
      key: site.credentials.key,
      dt,
      call: "addcust",
      secret: site.credentials.secret,
    });
    const form = new URLSearchParams({
      siteid: site.siteid,
      key: site.credentials.key,
      dt,
      sh,
      first: "Noa",
      last: "Levi",
      cell: "0527654321",
    });
    const res = await fetch(`${h.base}/addcust`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    expect(await res.json()).toMatchObject({ status: 0, message: expect.stringMatching(/authentication/) });
  });

  it("is strict about where a call's fields travel: a POST's in its form body, and call names as spelled", async () => {
    const torkey = h.em.site("s1").credentials.torkey;
    const fields = { first: "Gil", last: "Paz", cell: "0527654328" };
    // The fields of a POST in its query string are not read (PHP's $_POST holds the form body).
    const inQuery = await fetch(`${h.base}/addcust?${new URLSearchParams(fields)}`, {
      method: "POST",
      headers: { torkey },
    });
    expect(await inQuery.json()).toMatchObject({ status: 0, message: "missing parameter: first" });
    // A JSON body is not the form the reference asks for.
    const asJson = await fetch(`${h.base}/addcust`, {
      method: "POST",
      headers: { torkey, "content-type": "application/json" },
      body: JSON.stringify(fields),
    });
    expect(await asJson.json()).toMatchObject({
      status: 0,
      message: expect.stringMatching(/x-www-form-urlencoded/),
    });
    expect([...h.em.site("s1").customers.values()].some((c) => c.cell === fields.cell)).toBe(false);
    // The call's name as the reference spells it, in lower case.
    expect(await (await fetch(`${h.base}/SiteInfo`, { headers: { torkey } })).json()).toMatchObject({
      status: 0,
      message: "unknown call: SiteInfo",
    });
    // The same fields as a form are a customer.
    expect(await h.api("addcust", fields, { method: "POST" })).toMatchObject({ status: 1 });
  });

  it("is strict where the reference is clear: the documented method, exact parameter names, vfib, ax1..ax20", async () => {
    // addappt is a POST in the reference; iscoming is a GET
    expect(await h.api("addcust", { first: "Noa", last: "Levi", cell: "0527654329" })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/POST/),
    });
    expect(await h.api("siteinfo", {}, { method: "POST" })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/GET/),
    });
    // ax1..ax20 on addappt (af1 is not its name there)
    const added = await h.api(
      "addappt",
      {
        staff: 11,
        service: 21,
        from: at(1, "10:00"),
        to: at(1, "10:30"),
        first: "Noa",
        last: "Levi",
        cell: "0527654329",
        ax3: "gate B",
        af4: "ignored",
      },
      { method: "POST" },
    );
    expect(added.status).toBe(1);
    const appt = { id: String(added.apptid), conf: String(added.conf) };
    const info = await h.api("apptinfo", { apptid: appt.id });
    expect(JSON.stringify(info)).toContain("gate B");
    expect(JSON.stringify(info)).not.toContain("ignored");
    // exact names: apptId is not apptid
    expect(await h.api("apptinfo", { apptId: appt.id })).toMatchObject({ status: 0 });
    // vfib, not conf
    expect(await h.api("iscoming", { apptid: appt.id, conf: appt.conf, iscoming: 1 })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/vfib/),
    });
    expect(await h.api("iscoming", { apptid: appt.id, vfib: appt.conf, iscoming: 1 })).toMatchObject({
      status: 1,
    });
  });

  it("tolerates dt up to 10 minutes off either way, and no more", async () => {
    const dt = (min: number) => formatApiMinute(T0.plus({ minutes: min }));
    expect((await h.signed("siteinfo", {}, { dt: dt(-10) })).status).toBe(1);
    expect((await h.signed("siteinfo", {}, { dt: dt(10) })).status).toBe(1);
    const stale = await h.signed("siteinfo", {}, { dt: dt(-11) });
    expect(stale.status).toBe(0);
    expect(stale.message).toMatch(/dt/);
    expect((await h.signed("siteinfo", {}, { dt: dt(11) })).status).toBe(0);
    expect((await h.signed("siteinfo", {}, { dt: "2026-01-04" })).status).toBe(0);
  });

  it("refuses a bad signature, a wrong key, and a signature made for another call", async () => {
    expect(await h.signed("siteinfo", {}, { sh: "0".repeat(64) })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/signature/),
    });
    expect(await h.signed("siteinfo", {}, { key: "not-the-key" })).toMatchObject({ status: 0 });
    const site = h.em.site("s1");
    const dt = formatApiMinute(T0);
    const { signCall } = await import("../../../src/tor4you/signature.ts");
    const shForStaff = signCall({
      siteid: "s1",
      key: site.credentials.key,
      dt,
      call: "staff",
      secret: site.credentials.secret,
    });
    expect(await h.signed("siteinfo", {}, { dt, sh: shForStaff })).toMatchObject({ status: 0 });
  });

  it("changes nothing when auth fails", async () => {
    const before = h.em.site("s1").customers.size;
    const res = await h.signed(
      "addcust",
      { first: "Tal", last: "Bar", cell: "0531112233" },
      { method: "POST", dt: formatApiMinute(T0.minus({ hours: 1 })) },
    );
    expect(res.status).toBe(0);
    const wrongKey = await fetch(`${h.base}/addcust`, {
      method: "POST",
      headers: { torkey: "s1-nope", "content-type": "application/x-www-form-urlencoded" },
      body: "first=Tal&last=Bar&cell=0531112233",
    });
    expect((await wrongKey.json()).status).toBe(0);
    expect(h.em.site("s1").customers.size).toBe(before);
  });

  it("answers an unknown call with status 0", async () => {
    expect(await h.api("nosuchcall")).toMatchObject({ status: 0, message: expect.stringMatching(/unknown/) });
  });
});
