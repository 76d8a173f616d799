import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Redis } from "ioredis";
import pino from "pino";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTor4YouClient } from "../../src/tor4you/client.ts";
import { deletePrefix } from "../support/redis-prefix.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`web chat browser test skipped: no chromium at ${CHROMIUM} (.ci/run installs it)`);

const ARTIFACTS = join(import.meta.dirname, "../../test-artifacts");
// A database of its own: the demo uses the deployment's key prefix.
const REDIS_URL = "redis://127.0.0.1:6379/11";
const BARBER = "318001";
const DAVID = "0577654321"; // the demo moves its customers into 057 (no operator): 052-765-4321 in the seed
const NEW_CUSTOMER = "0579990001";

let child: ChildProcess;
let output = "";
let base = "";
let emulatorApi = "";
let startedInMs = 0;
let browser: Browser;

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
  // `npm start` is `tor4you-bot start`: the same composition root, no credentials, so the demo.
  child = spawn(process.execPath, ["bin/tor4you-bot.js", "start"], {
    cwd: join(import.meta.dirname, "../.."),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), REDIS_URL, LOG_LEVEL: "warn" },
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
  startedInMs = Date.now() - t0;
  base = `http://127.0.0.1:${port}`;
  emulatorApi = /built-in Tor4You emulator at (\S+)/.exec(output)?.[1] ?? "";
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
}, 60_000);

afterAll(async () => {
  if (!haveChromium) return;
  await browser?.close();
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  const redis = new Redis(REDIS_URL);
  await deletePrefix(redis, "t4y-demo");
  await redis.quit();
});

/** A Tor4You client with the demo business's own credentials, to look at what the chat did. */
async function barberApi() {
  const root = emulatorApi.replace(/\/api$/, "");
  const { sites } = (await (await fetch(`${root}/__emulator/sites`)).json()) as {
    sites: Array<{ siteid: string; torkey: string }>;
  };
  return createTor4YouClient({
    baseUrl: emulatorApi,
    site: BARBER,
    auth: { kind: "torkey", torkey: sites.find((s) => s.siteid === BARBER)!.torkey },
    logger: pino({ level: "silent" }),
  });
}

async function open(lang: string, persona: string) {
  const page = await browser.newPage();
  await page.goto(`${base}/?lang=${lang}`);
  await page.selectOption('[data-testid="business"]', BARBER);
  await page.selectOption('[data-testid="persona"]', persona);
  await botSaid(page, 2); // the greeting and the menu
  await page.waitForTimeout(200); // nothing more arrives for the chat just left
  return page;
}
const bots = (page: Page) => page.locator('[data-testid="bot"]');
/** Waits until the bot has said at least `n` things in this chat. */
const botSaid = (page: Page, n: number) =>
  page.waitForFunction((k) => document.querySelectorAll('[data-testid="bot"]').length >= k, n, {
    timeout: 10_000,
  });
/**
 * Does something and waits for the bot's whole answer: one message or several (a booking's
 * confirmation is followed by its calendar file), until nothing more arrives for 400 ms.
 */
async function turn(page: Page, act: () => Promise<void>) {
  const before = await bots(page).count();
  await act();
  await botSaid(page, before + 1);
  let count = await bots(page).count();
  for (;;) {
    await page.waitForTimeout(400);
    const now = await bots(page).count();
    if (now === count) break;
    count = now;
  }
  const said = await bots(page).allInnerTexts();
  // Fluent's bidi isolation marks are right for screens and noise for assertions.
  return said
    .slice(before)
    .join("\n")
    .replace(/[\u2068\u2069]/g, "")
    .trim();
}
/** The latest bot message that offers buttons (a calendar link may follow it). */
const withButtons = (page: Page) =>
  bots(page)
    .filter({ has: page.getByRole("button") })
    .last();
const click = (page: Page, label: string | RegExp) => () =>
  withButtons(page).getByRole("button", { name: label }).first().click();
const clickFirst = (page: Page) => () => withButtons(page).getByRole("button").first().click();
const type = (page: Page, text: string) => async () => {
  await page.fill('[data-testid="text"]', text);
  await page.click('[data-testid="send"]');
};

describe.skipIf(!haveChromium)("the demo web chat in a real browser", () => {
  it("`start` without credentials prints the demo lines and serves the web chat within 15 seconds", () => {
    expect(output).toMatch(/^tor4you-bot DEMO: no Tor4You credentials/);
    expect(output).toMatch(/to run for real, set TOR4YOU_TORKEY/);
    expect(output).toContain(`web chat: ${base}/`);
    expect(output).toContain(`admin: ${base}/admin`);
    expect(startedInMs).toBeLessThan(15_000);
    console.log(`web chat served ${startedInMs} ms after start`);
  });

  it("books an appointment through the web chat, and it is in the emulator", async () => {
    const page = await open("en", NEW_CUSTOMER);
    expect(await turn(page, type(page, "book"))).toMatch(/Which service/);
    await turn(page, click(page, "תספורת גברים"));
    await turn(page, click(page, "סניף מרכז"));
    await turn(page, click(page, "יוסי כהן"));
    await turn(page, clickFirst(page)); // the first day with free times
    expect(await turn(page, clickFirst(page))).toMatch(/full name/);
    expect(await turn(page, type(page, "Dana Levi"))).toMatch(/תספורת גברים with יוסי כהן/);
    const booked = await turn(page, click(page, "Yes, book it"));
    expect(booked).toMatch(/You're booked/);
    expect(booked).toMatch(/calendar/i); // the .ics download follows the confirmation
    await page.screenshot({ path: join(ARTIFACTS, "webchat-booked.png"), fullPage: true });

    const mine = await (await barberApi()).apptbycellortz({ cell: NEW_CUSTOMER, showFuture: true });
    expect(mine.filter((a) => a.status === "live")).toHaveLength(1);
    expect(mine[0]).toMatchObject({ staffId: "201", customer: { first: "Dana", last: "Levi" } });
    await page.close();
  });

  it("a reminder sent from the page is answered there, and Tor4You has iscoming=1", async () => {
    const page = await open("en", DAVID);
    const reminder = await turn(page, () => page.click('[data-testid="remind"]'));
    expect(reminder).toMatch(/Reminder from מספרת הדקל/);
    expect(await turn(page, click(page, "Yes, I'm coming"))).toMatch(/noted that you're coming/);
    await page.screenshot({ path: join(ARTIFACTS, "webchat-reminder.png"), fullPage: true });
    const api = await barberApi();
    const next = (await api.apptbycellortz({ cell: DAVID, showFuture: true }))
      .filter((a) => a.status === "live")
      .sort((a, b) => a.start.toMillis() - b.start.toMillis())[0]!;
    expect((await api.apptinfo({ apptId: next.id })).iscoming).toBe(1);
    await page.close();
  });

  it("the Hebrew page reads right to left, and so do the bot's messages", async () => {
    const page = await open("he", DAVID);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.locator("h1").innerText()).toMatch(/העוזר של Tor4You/);
    const direction = await bots(page)
      .last()
      .evaluate((el) => getComputedStyle(el).direction);
    expect(direction).toBe("rtl");
    expect(await bots(page).last().innerText()).toMatch(/[א-ת]/);
    await page.screenshot({ path: join(ARTIFACTS, "webchat-hebrew.png"), fullPage: true });
    await page.close();
  });
});
