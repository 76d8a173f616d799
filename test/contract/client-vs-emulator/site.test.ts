import { describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import {
  named,
  OPEN_SITE,
  openSite,
  SLOTS_SITE,
  sentOnNormal,
  slotsSite,
  useEmulator,
  WIRE_MODES,
} from "./harness.ts";

const base = buildSite(OPEN_SITE);
describe.each(WIRE_MODES)("over the %s wire", (wire) => {
  const emu = useEmulator(
    () => [
      openSite({
        settings: {
          calendarType: "open",
          istz: "1",
          stepMinutes: 30,
          minLeadMinutes: 0,
          maxHorizonDays: 365,
        },
        branches: [...base.branches, { id: "2", name: "Closed branch", address: "Old st 9", status: "0" }],
        staff: [...base.staff, { id: "13", name: "Gone", branch: "1", showorder: 3, status: "0" }],
        services: [...base.services, { id: "24", name: "Retired", duration: 45, price: "120", status: "0" }],
        links: [...base.links, ["13", "21"]],
      }),
      slotsSite(),
    ],
    { wire },
  );

  describe("site catalogue calls against the emulator", () => {
    it("siteinfo returns the site's id, name, contact details, tz setting and calendar type", async () => {
      const t = await emu.fresh();
      expect(await t.client(OPEN_SITE).siteinfo()).toEqual({
        siteId: OPEN_SITE,
        name: `Test ${OPEN_SITE}`,
        // Without istz the client assumes 0 (not used); a refused booking asks for the ID number then.
        istz: wire === "normal" ? 1 : 0,
        calendarType: "open",
        ...sentOnNormal(wire, { phone: "035550000", address: "Test st 1" }),
      });
      expect(await t.client(SLOTS_SITE).siteinfo()).toMatchObject({
        siteId: SLOTS_SITE,
        calendarType: "slots",
      });
    });

    it("branches lists the active branches, and the closed one only with showCancelled", async () => {
      const t = await emu.fresh();
      const c = t.client();
      expect(await c.branches()).toEqual([{ id: "1", name: named(wire, "Main"), active: true }]);
      expect(await c.branches({ showCancelled: true })).toEqual([
        { id: "1", name: named(wire, "Main"), active: true },
        {
          id: "2",
          name: named(wire, "Closed branch"),
          active: false,
          ...sentOnNormal(wire, { address: "Old st 9" }),
        },
      ]);
    });

    it("staff lists providers by showorder (highest first) then admin users, names trimmed", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const staff = await c.staff();
      expect(staff).toEqual([
        { id: "11", name: named(wire, "Dana"), branchId: "1", showOrder: 2, isProvider: true, active: true },
        { id: "12", name: named(wire, "Avi"), branchId: "1", showOrder: 1, isProvider: true, active: true },
        {
          id: "19",
          name: named(wire, "Office"),
          branchId: "1",
          showOrder: 0,
          isProvider: false,
          active: true,
        },
      ]);
      const all = await c.staff({ showCancelled: true });
      expect(all.map((s) => [s.id, s.active])).toEqual([
        ["13", false],
        ["11", true],
        ["12", true],
        ["19", true],
      ]);
    });

    it("services carry duration, price and whether customers may book them themselves", async () => {
      const t = await emu.fresh();
      const c = t.client();
      expect(await c.services()).toEqual([
        { id: "21", name: "Cut", durationMinutes: 30, price: 80, external: true, active: true },
        { id: "22", name: "Color", durationMinutes: 60, price: 200, external: true, active: true },
        { id: "23", name: "Staff only", durationMinutes: 30, price: 0, external: false, active: true },
      ]);
      const all = await c.services({ showCancelled: true });
      expect(all.find((s) => s.id === "24")).toMatchObject({
        name: "Retired",
        durationMinutes: 45,
        active: false,
      });
    });

    it("staffservice returns the live links, and links of inactive staff only with showCancelled", async () => {
      const t = await emu.fresh();
      const c = t.client();
      const pairs = (rows: { staffId: string; serviceId: string }[]) =>
        rows.map((r) => `${r.staffId}:${r.serviceId}`).sort();
      expect(pairs(await c.staffservice())).toEqual(["11:21", "11:22", "11:23", "12:21", "12:23"]);
      expect(pairs(await c.staffservice({ showCancelled: true }))).toContain("13:21");
      // What the client returns is what the emulator holds.
      expect(pairs(await c.staffservice({ showCancelled: true }))).toEqual(
        [...t.em.site(OPEN_SITE).links].sort(),
      );
    });
  });
});
