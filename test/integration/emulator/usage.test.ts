import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/emulator/seed.ts";
import { type Harness, startEmulator } from "./harness.ts";

describe("emulator: usage limits", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEmulator({
      sites: [buildSite("s1"), buildSite("s2")],
      limits: { perMinute: 3, perDay: 5 },
    });
  });
  afterAll(() => h.close());

  it("refuses past the per-minute budget, per site, and does nothing; the next minute works again", async () => {
    for (let i = 0; i < 3; i++) expect((await h.api("siteinfo")).status).toBe(1);
    const refused = await h.api("addcust", { first: "A", last: "B", cell: "0527654321" }, { method: "POST" });
    expect(refused).toEqual({ status: 0, message: "usage limit exceeded (minute)" });
    expect(h.em.site("s1").customers.size).toBe(1);
    expect((await h.api("siteinfo", {}, { site: "s2" })).status).toBe(1);
    h.em.clock.advance(60_000);
    expect((await h.api("siteinfo")).status).toBe(1);
    expect((await h.api("siteinfo")).status).toBe(1);
    // 5 spent today: the day budget is gone even in a fresh minute.
    h.em.clock.advance(60_000);
    expect(await h.api("siteinfo")).toEqual({ status: 0, message: "usage limit exceeded (day)" });
    h.em.clock.advance(24 * 3600_000);
    expect((await h.api("siteinfo")).status).toBe(1);
  });
});
