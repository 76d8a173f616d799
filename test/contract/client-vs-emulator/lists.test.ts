import { describe, expect, it } from "vitest";
import type { Appointment } from "../../../src/domain/appointment.ts";
import { buildSite, type SeedSite } from "../../../src/emulator/seed.ts";
import { createRedisCursorStore } from "../../../src/storage/cursors.ts";
import { listAppointments } from "../../../src/tor4you/apptlist-range.ts";
import { Tor4YouResultCapError } from "../../../src/tor4you/errors.ts";
import { scanChanges } from "../../../src/tor4you/scan.ts";
import {
  at,
  day,
  failure,
  OPEN_SITE,
  openSite,
  sentOnNormal,
  time,
  useEmulator,
  useRedis,
  WIRE_MODES,
} from "./harness.ts";

const LONG_SITE = "700005";
const BUSY_SITE = "700006";

/** One appointment a day for 160 days from T0, plus a cancelled one on day 10. */
function longSite(): SeedSite {
  const appointments: NonNullable<SeedSite["appointments"]> = Array.from({ length: 160 }, (_, i) => ({
    id: String(720001 + i),
    staff: i % 2 ? "11" : "12",
    service: "21",
    customer: "41001",
    from: at(i, "10:00"),
    to: at(i, "10:30"),
  }));
  appointments.push({
    id: "720999",
    staff: "11",
    service: "21",
    customer: "41001",
    from: at(10, "12:00"),
    to: at(10, "12:30"),
    status: "0",
  });
  return openSite({ siteid: LONG_SITE, appointments });
}

/** 1200 appointments over days 1-4: 20 staff members, 15 half-hour bookings each a day. */
function busySite(): SeedSite {
  const base = buildSite(BUSY_SITE);
  const staff = Array.from({ length: 20 }, (_, i) => ({
    id: String(101 + i),
    name: `Staff ${i}`,
    branch: "1",
    showorder: 1,
  }));
  const appointments: NonNullable<SeedSite["appointments"]> = [];
  let n = 0;
  for (let d = 1; d <= 4; d++) {
    for (const s of staff) {
      for (let k = 0; k < 15; k++) {
        const start = time(d, "09:00").plus({ minutes: 30 * k });
        appointments.push({
          id: String(730001 + n++),
          staff: s.id,
          service: "21",
          customer: "41001",
          from: start,
          to: start.plus({ minutes: 30 }),
        });
      }
    }
  }
  return {
    ...base,
    staff: [...base.staff, ...staff],
    links: [...base.links, ...staff.map((s): [string, string] => [s.id, "21"])],
    customers: [{ id: "41001", first: "Noa", last: "Levi", cell: "0527654321" }],
    appointments,
  };
}

