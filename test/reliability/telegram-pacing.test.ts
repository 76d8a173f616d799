import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createTelegramChannel, TELEGRAM_PER_SECOND } from "../../src/channels/telegram/telegram-channel.ts";
import type { OutboundMessage } from "../../src/core/messages.ts";
import { createTranslator, LOCALES_DIR } from "../../src/i18n/translator.ts";
import { createKeys } from "../../src/storage/keys.ts";
import { createSendPacing } from "../../src/storage/send-pacing.ts";
import { TEST_APP_SECRET } from "../support/app-secret.ts";
import { fakeBotInfo, startFakeBotApi } from "../support/fake-bot-api.ts";
import { deletePrefix } from "../support/redis-prefix.ts";
import { connectTestRedis } from "../support/test-redis.ts";

const redis = connectTestRedis();
const prefix = `test-pacing-${randomBytes(4).toString("hex")}`;
const keys = createKeys(prefix, TEST_APP_SECRET);
afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

/** Most messages accepted in any one second. */
function busiestSecond(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + 1000) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

describe("a bot's sends, paced through Redis", () => {
  const fakes: Array<Awaited<ReturnType<typeof startFakeBotApi>>> = [];
  afterAll(() => Promise.all(fakes.map((f) => f.close())));

  /** Telegram as it behaves (beyond 30 messages a second, texts and files alike: 429), and `n` processes' channels of one bot. */
  async function bot(site: string, n: number) {
    const botApi = await startFakeBotApi({ perSecond: 30 });
    fakes.push(botApi);
    const pacing = createSendPacing(redis, keys, { perSecond: TELEGRAM_PER_SECOND });
    const channels = Array.from({ length: n }, () =>
      createTelegramChannel({
        site,
        token: "123456:AApacedpacedpacedpacedpacedpaced",
        apiRoot: botApi.url,
        engine: { handle: async () => [] },
        translator: createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" }),
        markUnreachable: async () => {},
        logger: pino({ level: "silent" }),
        botInfo: fakeBotInfo(1, "paced_bot"),
        pacing: pacing.forSite(site),
      }),
    );
    return { botApi, channels };
  }

  it("an answer to a customer goes at once while reminders are paced, and the bot stays within its limit", async () => {
    const { botApi, channels } = await bot("pace5", 1);
    const channel = channels[0]!;
    const reminders = Promise.all(
      Array.from({ length: 10 }, async (_, w) => {
        for (let i = w; i < 60; i += 10)
          await channel.send(String(600_000 + i), [{ type: "text", text: `Reminder ${i}` }]);
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    const asked = Date.now();
    await channel.send("699999", [{ type: "text", text: "Your appointments: Tuesday 25.11 at 14:30" }], {
      answer: true,
    });
    const answeredIn = Date.now() - asked;
    await reminders;
    // Behind ~45 queued reminders the answer would wait 1.5 s; it does not wait for them at all.
    expect(answeredIn).toBeLessThan(200);
    expect(botApi.perChat.size).toBe(61);
    expect(botApi.tooMany()).toBe(0);
    expect(busiestSecond(botApi.sends)).toBeLessThanOrEqual(30);
  }, 30_000);

  it("two processes sending for the same bot stay within Telegram's 30 a second together: no 429, each reminder once", async () => {
    // One channel per process, as two worker processes of one deployment would have.
    const { botApi, channels } = await bot("pace1", 2);
    // A reminder is two messages: its text and its calendar file.
    const reminder = (i: number): OutboundMessage[] => [
      { type: "text", text: `Reminder ${i}: tomorrow at 10:00 at Dana's` },
      {
        type: "file",
        text: "Add to calendar",
        fileName: "appointment.ics",
        mime: "text/calendar",
        content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR",
      },
    ];
    const started = Date.now();
    // Ten sends in flight per process, like the outbound worker's concurrency.
    await Promise.all(
      channels.map(async (channel, c) => {
        const todo = Array.from({ length: 40 }, (_, k) => c * 1000 + k);
        await Promise.all(
          Array.from({ length: 10 }, async () => {
            for (let i = todo.shift(); i !== undefined; i = todo.shift())
              await channel.send(String(500_000 + i), reminder(i));
          }),
        );
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(botApi.tooMany()).toBe(0);
    expect(botApi.perChat.size).toBe(80);
    expect([...botApi.perChat.values()].every((n) => n === 1)).toBe(true);
    expect(botApi.sends).toHaveLength(160);
    expect(busiestSecond(botApi.sends)).toBeLessThanOrEqual(30);
    console.log(
      `telegram pacing: 80 reminders = 160 messages from 2 processes in ${seconds.toFixed(1)} s ` +
        `(${(160 / seconds).toFixed(1)}/s), busiest second ${busiestSecond(botApi.sends)}, 0 × 429`,
    );
  }, 30_000);
});

describe("the pacing store", () => {
  it("spaces turns by the rate, holds them for a 429's retry_after, and moves them back after a late send", async () => {
    const pacing = createSendPacing(redis, keys, { perSecond: 20 });
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await pacing.reserve("pace2"));
    // 50 ms apart (give or take the round trips between the calls).
    expect(waits[0]).toBeLessThanOrEqual(1);
    expect(waits[3]).toBeGreaterThanOrEqual(140);
    expect(waits[3]).toBeLessThanOrEqual(151);

    await pacing.hold("pace3", 1_000);
    expect(await pacing.reserve("pace3")).toBeGreaterThanOrEqual(990);

    await pacing.reserve("pace4");
    await pacing.late("pace4", 300);
    // One gap plus the 300 ms the late send pushed it.
    expect(await pacing.reserve("pace4")).toBeGreaterThanOrEqual(340);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => createSendPacing(redis, keys, { perSecond: 0 })).toThrow(/perSecond/);
  });
});
