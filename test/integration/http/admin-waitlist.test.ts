import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogCache } from "../../../src/conversation/catalog.ts";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { adminRoutes } from "../../../src/http/admin-page.ts";
import { statsRoute } from "../../../src/http/stats-page.ts";
import { waitlistSection } from "../../../src/http/waitlist-section.ts";
import { adminSite } from "../../../src/roles/admin-board.ts";
import { collectStats } from "../../../src/roles/stats-report.ts";
import { startDemoApp } from "../../support/demo-app.ts";

const TOKEN = "admin-token-for-waitlist-tests-01";
const auth = { authorization: `Basic ${Buffer.from(`owner:${TOKEN}`).toString("base64")}` };
const SITE = DEMO_BARBER_SITEID;
let demo: Awaited<ReturnType<typeof startDemoApp>>;
const http = Fastify();

beforeAll(async () => {
  demo = await startDemoApp();
  const catalog = createCatalogCache({ now: () => demo.app.now().toMillis() });
  await http.register(
    adminRoutes({
      adminToken: TOKEN,
      translator: demo.app.translator,
      sites: () => demo.sites.map(adminSite),
      sessions: () => [],
      queues: () => [],
      decisions: async () => [],
      siteSections: [
        waitlistSection({
          enabled: (site) => site === SITE,
          current: (site, today) => demo.app.waitlist.current(site, today),
          filled: (site, week) => demo.app.waitlist.filled(site, week),
          names: async (site) => {
            const c = await catalog.get(site, demo.app.clients.get(site)!);
            return {
              services: new Map(c.services.map((x) => [x.id, x.name])),
              staff: new Map(c.providers.map((x) => [x.id, x.name])),
            };
          },
          now: demo.app.now,
        }),
      ],
    }),
  );
  await http.register(
    statsRoute({
      adminToken: TOKEN,
      translator: demo.app.translator,
      sites: demo.sites.map(adminSite),
      stats: (site, weeks) =>
        collectStats({
          client: demo.app.clients.get(site)!,
          activity: demo.app.activity,
          waitlist: demo.app.waitlist,
          site,
          zone: "Asia/Jerusalem",
          weeks,
          until: demo.app.now(),
        }),
    }),
  );
});
afterAll(async () => {
  await http.close();
  await demo.stop();
});

const join = (
  chatId: string,
  wish: {
    serviceId: string;
    staffId: string;
    from: string;
    to: string;
    part: "any" | "morning" | "noon" | "evening";
  },
) =>
  demo.app.waitlist.join({
    address: { site: SITE, channel: "telegram", chatId },
    ...wish,
    joinedAt: Date.now(),
  });

const barberSection = (body: string) =>
  body.split(`id="site-${SITE}"`)[1]!.split('<section class="business"')[0]!;

describe("the owner sees the waitlist", () => {
  it("lists who waits for which day by service, staff member and part of the day, without naming a customer", async () => {
    // The demo's clock is Monday 23.11.2026. Two wait for a men's haircut with anyone on Tuesday
    // morning, one for a colour with Moran on Tuesday to Thursday, one for a day already past.
    await join("7100001", {
      serviceId: "301",
      staffId: "any",
      from: "20261124",
      to: "20261124",
      part: "morning",
    });
    await join("7100002", {
      serviceId: "301",
      staffId: "any",
      from: "20261124",
      to: "20261124",
      part: "morning",
    });
    await join("7100003", {
      serviceId: "304",
      staffId: "202",
      from: "20261124",
      to: "20261126",
      part: "any",
    });
    await join("7100004", {
      serviceId: "301",
      staffId: "201",
      from: "20261120",
      to: "20261121",
      part: "any",
    });

    const page = await http.inject({ url: "/admin?lang=en", headers: auth });
    expect(page.statusCode).toBe(200);
    const block = barberSection(page.body);
    const days = [
      ...block.matchAll(
        /data-testid="waitlist-day" data-day="([^"]+)" data-waiting="(\d+)">([^<]*)<ul>(.*?)<\/ul>/g,
      ),
    ].map((m) => ({ day: m[1], waiting: Number(m[2]), heading: m[3], items: m[4] }));
    expect(days.map((d) => [d.day, d.waiting])).toEqual([
      ["2026-11-24", 3],
      ["2026-11-25", 1],
      ["2026-11-26", 1],
    ]);
    expect(days[0]!.heading).toMatch(/3 customers waiting/);
    expect(days[0]!.items).toContain("תספורת גברים, any staff member, in the morning: 2");
    expect(days[0]!.items).toContain("צבע שיער, מורן לוי: 1");
    expect(days[1]!.heading).toMatch(/one customer waiting/);
    // The entry for last week is gone from the list and from the page.
    expect(block).not.toContain("2026-11-20");
    expect((await demo.app.waitlist.all(SITE)).map((e) => e.address.chatId)).not.toContain("7100004");
    // Chats are not people: no chat id reaches the page.
    expect(block).not.toMatch(/71000\d\d/);

    // In Hebrew, for the owner's own language.
    const he = barberSection((await http.inject({ url: "/admin?lang=he", headers: auth })).body);
    expect(he).toContain("רשימת המתנה");
    expect(he).toContain("תספורת גברים, כל אחד מהצוות, בבוקר: 2");
  });

  it("counts bookings filled from the waitlist in the week of their time, on the page and in the statistics", async () => {
    const page = () =>
      http.inject({ url: "/admin?lang=en", headers: auth }).then((r) => barberSection(r.body));
    expect(await page()).toMatch(/data-testid="waitlist-filled">Booked from the waitlist this week: 0</);
    // This week started on Sunday 22.11; one booking for this week, one for next week.
    await demo.app.waitlist.countFilled(SITE, "20261122");
    await demo.app.waitlist.countFilled(SITE, "20261129");
    expect(await page()).toMatch(/Booked from the waitlist this week: 1</);

    const stats = await http.inject({ url: `/admin/stats?site=${SITE}&weeks=4&lang=en`, headers: auth });
    expect(stats.statusCode).toBe(200);
    expect(stats.body).toMatch(/data-testid="waitlist-filled">Booked from the waitlist<b>1<\/b>/);
    const weekRow = stats.body.match(/<tr><td data-label="Week" class="label">22\.11<\/td>.*?<\/tr>/)![0];
    expect(weekRow).toMatch(/data-label="From the waitlist">1<\/td><\/tr>$/);
  });

  it("shows nothing for a business with the waitlist turned off", async () => {
    const page = await http.inject({ url: "/admin?lang=en", headers: auth });
    const others =
      page.body.split(`id="site-${SITE}"`)[0]! +
      (page.body.split(`id="site-${SITE}"`)[1]!.split('<section class="business"')[1] ?? "");
    expect(others).not.toContain('data-testid="waitlist"');
  });
});
