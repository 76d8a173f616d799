import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { at, type Harness, startEmulator } from "./harness.ts";

const post = { method: "POST" as const };

describe("emulator: customers", () => {
  let h: Harness;
  beforeEach(async () => {
    await h?.close();
    h = await startEmulator({
      sites: [
        buildSite("s1"),
        buildSite("tz", {
          settings: {
            calendarType: "open",
            istz: "2",
            stepMinutes: 30,
            minLeadMinutes: 0,
            maxHorizonDays: 365,
          },
        }),
      ],
    });
  });
  afterAll(() => h.close());

  it("keeps first name + cell unique, and lets the same cell carry another first name", async () => {
    const a = await h.api("addcust", { first: "Noa", last: "Levi", cell: "0527654321" }, post);
    expect(a.status).toBe(1);
    expect(await h.api("addcust", { first: "Noa ", last: "Other", cell: "0527654321" }, post)).toMatchObject({
      status: 0,
      message: expect.stringContaining(a.customerid as string),
    });
    expect((await h.api("addcust", { first: "Ido", last: "Levi", cell: "0527654321" }, post)).status).toBe(1);
  });

  it("validates the cell, the email and the tz check digit", async () => {
    for (const cell of ["+972527654321", "527654321", "0327654321", "05276543"]) {
      expect((await h.api("addcust", { first: "A", last: "B", cell }, post)).status).toBe(0);
    }
    expect(
      (await h.api("addcust", { first: "A", last: "B", cell: "0527654321", email: "nope" }, post)).status,
    ).toBe(0);
    expect(
      (await h.api("addcust", { first: "A", last: "B", cell: "0527654321", tz: "123456789" }, post)).status,
    ).toBe(0);
    expect(
      (await h.api("addcust", { first: "A", last: "B", cell: "0527654321", tz: "123456782" }, post)).status,
    ).toBe(1);
  });

  it("requires a unique tz where the site says istz=2, for addcust and addappt alike", async () => {
    const o = { site: "tz", method: "POST" as const };
    expect(await h.api("addcust", { first: "A", last: "B", cell: "0527654321" }, o)).toMatchObject({
      status: 0,
      message: expect.stringMatching(/tz/),
    });
    expect(
      (await h.api("addcust", { first: "A", last: "B", cell: "0527654321", tz: "123456782" }, o)).status,
    ).toBe(1);
    expect(
      (await h.api("addcust", { first: "C", last: "D", cell: "0531112233", tz: "123456782" }, o)).status,
    ).toBe(0);
    const appt = {
      staff: 11,
      service: 21,
      from: at(1, "10:00"),
      to: at(1, "10:30"),
      first: "E",
      last: "F",
      cell: "0544455667",
    };
    expect((await h.api("addappt", appt, o)).status).toBe(0);
    expect((await h.api("addappt", { ...appt, tz: "123456782" }, o)).status).toBe(0); // someone else's tz
    expect((await h.api("addappt", { ...appt, tz: "000000018" }, o)).status).toBe(1);
  });

  it("editcust blanks every field not sent; custinfo shows the result; no vfib needed", async () => {
    const a = await h.api(
      "addcust",
      {
        first: "Noa",
        last: "Levi",
        cell: "0527654321",
        city: "Haifa",
        street: "Herzl 1",
        email: "noa@example.com",
        cx1: "vip",
      },
      post,
    );
    const customerid = a.customerid as string;
    expect(
      (await h.api("editcust", { customerid, first: "Noa", last: "Cohen", cell: "0527654321" }, post)).status,
    ).toBe(1);
    const c = (await h.api("custinfo", { customerid })).customer as Record<string, string>;
    expect(c).toMatchObject({
      customerid,
      vfib: a.vfib,
      first: "Noa",
      last: "Cohen",
      city: "",
      street: "",
      email: "",
      status: "1",
    });
    expect(c.cx1).toBeUndefined();
    expect((await h.api("editcust", { customerid, last: "Cohen", cell: "0527654321" }, post)).status).toBe(0);
  });

  it("delcust needs the vfib; custlist filters by id, appointments and deletion", async () => {
    const ids: string[] = [];
    for (const [first, cell] of [
      ["A", "0527654321"],
      ["B", "0531112233"],
      ["C", "0544455667"],
    ] as const) {
      ids.push((await h.api("addcust", { first, last: "X", cell }, post)).customerid as string);
    }
    await h.api(
      "addappt",
      {
        staff: 11,
        service: 21,
        from: at(1, "10:00"),
        to: at(1, "10:30"),
        first: "B",
        last: "X",
        cell: "0531112233",
      },
      post,
    );
    const list = async (p: Record<string, string | number>) =>
      ((await h.api("custlist", p)).customers as Array<Record<string, string>>).map((c) => c.customerid);
    expect(await list({})).toEqual(ids);
    expect(await list({ minid: ids[1]!, maxid: ids[1]! })).toEqual([ids[1]]);
    expect(await list({ hasfutureappointment: 1 })).toEqual([ids[1]]);
    expect(await list({ hasappointment: 2 })).toEqual([ids[0], ids[2]]);
    const vfib = ((await h.api("custinfo", { customerid: ids[0]! })).customer as Record<string, string>)
      .vfib!;
    expect((await h.api("delcust", { customerid: ids[0]!, vfib: "0000000000000000" }, post)).status).toBe(0);
    expect((await h.api("delcust", { customerid: ids[0]!, vfib }, post)).status).toBe(1);
    expect(await list({})).toEqual([ids[1], ids[2]]);
    expect(await list({ showcancelled: 1 })).toEqual(ids);
  });

  it("custappts finds a customer's upcoming appointments by id, tz or first+cell, at most 25", async () => {
    const c = await h.api(
      "addcust",
      { first: "Noa", last: "Levi", cell: "0527654321", tz: "123456782" },
      post,
    );
    for (let i = 0; i < 30; i++) {
      const d = 1 + Math.floor(i / 8); // Mon–Wed, 09:00–16:30
      const from = at(d, `${9 + (i % 8)}:00`);
      const to = at(d, `${9 + (i % 8)}:30`);
      expect(
        (
          await h.api(
            "addappt",
            { staff: 11, service: 21, from, to, first: "Noa", last: "Levi", cell: "0527654321" },
            post,
          )
        ).status,
      ).toBe(1);
    }
    const byId = await h.api("custappts", { customerid: c.customerid as string });
    expect((byId.appts as unknown[]).length).toBe(25);
    expect(((await h.api("custappts", { tz: "123456782" })).appts as unknown[]).length).toBe(25);
    expect(
      (
        (await h.api("custappts", { first: "Noa", cell: "0527654321" })).appts as Array<
          Record<string, string>
        >
      )[0],
    ).toMatchObject({ from: at(1, "09:00") });
    expect((await h.api("custappts", {})).status).toBe(0);
  });
});
