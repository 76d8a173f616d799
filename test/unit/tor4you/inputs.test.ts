import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.ts";
import type { Tor4YouClient } from "../../../src/tor4you/client.ts";
import { ok, testClient } from "./fake-fetch.ts";

const ref = { apptId: "123", vfib: "AE154A23B746DC21" };
const person = { first: "דנה", last: "כהן", cell: "0525551234" };

const bad: [string, (c: Tor4YouClient) => Promise<unknown>][] = [
  ["cell that is a landline", (c) => c.apptbycellortz({ cell: "03-1234567" })],
  ["cell with letters", (c) => c.addcust({ ...person, cell: "05212345ab" })],
  ["tz with a wrong check digit", (c) => c.apptbycellortz({ tz: "123456789" })],
  ["apptbycellortz with neither", (c) => c.apptbycellortz({})],
  ["email without a domain", (c) => c.addcust({ ...person, email: "dana@" })],
  ["empty first name", (c) => c.addcust({ ...person, first: "  " })],
  ["non-numeric apptId", (c) => c.apptinfo({ apptId: "12a" })],
  ["negative apptId", (c) => c.apptinfo({ apptId: -4 })],
  ["empty vfib", (c) => c.delappt({ apptId: 5, vfib: "" })],
  ["vfib with a space", (c) => c.delappt({ apptId: 5, vfib: "AB CD" })],
  ["iscoming 3", (c) => c.iscoming({ ...ref, iscoming: 3 as never })],
  ["iscoming -1", (c) => c.iscoming({ ...ref, iscoming: -1 as never })],
  ["showstatus 5", (c) => c.showstatus({ ...ref, showstatus: 5 as never })],
  ["af21", (c) => c.updateaf({ ...ref, fields: { af21: "x" } })],
  ["af0", (c) => c.updateaf({ ...ref, fields: { af0: "x" } })],
  ["af01", (c) => c.updateaf({ ...ref, fields: { af01: "x" } })],
  ["a non-af field", (c) => c.updateaf({ ...ref, fields: { notes: "x" } })],
  ["no af field", (c) => c.updateaf({ ...ref, fields: {} })],
  ["Feb 30", (c) => c.apptlist({ from: "20240230", to: "20240301" })],
  ["to before from", (c) => c.apptlist({ from: "20240310", to: "20240301" })],
  ["61 days", (c) => c.apptlist({ from: "20240101", to: "20240301" })],
  ["from without to", (c) => c.apptlist({ from: "20240101" })],
  [
    "both date kinds",
    (c) => c.apptlist({ from: "20240101", to: "20240102", createFrom: "20240101", createTo: "20240102" }),
  ],
  ["format 3", (c) => c.apptlist({ from: "20240101", to: "20240102", format: 3 as never })],
  ["an invalid DateTime", (c) => c.slotlist({ from: DateTime.invalid("x"), to: "20240102" })],
  ["slot end before start", (c) => c.addslot({ staff: 1, from: "202403011000", to: "202403010900" })],
  ["25:00", (c) => c.addslot({ staff: 1, from: "202403012500", to: "202403012600" })],
  [
    "color 10",
    (c) => c.addappt({ staff: 1, service: 2, at: { slotId: 3, vfib: "AB" }, customer: person, color: 10 }),
  ],
  ["addappt without customer", (c) => c.addappt({ staff: 1, service: 2, at: { slotId: 3, vfib: "AB" } })],
  ["cx11", (c) => c.addcust({ ...person, extra: { cx11: "x" } })],
  ["custappts with first but no cell", (c) => c.custappts({ first: "דנה" } as never)],
  ["maxId below minId", (c) => c.custlist({ minId: 10, maxId: 5 })],
  ["lu that is not digits", (c) => c.apptlist({ from: "20240101", to: "20240102", lu: "yesterday" })],
  [
    "zoom that is not a URL",
    (c) => c.addslot({ staff: 1, from: "202403011000", to: "202403011100", zoom: "zoom" }),
  ],
];

describe("bad input is refused before any request", () => {
  it.each(bad)("%s", async (_name, act) => {
    const { client, requests } = testClient(() => ok());
    await expect(act(client)).rejects.toBeInstanceOf(InvalidInputError);
    expect(requests).toHaveLength(0);
  });
});

describe("accepted input goes out in the API's own form", () => {
  it("normalizes +972 cells and pads 8-digit tz", async () => {
    const { client, requests } = testClient(() => ok({ appts: [] }));
    await client.apptbycellortz({ cell: "+972 52-555-1234", showFuture: true });
    await client.apptbycellortz({ tz: "39337423" });
    expect(requests[0]!.params.get("cell")).toBe("0525551234");
    expect(requests[0]!.params.get("showfuture")).toBe("1");
    expect(requests[1]!.params.get("tz")).toBe("039337423");
  });

  it("sends addappt as a POST form with the customer, trimmed, and DateTimes in Israel time", async () => {
    const { client, requests } = testClient(() => ok({ apptid: "9", conf: "AE154A23B746DC21" }));
    const res = await client.addappt({
      staff: 72230,
      service: "501",
      at: { from: DateTime.fromISO("2024-03-01T08:00:00Z"), to: DateTime.fromISO("2024-03-01T08:30:00Z") },
      customer: { first: " דנה ", last: "כהן", cell: "052-555-1234", email: "dana@example.com" },
      extra: { ax3: "vip" },
      sendNotice: false,
    });
    expect(res).toEqual({ apptId: "9", conf: "AE154A23B746DC21" });
    const req = requests[0]!;
    expect(req.method).toBe("POST");
    expect(Object.fromEntries(req.params)).toEqual({
      from: "202403011000",
      to: "202403011030",
      staff: "72230",
      service: "501",
      first: "דנה",
      last: "כהן",
      email: "dana@example.com",
      cell: "0525551234",
      ax3: "vip",
      sendnotice: "0",
    });
  });

  it("sends iscoming and showstatus as GETs, as the reference says", async () => {
    const { client, requests } = testClient(() => ok());
    await client.iscoming({ ...ref, iscoming: 1 });
    await client.showstatus({ ...ref, showstatus: 2 });
    expect(
      requests.map((r) => [r.method, r.endpoint, r.params.get("iscoming") ?? r.params.get("showstatus")]),
    ).toEqual([
      ["GET", "iscoming", "1"],
      ["GET", "showstatus", "2"],
    ]);
  });

  it("clears an extra field with '-' and sends only the fields given", async () => {
    const { client, requests } = testClient(() => ok());
    await client.updateaf({ ...ref, fields: { af2: null, af20: " late " } });
    expect(Object.fromEntries(requests[0]!.params)).toEqual({
      apptid: "123",
      vfib: ref.vfib,
      af2: "-",
      af20: "late",
    });
  });

  it("books a lozamin without any customer field", async () => {
    const { client, requests } = testClient(() => ok({ apptid: "9", conf: "AB" }));
    await client.addappt({ staff: 1, service: 2, at: { slotId: 3, vfib: "CD" }, isLozamin: true });
    expect(Object.fromEntries(requests[0]!.params)).toEqual({
      slotid: "3",
      vfib: "CD",
      staff: "1",
      service: "2",
      islozamin: "1",
    });
  });

  it("accepts exactly 60 days inclusive for apptlist", async () => {
    const { client, requests } = testClient(() => ok({ appts: [], lu: "20240101000000000" }));
    await client.apptlist({ from: "20240101", to: "20240229" });
    expect(requests[0]!.params.get("to")).toBe("20240229");
  });
});
