import { describe, expect, it } from "vitest";
import { createWebhookHealth } from "../../../src/storage/webhook-health.ts";
import { useRedisPrefix } from "./redis-prefix.ts";

const r = useRedisPrefix();
const H = 3_600_000;
const T = Date.UTC(2026, 11, 2, 10, 0);

describe("webhook health (issue 13, section 3)", () => {
  it("keeps the last verified webhook and the wrong signatures of the last hour, and counts every outcome", async () => {
    const h = createWebhookHealth(r.redis, r.fresh());
    await h.record("s1", "verified", T);
    await h.record("s1", "unsigned", T - 2 * H); // over an hour ago: no longer shown
    await h.record("s1", "unsigned", T - 10 * 60_000);
    await h.record("s1", "not_json", T);
    await h.record("s1", "malformed", T);
    const st = await h.status("s1", T);
    expect(st).toMatchObject({
      lastVerifiedAt: T,
      wrongSignaturesLastHour: 1,
      counts: { verified: 1, unsigned: 2, not_json: 1, malformed: 1, unknown_site: 0 },
      looksOff: false,
      // a wrong signature in the last hour: not "arriving and verifying"
      healthy: false,
    });
    expect((await h.status("s2", T)).healthy).toBe(true);
  });

  it("changes the scan found that no webhook told of make webhooks look off; a verified webhook resets it", async () => {
    const h = createWebhookHealth(r.redis, r.fresh());
    await h.record("s1", "verified", T - 5 * H);
    await h.missedChange("s1", T - 2 * H);
    let st = await h.status("s1", T);
    expect(st).toMatchObject({
      missedSinceLastWebhook: 1,
      hoursWithoutWebhook: 5,
      looksOff: true,
      healthy: false,
    });
    await h.missedChange("s1", T - H);
    expect((await h.status("s1", T)).missedSinceLastWebhook).toBe(2);
    await h.record("s1", "verified", T);
    st = await h.status("s1", T + 60_000);
    expect(st).toMatchObject({ missedSinceLastWebhook: 0, looksOff: false, healthy: true });
    // a single miss right after a webhook is not yet "off" (its webhook may still be on the way)
    await h.missedChange("s1", T + 2 * 60_000);
    expect((await h.status("s1", T + 3 * 60_000)).looksOff).toBe(false);
  });
});
