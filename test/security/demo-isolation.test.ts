import parsePhoneNumber from "libphonenumber-js/max";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/dispatch.ts";
import { normalizeCell } from "../../src/domain/phone.ts";
import type { Emulator } from "../../src/emulator/emulator.ts";
import { DEMO_NEW_CUSTOMER, demoBusinesses, startDemoBackend } from "../../src/roles/demo.ts";

/**
 * Issue 11 §4: the demo cannot reach real people. A messenger without Tor4You credentials is
 * refused; the demo has no WhatsApp and no bot, its customers' numbers are nobody's, and it
 * listens only on the loopback address unless HOST says otherwise.
 */
// A database of its own: the demo clears the deployment's demo prefix when it starts and stops.
const REDIS_URL = "redis://127.0.0.1:6379/14";
const TOKEN = "700222:AAdemoIsolationTestToken000000000";

/** `tor4you-bot start --role web` in this process with exactly `env`; `stop()` ends it. */
async function start(env: Record<string, string>, args = ["--role", "web"]) {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((r) => {
    stop = r;
  });
  const exit = runCli(["start", ...args], {
    env: { REDIS_URL, PORT: "0", LOG_LEVEL: "silent", ...env },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stopped,
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const code = await Promise.race([exit, new Promise((r) => setTimeout(() => r(undefined), 50))]);
    if (code !== undefined) return { code, out, err, port: 0, stop: async () => {} };
    const port = out.map((l) => /http: http:\/\/[\d.]+:(\d+)\/healthz/.exec(l)?.[1]).find(Boolean);
    if (port)
      return {
        code: undefined,
        out,
        err,
        port: Number(port),
        async stop() {
          stop();
          expect(await exit).toBe(0);
        },
      };
  }
  throw new Error(`start did not come up: ${[...out, ...err].join("\n")}`);
}

/** Whether anything answers on `address`: 127.0.0.2 is loopback too, but not 127.0.0.1. */
const answers = (address: string, port: number) =>
  fetch(`http://${address}:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );

describe("a messenger without Tor4You credentials", () => {
  it.each([
    [{ TELEGRAM_BOT_TOKEN: TOKEN }, "TELEGRAM_BOT_TOKEN is set"],
    [{ WHATSAPP_SESSIONS: "main" }, "WHATSAPP_SESSIONS is set"],
    [
      { TELEGRAM_BOT_TOKEN: TOKEN, WHATSAPP_SESSIONS: "main" },
      "TELEGRAM_BOT_TOKEN and WHATSAPP_SESSIONS are set",
    ],
  ])("%o: start refuses with one line naming what is missing", async (env, named) => {
    const run = await start(env);
    expect(run.code).toBe(1);
    expect(run.out.join("\n")).not.toMatch(/DEMO|http:/); // nothing started, not even the demo
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^start: TOR4YOU_TORKEY: missing: /);
    expect(run.err[0]).toContain(named);
    expect(run.err[0]).toContain("no Tor4You credentials");
  });
});

describe("the demo", () => {
  // What `start` runs with no credentials; even handed a token and sessions (the configuration
  // refuses them before it gets here), its sites must reach nobody. One demo for both tests, so
  // each passes alone and in any order.
  let demo: Awaited<ReturnType<typeof startDemoBackend>>;
  let emulator: Emulator;
  beforeAll(async () => {
    demo = await startDemoBackend(
      { TELEGRAM_BOT_TOKEN: TOKEN, WHATSAPP_SESSIONS: "main" },
      pino({ level: "silent" }),
    );
    emulator = demo.emulator;
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it("has no bot and no WhatsApp session, whatever the environment asks", async () => {
    expect(demo.sites.length).toBeGreaterThan(0);
    for (const site of demo.sites) {
      expect(site.telegram).toBeUndefined();
      expect(site.whatsapp).toBeUndefined();
      expect(site.channels).not.toContain("whatsapp");
    }
  });

  it("has customers whose numbers are in 057, which no operator holds, and the product accepts them", async () => {
    const cells = emulator!
      .sites()
      .flatMap((s) => [...s.customers.values()].flatMap((c) => (c.cell ? [c.cell] : [])));
    const personas = demoBusinesses(emulator!).flatMap((b) => b.personas.map((p) => p.phone));
    expect(cells.length).toBeGreaterThan(10);
    expect(personas).toContain(DEMO_NEW_CUSTOMER);
    for (const cell of [...cells, ...personas]) {
      expect(cell).toMatch(/^057\d{7}$/);
      // Google's numbering plan for Israel: an unassigned range, nobody's phone.
      const parsed = parsePhoneNumber(cell, "IL");
      expect(parsed?.isValid(), cell).toBe(false);
      // The product's own check (Tor4You's shape) still takes it: the demo books with it.
      expect(normalizeCell(cell)).toBe(cell);
    }
    // The control: a real-looking number of the same shape is reported valid.
    expect(parsePhoneNumber("0527654321", "IL")?.isValid()).toBe(true);
  });

  it("cannot run a WhatsApp session: `start --role whatsapp` is refused with one line", async () => {
    const run = await start({}, ["--role", "whatsapp", "--session", "main"]);
    expect(run.code).toBe(1);
    expect(run.err).toEqual(['start: --session: "main" is not in WHATSAPP_SESSIONS or the sites file']);
  });

  it("listens on 127.0.0.1 only; HOST=0.0.0.0 opens it to other addresses", async () => {
    const local = await start({});
    try {
      expect(local.out.join("\n")).toMatch(/DEMO/);
      expect(await answers("127.0.0.1", local.port)).toBe(true);
      expect(await answers("127.0.0.2", local.port)).toBe(false);
    } finally {
      await local.stop();
    }
    const open = await start({ HOST: "0.0.0.0" });
    try {
      expect(await answers("127.0.0.2", open.port)).toBe(true);
    } finally {
      await open.stop();
    }
  }, 60_000);
});