describe.each(WIRE_MODES)("over the %s wire", (wire) => {
  const emu = useEmulator(
    () => [
      openSite({
        appointments: [
          {
            id: "700401",
            staff: "11",
            service: "21",
            customer: "41001",
            from: at(1, "10:00"),
            to: at(1, "10:30"),
          },
          {
            id: "700402",
            staff: "12",
            service: "21",
            customer: "41002",
            from: at(1, "09:00"),
            to: at(1, "09:30"),
          },
          {
            id: "700403",
            staff: "11",
            service: "22",
            customer: "41002",
            from: at(3, "14:00"),
            to: at(3, "15:00"),
          },
          {
            id: "700404",
            staff: "11",
            service: "21",
            customer: "41001",
            from: at(2, "10:00"),
            to: at(2, "10:30"),
            status: "0",
          },
        ],
      }),
      longSite(),
      busySite(),
    ],
    { wire },
  );
  const { redis, keys } = useRedis();

  const ids = (rows: Appointment[]) => rows.map((a) => a.id);

  describe("apptlist against the emulator", () => {
    it("lists the range's live appointments by start, short by default and long with format 2, with an lu", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const short = await c.apptlist({ from: day(0), to: day(6) });
      expect(short.changed).toBe(true);
      if (!short.changed) return;
      expect(ids(short.appointments)).toEqual(["700402", "700401", "700403"]);
      expect(short.appointments[0]).toEqual({
        id: "700402",
        status: "live",
        start: time(1, "09:00"),
        end: time(1, "09:30"),
        staffId: "12",
        iscoming: 0,
        showstatus: 0,
        customer: {},
      });
      expect(short.lu).toMatch(/^\d{17}$/);

      const long = await c.apptlist({ from: day(0), to: day(6), format: 2, showCancelled: true });
      expect(long.changed && ids(long.appointments)).toEqual(["700402", "700401", "700404", "700403"]);
      expect(long.changed && long.appointments[2]).toMatchObject({
        status: "cancelled",
        ...sentOnNormal(wire, { serviceName: "Cut" }),
        customer: { id: "41001", first: "Noa", cell: "0527654321" },
      });

      const filtered = await c.apptlist({ from: day(0), to: day(6), staff: 11, customer: 41002 });
      expect(filtered.changed && ids(filtered.appointments)).toEqual(["700403"]);

      // The same query with its lu: nothing changed since.
      expect(await c.apptlist({ from: day(0), to: day(6), lu: short.lu })).toEqual({
        changed: false,
        lu: short.lu,
      });
    });

    it("selects by creation date with createFrom/createTo", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const { apptId } = await c.addappt({
        staff: 12,
        service: 21,
        at: { from: time(21, "10:00"), to: time(21, "10:30") },
        customer: { first: "Noa", last: "Levi", cell: "0527654321" },
      });
      const created = await c.apptlist({ createFrom: day(0), createTo: day(0) });
      expect(created.changed && ids(created.appointments)).toEqual([apptId]);
    });

    it("listAppointments splits a 150-day range into windows the API accepts and merges them", async () => {
      const t = await emu.fresh();
      const c = t.client(LONG_SITE);
      const rows = await listAppointments(c, { from: day(0), to: day(149) });
      const held = [...t.em.site(LONG_SITE).appointments.values()].filter(
        (a) => a.status === "1" && a.from >= time(0, "00:00") && a.from < time(150, "00:00"),
      );
      expect(rows).toHaveLength(150);
      expect(rows).toHaveLength(held.length);
      expect(new Set(ids(rows))).toEqual(new Set(held.map((a) => a.id)));
      expect(rows[0]!.start.toISO()).toBe(time(0, "10:00").toISO());
      expect(rows.at(-1)!.start.toISO()).toBe(time(149, "10:00").toISO());
      // 60 + 60 + 30 days.
      expect(t.requests).toEqual(["apptlist", "apptlist", "apptlist"]);
    });

    it("listAppointments splits a window that hits the 1000-row cap instead of returning it truncated", async () => {
      const t = await emu.fresh();
      const c = t.client(BUSY_SITE);
      // Asked directly, the emulator silently stops at 1000 rows.
      const raw = await c.apptlist({ from: day(1), to: day(4) });
      expect(raw.changed && raw.appointments).toHaveLength(1000);

      t.requests.length = 0;
      const rows = await listAppointments(c, { from: day(1), to: day(4) });
      expect(rows).toHaveLength(1200);
      expect(new Set(ids(rows)).size).toBe(1200);
      expect(new Set(ids(rows))).toEqual(new Set(t.em.site(BUSY_SITE).appointments.keys()));
      expect(rows.every((a, i) => i === 0 || a.start >= rows[i - 1]!.start)).toBe(true);
      // The full 4-day answer, then days 1-2 and 3-4 (600 each).
      expect(t.requests).toHaveLength(3);
    });

    it("listAppointments fails rather than truncate when one day alone reaches the cap", async () => {
      const t = await emu.fresh();
      const c = t.client(BUSY_SITE);
      const err = await failure(() => listAppointments(c, { from: day(1), to: day(2) }, { cap: 300 }));
      expect(err).toBeInstanceOf(Tor4YouResultCapError);
    });
  });

  describe("scanChanges with the Redis cursor store against the emulator", () => {
    const query = { from: day(0), to: day(29), format: 2 as const };

    it("first scan returns everything, the next costs one 'no new information' call, a dashboard change shows up", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const k = keys();
      const seen: string[][] = [];
      const onChanges = (rows: Appointment[]) => {
        seen.push(ids(rows));
      };

      const first = await scanChanges(
        { client: c, cursors: createRedisCursorStore({ redis, keys: k }) },
        query,
        onChanges,
      );
      expect(first).toMatchObject({ changed: true, calls: 1 });
      expect(ids(first.appointments)).toEqual(["700402", "700401", "700403"]);
      expect(seen).toEqual([["700402", "700401", "700403"]]);

      // Another process (a new store on the same Redis keys) sees the stored cursor.
      t.requests.length = 0;
      const second = await scanChanges(
        { client: c, cursors: createRedisCursorStore({ redis, keys: k }) },
        query,
        onChanges,
      );
      expect(second).toEqual({ changed: false, appointments: [], calls: 1 });
      expect(t.requests).toEqual(["apptlist"]);
      expect(seen).toHaveLength(1);

      // The business books from its dashboard.
      const created = await t.admin("POST", `/sites/${OPEN_SITE}/appointments`, {
        staff: "12",
        service: "21",
        from: at(4, "11:00"),
        customerid: "41002",
      });
      expect(created.status).toBe(200);
      const newId = created.body.appt.id as string;

      const third = await scanChanges(
        { client: c, cursors: createRedisCursorStore({ redis, keys: k }) },
        query,
        onChanges,
      );
      expect(third.changed).toBe(true);
      expect(ids(third.appointments)).toEqual(["700402", "700401", "700403", newId]);
      expect(third.appointments.at(-1)).toMatchObject({ staffId: "12", customer: { id: "41002" } });
      expect(third.appointments.at(-1)!.start.toISO()).toBe(time(4, "11:00").toISO());

      // A dashboard cancel is a change too, and the cancelled one is gone from the answer.
      await t.admin("POST", `/sites/${OPEN_SITE}/appointments/700401/cancel`, {});
      const fourth = await scanChanges(
        { client: c, cursors: createRedisCursorStore({ redis, keys: k }) },
        query,
        onChanges,
      );
      expect(fourth.changed).toBe(true);
      expect(ids(fourth.appointments)).toEqual(["700402", "700403", newId]);
      expect(seen).toHaveLength(3);
    });

    it("a window at the 1000-row cap is scanned in halves, without asking for the full window twice", async () => {
      const t = await emu.fresh();
      const c = t.client(BUSY_SITE);
      const cursors = createRedisCursorStore({ redis, keys: keys() });
      const busy = { from: day(1), to: day(4) };
      const first = await scanChanges({ client: c, cursors }, busy, () => {});
      expect(first.appointments).toHaveLength(1200);
      // The capped 4-day answer (whose lu is kept), then days 1-2 and 3-4.
      expect(first.calls).toBe(3);
      expect(t.requests).toHaveLength(3);
      expect(await scanChanges({ client: c, cursors }, busy, () => {})).toEqual({
        changed: false,
        appointments: [],
        calls: 1,
      });
    });

    it("a failing change handler leaves the cursor where it was, so the changes come again", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const cursors = createRedisCursorStore({ redis, keys: keys() });
      await expect(
        scanChanges({ client: c, cursors }, query, () => {
          throw new Error("handler crashed");
        }),
      ).rejects.toThrow("handler crashed");
      const again = await scanChanges({ client: c, cursors }, query, () => {});
      expect(again.changed).toBe(true);
      expect(again.appointments).toHaveLength(3);
      expect((await scanChanges({ client: c, cursors }, query, () => {})).changed).toBe(false);
    });
  });
});
