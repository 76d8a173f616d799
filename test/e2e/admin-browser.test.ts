import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KNOWN_REASONS } from "../../src/digests/board.ts";
import type { Appointment } from "../../src/domain/appointment.ts";
import { createTor4YouClient } from "../../src/tor4you/client.ts";
import { deletePrefix } from "../support/redis-prefix.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`admin browser test skipped: no chromium at ${CHROMIUM} (.ci/run installs it)`);

const ARTIFACTS = join(import.meta.dirname, "../../test-artifacts");
// A database of its own: the demo uses the deployment's key prefix and wipes it at start.
const REDIS_URL = "redis://127.0.0.1:6379/13";
const TOKEN = "owner-token-for-the-admin-browser-test";
const BARBER = "318001";
const ZONE = "Asia/Jerusalem";
const PHONE = { width: 390, height: 844 };

let child: ChildProcess;
let output = "";
let base = "";
let emulatorApi = "";
let browser: Browser;
let context: BrowserContext;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  if (!haveChromium) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await freePort();
  const t0 = Date.now();
  // The demo as `npm start` runs it (no credentials), with the admin switched on.
  child = spawn(process.execPath, ["bin/tor4you-bot.js", "start"], {
    cwd: join(import.meta.dirname, "../.."),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      REDIS_URL,
      ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  while (Date.now() - t0 < 30_000) {
    const ok = await fetch(`http://127.0.0.1:${port}/`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  base = `http://127.0.0.1:${port}`;
  emulatorApi = /built-in Tor4You emulator at (\S+)/.exec(output)?.[1] ?? "";
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}, 60_000);

/**
 * A phone, 390 px wide, with the owner's password given as the browser would after its
 * prompt; a fresh one per test, so a language one test picks (a cookie) never leaks into another.
 */
async function phonePage(): Promise<Page> {
  await context?.close();
  context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    httpCredentials: { username: "owner", password: TOKEN },
  });
  return context.newPage();
}

afterAll(async () => {
  if (!haveChromium) return;
  await context?.close();
  await browser?.close();
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  const redis = new Redis(REDIS_URL);
  await deletePrefix(redis, "t4y-demo");
  await redis.quit();
});

/** The barbershop's appointments as Tor4You has them, to compare the board with. */
async function barberAppointments(): Promise<Appointment[]> {
  const root = emulatorApi.replace(/\/api$/, "");
  const { sites } = (await (await fetch(`${root}/__emulator/sites`)).json()) as {
    sites: Array<{ siteid: string; torkey: string }>;
  };
  const client = createTor4YouClient({
    baseUrl: emulatorApi,
    site: BARBER,
    auth: { kind: "torkey", torkey: sites.find((s) => s.siteid === BARBER)!.torkey },
    logger: pino({ level: "silent" }),
  });
  const today = DateTime.now().setZone(ZONE).startOf("day");
  const list = await client.apptlist({ from: today, to: today.plus({ days: 7 }), format: 2 });
  return (list.changed ? list.appointments : []).filter((a) => a.status === "live" && !a.isLozamin);
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    viewport: window.innerWidth,
  }));

/** Reason codes as the product logs them: none may reach the owner's eyes. */
const RAW_CODES = new RegExp(`\\b(${KNOWN_REASONS.join("|")}|quiet_hours|late_booking|shabbat)\\b`);

