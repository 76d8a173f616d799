import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { realClientFactory, wipeProfile } from "../../src/channels/whatsapp/real-client.ts";
import { createWhatsAppSession, type SessionStatus } from "../../src/channels/whatsapp/session.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The real whatsapp-web.js Client with Debian chromium, on a machine that cannot reach WhatsApp:
 * the failure must be a clear state, not a crash or a hang.
 */
describe.skipIf(!existsSync(CHROMIUM))("real WhatsApp client, offline", () => {
  it("reports the session as unreachable (or waiting to pair) with a reason, and stops cleanly", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "wa-smoke-"));
    const states: SessionStatus[] = [];
    const session = createWhatsAppSession({
      name: "smoke",
      makeClient: realClientFactory({ dataDir, chromiumPath: CHROMIUM }),
      initTimeoutMs: 25_000,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
      wipeProfile: () => wipeProfile(dataDir, "smoke"),
      onMessage: async () => {},
      onStatus: (s) => states.push(s),
      logger: pino({ level: "silent" }),
    });
    session.start();
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline && !states.some((s) => s.state === "unreachable" || s.state === "pairing")) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const settled = states.find((s) => s.state === "unreachable" || s.state === "pairing");
    expect(settled, JSON.stringify(states)).toBeDefined();
    if (settled?.state === "unreachable") expect(settled.reason).toBeTruthy();
    await session.stop();
    expect(session.status().state).toBe("stopped");
    // Chromium may still be closing its profile files for a moment after destroy().
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }, 60_000);
});
