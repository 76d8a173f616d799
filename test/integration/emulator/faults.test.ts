import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { day, type Harness, startEmulator } from "./harness.ts";

describe("emulator: fault injection", () => {
  let h: Harness;
  beforeEach(async () => {
    await h?.close();
    h = await startEmulator({ sites: [buildSite("s1")] });
  });
  afterAll(() => h.close());

  const raw = () => fetch(`${h.base}/siteinfo`, { headers: { torkey: h.em.site("s1").credentials.torkey } });
  const fault = (spec: Record<string, unknown>) => h.admin("POST", "/faults", spec);

  it("latency delays the answer, which is then normal", async () => {
    await fault({ mode: "latency", ms: 300, count: 1 });
    const t = Date.now();
    expect((await (await raw()).json()).status).toBe(1);
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    const t2 = Date.now();
    await raw();
    expect(Date.now() - t2).toBeLessThan(250);
  });

  it("http500 answers HTTP 500", async () => {
    await fault({ mode: "http500", count: 1 });
    expect((await raw()).status).toBe(500);
    expect((await raw()).status).toBe(200);
  });

  it("html answers 502 with an HTML page", async () => {
    await fault({ mode: "html" });
    const res = await raw();
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<html>/);
    // Until cleared.
    expect((await raw()).status).toBe(502);
    expect((await h.admin("DELETE", "/faults")).status).toBe(200);
    expect((await raw()).status).toBe(200);
  });

  it("status0 and usagelimit answer HTTP 200 with status 0, and do nothing", async () => {
    await fault({ mode: "status0", count: 1, calls: ["addcust"] });
    await fault({ mode: "usagelimit", count: 1, calls: ["addcust"] });
    const add = () => h.api("addcust", { first: "A", last: "B", cell: "0527654321" }, { method: "POST" });
    expect(await add()).toMatchObject({ status: 0 });
    expect(await add()).toMatchObject({ status: 0, message: "usage limit exceeded (minute)" });
    expect(h.em.site("s1").customers.size).toBe(1); // only the lozamin stand-in
    expect((await add()).status).toBe(1);
  });

  it("drop closes the connection without an answer", async () => {
    await fault({ mode: "drop", count: 1 });
    await expect(raw()).rejects.toThrow();
    expect((await raw()).status).toBe(200);
  });

  it("applies only to the named calls", async () => {
    await fault({ mode: "http500", calls: ["apptlist"] });
    expect((await raw()).status).toBe(200);
    const res = await fetch(`${h.base}/apptlist?from=${day(0)}&to=${day(1)}`, {
      headers: { torkey: h.em.site("s1").credentials.torkey },
    });
    expect(res.status).toBe(500);
  });

  it("rejects an unknown mode", async () => {
    expect((await fault({ mode: "explode" })).status).toBe(400);
  });
});