describe.skipIf(!haveChromium)("the owner's pages on a phone, in Hebrew", { timeout: 60_000 }, () => {
  it("/admin: right to left, no sideways scroll, the business by name, tomorrow's appointments with their states", async () => {
    const page = await phonePage();
    const response = await page.goto(`${base}/admin`);
    expect(response?.status()).toBe(200);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("he");
    const width = await noHorizontalScroll(page);
    expect(width.page).toBeLessThanOrEqual(width.viewport);
    expect(width.body).toBeLessThanOrEqual(width.viewport);

    const barber = page.locator(`#site-${BARBER}`);
    expect(await barber.locator("h2").first().innerText()).toBe("מספרת הדקל");

    // The next day with appointments after today (tomorrow, unless the shop is closed then).
    const appts = await barberAppointments();
    const today = DateTime.now().setZone(ZONE).startOf("day");
    const nextDay = appts
      .map((a) => a.start.setZone(ZONE).startOf("day"))
      .filter((d) => d > today)
      .sort((a, b) => +a - +b)[0]!;
    const expected = appts
      .filter((a) => a.start.setZone(ZONE).hasSame(nextDay, "day"))
      .sort((a, b) => +a.start - +b.start);
    expect(expected.length).toBeGreaterThanOrEqual(4);

    const tomorrow = barber.locator('[data-testid="tomorrow"]');
    expect(await tomorrow.locator("h3").innerText()).toMatch(
      nextDay.hasSame(today.plus({ days: 1 }), "day") ? /^מחר, / : /^היום הבא שיש בו תורים, /,
    );
    const rows = tomorrow.locator('[data-testid="appt"]');
    expect(await rows.count()).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) {
      const a = expected[i]!;
      const row = rows.nth(i);
      expect(await row.locator(".time").innerText()).toBe(a.start.setZone(ZONE).toFormat("HH:mm"));
      expect(await row.locator(".who").innerText()).toBe(a.customer.first!.trim());
      expect(await row.locator(".what").innerText()).toContain(a.serviceName!.trim());
      expect(await row.locator(".what").innerText()).toContain(a.staffName!.trim());
      const state = await row.getAttribute("data-state");
      const badge = await row.locator('[data-testid="state"]').innerText();
      const why = await row.locator(".why").innerText();
      expect(badge).toMatch(/[א-ת]/);
      expect(why).toMatch(/[א-ת]{3}/); // the state or the reason, in words
      if (a.iscoming === 1) expect([state, badge]).toEqual(["confirmed", "אישר/ה הגעה"]);
      else if (a.iscoming === 2) expect([state, badge]).toEqual(["declined", "לא יגיע/תגיע"]);
      else expect(["sent", "no-answer", "scheduled", "not-sent"]).toContain(state);
      if (a.tmpExpire) expect(why).toBe("הזמנה שממתינה לתשלום: התזכורות יתחילו אחרי שתאושר.");
      // A phone number only as the tap-to-call of a "no answer" row.
      const calls = await row.locator('a[href^="tel:"]').count();
      expect(calls).toBe(state === "no-answer" ? 1 : 0);
    }
    const states = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-state")));
    console.log(
      `tomorrow (${nextDay.toFormat("ccc dd.MM")}): ${expected.length} appointments, states ${states.join(", ")}`,
    );
    // Only first names: no customer's full name anywhere on the page.
    const text = await page.evaluate(() => document.body.innerText);
    for (const a of appts)
      if (a.customer.last?.trim())
        expect(text).not.toContain(`${a.customer.first?.trim()} ${a.customer.last.trim()}`);
    expect(text).not.toMatch(RAW_CODES);
    expect(await page.content()).not.toMatch(RAW_CODES);
    await page.screenshot({ path: join(ARTIFACTS, "admin-he-390.png"), fullPage: true });

    // The refresh button brings a fresh board in place.
    const refreshed = page.waitForResponse((r) => r.url().includes("/admin/board?site=") && r.ok());
    await barber.locator("[data-refresh]").click();
    await refreshed;
    await expect
      .poll(() => barber.locator('[data-testid="tomorrow"] [data-testid="appt"]').count())
      .toBe(expected.length);
    await page.close();
  });

  it("the statistics: eight weeks of bars with titled axes, rates, and tables that read as cards", async () => {
    const page = await phonePage();
    await page.goto(`${base}/admin`);
    await page.locator(`#site-${BARBER} a[href^="/admin/stats"]`).click();
    await page.waitForURL(/\/admin\/stats\?site=318001/);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const width = await noHorizontalScroll(page);
    expect(width.page).toBeLessThanOrEqual(width.viewport);
    expect(width.body).toBeLessThanOrEqual(width.viewport);
    expect(await page.locator("h1").innerText()).toBe("מספרת הדקל: תזכורות, תשובות ואי־הגעות");

    const bars = page.locator('[data-testid="week-bar"]');
    expect(await bars.count()).toBe(8);
    const heights = await bars.evaluateAll((gs) =>
      gs.map((g) =>
        [...g.querySelectorAll("rect")].reduce((h, r) => h + r.getBoundingClientRect().height, 0),
      ),
    );
    console.log(`bar heights on screen (px): ${heights.map((h) => h.toFixed(0)).join(", ")}`);
    for (const h of heights) expect(h).toBeGreaterThan(5);
    const chart = await page.locator('[data-testid="chart"] svg').innerHTML();
    expect(chart).toContain("תורים שקיבלו תזכורת");
    expect(chart).toContain("שבוע שמתחיל ב־");
    const chartBox = (await page.locator('[data-testid="chart"] svg').boundingBox())!;
    expect(chartBox.width).toBeLessThanOrEqual(PHONE.width);

    const rate = await page.locator('[data-testid="confirmation-rate"] b').innerText();
    const noShow = await page.locator('[data-testid="no-show-rate"] b').innerText();
    expect(rate).toMatch(/^\d+%$/);
    expect(noShow).toMatch(/^\d+%$/);
    expect(Number.parseInt(rate, 10)).toBeGreaterThan(0);
    console.log(`confirmation rate ${rate}, no-show rate ${noShow}`);

    // On a phone each table row is a card: no header row, each cell says what it is.
    const table = page.locator("table.cards").first();
    expect(await table.locator("thead").evaluate((el) => getComputedStyle(el).display)).toBe("none");
    const cell = table.locator("tbody td").nth(1);
    expect(await cell.evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"תורים"');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(RAW_CODES);
    await page.screenshot({ path: join(ARTIFACTS, "admin-stats-he-390.png"), fullPage: true });
    // The studio (group classes) has its weeks too.
    await page.goto(`${base}/admin/stats?site=318002`);
    const studio = await page
      .locator('[data-testid="week-bar"]')
      .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-reminded"))));
    console.log(`studio: reminded per week ${studio.join(", ")}`);
    expect(studio).toHaveLength(8);
    for (const n of studio) expect(n).toBeGreaterThan(0);
    await page.close();
  });

  it("switches language from the page, and the statistics follow", async () => {
    const page = await phonePage();
    await page.goto(`${base}/admin`);
    await page.locator('.langs a[lang="en"]').click();
    await page.waitForURL(/lang=en/);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      "en",
      "ltr",
    ]);
    expect(await page.locator('[data-testid="tomorrow"] h3').first().innerText()).toMatch(
      /^(Tomorrow|Next day)/,
    );
    await page.goto(`${base}/admin/stats`);
    expect(await page.locator("h1").innerText()).toBe("מספרת הדקל: reminders, answers and no-shows");
    await page.locator('.langs a[lang="ar"]').click();
    await page.waitForURL(/lang=ar/);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.screenshot({ path: join(ARTIFACTS, "admin-stats-ar-390.png"), fullPage: true });
    await page.close();
  });
});
