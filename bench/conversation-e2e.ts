/**
 * Issue 16 goal: end to end, a customer's turn costs no more with ours than with a plain grammY +
 * @grammyjs/conversations bot (≤ 1.0× the baseline's p50 and CPU per turn). Each bot runs in its
 * own process as deployed (ours: the production HTTP server and the Telegram channel's webhook
 * route; the baseline: grammY's webhookCallback on node:http with Redis sessions), and this process
 * plays Telegram: it POSTs each update to the bot's webhook (keep-alive, with the secret token) and
 * answers the bot's Bot API calls over HTTP, and it runs the emulator. A turn is timed from the
 * POST until the webhook's answer, which both bots give after their last Bot API call of the turn.
 * The scripted ten-update conversation (my appointments, own contact, booking to "Yes, book it")
 * runs for new users at concurrency 1 and 50, the two bots alternating in blocks on the same Redis,
 * emulator and machine. CPU per turn is the bot process's own (process.cpuUsage over the blocks).
 *
 *   npx tsx bench/conversation-e2e.ts   (REDIS_URL; ROUNDS_1=20 conversations at 1, ROUNDS_50=2 blocks of 50)
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { demoSiteDefaults } from "../src/config/load.ts";
import { createEmulator } from "../src/emulator/emulator.ts";
import { DEMO_BARBER_SITEID } from "../src/emulator/seed-demo.ts";
import { sitesFromEmulator } from "../src/roles/demo.ts";
import { deleteKeysUnder } from "../src/storage/prefix-cleanup.ts";
import { fakeBotInfo } from "../test/support/fake-bot-api.ts";
import { conversationSteps, fakeTelegram, T0 } from "./conversation-bots.ts";
import type { BotConfig } from "./conversation-e2e-bot.ts";

const ROUNDS_1 = Number(process.env.ROUNDS_1 ?? 20);
const ROUNDS_50 = Number(process.env.ROUNDS_50 ?? 2);
const WARMUP = Number(process.env.WARMUP ?? 3);
const SECRET = "bench-e2e-secret-token-0001";

interface BotStats {
  cpuMs: number;
  redisCommands: number;
  tor4you: number;
  errors: number;
}

/** The text fields of a multipart body (the file parts are left out: nothing reads them). */
function formFields(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of body.matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g))
    fields[m[1]!] = Buffer.from(m[2]!, "latin1").toString();
  return fields;
}

/** The Bot API over HTTP, one fake Telegram per token; counts every call per bot. */
async function startBotApi(tokens: Record<string, ReturnType<typeof fakeTelegram>>) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (d: Buffer) => chunks.push(d));
    req.on("end", async () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
      const telegram = m && tokens[m[1]!];
      if (!telegram) return res.writeHead(404).end();
      const body = Buffer.concat(chunks);
      const type = req.headers["content-type"] ?? "";
      // A file (the booking's calendar download) comes as multipart form data, the rest as JSON.
      const payload: Record<string, unknown> = type.startsWith("multipart/")
        ? formFields(body.toString("latin1"))
        : body.length
          ? (JSON.parse(body.toString()) as Record<string, unknown>)
          : {};
      if (process.env.DEBUG_BOTAPI)
        console.error(
          "BOTAPI",
          m![1]!.slice(0, 6),
          m![2],
          String(payload.text ?? "")
            .slice(0, 60)
            .replace(/\n/g, " "),
        );
      const answer = await (
        telegram.transformer as unknown as (p: unknown, m: string, x: unknown) => unknown
      )(null, m![2]!, payload);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(answer));
    });
  });
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

