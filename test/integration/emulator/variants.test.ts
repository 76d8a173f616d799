import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { at, type Harness, startEmulator } from "./harness.ts";

/**
 * The emulator's two wires over raw HTTP: the normal one sends exactly the wire notes' shapes
 * (every value a string, objects under their key); the variants one sends the other plausible
 * readings of what the reference leaves open.
 */
const site = () =>
  buildSite("700301", {
    customers: [{ id: "41001", first: "Noa", last: "Levi", cell: "0527654321", email: "noa@example.com" }],
    appointments: [
      {
        id: "700101",
        staff: "11",
        service: "21",
        customer: "41001",
        from: at(1, "10:00"),
        to: at(1, "10:30"),
      },
      // Made temporary by its own test, so the apptinfo test's appointment stays as seeded in any order.
      {
        id: "700102",
        staff: "12",
        service: "21",
        customer: "41001",
        from: at(1, "11:00"),
        to: at(1, "11:30"),
      },
    ],
  });

describe.each(["normal", "variants"] as const)("the emulator's %s wire", (wire) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEmulator({ sites: [site()], wire }, "700301");
  });
  afterAll(async () => {
    await h.close();
  });

  it("apptinfo: wrapped with every value a string (normal), or flat with numbers and no own status (variants)", async () => {
    const res = await h.api("apptinfo", { apptid: "700101" });
    if (wire === "normal") {
      expect(res.status).toBe(1);
      expect(res.appt).toMatchObject({
        id: "700101",
        status: "1",
        staff: "11",
        staffname: "Dana ",
        from: at(1, "10:00"),
        cell: "0527654321",
        email: "noa@example.com",
        tmp_expire_date: "",
      });
      const values = Object.values(res.appt as Record<string, unknown>);
      expect(values.every((v) => typeof v === "string")).toBe(true);
      return;
    }
    expect(res).not.toHaveProperty("appt");
    expect(res).toMatchObject({ status: 1, id: 700101, staff: 11, from: Number(at(1, "10:00")) });
    // Cells and tokens keep their text: as numbers they would lose the leading zero.
    expect(res).toMatchObject({ cell: "0527654321", conf: expect.any(String) });
    for (const gone of ["staffname", "servicename", "branchname", "email", "tz", "apptstatus"]) {
      expect(res).not.toHaveProperty(gone);
    }
  });

  it("siteinfo, staff and branches: names, istz, phone and address are left out on the variants wire", async () => {
    const info = await h.api("siteinfo");
    const staff = await h.api("staff");
    const branches = await h.api("branches");
    if (wire === "normal") {
      expect(info.site).toMatchObject({ siteid: "700301", istz: "0", phone: "035550000" });
      expect(staff.staff).toContainEqual(
        expect.objectContaining({ id: "11", name: "Dana ", showorder: "2" }),
      );
      expect(branches.branches).toEqual([{ id: "1", name: "Main", address: "", status: "1" }]);
      return;
    }
    expect(info).toMatchObject({ status: 1, siteid: 700301, name: "Test 700301", calendartype: "open" });
    for (const gone of ["site", "istz", "phone", "address"]) expect(info).not.toHaveProperty(gone);
    expect(staff.staff).toContainEqual({ id: 11, branch: 1, showorder: 2, status: 1 });
    expect(branches.branches).toEqual([{ id: 1, status: 1 }]);
  });

  it("a temporary booking's expiry: YYYYMMDDhhmm (normal) or MySQL DATETIME text (variants)", async () => {
    const marked = await h.admin("POST", "/sites/700301/appointments/700102/temporary", { minutes: 15 });
    expect(marked.status).toBe(200);
    const res = await h.api("apptlist", {
      from: at(1, "00:00").slice(0, 8),
      to: at(1, "00:00").slice(0, 8),
      format: 2,
    });
    const row = (res.appts as Array<Record<string, unknown>>).find((a) => String(a.id) === "700102");
    expect(row!.tmp_expire_date).toMatch(
      wire === "normal" ? /^\d{12}$/ : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    );
    // apptlist rows keep their status on both wires; `lu` stays a 17-digit string.
    expect(String(row!.status)).toBe("1");
    expect(res.lu).toMatch(/^\d{17}$/);
  });

  it('refusals: status 0 with `message` (normal), or status "0" with other words under `msg` (variants)', async () => {
    const res = await h.api("apptinfo", { apptid: "999999" });
    if (wire === "normal") {
      expect(res).toEqual({ status: 0, message: "appointment not found" });
      return;
    }
    expect(res).toEqual({ status: "0", msg: "Error: Appointment not found" });
    await h.admin("POST", "/faults", { mode: "usagelimit", count: 1 });
    expect(await h.api("siteinfo")).toEqual({ status: "0", msg: "Too many requests (per minute quota)" });
  });

  it("stays strict on both wires: the documented method and exact parameter names", async () => {
    const wrongMethod = await h.api("apptinfo", { apptid: "700101" }, { method: "POST" });
    expect(String(wrongMethod.status)).toBe("0");
    const wrongName = await h.api("apptinfo", { apptId: "700101" });
    expect(String(wrongName.status)).toBe("0");
  });
});
