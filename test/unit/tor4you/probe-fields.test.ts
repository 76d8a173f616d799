import { describe, expect, it } from "vitest";
import { compareFields, fieldsOf } from "../../../src/tor4you/fields.ts";
import { redactSample } from "../../../src/tor4you/sample-redaction.ts";
import { schemasFor } from "../../../src/tor4you/schemas.ts";

const schemas = schemasFor("Asia/Jerusalem");

describe("the fields the client reads, taken from its schemas (for probe's table)", () => {
  it("knows each schema's fields and the other names it accepts for them", () => {
    const staff = fieldsOf(schemas, "staffMember");
    expect(staff.read).toEqual(["id", "name", "branch", "showorder", "status"]);
    expect(staff.aliases).toEqual({ id: ["staffid"], name: ["staffname"], branch: ["branchid"] });
    const appt = fieldsOf(schemas, "appointment");
    expect(appt.read).toEqual(
      expect.arrayContaining(["id", "conf", "status", "from", "to", "cell", "tmp_expire_date"]),
    );
    expect(appt.aliases.status).toEqual(["apptstatus"]);
  });

  it("a field sent under another accepted name is not missing; numbered extras are not unexpected", () => {
    const appt = fieldsOf(schemas, "appointment");
    const r = compareFields(
      [{ apptid: "1", from: "202601041000", to: "202601041030", af3: "x", colour: "2" }],
      appt,
    );
    expect(r.missing).not.toContain("id");
    expect(r.missing).toContain("status");
    expect(r.unexpected).toEqual(["colour"]);
  });

  it("a service saying external or internal is not missing the other", () => {
    const service = fieldsOf(schemas, "service");
    expect(compareFields([{ id: "1", name: "Cut", external: "1" }], service).missing).not.toContain(
      "internal",
    );
    expect(compareFields([{ id: "1", name: "Cut", internal: "0" }], service).missing).not.toContain(
      "external",
    );
    expect(compareFields([{ id: "1", name: "Cut" }], service).missing).toEqual(
      expect.arrayContaining(["external", "internal"]),
    );
  });
});

describe("the probe sample keeps the structure and replaces people by their shapes", () => {
  it("names, cells, ID numbers, e-mails, tokens and free text, by key or by value", () => {
    expect(
      redactSample({
        status: 1,
        appt: {
          id: "700101",
          first: "נועה ",
          cell: "0527654321",
          tz: 39337423,
          email: "noa@example.com",
          conf: "AE154A23B746DC21",
          from: 202601041000,
          notes: "door code 1234",
          istz: "2",
          calendartype: "open",
          // fields we do not know are judged by their values
          mobile2: "+972-52-765-4321",
          contact: "noa@example.com",
          nickname2: "Noush",
          extra: "Noush",
          code: "0521234567",
        },
        appts: "no new information",
      }),
    ).toEqual({
      status: 1,
      appt: {
        id: "700101",
        first: "<name:4>",
        cell: "05X-XXX-XXXX",
        tz: "XXXXXXXX",
        email: "xxx@xxxxxxx.xxx",
        conf: "<token:16>",
        from: 202601041000,
        notes: "<text:14>",
        istz: "2",
        calendartype: "open",
        mobile2: "9725X-XXX-XXXX",
        contact: "xxx@xxxxxxx.xxx",
        nickname2: "<text:5>",
        extra: "<text:5>",
        code: "05X-XXX-XXXX",
      },
      appts: "no new information",
    });
  });
});
