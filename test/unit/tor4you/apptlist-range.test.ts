import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { listAppointments, splitRange } from "../../../src/tor4you/apptlist-range.ts";
import { Tor4YouResultCapError } from "../../../src/tor4you/errors.ts";
import { appt, fakeApptlist } from "./fake-apptlist.ts";

const d = (s: string) => DateTime.fromFormat(s, "yyyyMMdd", { zone: "Asia/Jerusalem" });

describe("splitRange", () => {
  it("cuts 150 days into 60 + 60 + 30, inclusive ends, no gap, no overlap", () => {
    const w = splitRange({ from: d("20240101"), to: d("20240529") }, 60);
    expect(w.map((x) => [x.from.toFormat("yyyyMMdd"), x.to.toFormat("yyyyMMdd")])).toEqual([
      ["20240101", "20240229"],
      ["20240301", "20240429"],
      ["20240430", "20240529"],
    ]);
  });

  it("keeps whole days across the spring DST switch", () => {
    const w = splitRange({ from: d("20240328"), to: d("20240331") }, 1);
    expect(w.map((x) => x.from.toFormat("yyyyMMdd HH:mm"))).toEqual([
      "20240328 00:00",
      "20240329 00:00",
      "20240330 00:00",
      "20240331 00:00",
    ]);
  });
});

describe("listAppointments", () => {
  it("queries a long range in ≤60-day windows and merges them sorted", async () => {
    const { source, calls } = fakeApptlist([
      appt("3", "20240515"),
      appt("1", "20240102"),
      appt("2", "20240301"),
    ]);
    const rows = await listAppointments(source, { from: "20240101", to: "20240529", format: 2 });
    expect(calls.map((c) => [c.from, c.to])).toEqual([
      ["20240101", "20240229"],
      ["20240301", "20240429"],
      ["20240430", "20240529"],
    ]);
    expect(rows.map((a) => a.id)).toEqual(["1", "2", "3"]);
  });

  it("splits a window at the row cap in halves until each answer fits", async () => {
    // cap 3: five appointments over four days → halves, and the second half (3 rows) halves again.
    const rows = ["20240301", "20240302", "20240303", "20240304", "20240304"].map((day, i) =>
      appt(String(i), day),
    );
    const { source, calls } = fakeApptlist(rows, 3);
    const got = await listAppointments(source, { from: "20240301", to: "20240304" }, { cap: 3 });
    expect(got.map((a) => a.id).sort()).toEqual(["0", "1", "2", "3", "4"]);
    expect(calls.map((c) => `${c.from}-${c.to}`)).toEqual([
      "20240301-20240304",
      "20240301-20240302",
      "20240303-20240304",
      "20240303-20240303",
      "20240304-20240304",
    ]);
  });

  it("reports a single day at the cap as a typed error instead of truncating", async () => {
    const rows = [appt("a", "20240301"), appt("b", "20240302"), appt("c", "20240302"), appt("d", "20240302")];
    const { source } = fakeApptlist(rows, 3);
    const err = await listAppointments(source, { from: "20240301", to: "20240302" }, { cap: 3 }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(Tor4YouResultCapError);
    expect(err.call.params).toEqual({ from: "20240302", to: "20240302" });
  });

  it("returns each appointment once when windows overlap in what they answer", async () => {
    const moved = appt("7", "20240301");
    const source = {
      zone: "Asia/Jerusalem",
      apptlist: async () => ({ changed: true as const, appointments: [moved] }),
    };
    const rows = await listAppointments(source, { from: "20240101", to: "20240401" });
    expect(rows).toHaveLength(1);
  });

  it("selects by creation date when asked", async () => {
    const seen: object[] = [];
    const source = {
      apptlist: async (p: object) => {
        seen.push(p);
        return { changed: true as const, appointments: [] };
      },
    };
    await listAppointments(source, { from: "20240101", to: "20240102", by: "created", staff: 4 });
    expect(seen[0]).toMatchObject({ createFrom: d("20240101"), createTo: d("20240102"), staff: 4 });
    expect(seen[0]).not.toHaveProperty("from");
  });
});
