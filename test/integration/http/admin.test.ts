import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { adminRoutes } from "../../../src/http/admin-page.ts";
import { adminSite, createBoardSource } from "../../../src/roles/admin-board.ts";
import { createReminderLedger } from "../../../src/storage/reminder-ledger.ts";
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
      translator: demo.app.translator,
      sites: () =>
        demo.sites.map((s) => ({
          ...adminSite(s),
          telegramInvite: s.id === DEMO_BARBER_SITEID ? `https://t.me/demo_bot?start=${s.id}` : undefined,
        })),
      sessions: () => [{ session: "main", state: "pairing", since: Date.now(), qr: "2@pairing-qr-data" }],
      queues: () => Object.values(background.jobs.queues),
      decisions: (site) => demo.app.decisions.recent(site),
      board: createBoardSource({ ...demo.app, redis: demo.redis }),
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
    expect((await http.inject({ url: `/admin/board?site=${DEMO_BARBER_SITEID}` })).statusCode).toBe(401);
    expect((await http.inject({ url: "/admin/queues/api/queues" })).statusCode).toBe(401);
  });

  it("shows each site's invite link with a QR, the pairing QR, and why reminders were not sent, in words", async () => {
    // a scan plans the demo's reminders and decides against some (past, lozamin, temporary)
    await background.jobs.runScan(DEMO_BARBER_SITEID);
    await new Promise((r) => setTimeout(r, 200));
    const page = await http.inject({ url: "/admin", headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="he" dir="rtl">');
    expect(page.body).toContain(`https://t.me/demo_bot?start=${DEMO_BARBER_SITEID}`);
    expect(page.body.match(/<img class="qr" alt="[^"]+" src="data:image\/png;base64,/g)).toHaveLength(2);
    expect(page.body).toMatch(/<b dir="ltr">main<\/b>: ממתין לחיבור/);
    expect(page.body).toContain("זמן חסום ביומן, לא תור של לקוח."); // lozamin, in words
    expect(page.body).not.toMatch(/lozamin|window_passed|no_channel|quiet_unavoidable/);
    expect(page.body).not.toContain("0527654321"); // no phone on a row that is not "no answer"
    // every scan decides again: the list keeps one entry per decision a day
    const before = (await demo.app.decisions.recent(DEMO_BARBER_SITEID, 200)).length;
    await demo.app.decisions.record(DEMO_BARBER_SITEID, {
      reason: "lozamin",
      apptId: "700120",
      offsetMin: 1440,
    });
    expect(await demo.app.decisions.recent(DEMO_BARBER_SITEID, 200)).toHaveLength(before);
  });

  it("boards today and tomorrow with each reminder's state, and a number to call only where nobody answered", async () => {
    // Today 11:00 (אורי): both reminders went out, no answer, none left to send.
    const ledger = createReminderLedger(demo.redis, demo.app.keys);
    for (const offsetMin of [1440, 120])
      await ledger.markSent({ site: DEMO_BARBER_SITEID, apptId: "700107", offsetMin, start: "202611231100" });
    const page = await http.inject({ url: "/admin?lang=en", headers: auth });
    expect(page.body).toContain('<html lang="en" dir="ltr">');
    const barber = page.body.split('id="site-318002"')[0]!;
    const rows = [
      ...barber.matchAll(
        /<li class="appt state-([\w-]+)"[\s\S]*?<span class="time">([\d:]+)<\/span><span class="who">([^<]*)<\/span>/g,
      ),
    ].map((m) => `${m[2]} ${m[3]} ${m[1]}`);
    expect(rows).toEqual([
      // tomorrow (Tuesday 24.11)
      "09:00 דוד scheduled",
      "10:00 יעל declined",
      "11:00 אלון scheduled",
      "12:00 עומר confirmed",
      "12:00 רון not-sent",
      // today
      "10:00 נועם confirmed",
      "11:00 אורי no-answer",
      "12:30 תמר scheduled",
    ]);
    expect(page.body).toContain("Tomorrow, Tue 24.11");
    expect(page.body).toContain("A booking awaiting payment: reminders start once it is confirmed.");
    expect(page.body).toContain('href="tel:+972529876543"');
    expect(page.body.match(/href="tel:/g)).toHaveLength(1);
    expect(page.body).not.toContain("זילברמן"); // first names only
    // the board alone, for the in-place refresh, in the language the cookie remembers
    const fragment = await http.inject({
      url: `/admin/board?site=${DEMO_BARBER_SITEID}`,
      headers: { ...auth, cookie: "t4y_admin_lang=ru" },
    });
    expect(fragment.statusCode).toBe(200);
    expect(fragment.body).toMatch(/^<div class="board"/);
    expect(fragment.body).toContain("Завтра");
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
