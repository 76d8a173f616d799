import { describe, expect, it } from "vitest";
import { json, testClient } from "./fake-fetch.ts";

/**
 * Answers the reference allows but does not show, read the way the wire notes ask ("read a list
 * response liberally"): a different spelling must not turn into an error for the customer, nor a
 * quiet day into "every appointment is gone".
 */
const ROW = {
  id: "101",
  conf: "AE154A23B746DC21",
  status: "1",
  staff: "72230",
  from: "202603051000",
  to: "202603051030",
  first: "דנה",
  last: "כהן",
  cell: "0521234567",
};
const lookup = { cell: "0521234567", showFuture: true };
const range = { from: "20260301", to: "20260310", format: 2 as const, lu: "20260301100000000" };

describe("'no new information' wherever Tor4You writes it", () => {
  it.each([
    ["under appts (the wire notes' shape)", { status: 1, appts: "no new information" }],
    ["under message, no list at all", { status: 1, message: "no new information" }],
    ["under msg, capitalised", { status: 1, msg: "No new information" }],
    ["beside an empty list", { status: 1, appts: [], message: "no new information" }],
  ])("%s is 'nothing changed', not an empty day that would withdraw every reminder", async (_, body) => {
    const { client } = testClient(() => json(body));
    expect(await client.apptlist(range)).toEqual({ changed: false });
  });

  it("said as a refusal (status 0), it is still 'nothing changed' and pauses none of the site's calls", async () => {
    const { client, requests } = testClient((req) =>
      json(req.endpoint === "apptlist" ? { status: 0, message: "no new information" } : { status: 1 }),
    );
    for (let i = 0; i < 5; i++) expect(await client.apptlist(range)).toEqual({ changed: false });
    // The customer's tap still reaches Tor4You.
    await client.iscoming({ apptId: 101, vfib: "AE154A23B746DC21", iscoming: 1 });
    expect(requests.map((r) => r.endpoint)).toEqual([...Array(5).fill("apptlist"), "iscoming"]);
  });

  it("a real refusal of apptlist is still an error", async () => {
    const { client } = testClient(() => json({ status: 0, message: "invalid torkey" }), {
      retry: { attempts: 1, baseMs: 0, maxMs: 0 },
    });
    await expect(client.apptlist(range)).rejects.toThrow(/invalid torkey/);
  });
});

describe("an empty list however PHP spells it", () => {
  it.each([
    ["[]", []],
    ["{}", {}],
    ['""', ""],
    ["null", null],
    ["false", false],
  ])("appts=%s: a customer with no appointments has none, not an error", async (_, empty) => {
    const { client } = testClient(() => json({ status: 1, appts: empty }));
    expect(await client.apptbycellortz(lookup)).toEqual([]);
  });

  it.each([
    ["slots", { calendar: "slots" as const }],
    ["openhours", {}],
  ])("%s=null: a day with no free times is empty", async (key, opts) => {
    const { client } = testClient(() => json({ status: 1, [key]: null }));
    const r = await client.availability({ from: "20260301", to: "20260302", service: 5, ...opts });
    expect("slots" in r ? r.slots : "openHours" in r ? r.openHours : r).toEqual([]);
  });

  it("a list of one sent as the record alone is that one appointment", async () => {
    const { client } = testClient(() => json({ status: 1, appts: ROW }));
    const appts = await client.apptbycellortz(lookup);
    expect(appts.map((a) => [a.id, a.start.toFormat("yyyy-MM-dd HH:mm")])).toEqual([
      ["101", "2026-03-05 10:00"],
    ]);
  });

  it("one object sent as a list of one is that object", async () => {
    const { client } = testClient(() => json({ status: 1, appt: [ROW] }));
    const a = await client.apptinfo({ apptId: 101 });
    expect(a.id).toBe("101");
  });
});

