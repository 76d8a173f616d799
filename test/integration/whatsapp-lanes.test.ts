import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { startWhatsAppOutbound, whatsappOutboundProducer } from "../../jobs/whatsapp-outbound.ts";
import type { WaOutgoing } from "../../src/channels/whatsapp/render.ts";
import type { OutboundMessage } from "../../src/core/messages.ts";
import { createOutbox } from "../../src/storage/outbox.ts";
import { createReminderLedger } from "../../src/storage/reminder-ledger.ts";
import { useRedisPrefix } from "../support/redis-prefix.ts";
import { connectTestRedis } from "../support/test-redis.ts";

const { fresh } = useRedisPrefix();
const bull = connectTestRedis({ maxRetriesPerRequest: null });
afterAll(async () => {
  await bull.quit();
});

describe("a WhatsApp session's two lanes, at the product's own pacing", () => {
  it("an answer to a customer who just wrote goes out within seconds while reminders keep 2-4 s apart", async () => {
    const keys = fresh();
    const outbox = createOutbox(bull, keys);
    const sent: Array<{ chatId: string; text: string; at: number }> = [];
    const session = {
      name: "lanes",
      whenReady: async () => {},
      send: async (chatId: string, item: WaOutgoing) => {
        sent.push({ chatId, text: typeof item === "string" ? item : item.caption, at: Date.now() });
      },
    };
    const outbound = startWhatsAppOutbound({
      connection: bull,
      prefix: keys.prefix,
      session,
      render: (m: OutboundMessage[]) => m.map((x) => x.text),
      ledger: createReminderLedger(bull, keys),
      outbox,
      logger: pino({ level: "silent" }),
    });
    const producer = whatsappOutboundProducer(bull, keys.prefix, outbox);
    try {
      const texts = (who: string, n: number): OutboundMessage[] =>
        Array.from({ length: n }, (_, i) => ({ type: "text", text: `${who} ${i + 1}` }));
      // Three reminders to three other customers are waiting when a customer writes.
      for (const n of [1, 2, 3])
        await producer.enqueue("lanes", {
          site: "s",
          chatId: `reminded-${n}@c.us`,
          messages: texts("reminder", 1),
        });
      const wrote = Date.now();
      await producer.reply("lanes", { site: "s", chatId: "asked@c.us", messages: texts("answer", 5) });
      const deadline = Date.now() + 20_000;
      while (sent.length < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const answer = sent.filter((m) => m.chatId === "asked@c.us");
      const reminders = sent.filter((m) => m.chatId !== "asked@c.us");
      expect(answer.map((m) => m.text)).toEqual(["answer 1", "answer 2", "answer 3", "answer 4", "answer 5"]);
      expect(reminders).toHaveLength(3);
      // The five-message answer is whole within a few seconds (on the shared queue: 10-20 s).
      expect(answer.at(-1)!.at - wrote).toBeLessThan(4_000);
      expect(answer.at(-1)!.at).toBeLessThan(reminders.at(-1)!.at);
      // The unsolicited lane keeps its pace: at least 2 s between its sends.
      for (let i = 1; i < reminders.length; i++)
        expect(reminders[i]!.at - reminders[i - 1]!.at).toBeGreaterThanOrEqual(1_990);
    } finally {
      await outbound.close();
      await producer.close();
    }
  }, 30_000);
});
