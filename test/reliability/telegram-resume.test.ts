import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";
import { waitFor } from "../integration/reminders/pipeline-world.ts";
import { startDemoApp } from "../support/demo-app.ts";
import { startFakeBotApi } from "../support/fake-bot-api.ts";
import { telegramOutbound } from "../support/telegram-outbound-world.ts";

const TOKEN = "123456:AAresumeresumeresumeresumeresume";
let demo: Awaited<ReturnType<typeof startDemoApp>>;
let botApi: Awaited<ReturnType<typeof startFakeBotApi>>;

beforeAll(async () => {
  demo = await startDemoApp();
  botApi = await startFakeBotApi();
});
afterAll(async () => {
  await botApi.close();
  await demo.stop();
});

it("a send of several messages refused part way goes on from the refused one when retried: none twice", async () => {
  const { background } = telegramOutbound(demo, TOKEN, botApi.url);
  const chatId = String(70_000 + Math.floor(Math.random() * 10_000));
  // A staff digest: three messages in one job. Telegram refuses the third, once.
  let refused = 0;
  botApi.refuseWhile((method, body) => {
    if (method !== "sendMessage" || String(body.chat_id) !== chatId || body.text !== "no-shows") return false;
    return refused++ === 0;
  });
  const outboxId = await demo.app.outbox.put(DEMO_BARBER_SITEID, "telegram", {
    chatId,
    messages: [
      { type: "text", text: "tomorrow" },
      { type: "text", text: "confirmations" },
      { type: "text", text: "no-shows" },
    ],
  });
  background.jobs.startWorkers(["telegram-outbound"]);
  await background.jobs.queues.telegram.add(
    "send",
    { site: DEMO_BARBER_SITEID, outboxId },
    { jobId: `resume-${randomUUID()}`, attempts: 3, backoff: { type: "fixed", delay: 200 } },
  );
  await waitFor(() => (botApi.texts.get(chatId) ?? []).length >= 3, 15_000);
  await new Promise((r) => setTimeout(r, 300));
  await background.jobs.close();
  botApi.refuseWhile(null);
  expect(refused).toBeGreaterThanOrEqual(2); // refused once, then let through
  expect(botApi.texts.get(chatId)).toEqual(["tomorrow", "confirmations", "no-shows"]);
}, 30_000);
