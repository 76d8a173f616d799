/**
 * Issue goal: a conversation turn (Redis state load + step + save, without network) takes under
 * 2 ms at the median. The engine runs as in production (real Redis, real stores, real translator)
 * with the Tor4You calls answered in memory, so only our own processing is timed.
 *
 *   npm run bench -- conversation-turn       (REDIS_URL, default redis://127.0.0.1:6379)
 */

import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { createCatalogCache } from "../src/conversation/catalog.ts";
import { createConversationEngine } from "../src/conversation/engine.ts";
import type { BookingApi } from "../src/conversation/ports.ts";
import { createTranslator, LOCALES_DIR } from "../src/i18n/translator.ts";
import {
  createChatLock,
  createConversationStore,
  createIdentityStore,
  createInboundDedupe,
} from "../src/storage/chat-stores.ts";
import { createKeys } from "../src/storage/keys.ts";
import { createOptOuts } from "../src/storage/opt-outs.ts";
import { TEST_APP_SECRET } from "../test/support/app-secret.ts";

const TURNS = Number(process.env.TURNS ?? 3000);
const zone = "Asia/Jerusalem";
const now = DateTime.fromISO("2026-11-23T10:00", { zone });

/** Just enough of Tor4You for the catalog, answered from memory. */
const api = {
  siteinfo: async () => ({ siteId: "1", name: "Bench", istz: 0, calendarType: "open" as const }),
  services: async () => [{ id: "21", name: "Haircut", durationMinutes: 30, external: true, active: true }],
  staff: async () => [
    { id: "11", name: "Dana", showOrder: 2, isProvider: true, active: true, branchId: "1" },
  ],
  staffservice: async () => [{ staffId: "11", serviceId: "21" }],
  branches: async () => [{ id: "1", name: "Main", active: true }],
} as unknown as BookingApi;

async function main() {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const prefix = `bench-${randomBytes(4).toString("hex")}`;
  const keys = createKeys(prefix, TEST_APP_SECRET);
  const engine = createConversationEngine({
    sites: () => ({
      policy: { id: "bench", name: "Bench", timezone: zone, locale: "en", cancelCutoffMs: 3 * 3_600_000 },
      api,
    }),
    catalog: createCatalogCache(),
    identities: createIdentityStore(redis, keys),
    optOuts: createOptOuts(redis, keys),
    conversations: createConversationStore(redis, keys),
    lock: createChatLock(redis, keys),
    dedupe: createInboundDedupe(redis, keys),
    translator: createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" }),
    now: () => now,
    logger: pino({ level: "silent" }),
  });
  const address = { site: "bench", channel: "telegram" as const, chatId: "1" };
  // Alternate a menu request and a free-text answer that the engine matches against the state.
  const inputs = ["help", "2", "language", "banana"];
  const turn = (i: number) =>
    engine.handle({
      id: `e${i}`,
      address,
      message: { type: "text", text: inputs[Math.abs(i) % inputs.length]! },
    });

  for (let i = 0; i < 300; i++) await turn(-i - 1); // warm-up (JIT, catalog cache, connections)
  const ms: number[] = [];
  for (let i = 0; i < TURNS; i++) {
    const t = process.hrtime.bigint();
    await turn(i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  const result = {
    turns: TURNS,
    p50: p(0.5),
    p99: p(0.99),
    perSecond: 1000 / (ms.reduce((a, b) => a + b, 0) / ms.length),
  };
  console.log(
    `conversation turn: ${TURNS} turns, p50 ${result.p50.toFixed(3)} ms, p99 ${result.p99.toFixed(3)} ms, ` +
      `${result.perSecond.toFixed(0)} turns/s (goal: p50 < 2 ms) ${result.p50 < 2 ? "OK" : "MISSED"}`,
  );
  appendFileSync(
    join(import.meta.dirname, "RESULTS.md"),
    `| ${new Date().toISOString().slice(0, 16)} | conversation-turn | p50 ${result.p50.toFixed(3)} ms, p99 ${result.p99.toFixed(3)} ms, ${result.perSecond.toFixed(0)}/s | ${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version} |\n`,
  );

  for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
    if ((batch as string[]).length) await redis.del(...(batch as string[]));
  }
  await redis.quit();
}

await main();