describe("values spelled another way", () => {
  it.each(["0000-00-00 00:00:00", "00/00/0000 00:00:00", "0"])(
    "tmp_expire_date '%s' (a zero date) is no expiry: the appointment still gets its reminders",
    async (zero) => {
      const { client } = testClient(() => json({ status: 1, appt: { ...ROW, tmp_expire_date: zero } }));
      expect((await client.apptinfo({ apptId: 101 })).tmpExpire).toBeUndefined();
    },
  );

  it("flags spelled true/yes or false/no read as such", async () => {
    const { client } = testClient(() =>
      json({
        status: 1,
        services: [
          { id: "5", name: "a", external: "true" },
          { id: "6", name: "b", internal: "yes" },
          { id: "7", name: "c", status: "false" },
        ],
      }),
    );
    const services = await client.services({ showCancelled: true });
    expect(services.map((s) => [s.id, s.external, s.active])).toEqual([
      ["5", true, true],
      ["6", false, true],
      ["7", undefined, false],
    ]);
  });
});

describe("a customer Tor4You does not know yet", () => {
  it.each(["customer not found", "No such customer", "לקוח לא נמצא"])(
    "a lookup refused with '%s' is no appointments, so a first-time customer can book",
    async (message) => {
      const { client } = testClient(() => json({ status: 0, message }));
      expect(await client.apptbycellortz(lookup)).toEqual([]);
    },
  );

  it.each(["invalid key", "site not found", "key does not exist"])(
    "any other refusal of the lookup is still an error: '%s' is not 'no appointments'",
    async (message) => {
      const { client } = testClient(() => json({ status: 0, message }), {
        retry: { attempts: 1, baseMs: 0, maxMs: 0 },
      });
      await expect(client.apptbycellortz(lookup)).rejects.toThrow(message);
    },
  );
});

describe("other spellings of a usage limit and of a slot's staff", () => {
  it.each([
    ["Daily limit exceeded", "day"],
    ["quota exceeded", "minute"],
    ["Maximum number of requests per minute exceeded", "minute"],
  ])("'%s' is a usage limit (%s), waited out rather than shown as a failure", async (message, scope) => {
    const { client } = testClient(() => json({ status: 0, message }), {
      retry: { attempts: 1, baseMs: 0, maxMs: 0 },
    });
    await expect(client.apptbycellortz(lookup)).rejects.toMatchObject({ code: "tor4you_usage_limit", scope });
  });

  it("a limit said in the body of a 503 is a usage limit too", async () => {
    const { client } = testClient(() => json({ status: 0, message: "usage limit exceeded (minute)" }, 503), {
      retry: { attempts: 1, baseMs: 0, maxMs: 0 },
    });
    await expect(client.apptbycellortz(lookup)).rejects.toMatchObject({ code: "tor4you_usage_limit" });
  });

  it("a slot row that names its staff member staffid keeps it", async () => {
    const { client } = testClient(() =>
      json({
        status: 1,
        slots: [{ slotid: "9", vfib: "ABC", staffid: "72230", from: "202603011000", to: "202603011030" }],
      }),
    );
    const r = await client.availability({ from: "20260301", to: "20260302", service: 5, calendar: "slots" });
    expect(r.kind === "slots" && r.slots[0]!.staffId).toBe("72230");
  });
});

describe("open times given by their start only", () => {
  const ask = { from: "20260301", to: "20260302", service: 5 };
  const times = (r: Awaited<ReturnType<ReturnType<typeof testClient>["client"]["availability"]>>) =>
    r.kind === "openhours"
      ? r.openHours.map((h) => `${h.start.toFormat("HH:mm")}-${h.end.toFormat("HH:mm")}`)
      : r;

  it("a row without its end ends after the service's length", async () => {
    const { client } = testClient(() =>
      json({ status: 1, openhours: [{ staff: "72230", staffname: "רון", from: "202603011000" }] }),
    );
    expect(times(await client.availability({ ...ask, serviceMinutes: 45 }))).toEqual(["10:00-10:45"]);
  });

  it("bare times are rows too", async () => {
    const { client } = testClient(() => json({ status: 1, openhours: ["202603011000", "202603011100"] }));
    expect(times(await client.availability({ ...ask, serviceMinutes: 30 }))).toEqual([
      "10:00-10:30",
      "11:00-11:30",
    ]);
  });

  it("without the service's length such a time is not offered (a booking needs its end), and the rest still are", async () => {
    const { client } = testClient(() =>
      json({
        status: 1,
        openhours: [{ from: "202603011000" }, { from: "202603011200", to: "202603011230" }],
      }),
    );
    expect(times(await client.availability(ask))).toEqual(["12:00-12:30"]);
  });
});
