import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { mapUpdate } from "../../../../src/channels/telegram/map-update.ts";
import { keyboardRows, render, TEXT_LIMIT } from "../../../../src/channels/telegram/render.ts";

const from = { id: 7, is_bot: false, first_name: "Dana", last_name: "Levi", language_code: "ru" };
const msg = (extra: Record<string, unknown>, chatType = "private") =>
  ({
    update_id: 1,
    message: { message_id: 3, date: 1, chat: { id: 7, type: chatType }, from, ...extra },
  }) as unknown as Update;

describe("mapUpdate", () => {
  it("maps text, commands (with payload and @bot suffix) and the sender's language", () => {
    expect(mapUpdate("s", msg({ text: "שלום" }))).toMatchObject({
      id: "tg-1",
      address: { site: "s", channel: "telegram", chatId: "7" },
      message: { type: "text", text: "שלום" },
      languageHint: "ru",
      senderName: { first: "Dana", last: "Levi" },
    });
    expect(mapUpdate("s", msg({ text: "/start 318001" }))?.message).toEqual({
      type: "command",
      name: "start",
      payload: "318001",
    });
    expect(mapUpdate("s", msg({ text: "/book@demo_bot" }))?.message).toEqual({
      type: "command",
      name: "book",
      payload: undefined,
    });
    expect(mapUpdate("s", msg({ text: "/unknown" }))?.message).toEqual({ type: "text", text: "/unknown" });
  });

  it("calls a contact own only when it is the sender's and not forwarded", () => {
    const contact = { phone_number: "+972525551234", first_name: "Dana", user_id: 7 };
    expect(mapUpdate("s", msg({ contact }))?.message).toMatchObject({
      type: "contact",
      own: true,
      phone: "+972525551234",
    });
    expect(mapUpdate("s", msg({ contact: { ...contact, user_id: 8 } }))?.message).toMatchObject({
      own: false,
    });
    expect(mapUpdate("s", msg({ contact: { ...contact, user_id: undefined } }))?.message).toMatchObject({
      own: false,
    });
    expect(
      mapUpdate("s", msg({ contact, forward_origin: { type: "user", date: 1, sender_user: from } }))?.message,
    ).toMatchObject({ own: false });
  });

  it("answers a die, a poll or a story like a picture (text only) instead of saying nothing", () => {
    for (const extra of [
      { dice: { emoji: "🎲", value: 3 } },
      { poll: { id: "p", question: "?" } },
      { story: { id: 1 } },
    ])
      expect(mapUpdate("s", msg(extra as never))?.message).toEqual({ type: "media", kind: "sticker" });
  });

  it("maps button presses and media without words, and ignores groups and edits", () => {
    const cq = {
      update_id: 2,
      callback_query: {
        id: "c",
        chat_instance: "i",
        data: "m.book",
        from,
        message: { message_id: 1, date: 1, chat: { id: 7, type: "private" } },
      },
    } as unknown as Update;
    expect(mapUpdate("s", cq)?.message).toEqual({ type: "choice", id: "m.book" });
    expect(mapUpdate("s", msg({ text: "hi" }, "group"))).toBeNull();
    expect(mapUpdate("s", msg({ sticker: { file_id: "x" } }))?.message).toEqual({
      type: "media",
      kind: "sticker",
    });
    expect(mapUpdate("s", msg({ voice: { file_id: "v" } }))?.message).toEqual({
      type: "media",
      kind: "voice",
    });
    expect(mapUpdate("s", msg({ photo: [], caption: "is this free?" }))?.message).toEqual({
      type: "text",
      text: "is this free?",
    });
    expect(mapUpdate("s", msg({ new_chat_title: "x" }))).toBeNull(); // a service message
    expect(
      mapUpdate("s", {
        update_id: 3,
        edited_message: (msg({ text: "x" }) as { message: unknown }).message,
      } as Update),
    ).toBeNull();
  });
});

describe("render", () => {
  it("lays short labels out several to a row and long ones one to a row", () => {
    const times = Array.from({ length: 6 }, (_, i) => ({ id: `t.tm.${i}`, label: `1${i}:00` }));
    expect(keyboardRows(times).map((r) => r.length)).toEqual([4, 2]);
    const long = [
      { id: "a", label: "Book an appointment now please" },
      { id: "b", label: "My appointments and more" },
    ];
    expect(keyboardRows(long).map((r) => r.length)).toEqual([1, 1]);
  });

  it("refuses callback data Telegram would reject", () => {
    expect(() => keyboardRows([{ id: "x".repeat(65), label: "x" }])).toThrow(/64-byte/);
  });

  it("renders a phone request as a one-time contact button and removes it on the next text", () => {
    const [ask] = render([{ type: "requestPhone", text: "share", button: "Share my phone number" }]);
    expect(ask?.reply_markup).toEqual({
      keyboard: [[{ text: "Share my phone number", request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    });
    const after = render(
      [
        { type: "text", text: "linked" },
        { type: "text", text: "next" },
      ],
      { removeKeyboard: true },
    );
    expect(after.map((m) => m.reply_markup)).toEqual([{ remove_keyboard: true }, undefined]);
  });
});

describe("a text over Telegram's 4,096 characters", () => {
  const digest = Array.from(
    { length: 120 },
    (_, i) => `${String(i).padStart(3, "0")} 09:00 תספורת גברים · יוסי כהן · ✓ confirmed`,
  ).join("\n");

  it("goes in parts cut at line ends, nothing lost, each part within the limit", () => {
    expect(digest.length).toBeGreaterThan(4096);
    const sends = render([{ type: "text", text: digest }]);
    expect(sends.length).toBeGreaterThan(1);
    for (const s of sends) expect(s.text.length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(sends.map((s) => s.text).join("\n")).toBe(digest);
  });

  it("keeps the buttons on its last part", () => {
    const sends = render([{ type: "choices", text: digest, choices: [{ id: "x", label: "OK" }] }]);
    expect(sends.slice(0, -1).every((s) => !s.reply_markup)).toBe(true);
    expect(sends.at(-1)!.reply_markup).toEqual({ inline_keyboard: [[{ text: "OK", callback_data: "x" }]] });
  });
});
