import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { at, day, type Harness, startEmulator, T0 } from "./harness.ts";

type Row = Record<string, string>;
const customers = [{ id: "500", first: "Noa", last: "Levi", cell: "0527654321", tz: "123456782" }];

describe("emulator: apptlist limits", () => {
  let h: Harness;
  beforeAll(async () => {
    // 1100 appointments over 11 days, 100 a day, one minute apart (seeded, so no rules apply).
    const appointments = Array.from({ length: 1100 }, (_, i) => {
      const from = T0.plus({ days: Math.floor(i / 100) })
        .set({ hour: 9, minute: 0 })
        .plus({ minutes: i % 100 });
      return {
        id: String(800000 + i),
        staff: "11",
        service: "21",
        customer: "500",
        from,
        to: from.plus({ minutes: 1 }),
      };
    });
    h = await startEmulator({ sites: [buildSite("s1", { customers, appointments })] });
  });
  afterAll(() => h.close());

  it("refuses more than 60 days and a reversed range, accepts exactly 60", async () => {
    expect(await h.api("apptlist", { from: day(0), to: day(60) })).toMatchObject({
      status: 0,
      message: expect.stringMatching(/60/),
    });
    expect((await h.api("apptlist", { from: day(1), to: day(0) })).status).toBe(0);
    expect((await h.api("apptlist", { from: day(20), to: day(79) })).status).toBe(1);
    expect((await h.api("apptlist", {})).status).toBe(0);
  });

  it("returns the first 1000 rows by start time when more match, and treats `to` as inclusive", async () => {
    const all = (await h.api("apptlist", { from: day(0), to: day(59) })).appts as Row[];
    expect(all.length).toBe(1000);
    expect(all[0]!.id).toBe("800000");
    expect(all[999]!.id).toBe("800999");
    const one = (await h.api("apptlist", { from: day(10), to: day(10) })).appts as Row[];
    expect(one.length).toBe(100);
    expect(one[0]).toEqual({ id: "801000", staff: "11", from: at(10, "09:00"), to: at(10, "09:01") });
  });

  it("format=2 carries the long shape", async () => {
    const rows = (await h.api("apptlist", { from: day(10), to: day(10), format: 2 })).appts as Row[];
    expect(rows[0]).toMatchObject({
      id: "801000",
      apptid: "801000",
      status: "1",
      first: "Noa",
      cell: "0527654321",
      staffname: "Dana ",
      servicename: "Cut",
    });
    expect(rows[0]!.conf).toMatch(/^[0-9A-F]{16}$/);
  });
});

