import { describe, expect, it } from "vitest";
import { Tor4YouApiError } from "../../../src/tor4you/errors.ts";
import { failure, SLOTS_SITE, said, slotsSite, time, useEmulator, WIRE_MODES } from "./harness.ts";

describe.each(WIRE_MODES)("over the %s wire", (wire) => {
  const emu = useEmulator(() => [slotsSite()], { wire });
  const maya = { first: "Maya", last: "Bar", cell: "0505551234" };
  const guest = { first: "Ron", last: "Tal", cell: "0523334444" };

  describe("time slots against the emulator", () => {
    it("addslot creates a slot that slotinfo returns with its times, service, capacity and token", async () => {
      const t = await emu.fresh();
      const c = t.client(SLOTS_SITE);
      const added = await c.addslot({
        staff: 11,
        services: [22],
        from: time(4, "14:00"),
        to: time(4, "15:00"),
        maxMembers: 4,
        zoom: "https://zoom.example.com/j/1",
      });
      const slot = await c.slotinfo({ slotId: added.slotId });
      expect(slot).toMatchObject({
        id: added.slotId,
        vfib: added.vfib,
        staffId: "11",
        serviceIds: ["22"],
        maxMembers: 4,
        members: 0,
        placesLeft: 4,
        active: true,
        zoom: "https://zoom.example.com/j/1",
      });
      expect(slot.start.toISO()).toBe(time(4, "14:00").toISO());
      expect(slot.end.toISO()).toBe(time(4, "15:00").toISO());
      expect(t.em.site(SLOTS_SITE).slots.get(added.slotId)).toMatchObject({
        vfib: added.vfib,
        services: "22",
      });
    });

    it("addslot without services makes a slot for any of the staff member's services", async () => {
      const t = await emu.fresh();
      const c = t.client(SLOTS_SITE);
      const { slotId } = await c.addslot({ staff: 12, from: time(4, "09:00"), to: time(4, "09:30") });
      expect(await c.slotinfo({ slotId })).toMatchObject({ serviceIds: [], maxMembers: 1, placesLeft: 1 });
      expect(t.em.site(SLOTS_SITE).slots.get(slotId)?.services).toBe("0");
    });

    it("addslot over another slot of the same staff member is refused", async () => {
      const t = await emu.fresh();
      const c = t.client(SLOTS_SITE);
      const err = await failure(() => c.addslot({ staff: 11, from: time(1, "10:15"), to: time(1, "10:45") }));
      expect(err).toBeInstanceOf(Tor4YouApiError);
      expect((err as Tor4YouApiError).apiMessage).toEqual(
        said(wire, "slot overlaps another slot of this staff member (slotid 9101)"),
      );
      expect(t.em.site(SLOTS_SITE).slots.size).toBe(3);
    });

    it("slotlist returns the slots in the range by start, filtered by staff and by service", async () => {
      const t = await emu.fresh();
      const c = t.client(SLOTS_SITE);
      const ids = async (p: Parameters<typeof c.slotlist>[0]) => (await c.slotlist(p)).map((s) => s.id);
      expect(await ids({ from: time(0, "00:00"), to: time(5, "00:00") })).toEqual(["9101", "9102", "9103"]);
      expect(await ids({ from: time(2, "00:00"), to: time(2, "00:00") })).toEqual(["9102"]);
      expect(await ids({ from: time(0, "00:00"), to: time(5, "00:00"), staff: 12 })).toEqual(["9103"]);
      // 9102 takes only service 21; the others take anything their staff member is linked to.
      expect(await ids({ from: time(0, "00:00"), to: time(5, "00:00"), service: 22 })).toEqual(["9101"]);
      const [first] = await c.slotlist({ from: time(1, "00:00"), to: time(1, "00:00") });
      expect(first).toMatchObject({ vfib: "AAAA0000AAAA0001", staffId: "11", placesLeft: 1 });
      expect(first!.start.toISO()).toBe(time(1, "10:00").toISO());
    });

    it("delslot removes a slot: slotinfo shows it inactive and slotlist lists it only with showCancelled", async () => {
      const t = await emu.fresh();
      const c = t.client(SLOTS_SITE);
      await c.delslot({ slotId: 9103, vfib: "AAAA0000AAAA0003" });
      expect(await c.slotinfo({ slotId: 9103 })).toMatchObject({ active: false, placesLeft: 0 });
      const range = { from: time(3, "00:00"), to: time(3, "00:00") };
      expect(await c.slotlist(range)).toEqual([]);
      expect((await c.slotlist({ ...range, showCancelled: true })).map((s) => s.id)).toEqual(["9103"]);
    });

    it("addappt on a slot takes the slot's times and fills its places; a full slot is refused", async () => {
      const t = await emu.fresh();
      const c = t.client(SLOTS_SITE);
      const { apptId } = await c.addappt({
        staff: 11,
        service: 21,
        at: { slotId: 9102, vfib: "AAAA0000AAAA0002" },
        customer: maya,
        participants: 2,
      });
      const appt = await c.apptinfo({ apptId });
      expect(appt).toMatchObject({ slotId: "9102", participants: 2, customer: { id: "42001" } });
      expect(appt.start.toISO()).toBe(time(2, "12:00").toISO());
      expect(appt.end.toISO()).toBe(time(2, "13:00").toISO());
      expect(await c.slotinfo({ slotId: 9102 })).toMatchObject({ maxMembers: 3, members: 2, placesLeft: 1 });

      const err = await failure(() =>
        c.addappt({
          staff: 11,
          service: 21,
          at: { slotId: 9102, vfib: "AAAA0000AAAA0002" },
          customer: guest,
          participants: 2,
        }),
      );
      expect(err).toBeInstanceOf(Tor4YouApiError);
      expect((err as Tor4YouApiError).apiMessage).toEqual(
        said(wire, "not enough places left in the slot (1 left)"),
      );
      // The last place can still be taken, and then nothing is left.
      await c.addappt({
        staff: 11,
        service: 21,
        at: { slotId: 9102, vfib: "AAAA0000AAAA0002" },
        customer: guest,
      });
      expect(await c.slotinfo({ slotId: 9102 })).toMatchObject({ members: 3, placesLeft: 0 });
      const full = await failure(() =>
        c.addappt({
          staff: 11,
          service: 21,
          at: { slotId: 9102, vfib: "AAAA0000AAAA0002" },
          customer: { first: "Yael", last: "Ben", cell: "0544441111" },
        }),
      );
      expect((full as Tor4YouApiError).apiMessage).toEqual(
        said(wire, "not enough places left in the slot (0 left)"),
      );
    });

    it("a slot refuses a wrong vfib, a service it does not take, and deletion while booked", async () => {
      const t = await emu.fresh();
      const c = t.client(SLOTS_SITE);
      const message = async (fn: () => Promise<unknown>) => {
        const err = await failure(fn);
        expect(err).toBeInstanceOf(Tor4YouApiError);
        return (err as Tor4YouApiError).apiMessage;
      };
      expect(
        await message(() =>
          c.addappt({
            staff: 11,
            service: 21,
            at: { slotId: 9101, vfib: "BBBB0000BBBB0001" },
            customer: maya,
          }),
        ),
      ).toEqual(said(wire, "vfib does not match"));
      expect(
        await message(() =>
          c.addappt({
            staff: 11,
            service: 22,
            at: { slotId: 9102, vfib: "AAAA0000AAAA0002" },
            customer: maya,
          }),
        ),
      ).toEqual(said(wire, "service does not match the slot"));
      await c.addappt({
        staff: 11,
        service: 22,
        at: { slotId: 9101, vfib: "AAAA0000AAAA0001" },
        customer: maya,
      });
      expect(await message(() => c.delslot({ slotId: 9101, vfib: "AAAA0000AAAA0001" }))).toEqual(
        said(wire, "slot has live appointments"),
      );
      expect(await c.slotinfo({ slotId: 9101 })).toMatchObject({ active: true, members: 1, placesLeft: 0 });
    });
  });
});
