import { describe, expect, it } from "vitest";
import type { CursorStore } from "../../../src/tor4you/cursor-store.ts";
import { querySignature, scanChanges } from "../../../src/tor4you/scan.ts";
import { appt, fakeApptlist } from "./fake-apptlist.ts";

function memoryCursors(): CursorStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: async (site, sig) => map.get(`${site}/${sig}`),
    set: async (site, sig, lu) => void map.set(`${site}/${sig}`, lu),
  };
}

const query = { from: "20240301", to: "20240310", format: 2 as const };

describe("scanChanges", () => {
  it("costs one call answered 'no new information' when nothing changed", async () => {
    const { source, calls } = fakeApptlist([appt("1", "20240302")]);
    const cursors = memoryCursors();
    const seen: string[][] = [];
    const first = await scanChanges(
      { client: source, cursors },
      query,
      (a) => void seen.push(a.map((x) => x.id)),
    );
    const second = await scanChanges(
      { client: source, cursors },
      query,
      (a) => void seen.push(a.map((x) => x.id)),
    );
    expect(first).toMatchObject({ changed: true, calls: 1 });
    expect(second).toMatchObject({ changed: false, calls: 1, appointments: [] });
    expect(seen).toEqual([["1"]]);
    expect(calls[1]).toEqual({ from: "20240301", to: "20240310", lu: "20240101000000000" });
  });

  it("keeps the old cursor when 'no new information' comes without a lu", async () => {
    const fake = fakeApptlist([]);
    const cursors = memoryCursors();
    await scanChanges({ client: fake.source, cursors }, query, () => {});
    const original = fake.source.apptlist;
    fake.source.apptlist = async (p) => {
      const r = await original(p);
      return r.changed ? r : { changed: false };
    };
    await scanChanges({ client: fake.source, cursors }, query, () => {});
    expect([...cursors.map.values()]).toEqual(["20240101000000000"]);
  });

  it("moves the cursor to a new lu and hands over the changed query's appointments", async () => {
    const fake = fakeApptlist([appt("1", "20240302")]);
    const cursors = memoryCursors();
    await scanChanges({ client: fake.source, cursors }, query, () => {});
    fake.state.rows = [...fake.state.rows, appt("2", "20240305")];
    fake.state.lu = "20240302120000000";
    const got: string[] = [];
    const r = await scanChanges(
      { client: fake.source, cursors },
      query,
      (a) => void got.push(...a.map((x) => x.id)),
    );
    expect(r.changed).toBe(true);
    expect(got).toEqual(["1", "2"]);
    expect([...cursors.map.values()]).toEqual(["20240302120000000"]);
  });

  it("does not move the cursor when handling the changes fails", async () => {
    const fake = fakeApptlist([appt("1", "20240302")]);
    const cursors = memoryCursors();
    await expect(
      scanChanges({ client: fake.source, cursors }, query, () => {
        throw new Error("planner down");
      }),
    ).rejects.toThrow("planner down");
    expect(cursors.map.size).toBe(0);
    const again = await scanChanges({ client: fake.source, cursors }, query, () => {});
    expect(again.changed).toBe(true);
  });

  it("keeps one cursor per 60-day window of a long query, and falls back to splitting at the cap", async () => {
    const rows = [appt("a", "20240101"), appt("b", "20240101"), appt("c", "20240102"), appt("d", "20240401")];
    const fake = fakeApptlist(rows, 3);
    const cursors = memoryCursors();
    const r = await scanChanges(
      { client: fake.source, cursors },
      { from: "20240101", to: "20240429" },
      () => {},
      { cap: 3 },
    );
    expect(r.appointments.map((a) => a.id)).toEqual(["a", "b", "c", "d"]);
    expect(cursors.map.size).toBe(2);
    const again = await scanChanges(
      { client: fake.source, cursors },
      { from: "20240101", to: "20240429" },
      () => {},
      {
        cap: 3,
      },
    );
    expect(again).toMatchObject({ changed: false, calls: 2 });
  });

  it("gives different queries different signatures", () => {
    const w = {
      from: appt("x", "20240301").start.startOf("day"),
      to: appt("x", "20240310").start.startOf("day"),
    };
    const z = "Asia/Jerusalem";
    const a = querySignature(query, w, z);
    expect(querySignature({ ...query }, w, z)).toBe(a);
    expect(querySignature({ ...query, staff: 5 }, w, z)).not.toBe(a);
    expect(querySignature({ ...query, showCancelled: true }, w, z)).not.toBe(a);
    expect(querySignature({ ...query, format: 1 }, w, z)).not.toBe(a);
  });
});
