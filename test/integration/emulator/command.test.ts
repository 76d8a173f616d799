import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { runEmulatorCommand } from "../../../src/emulator/command.ts";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";

describe("runEmulatorCommand", () => {
  it("serves the demo seed and prints base URL and credentials, keeping them out of the log", async () => {
    let printed = "";
    let logged = "";
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged += String(chunk);
        done();
      },
    });
    const logger = pino({ level: "info" }, sink);
    const em = await runEmulatorCommand({
      port: 0,
      logger,
      print: (t) => {
        printed += t;
      },
    });
    try {
      const barber = em.site(DEMO_BARBER_SITEID);
      expect(printed).toContain(`${em.baseUrl}`);
      expect(em.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
      for (const v of [
        barber.credentials.torkey,
        barber.credentials.key,
        barber.credentials.secret,
        barber.credentials.webhookKey,
      ]) {
        expect(printed).toContain(v);
        expect(logged).not.toContain(v);
      }
      const res = await (
        await fetch(`${em.baseUrl}/custlist`, { headers: { torkey: barber.credentials.torkey } })
      ).json();
      expect(res.status).toBe(1);
      expect(res.customers.length).toBeGreaterThanOrEqual(10);
      expect(logged).not.toMatch(/05\d{8}/);
    } finally {
      await em.close();
    }
  });
});
