import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { at, type Harness, startEmulator } from "./harness.ts";

const customer = { first: "Noa", last: "Levi", cell: "0527654321" };

describe("emulator: booking on an open calendar", () => {
  let h: Harness;
  beforeEach(async () => {
    await h?.close();
    h = await startEmulator({ sites: [buildSite("s1", { closedDates: ["20260106"] })] });
  });
  afterAll(() => h.close());

  const book = (p: Record<string, string | number>) =>
    h.api(
      "addappt",
      { staff: 11, service: 21, from: at(0, "10:00"), to: at(0, "10:30"), ...customer, ...p },
      { method: "POST" },
    );

  it("books inside working hours and returns the id and its conf token", async () => {
    const res = await book({});
    expect(res).toMatchObject({
      status: 1,
      apptid: expect.stringMatching(/^\d+$/),
      conf: expect.stringMatching(/^[0-9A-F]{16}$/),
    });
    const info = await h.api("apptinfo", { apptid: res.apptid as string });
    expect(info.appt).toMatchObject({
      id: res.apptid,
      conf: res.conf,
      status: "1",
      staff: "11",
      staffname: "Dana ",
      service: "21",
      from: at(0, "10:00"),
      to: at(0, "10:30"),
      first: "Noa",
      cell: "0527654321",
      slotid: "0",
      iscoming: "0",
      islozamin: "0",
    });
  });

  it("refuses times outside working hours, on Saturday and on a closed date", async () => {
    expect(await book({ from: at(0, "08:30"), to: at(0, "09:00") })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/working hours/),
    });
    expect(await book({ from: at(0, "16:45"), to: at(0, "17:15") })).toMatchObject({ status: 0 });
    expect(await book({ from: at(6, "10:00"), to: at(6, "10:30") })).toMatchObject({ status: 0 }); // Saturday
    expect(await book({ from: at(2, "10:00"), to: at(2, "10:30") })).toMatchObject({ status: 0 }); // closed 6 Jan
    expect(await book({ from: at(0, "16:30"), to: at(0, "17:00") })).toMatchObject({ status: 1 });
  });

  it("refuses an overlap with the same staff member's live appointment, not with another's", async () => {
    expect((await book({})).status).toBe(1);
    expect(await book({ from: at(0, "10:15"), to: at(0, "10:45"), first: "Other" })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/not available/),
    });
    expect((await book({ from: at(0, "10:30"), to: at(0, "11:00"), first: "Other" })).status).toBe(1);
    expect((await book({ staff: 12, first: "Other" })).status).toBe(1);
  });

  it("refuses a service the staff member is not linked to, an admin user, and unknown ids", async () => {
    expect(await book({ staff: 12, service: 22 })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/linked/),
    });
    expect((await book({ staff: 19 })).status).toBe(0);
    expect((await book({ staff: 99 })).status).toBe(0);
    expect((await book({ service: 99 })).status).toBe(0);
    expect(h.em.site("s1").appointments.size).toBe(0);
  });

  it("finds the existing customer by first name + cell instead of creating a second one", async () => {
    const added = await h.api("addcust", customer, { method: "POST" });
    const a = await book({});
    const info = await h.api("apptinfo", { apptid: a.apptid as string });
    expect((info.appt as Record<string, string>).customerid).toBe(added.customerid);
    const other = await book({ first: "Child", from: at(0, "11:00"), to: at(0, "11:30") });
    const info2 = await h.api("apptinfo", { apptid: other.apptid as string });
    expect((info2.appt as Record<string, string>).customerid).not.toBe(added.customerid);
  });

  it("checks the conf/vfib token on delappt, iscoming, showstatus and updateaf", async () => {
    const a = await book({ ax1: "paid", ax2: "card" });
    const apptid = a.apptid as string;
    const wrong = "0000000000000000";
    for (const [call, extra] of [
      ["delappt", {}],
      ["iscoming", { iscoming: 1 }],
      ["showstatus", { showstatus: 1 }],
      ["updateaf", { af1: "x" }],
    ] as const) {
      const method = call === "delappt" || call === "updateaf" ? "POST" : "GET";
      expect(await h.api(call, { apptid, vfib: wrong, ...extra }, { method })).toMatchObject({
        status: 0,
        message: expect.stringMatching(/vfib/),
      });
      expect((await h.api(call, { apptid, ...extra }, { method })).status).toBe(0);
    }
    const info = (await h.api("apptinfo", { apptid })).appt as Record<string, string>;
    expect(info).toMatchObject({ status: "1", iscoming: "0", showstatus: "0", af1: "paid", af2: "card" });
  });

  it("updates iscoming, showstatus and extra fields and records each in the history", async () => {
    const a = await book({ ax1: "paid", ax2: "card" });
    const apptid = a.apptid as string;
    const vfib = a.conf as string;
    expect((await h.api("iscoming", { apptid, vfib, iscoming: 2 })).status).toBe(1);
    expect((await h.api("iscoming", { apptid, vfib, iscoming: 3 })).status).toBe(0);
    expect((await h.api("showstatus", { apptid, vfib, showstatus: 1 })).status).toBe(1);
    expect((await h.api("updateaf", { apptid, vfib, af2: "-", af3: "new" }, { method: "POST" })).status).toBe(
      1,
    );
    const info = (await h.api("apptinfo", { apptid })).appt as Record<string, string>;
    expect(info).toMatchObject({ iscoming: "2", showstatus: "1", af1: "paid", af3: "new" });
    expect(info.af2).toBeUndefined();
    const history = (await h.api("appthistory", { apptid })).history as Array<Record<string, string>>;
    expect(history.map((e) => e.action)).toEqual(["1", "2", "2", "2"]);
    expect(history.every((e) => e.updateby === "1000" && /^\d{14}$/.test(e.date!))).toBe(true);
  });

  it("cancels with delappt, frees the time, and refuses a second cancel", async () => {
    const a = await book({});
    const apptid = a.apptid as string;
    expect(
      (await h.api("delappt", { apptid, vfib: (a.conf as string).toLowerCase() }, { method: "POST" })).status,
    ).toBe(1);
    expect(((await h.api("apptinfo", { apptid })).appt as Record<string, string>).status).toBe("0");
    expect((await h.api("delappt", { apptid, vfib: a.conf as string }, { method: "POST" })).status).toBe(0);
    expect((await h.api("iscoming", { apptid, vfib: a.conf as string, iscoming: 1 })).status).toBe(0);
    expect((await book({ first: "Next" })).status).toBe(1);
  });
});