function startBot(config: BotConfig): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(import.meta.dirname, "conversation-e2e-bot.ts"), {
    // CPU_PROF=dir: each bot writes a V8 CPU profile there when the benchmark ends.
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CPU_PROF}`] : []),
    ],
    env: { ...process.env, E2E_BOT: JSON.stringify(config) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once("exit", (code) => reject(new Error(`${config.role} bot exited (${code})`)));
  });
}

const statsOf = (child: ChildProcess) =>
  new Promise<BotStats>((resolve) => {
    child.once("message", (m) => resolve(m as BotStats));
    child.send("stats");
  });

function percentile(ms: number[], q: number) {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function main() {
  const loadStart = loadavg()[0]!.toFixed(1);
  const prefix = `bench-${randomBytes(6).toString("hex")}`;
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const emulator = createEmulator({ start: T0, frozen: true, limits: { perMinute: 1e6, perDay: 1e7 } });
  const apiUrl = await emulator.listen(0, "127.0.0.1");
  const sites = sitesFromEmulator(emulator, apiUrl, demoSiteDefaults({ CANCEL_CUTOFF: "3h" })).map((s) => ({
    ...s,
    tor4you: { ...s.tor4you, ratePerMinute: 1e6, ratePerDay: 1e7 },
  }));
  const site = sites.find((s) => s.id === DEMO_BARBER_SITEID)!;
  const tokens = { ours: "600001:e2e-ours", baseline: "777001:e2e-baseline" };
  const fakes = {
    ours: fakeTelegram(fakeBotInfo(600_001, "bench_ours_bot")),
    baseline: fakeTelegram(fakeBotInfo(777_001, "bench_baseline_bot")),
  };
  const botApi = await startBotApi({ [tokens.ours]: fakes.ours, [tokens.baseline]: fakes.baseline });
  const children: ChildProcess[] = [];
  // Should this process die on an error, its bots go with it instead of lingering.
  process.once("exit", () => {
    for (const c of children) c.kill("SIGKILL");
  });
  // Keep-alive connections to the webhooks, as Telegram's own delivery keeps them.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const common = { site, sites, botApiRoot: botApi.url, secret: SECRET, prefix, t0: T0.toISO()! };
    const sides = {} as Record<"ours" | "baseline", { url: string; child: ChildProcess }>;
    for (const role of ["ours", "baseline"] as const) {
      const { child, port } = await startBot({ ...common, role, token: tokens[role] });
      children.push(child);
      sides[role] = { url: `http://127.0.0.1:${port}/${role === "ours" ? "webhooks/telegram" : ""}`, child };
    }

    let nextUpdateId = 1;
    let nextUserId = 800_000;
    let nextCell = 0;
    const post = (url: string, update: Update) =>
      new Promise<void>((resolve, reject) => {
        const body = JSON.stringify(update);
        const req = request(
          url,
          {
            method: "POST",
            agent,
            headers: {
              "content-type": "application/json",
              "content-length": Buffer.byteLength(body),
              "x-telegram-bot-api-secret-token": SECRET,
            },
          },
          (res) => {
            res.resume();
            res.on("end", () =>
              res.statusCode === 200 ? resolve() : reject(new Error(`webhook answered ${res.statusCode}`)),
            );
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    /** One user's whole conversation; each turn's time goes to `ms`. */
    async function conversation(role: "ours" | "baseline", ms: number[] | null, nth = 0) {
      const userId = nextUserId++;
      const steps = conversationSteps({
        side: role,
        userId,
        cell: `05097${String(nextCell++).padStart(5, "0")}`,
        nextUpdateId: () => nextUpdateId++,
        lastKeyboard: fakes[role].lastKeyboard,
        nth,
      });
      try {
        for (const step of steps) {
          const update = step();
          if (process.env.DEBUG_BOTAPI) console.error("UPDATE", role, JSON.stringify(update).slice(0, 100));
          const t = performance.now();
          await post(sides[role].url, update);
          ms?.push(performance.now() - t);
        }
        if (!/booked/i.test(fakes[role].lastSent(userId)?.text ?? "")) throw new Error("not booked");
        return true;
      } catch (e) {
        // A conversation that went another way (a Tor4You timeout under load, a slot taken) is
        // counted, and its turns so far stay in the figures.
        if (process.env.DEBUG_E2E)
          console.error(role, (e as Error).message, fakes[role].lastSent(userId)?.text);
        return false;
      }
    }

    // Both bots book on the same business: each block's bookings are cancelled after it, so every
    // block finds the same free times and concurrent users (who pick apart) do not collide.
    const seeded = new Set(emulator.site(site.id).appointments.keys());
    const freeBooked = () => {
      const s = emulator.site(site.id);
      for (const a of s.appointments.values())
        if (!seeded.has(a.id) && a.status === "1") emulator.bookings.cancel(s, a, "bench");
    };
    const totals = () => ({ ours: fakes.ours.calls(), baseline: fakes.baseline.calls() });
    for (let i = 0; i < WARMUP; i++)
      for (const role of ["ours", "baseline"] as const) {
        await conversation(role, null);
        freeBooked();
      }

    const rows: string[] = [];
    const figures: Record<string, Record<string, number>> = {};
    for (const [concurrency, blocks] of [
      [1, ROUNDS_1],
      [50, ROUNDS_50],
    ] as const) {
      const acc = {
        ours: { ms: [] as number[], wallMs: 0, cpuMs: 0, redis: 0, t4y: 0, tg: 0, errors: 0, failed: 0 },
        baseline: { ms: [] as number[], wallMs: 0, cpuMs: 0, redis: 0, t4y: 0, tg: 0, errors: 0, failed: 0 },
      };
      for (let b = 0; b < blocks; b++) {
        const order = b % 2 ? (["baseline", "ours"] as const) : (["ours", "baseline"] as const);
        for (const role of order) {
          const before = await statsOf(sides[role].child);
          const tgBefore = totals()[role];
          const t = performance.now();
          const done = await Promise.all(
            Array.from({ length: concurrency }, (_, i) => conversation(role, acc[role].ms, i)),
          );
          acc[role].failed += done.filter((ok) => !ok).length;
          acc[role].wallMs += performance.now() - t;
          const after = await statsOf(sides[role].child);
          acc[role].cpuMs += after.cpuMs - before.cpuMs;
          acc[role].redis += after.redisCommands - before.redisCommands;
          acc[role].t4y += after.tor4you - before.tor4you;
          acc[role].errors += after.errors - before.errors;
          acc[role].tg += totals()[role] - tgBefore;
          freeBooked();
        }
      }
      const f = (role: "ours" | "baseline") => {
        const a = acc[role];
        const turns = a.ms.length;
        return {
          p50: percentile(a.ms, 0.5),
          p99: percentile(a.ms, 0.99),
          perSecond: (turns / a.wallMs) * 1000,
          cpu: a.cpuMs / turns,
          redis: a.redis / turns,
          t4y: a.t4y / turns,
          tg: a.tg / turns,
          errors: a.errors,
          failed: a.failed,
          turns,
        };
      };
      const o = f("ours");
      const b = f("baseline");
      figures[`c${concurrency}`] = { p50: o.p50 / b.p50, cpu: o.cpu / b.cpu };
      const side = (x: ReturnType<typeof f>) =>
        `${x.turns} turns, p50 ${x.p50.toFixed(2)} ms p99 ${x.p99.toFixed(2)} ms ${x.perSecond.toFixed(0)} turns/s CPU ${x.cpu.toFixed(2)} ms/turn, ` +
        `per turn ${x.redis.toFixed(1)} Redis commands ${x.tg.toFixed(2)} Bot API ${x.t4y.toFixed(2)} Tor4You calls, ${x.errors} errors, ${x.failed} conversations not booked`;
      rows.push(
        `concurrency ${concurrency}: ours ${side(o)}; grammY+conversations ${side(b)}; ` +
          `ours/baseline p50 ${(o.p50 / b.p50).toFixed(2)}× CPU ${(o.cpu / b.cpu).toFixed(2)}× turns/s ${(o.perSecond / b.perSecond).toFixed(2)}×`,
      );
    }
    const ok = Object.values(figures).every((x) => x.p50! <= 1 && x.cpu! <= 1);
    const machine = `${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version}`;
    for (const row of rows) {
      // The machine may be shared: its load beside the figures says how far to trust them.
      const load = `load average ${loadStart} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
      const line = `${row} (goal p50 and CPU ≤ 1.0×: ${ok ? "OK" : "MISSED"}; booking conversation over HTTP webhooks, keep-alive; ${load})`;
      console.log(`conversation e2e: ${line}`);
      appendFileSync(
        join(import.meta.dirname, "RESULTS.md"),
        `| ${new Date().toISOString().slice(0, 16)} | conversation-e2e | ${line} | ${machine} |\n`,
      );
    }
  } finally {
    // Disconnected, a bot exits on its own (writing its profile); one that does not is killed.
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => {
              c.kill("SIGKILL");
              resolve();
            }, 5_000);
            c.once("exit", () => {
              clearTimeout(kill);
              resolve();
            });
            if (c.connected) c.disconnect();
          }),
      ),
    );
    agent.destroy();
    await botApi.close();
    await emulator.close();
    await deleteKeysUnder(redis, prefix);
    await redis.quit();
  }
}

await main();
