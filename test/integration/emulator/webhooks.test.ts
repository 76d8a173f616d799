import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { RETRY_SCHEDULE } from "../../../src/emulator/webhooks.ts";
import { signWebhook } from "../../../src/tor4you/signature.ts";
import { at, type Harness, type Receiver, startEmulator, startReceiver } from "./harness.ts";

const customers = [{ id: "500", first: "Noa", last: "Levi", cell: "0527654321" }];
const post = { method: "POST" as const };

describe("emulator: webhooks", () => {
  let h: Harness | undefined;
  let rx: Receiver | undefined;
  afterEach(async () => {
    await h?.close();
    await rx?.close();
    h = rx = undefined;
  });

  async function setup(respond?: (n: number) => number, unitMs = 1) {
    rx = await startReceiver(respond);
    h = await startEmulator({ sites: [buildSite("s1", { customers })], webhook: { url: rx.url, unitMs } });
    return { h, rx };
  }

  it("posts a signed notification for API changes with updateby 1000 and global increasing ids", async () => {
    const { h, rx } = await setup();
    const a = await h.api(
      "addappt",
      {
        staff: 11,
        service: 21,
        from: at(1, "10:00"),
        to: at(1, "10:30"),
        first: "Noa",
        last: "Levi",
        cell: "0527654321",
      },
      post,
    );
    await h.api("iscoming", { apptid: a.apptid as string, vfib: a.conf as string, iscoming: 1 });
    await h.api("delappt", { apptid: a.apptid as string, vfib: a.conf as string }, post);
    await rx.waitFor(3);
    const bodies = rx.hits.map((x) => x.body).sort((x, y) => Number(x.id) - Number(y.id));
    expect(bodies.map((b) => b.action)).toEqual(["1", "2", "3"]);
    expect(bodies.map((b) => b.apptstatus)).toEqual(["1", "1", "0"]);
    expect(Number(bodies[1]!.id)).toBeGreaterThan(Number(bodies[0]!.id));
    for (const b of bodies) {
      expect(b.sh).toBe(signWebhook(b.id!, "whk-s1"));
      expect(b).toMatchObject({
        apptid: a.apptid,
        updateby: "1000",
        From_date: "05/01/2026 10:00:00",
        to_date: "05/01/2026 10:30:00",
        staff: "11",
        staffname: "Dana ",
        customercell: "0527654321",
        customerfirst: "Noa",
        customerid: "500",
        tmp_expire_date: "",
      });
      expect(Object.values(b).every((v) => typeof v === "string")).toBe(true);
    }
    expect(bodies[1]!.iscoming).toBe("1");
  });

  it("dashboard changes carry a staff id, widget bookings 99; a temporary booking expires with action 5", async () => {
    const { h, rx } = await setup();
    const made = await h.admin("POST", "/sites/s1/appointments", {
      staff: "11",
      service: "21",
      from: at(1, "11:00"),
      customerid: "500",
      by: "widget",
      tmpExpireMinutes: 20,
    });
    expect(made.status).toBe(200);
    const apptid = made.body.appt.apptid as string;
    expect(made.body.appt.tmp_expire_date).toBe("202601040820");
    await h.admin("POST", `/sites/s1/appointments/${apptid}/move`, { from: at(1, "12:00") });
    await rx.waitFor(2);
    expect(rx.hits[0]!.body).toMatchObject({
      action: "1",
      updateby: "99",
      tmp_expire_date: "04/01/2026 08:20:00",
    });
    expect(rx.hits[1]!.body).toMatchObject({ action: "2", updateby: "19", From_date: "05/01/2026 12:00:00" });

    // Not yet: still live at 08:19.
    await h.admin("POST", "/clock", { advanceMinutes: 19 });
    expect(((await h.api("apptinfo", { apptid })).appt as Record<string, string>).status).toBe("1");
    await h.admin("POST", "/clock", { advanceMinutes: 2 });
    const info = (await h.api("apptinfo", { apptid })).appt as Record<string, string>;
    expect(info.status).toBe("5");
    await rx.waitFor(3);
    expect(rx.hits[2]!.body).toMatchObject({
      action: "5",
      apptstatus: "5",
      apptid,
      tmp_expire_date: "04/01/2026 08:20:00",
    });
    // An expired booking no longer holds the time.
    const again = await h.api(
      "addappt",
      {
        staff: 11,
        service: 21,
        from: at(1, "12:00"),
        to: at(1, "12:30"),
        first: "Ido",
        last: "X",
        cell: "0531112233",
      },
      post,
    );
    expect(again.status).toBe(1);
  });

  it("retries a failing endpoint on the 2,4,8,60,120,240,960,1440 schedule, then switches the webhook off", async () => {
    const { h, rx } = await setup(() => 500, 1);
    await h.admin("POST", "/sites/s1/appointments", {
      staff: "11",
      service: "21",
      from: at(1, "10:00"),
      customerid: "500",
    });
    await rx.waitFor(9, 8000);
    await h.em.webhooks.settled();
    const log = (await h.admin("GET", "/webhooks?site=s1")).body.deliveries as Array<Record<string, unknown>>;
    expect(log.map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(log.slice(0, 8).map((r) => r.nextRetryInMs)).toEqual([...RETRY_SCHEDULE]);
    expect(log[8]).toMatchObject({ ok: false, httpStatus: 500, switchedOff: true });
    // The gaps follow the schedule (in units of 1 ms here): the last one is the longest.
    const gaps = rx.hits.slice(1).map((x, i) => x.at - rx.hits[i]!.at);
    expect(gaps[7]!).toBeGreaterThanOrEqual(1440 - 5);
    expect(gaps[6]!).toBeGreaterThanOrEqual(960 - 5);
    expect(Math.min(...gaps.slice(0, 3))).toBeLessThan(gaps[7]!);
    expect((await h.admin("GET", "/sites/s1/webhook")).body).toMatchObject({ active: false });
    // Switched off: later changes are not sent until the webhook is reset.
    await h.admin("POST", "/sites/s1/appointments", {
      staff: "11",
      service: "21",
      from: at(1, "11:00"),
      customerid: "500",
    });
    await h.em.webhooks.settled();
    expect(rx.hits.length).toBe(9);
    rx.respond = () => 200;
    await h.admin("POST", "/sites/s1/webhook", { active: true });
    await h.admin("POST", "/sites/s1/appointments", {
      staff: "11",
      service: "21",
      from: at(1, "12:00"),
      customerid: "500",
    });
    await rx.waitFor(10);
  }, 15_000);

  it("stops retrying once the endpoint answers 200, and moving the clock fires a due retry at once", async () => {
    const { h, rx } = await setup((n) => (n < 2 ? 503 : 200), 60_000);
    await h.admin("POST", "/sites/s1/appointments", {
      staff: "11",
      service: "21",
      from: at(1, "10:00"),
      customerid: "500",
    });
    await rx.waitFor(1);
    await h.em.webhooks.settled();
    expect(h.em.webhooks.pendingRetries("s1")).toBe(1);
    await h.admin("POST", "/clock", { advanceMinutes: 1 });
    await h.em.webhooks.settled();
    expect(rx.hits.length).toBe(1); // due after 2 "minutes", not 1
    await h.admin("POST", "/clock", { advanceMinutes: 1 });
    await rx.waitFor(2);
    await h.em.webhooks.settled();
    await h.admin("POST", "/clock", { advanceMinutes: 4 });
    await rx.waitFor(3);
    await h.em.webhooks.settled();
    expect(h.em.webhooks.pendingRetries("s1")).toBe(0);
    expect(rx.hits.map((x) => x.body.id)).toEqual([
      rx.hits[0]!.body.id,
      rx.hits[0]!.body.id,
      rx.hits[0]!.body.id,
    ]);
    expect((await h.admin("GET", "/sites/s1/webhook")).body).toMatchObject({ active: true });
  });

  it("answers the API before the webhook endpoint does", async () => {
    const { h } = await setup();
    // An endpoint that holds every request until released.
    const held: Array<() => void> = [];
    const hang = createServer((_req, res) => held.push(() => res.end("ok")));
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    const { port } = hang.address() as AddressInfo;
    await h.admin("POST", "/sites/s1/webhook", { url: `http://127.0.0.1:${port}/hook` });
    const started = Date.now();
    const r = await h.api(
      "addappt",
      {
        staff: 11,
        service: 21,
        from: at(1, "10:00"),
        to: at(1, "10:30"),
        first: "Noa",
        last: "Levi",
        cell: "0527654321",
      },
      post,
    );
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(500);
    while (held.length === 0) await new Promise((res) => setTimeout(res, 5));
    expect(h.em.webhooks.log.length).toBe(0); // still in flight
    for (const f of held) f();
    await h.em.webhooks.settled();
    expect(h.em.webhooks.log[0]).toMatchObject({ ok: true, attempt: 1 });
    hang.closeAllConnections();
    await new Promise((r) => hang.close(r));
  });
});