describe("emulator: lu cursor and lookups", () => {
  let h: Harness;
  const post = { method: "POST" as const };
  beforeEach(async () => {
    await h?.close();
    h = await startEmulator({ sites: [buildSite("s1", { customers })] });
  });
  afterAll(() => h.close());

  const book = async (d: number, hhmm: string, first = "Noa") => {
    const [hh, mm] = hhmm.split(":").map(Number);
    const end = `${String(hh! + (mm! + 30 >= 60 ? 1 : 0)).padStart(2, "0")}:${String((mm! + 30) % 60).padStart(2, "0")}`;
    const r = await h.api(
      "addappt",
      { staff: 11, service: 21, from: at(d, hhmm), to: at(d, end), first, last: "Levi", cell: "0527654321" },
      post,
    );
    expect(r.status).toBe(1);
    return { apptid: r.apptid as string, vfib: r.conf as string };
  };

  it("answers 'no new information' until something in the query's scope changes", async () => {
    const a = await book(1, "10:00");
    const first = await h.api("apptlist", { from: day(0), to: day(6) });
    expect(first.lu).toMatch(/^\d{17}$/);
    expect((first.appts as Row[]).map((r) => r.id)).toEqual([a.apptid]);
    expect(await h.api("apptlist", { from: day(0), to: day(6), lu: first.lu as string })).toEqual({
      status: 1,
      appts: "no new information",
      lu: first.lu,
    });
    // A change outside the scope (another week) is not news for this query.
    await book(8, "10:00");
    expect((await h.api("apptlist", { from: day(0), to: day(6), lu: first.lu as string })).appts).toBe(
      "no new information",
    );
    // A change inside it is, even with the clock frozen at the same millisecond.
    await h.api("iscoming", { ...a, iscoming: 1 });
    const second = await h.api("apptlist", { from: day(0), to: day(6), lu: first.lu as string, format: 2 });
    expect((second.appts as Row[])[0]).toMatchObject({ id: a.apptid, iscoming: "1" });
    expect(second.lu! > first.lu!).toBe(true);
    // A cancellation is news too, and the row leaves the default list.
    await h.api("delappt", a, post);
    const third = await h.api("apptlist", { from: day(0), to: day(6), lu: second.lu as string });
    expect(third.appts).toEqual([]);
    expect(
      (
        (await h.api("apptlist", { from: day(0), to: day(6), showcancelled: 1, format: 2 })).appts as Row[]
      )[0],
    ).toMatchObject({ status: "0" });
  });

  it("an appointment moved out of the range is a change of that range", async () => {
    const a = await book(1, "10:00");
    const before = await h.api("apptlist", { from: day(0), to: day(2) });
    const moved = await h.admin("POST", `/sites/s1/appointments/${a.apptid}/move`, { from: at(9, "10:00") });
    expect(moved.status).toBe(200);
    const after = await h.api("apptlist", { from: day(0), to: day(2), lu: before.lu as string });
    expect(after.appts).toEqual([]);
  });

  it("an empty scope still yields a cursor, and later bookings are news", async () => {
    const empty = await h.api("apptlist", { from: day(0), to: day(2) });
    expect(empty.appts).toEqual([]);
    await book(1, "11:00");
    expect(
      ((await h.api("apptlist", { from: day(0), to: day(2), lu: empty.lu as string })).appts as Row[]).length,
    ).toBe(1);
    expect((await h.api("apptlist", { from: day(0), to: day(2), lu: "2026" })).status).toBe(0);
  });

  it("filters by staff, service, customer, and by create date instead of appointment date", async () => {
    const a = await book(1, "10:00");
    await book(2, "10:00", "Ido");
    const cid = ((await h.api("apptinfo", { apptid: a.apptid })).appt as Row).customerid!;
    expect(
      ((await h.api("apptlist", { from: day(0), to: day(6), customer: cid })).appts as Row[]).map(
        (r) => r.id,
      ),
    ).toEqual([a.apptid]);
    expect((await h.api("apptlist", { from: day(0), to: day(6), staff: 12 })).appts).toEqual([]);
    expect(((await h.api("apptlist", { from: day(0), to: day(6), service: 21 })).appts as Row[]).length).toBe(
      2,
    );
    expect(((await h.api("apptlist", { createfrom: day(0), createto: day(0) })).appts as Row[]).length).toBe(
      2,
    );
    expect((await h.api("apptlist", { createfrom: day(-5), createto: day(-1) })).appts).toEqual([]);
  });

  it("apptbycellortz shows today's appointments by default and more with showpast/showfuture", async () => {
    const today = await book(0, "12:00");
    const tomorrow = await book(1, "12:00");
    await h.em.clock.advance(24 * 3600_000);
    const ids = async (p: Record<string, string | number>) =>
      ((await h.api("apptbycellortz", p)).appts as Row[]).map((r) => r.id);
    expect(await ids({ cell: "0527654321" })).toEqual([tomorrow.apptid]);
    expect(await ids({ cell: "0527654321", showpast: 1 })).toEqual([today.apptid, tomorrow.apptid]);
    expect(await ids({ tz: "123456782" })).toEqual([tomorrow.apptid]);
    expect(await ids({ cell: "0531112233" })).toEqual([]);
    expect((await h.api("apptbycellortz", {})).status).toBe(0);
  });
});
