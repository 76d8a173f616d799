import { describe, expect, it } from "vitest";
import { Tor4YouApiError } from "../../../src/tor4you/errors.ts";
import type { AvailabilityResult } from "../../../src/tor4you/types.ts";
import {
  at,
  day,
  failure,
  openSite,
  SLOTS_SITE,
  said,
  slotsSite,
  T0,
  time,
  useEmulator,
  WIRE_MODES,
} from "./harness.ts";

describe.each(WIRE_MODES)("over the %s wire", (wire) => {
  const emu = useEmulator(
    () => [
      openSite({
        closedDates: [day(2)],
        appointments: [
          {
            id: "700301",
            staff: "11",
            service: "22",
            customer: "41001",
            from: at(1, "12:00"),
            to: at(1, "13:00"),
          },
        ],
      }),
      slotsSite(),
    ],
    { wire },
  );

  const hhmm = (r: AvailabilityResult) =>
    r.kind === "openhours"
      ? r.openHours.map((h) => `${h.start.toFormat("HH:mm")}-${h.end.toFormat("HH:mm")}/${h.staffId}`)
      : [];

  describe("availability against the emulator", () => {
    it("open calendar: dates first (working days only, holiday excluded), then the times of one date", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const dates = await c.availability({ from: day(0), to: day(6), service: 22, dateOnly: true });
      expect(dates.kind).toBe("dates");
      // Sunday..Thursday work, Tuesday (day 2) is a holiday, Friday and Saturday are closed.
      expect(dates.kind === "dates" && dates.dates.map((d) => d.toFormat("yyyyMMdd"))).toEqual([
        day(0),
        day(1),
        day(3),
        day(4),
      ]);

      const times = await c.availability({ from: day(1), to: day(1), service: 22 });
      expect(times.kind).toBe("openhours");
      // Only Dana (11) does service 22 (60 min); her 12:00-13:00 booking blocks 11:30, 12:00 and 12:30.
      expect(hhmm(times)).toEqual([
        "09:00-10:00/11",
        "09:30-10:30/11",
        "10:00-11:00/11",
        "10:30-11:30/11",
        "11:00-12:00/11",
        "13:00-14:00/11",
        "13:30-14:30/11",
        "14:00-15:00/11",
        "14:30-15:30/11",
        "15:00-16:00/11",
        "15:30-16:30/11",
        "16:00-17:00/11",
      ]);
      expect(times.kind === "openhours" && times.openHours[0]!.start.toISO()).toBe(time(1, "09:00").toISO());
    });

    it("open calendar: today offers only times after now, and a booked time disappears", async () => {
      const t = await emu.fresh();
      const c = t.client();
      t.em.clock.set(T0.set({ hour: 15, minute: 10 }));
      expect(hhmm(await c.availability({ from: day(0), to: day(0), service: 21, staff: 12 }))).toEqual([
        "15:30-16:00/12",
        "16:00-16:30/12",
        "16:30-17:00/12",
      ]);
      await c.addappt({
        staff: 12,
        service: 21,
        at: { from: time(0, "16:00"), to: time(0, "16:30") },
        customer: { first: "Noa", last: "Levi", cell: "0527654321" },
      });
      expect(hhmm(await c.availability({ from: day(0), to: day(0), service: 21, staff: 12 }))).toEqual([
        "15:30-16:00/12",
        "16:30-17:00/12",
      ]);
    });

    it("only external services unless internal is set", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const err = await failure(() => c.availability({ from: day(1), to: day(1), service: 23 }));
      expect(err).toBeInstanceOf(Tor4YouApiError);
      expect((err as Tor4YouApiError).apiMessage).toEqual(
        said(wire, "service is not available for external booking"),
      );
      const internal = await c.availability({
        from: day(1),
        to: day(1),
        service: 23,
        staff: 11,
        internal: true,
      });
      expect(internal.kind).toBe("openhours");
      expect(hhmm(internal)).toContain("09:00-09:30/11");
      expect(hhmm(internal)).not.toContain("12:00-12:30/11");
    });

    it("time slots: slots with places left for the service and party size; full slots disappear", async () => {
      const t = await emu.fresh();
      const c = t.client(SLOTS_SITE);
      const slots = async (participants?: number) => {
        const r = await c.availability({ from: day(0), to: day(6), service: 21, participants });
        expect(r.kind).toBe("slots");
        return r.kind === "slots" ? r.slots.map((s) => `${s.id}:${s.placesLeft}`) : [];
      };
      expect(await slots()).toEqual(["9101:1", "9102:3", "9103:1"]);
      expect(await slots(2)).toEqual(["9102:3"]);

      const r = await c.availability({ from: day(1), to: day(1), service: 21 });
      expect(r.kind === "slots" && r.slots[0]).toMatchObject({
        id: "9101",
        vfib: "AAAA0000AAAA0001",
        staffId: "11",
      });
      expect(r.kind === "slots" && r.slots[0]!.start.toISO()).toBe(time(1, "10:00").toISO());

      await c.addappt({
        staff: 11,
        service: 21,
        at: { slotId: 9101, vfib: "AAAA0000AAAA0001" },
        customer: { first: "Maya", last: "Bar", cell: "0505551234" },
      });
      await c.addappt({
        staff: 11,
        service: 21,
        at: { slotId: 9102, vfib: "AAAA0000AAAA0002" },
        customer: { first: "Maya", last: "Bar", cell: "0505551234" },
      });
      expect(await slots()).toEqual(["9102:2", "9103:1"]);

      // Service 22 is not taken by slot 9102, nor by Avi (9103): only the open slot 9101 would be, and it is full.
      const other = await c.availability({ from: day(0), to: day(6), service: 22 });
      expect(other).toEqual({ kind: "slots", slots: [] });

      const dates = await c.availability({ from: day(0), to: day(6), service: 21, dateOnly: true });
      expect(dates.kind === "dates" && dates.dates.map((d) => d.toFormat("yyyyMMdd"))).toEqual([
        day(2),
        day(3),
      ]);
    });
  });
});
