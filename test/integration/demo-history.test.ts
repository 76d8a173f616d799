import pino from "pino";
import { expect, it } from "vitest";
import { startDemoBackend } from "../../src/roles/demo.ts";
import { seedDemoActivity } from "../../src/roles/demo-history.ts";
import { createKeys } from "../../src/storage/keys.ts";
import { TEST_APP_SECRET } from "../support/app-secret.ts";
import { connectTestRedis } from "../support/test-redis.ts";

it("the demo's history, cut short by a closed Redis (a quick stop), fails once and leaves no unhandled rejection", async () => {
  const demo = await startDemoBackend({}, pino({ level: "silent" }));
  const redis = connectTestRedis();
  await redis.quit();
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on("unhandledRejection", onUnhandled);
  try {
    await expect(
      seedDemoActivity({
        emulator: demo.emulator,
        sites: demo.sites,
        redis,
        keys: createKeys("test-demo-history", TEST_APP_SECRET),
        now: demo.emulator.clock.now(),
      }),
    ).rejects.toThrow(/Connection is closed/);
    // Rejections are reported after the microtasks of the turn that made them.
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
  } finally {
    process.off("unhandledRejection", onUnhandled);
    await demo.emulator.close();
  }
});
