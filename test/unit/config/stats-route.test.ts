import Fastify from "fastify";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeStats } from "../../../src/digests/stats.ts";
import { statsRoute } from "../../../src/http/stats-page.ts";
import { createTranslator, LOCALES_DIR } from "../../../src/i18n/translator.ts";

const TOKEN = "a-long-admin-token-123";
const week = computeStats({
  weeks: [DateTime.fromISO("2026-11-22", { zone: "Asia/Jerusalem" })],
  appointments: [],
  records: new Map([["20261122", { reminders: new Map([["1", 1]]), cancels: new Map() }]]),
  zone: "Asia/Jerusalem",
});

async function app(adminToken?: string) {
  const asked: Array<[string, number]> = [];
  const a = Fastify();
  await statsRoute({
    adminToken,
    translator: createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" }),
    sites: [{ id: "barber", name: "Barber", locale: "en" }],
    stats: async (site, weeks) => {
      asked.push([site, weeks]);
      return week;
    },
  })(a);
  return { a, asked };
}

describe("/admin/stats", () => {
  it("asks a browser for the admin token, then shows the tables and the chart", async () => {
    const { a, asked } = await app(TOKEN);
    const anonymous = await a.inject({ url: "/admin/stats" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toMatch(/^Basic /);
    const wrong = Buffer.from("owner:nope").toString("base64");
    expect(
      (await a.inject({ url: "/admin/stats", headers: { authorization: `Basic ${wrong}` } })).statusCode,
    ).toBe(401);

    const basic = Buffer.from(`owner:${TOKEN}`).toString("base64");
    const ok = await a.inject({
      url: "/admin/stats?site=barber&weeks=6",
      headers: { authorization: `Basic ${basic}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["content-type"]).toMatch(/^text\/html/);
    expect(ok.body).toContain("<svg");
    expect(ok.body).toContain("<h2>Per staff member</h2>");
    expect(ok.body).toContain('<html lang="en" dir="ltr">');
    const hebrew = await a.inject({
      url: "/admin/stats?lang=he",
      headers: { authorization: `Basic ${basic}` },
    });
    expect(hebrew.body).toContain('<html lang="he" dir="rtl">');
    expect(hebrew.headers["set-cookie"]).toMatch(/t4y_admin_lang=he/);
    expect(asked).toEqual([
      ["barber", 6],
      ["barber", 8],
    ]);

    const bearer = { authorization: `Bearer ${TOKEN}` };
    expect((await a.inject({ url: "/admin/stats?site=other", headers: bearer })).statusCode).toBe(404);
    expect((await a.inject({ url: "/admin/stats?weeks=x", headers: bearer })).statusCode).toBe(400);
  });

  it("does not exist without an admin token", async () => {
    const { a } = await app(undefined);
    expect((await a.inject({ url: "/admin/stats" })).statusCode).toBe(404);
  });
});
