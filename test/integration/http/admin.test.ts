import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { adminRoutes } from "../../../src/http/admin-page.ts";
import { demoBackground, startDemoApp } from "../../support/demo-app.ts";

const TOKEN = "admin-token-for-tests-0001";
const auth = { authorization: `Basic ${Buffer.from(`owner:${TOKEN}`).toString("base64")}` };
let demo: Awaited<ReturnType<typeof startDemoApp>>;
let background: ReturnType<typeof demoBackground>;
const http = Fastify();

beforeAll(async () => {
  demo = await startDemoApp();
  background = demoBackground(demo);
  await http.register(
    adminRoutes({
      adminToken: TOKEN,
      sites: () =>
        demo.sites.map((s) => ({
          id: s.id,
          name: s.name,
          telegramInvite: s.id === DEMO_BARBER_SITEID ? `https://t.me/demo_bot?start=${s.id}` : undefined,
        })),
      sessions: () => [{ session: "main", state: "pairing", since: Date.now(), qr: "2@pairing-qr-data" }],
      queues: () => Object.values(background.jobs.queues),
      decisions: (site) => demo.app.decisions.recent(site),
    }),
  );
});
afterAll(async () => {
  await http.close();
  await background.jobs.close();
  await demo.stop();
});

describe("/admin", () => {
  it("asks for the admin token, page and queue board alike", async () => {
    expect((await http.inject({ url: "/admin" })).statusCode).toBe(401);
    expect((await http.inject({ url: "/admin/queues" })).statusCode).toBe(401);
    expect((await http.inject({ url: "/admin/queues/api/queues" })).statusCode).toBe(401);
  });

  it("shows each site's invite link with a QR, the pairing QR, and the latest decisions not to send", async () => {
    // a scan plans the demo's reminders and decides against some (past, lozamin, temporary)
    await background.jobs.runScan(DEMO_BARBER_SITEID);
    await new Promise((r) => setTimeout(r, 200));
    const page = await http.inject({ url: "/admin", headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`https://t.me/demo_bot?start=${DEMO_BARBER_SITEID}`);
    expect(page.body.match(/<img class="qr" alt="[^"]+" src="data:image\/png;base64,/g)).toHaveLength(2);
    expect(page.body).toMatch(/<td>main<\/td><td>pairing<\/td>/);
    expect(page.body).toMatch(/<td>lozamin<\/td><td>700120<\/td>/);
    expect(page.body).toMatch(/<td>temporary<\/td><td>700113<\/td>/);
    expect(page.body).not.toContain("0527654321"); // ids and reasons only, no phones
    // every scan decides again: the list keeps one entry per decision a day
    const before = (await demo.app.decisions.recent(DEMO_BARBER_SITEID, 200)).length;
    await demo.app.decisions.record(DEMO_BARBER_SITEID, {
      reason: "lozamin",
      apptId: "700120",
      offsetMin: 1440,
    });
    expect(await demo.app.decisions.recent(DEMO_BARBER_SITEID, 200)).toHaveLength(before);
  });

  it("serves bull-board with every queue", async () => {
    const board = await http.inject({ url: "/admin/queues", headers: auth });
    expect(board.statusCode).toBe(200);
    const api = await http.inject({ url: "/admin/queues/api/queues", headers: auth });
    const names = (api.json() as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "tor4you-sync",
        "tor4you-scan",
        "reminders",
        "telegram-outbound",
        "staff-digests",
        "staff-alerts",
      ]),
    );
  });
});
