import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../../../src/channels/telegram/telegram-channel.ts";
import { createTranslator, LOCALES_DIR } from "../../../../src/i18n/translator.ts";
import { fakeBotInfo, startFakeBotApi } from "../../../support/fake-bot-api.ts";

describe("a pressed button", () => {
  const fakes: Array<Awaited<ReturnType<typeof startFakeBotApi>>> = [];
  afterAll(() => Promise.all(fakes.map((f) => f.close())));

  it("gets its answer without waiting, one after another, for Telegram to take the button's answer and the edit", async () => {
    // Telegram a real distance away: each call takes 150 ms to come back.
    const botApi = await startFakeBotApi({ delayMs: 150 });
    fakes.push(botApi);
    let pressedAt = 0;
    const channel = createTelegramChannel({
      site: "btn1",
      token: "123456:AAbuttonbuttonbuttonbuttonbutton",
      apiRoot: botApi.url,
      engine: {
        handle: async () => {
          return [{ type: "text", text: "Tuesday 25.11 at 14:30: booked." }];
        },
      },
      translator: createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" }),
      markUnreachable: async () => {},
      logger: pino({ level: "silent" }),
      botInfo: fakeBotInfo(1, "button_bot"),
    });
    const message = {
      message_id: 10,
      date: 1,
      chat: { id: 4242, type: "private" as const, first_name: "Noa" },
      text: "Which time suits you?",
      reply_markup: { inline_keyboard: [[{ text: "14:30", callback_data: "slot-1430" }]] },
    };
    pressedAt = Date.now();
    await channel.bot.handleUpdate({
      update_id: 1,
      callback_query: {
        id: "cq-1",
        from: { id: 4242, is_bot: false, first_name: "Noa" },
        chat_instance: "ci",
        message,
        data: "slot-1430",
      },
    });
    const at = (method: string) => botApi.calls.find((c) => c.method === method)?.at ?? Number.NaN;
    // The spinner is answered at once, and the answer follows without waiting for that (150 ms)
    // or for the pressed message's edit (150 ms more): one after the other it came 300 ms late.
    expect(at("answerCallbackQuery") - pressedAt).toBeLessThan(150);
    expect(at("sendMessage") - pressedAt).toBeLessThan(150);
    // The pressed message still shows what was chosen, and the answer arrived.
    expect(botApi.calls.map((c) => c.method).sort()).toEqual(
      ["answerCallbackQuery", "editMessageText", "sendMessage"].sort(),
    );
    expect(botApi.perChat.get("4242")).toBe(1);
  });
});
