import { describe, expect, it } from "vitest";
import { type BotPacing, countedSends, pacedSends } from "../../../../src/channels/telegram/paced-sends.ts";

type Prev = Parameters<ReturnType<typeof pacedSends>>[0];

/** A bot's pacing that gives every turn at once and records what it is told. */
function recordingPacing(opts: { lateFails?: boolean } = {}) {
  const told = { reserved: [] as number[], late: [] as number[], held: [] as number[] };
  const pacing: BotPacing = {
    reserve: async (turns = 1) => {
      told.reserved.push(turns);
      return 0;
    },
    late: async (ms) => {
      told.late.push(ms);
      if (opts.lateFails) throw new Error("Redis is gone");
    },
    hold: async (ms) => {
      told.held.push(ms);
    },
  };
  return { pacing, told };
}

/** Telegram answering each send after the given delay (ms). */
function telegramTaking(delays: number[]): Prev {
  let n = 0;
  return (async () => {
    await new Promise((r) => setTimeout(r, delays[n++] ?? 0));
    return { ok: true, result: { message_id: n } };
  }) as unknown as Prev;
}

const text = { chat_id: 1, text: "Reminder: tomorrow at 10:00" };

describe("paced sends", () => {
  it("a send whose round trip was much slower than the bot's quickest moves the later turns back", async () => {
    const { pacing, told } = recordingPacing();
    const send = pacedSends(pacing);
    const prev = telegramTaking([2, 2, 2, 80, 2]);
    for (let i = 0; i < 5; i++) await send(prev, "sendMessage", text as never);
    // Only the slow one: it may have reached Telegram ~78 ms after its turn, beyond the 10 ms slack
    // (a busy test machine may make a quick one a little late too: those move the turns a little).
    const big = told.late.filter((ms) => ms >= 50);
    expect(big).toHaveLength(1);
    expect(big[0]).toBeLessThan(120);
  });

  it("one delay that held up several sends at once moves the turns once, not once for each", async () => {
    const { pacing, told } = recordingPacing();
    const send = pacedSends(pacing);
    await send(telegramTaking([2]), "sendMessage", text as never);
    await send(telegramTaking([2]), "sendMessage", text as never);
    // Five sends in flight (the outbound concurrency), all caught by the same 80 ms stall.
    await Promise.all(
      Array.from({ length: 5 }, () => send(telegramTaking([80]), "sendMessage", text as never)),
    );
    expect(told.late.filter((ms) => ms >= 50)).toHaveLength(1);
    // A send whose turn was given after that move is measured afresh: late again, it moves them again.
    await new Promise((r) => setTimeout(r, 5));
    await send(telegramTaking([80]), "sendMessage", text as never);
    expect(told.late.filter((ms) => ms >= 50)).toHaveLength(2);
  });

  it("a calendar file that always takes longer than a text is not read as late", async () => {
    const { pacing, told } = recordingPacing();
    const send = pacedSends(pacing);
    const texts = telegramTaking([2, 2, 2]);
    const files = telegramTaking([40, 40, 40]);
    for (let i = 0; i < 3; i++) {
      await send(texts, "sendMessage", text as never);
      await send(files, "sendDocument", { chat_id: 1 } as never);
    }
    // The first file sets its own method's quickest: its 40 ms upload is not read as lateness.
    expect(told.late.filter((ms) => ms >= 25)).toEqual([]);
  });

  it("a failure to note a late send after it went out does not fail the send (it would go twice)", async () => {
    const { pacing, told } = recordingPacing({ lateFails: true });
    const send = pacedSends(pacing);
    const prev = telegramTaking([2, 60]);
    await send(prev, "sendMessage", text as never);
    const result = await send(prev, "sendMessage", text as never);
    expect(told.late.length).toBeGreaterThanOrEqual(1);
    expect(result.ok).toBe(true);
  });

  it("answers go at once and take their turns together, one count for a burst", async () => {
    const { pacing, told } = recordingPacing();
    const send = countedSends(pacing, 30);
    const prev = telegramTaking([]);
    const started = Date.now();
    for (let i = 0; i < 4; i++) await send(prev, "sendMessage", text as never);
    // A button's answer is not a message: Telegram's limit does not count it.
    await send(prev, "answerCallbackQuery", { callback_query_id: "1" } as never);
    // Sent without waiting for a count (a count every 30 ms; a busy machine may split the burst).
    expect(Date.now() - started).toBeLessThan(200);
    await new Promise((r) => setTimeout(r, 60));
    expect(told.reserved.reduce((a, b) => a + b, 0)).toBe(4);
    expect(told.reserved.length).toBeLessThan(4);
  });
});
