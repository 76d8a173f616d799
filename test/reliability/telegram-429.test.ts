import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";
import { waitFor } from "../integration/reminders/pipeline-world.ts";
import { startDemoApp } from "../support/demo-app.ts";
import { startFakeBotApi } from "../support/fake-bot-api.ts";
import { telegramOutbound } from "../support/telegram-outbound-world.ts";

const N = 60;
const PER_SECOND = 20;
const TOKEN = "123456:AAthrottledthrottledthrottled";
let demo: Awaited<ReturnType<typeof startDemoApp>>;
let botApi: Awaited<ReturnType<typeof startFakeBotApi>>;

beforeAll(async () => {
  demo = await startDemoApp();
  // Telegram as it behaves under load: beyond PER_SECOND a second, 429 with retry_after.
  botApi = await startFakeBotApi({ perSecond: PER_SECOND });
});
afterAll(async () => {
  await botApi.close();
  await demo.stop();
});

it(`Telegram's 429 with retry_after is waited out: ${N} messages at once, each delivered exactly once`, async () => {
  const { background } = telegramOutbound(demo, TOKEN, botApi.url);
  background.jobs.startWorkers(["telegram-outbound"]);
  const started = Date.now();
  for (let i = 0; i < N; i++) {
    const outboxId = await demo.app.outbox.put(DEMO_BARBER_SITEID, "telegram", {
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
  await waitFor(() => botApi.perChat.size === N, 30_000);
  const ms = Date.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  await background.jobs.close();
  const twice = [...botApi.perChat.values()].filter((n) => n > 1).length;
  console.log(
    `telegram 429: ${N} messages in ${ms} ms at ${PER_SECOND}/s, ${botApi.tooMany()} answered 429, ${twice} twice`,
  );
  expect(botApi.tooMany()).toBeGreaterThan(0); // the test really pushed past the limit
  expect(twice).toBe(0);
  expect(botApi.perChat.size).toBe(N);
  expect(await background.jobs.queues.telegram.getFailedCount()).toBe(0);
}, 60_000);
