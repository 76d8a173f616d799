import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createBackground } from "../../src/background.ts";
import { createTelegramChannel } from "../../src/channels/telegram/telegram-channel.ts";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";
import { createMetrics } from "../../src/http/metrics.ts";
import { waitFor } from "../integration/reminders/pipeline-world.ts";
import { startDemoApp } from "../support/demo-app.ts";

const N = 60;
const PER_SECOND = 20;
const TOKEN = "123456:AAthrottledthrottledthrottled";
let demo: Awaited<ReturnType<typeof startDemoApp>>;
let sink: Server;
const delivered = new Map<string, number>();
let refused = 0;
const sentAt: number[] = [];

beforeAll(async () => {
  demo = await startDemoApp();
  // Telegram as it behaves under load: beyond PER_SECOND a second, 429 with retry_after.
  sink = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (!req.url?.endsWith("/sendMessage")) return res.end(JSON.stringify({ ok: true, result: true }));
      const now = Date.now();
      while (sentAt.length && now - sentAt[0]! >= 1_000) sentAt.shift();
      if (sentAt.length >= PER_SECOND) {
        refused++;
        res.statusCode = 429;
        return res.end(
          JSON.stringify({
            ok: false,
            error_code: 429,
            description: "Too Many Requests: retry after 1",
            parameters: { retry_after: 1 },
          }),
        );
      }
      sentAt.push(now);
      const { chat_id } = JSON.parse(body) as { chat_id: string };
      delivered.set(String(chat_id), (delivered.get(String(chat_id)) ?? 0) + 1);
      res.end(
        JSON.stringify({
          ok: true,
          result: { message_id: 1, date: 1, chat: { id: Number(chat_id), type: "private" } },
        }),
      );
    });
  });
  await new Promise<void>((r) => sink.listen(0, "127.0.0.1", r));
});
afterAll(async () => {
  await new Promise((r) => sink.close(r));
  await demo.stop();
});

it(`Telegram's 429 with retry_after is waited out: ${N} messages at once, each delivered exactly once`, async () => {
  const channel = createTelegramChannel({
    site: DEMO_BARBER_SITEID,
    token: TOKEN,
    apiRoot: `http://127.0.0.1:${(sink.address() as { port: number }).port}`,
    engine: demo.app.engine,
    translator: demo.app.translator,
    markUnreachable: async () => {},
    logger: demo.logger,
  });
  const background = createBackground({
    sites: demo.sites,
    app: demo.app,
    connection: demo.redis,
    logger: demo.logger,
    metrics: createMetrics(),
    telegram: { has: () => true, send: (_site, chatId, messages) => channel.send(chatId, messages) },
  });
  background.jobs.startWorkers(["telegram-outbound"]);
  const started = Date.now();
  for (let i = 0; i < N; i++) {
    const outboxId = await demo.app.outbox.put(DEMO_BARBER_SITEID, {
      chatId: String(10_000 + i),
      messages: [{ type: "text", text: `reminder ${i}` }],
    });
    await background.jobs.queues.telegram.add(
      "send",
      {
        site: DEMO_BARBER_SITEID,
        outboxId,
        ledger: { apptId: String(50_000 + i), offsetMin: 60, start: "202611241000" },
      },
      { jobId: `t429-${randomUUID()}`, attempts: 5, backoff: { type: "exponential", delay: 2_000 } },
    );
  }
  await waitFor(() => delivered.size === N, 30_000);
  const ms = Date.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  await background.jobs.close();
  const twice = [...delivered.values()].filter((n) => n > 1).length;
  console.log(
    `telegram 429: ${N} messages in ${ms} ms at ${PER_SECOND}/s, ${refused} answered 429, ${twice} twice`,
  );
  expect(refused).toBeGreaterThan(0); // the test really pushed past the limit
  expect(twice).toBe(0);
  expect(delivered.size).toBe(N);
  expect(await background.jobs.queues.telegram.getFailedCount()).toBe(0);
}, 60_000);
