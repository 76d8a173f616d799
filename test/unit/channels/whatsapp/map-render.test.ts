import { describe, expect, it } from "vitest";
import { mapWhatsAppMessage, vcardPhone } from "../../../../src/channels/whatsapp/map-message.ts";
import { renderForWhatsApp } from "../../../../src/channels/whatsapp/render.ts";

const msg = (from: string, body: string, extra: Record<string, unknown> = {}) => ({
  id: { _serialized: "m1" },
  from,
  body,
  fromMe: false,
  type: "chat",
  ...extra,
});
const VCARD = "BEGIN:VCARD\nVERSION:3.0\nFN:Dana\nitem1.TEL;waid=972525551234:+972 52-555-1234\nEND:VCARD";

describe("mapWhatsAppMessage", () => {
  it("a @c.us sender's own number is vouched for", () => {
    expect(mapWhatsAppMessage("s", msg("972525551234@c.us", "שלום"), null)).toEqual({
      id: "wa-m1",
      address: { site: "s", channel: "whatsapp", chatId: "972525551234@c.us" },
      verifiedPhone: "0525551234",
      message: { type: "text", text: "שלום" },
    });
  });

  it("ignores groups, status broadcasts, our own messages and system notices; media is 'media'", () => {
    expect(mapWhatsAppMessage("s", msg("1203630@g.us", "hi"), null)).toBeNull();
    expect(mapWhatsAppMessage("s", msg("status@broadcast", "hi", { isStatus: true }), null)).toBeNull();
    expect(mapWhatsAppMessage("s", msg("972525551234@c.us", "hi", { fromMe: true }), null)).toBeNull();
    expect(
      mapWhatsAppMessage("s", msg("972525551234@c.us", "", { type: "e2e_notification" }), null),
    ).toBeNull();
    expect(mapWhatsAppMessage("s", msg("972525551234@c.us", "", { type: "image" }), null)?.message).toEqual({
      type: "media",
      kind: "image",
    });
    expect(mapWhatsAppMessage("s", msg("972525551234@c.us", "", { type: "ptt" }), null)?.message).toEqual({
      type: "media",
      kind: "voice",
    });
  });

  it("an @lid sender has no number until a contact card matches WhatsApp's own mapping", () => {
    const lid = mapWhatsAppMessage("s", msg("123456789@lid", "my appointments"), null);
    expect(lid?.verifiedPhone).toBeUndefined();
    const own = mapWhatsAppMessage(
      "s",
      msg("123456789@lid", "", { type: "vcard", vCards: [VCARD] }),
      "972525551234",
    );
    expect(own?.message).toEqual({ type: "contact", phone: "+972525551234", own: true });
    const other = mapWhatsAppMessage(
      "s",
      msg("123456789@lid", "", { type: "vcard", vCards: [VCARD] }),
      "972529999999",
    );
    expect(other?.message).toMatchObject({ own: false });
    expect(
      mapWhatsAppMessage("s", msg("123456789@lid", "", { type: "vcard", vCards: [VCARD] }), null)?.message,
    ).toMatchObject({ own: false });
  });

  it("a @c.us sender's own card is their own; anyone else's is not", () => {
    const card = (from: string) =>
      mapWhatsAppMessage("s", msg(from, "", { type: "vcard", vCards: [VCARD] }), null)?.message;
    expect(card("972525551234@c.us")).toEqual({ type: "contact", phone: "+972525551234", own: true });
    expect(card("972529999999@c.us")).toMatchObject({ own: false });
  });

  it("a location's body (its map thumbnail) is never read as words", () => {
    const thumb = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR";
    expect(
      mapWhatsAppMessage("s", msg("972525551234@c.us", thumb, { type: "location" }), null)?.message,
    ).toEqual({ type: "media", kind: "location" });
  });

  it("reads the number of a vCard", () => {
    expect(vcardPhone(VCARD)).toBe("+972525551234");
    expect(vcardPhone("BEGIN:VCARD\nTEL;TYPE=CELL:052-555-1234\nEND:VCARD")).toBe("0525551234");
  });
});

describe("renderForWhatsApp", () => {
  it("turns choices into a numbered list and a phone request into instructions", () => {
    expect(
      renderForWhatsApp(
        [
          {
            type: "choices",
            text: "Which day?",
            choices: [
              { id: "a", label: "Tue 24.11" },
              { id: "b", label: "Wed 25.11" },
            ],
          },
          { type: "requestPhone", text: "Share your number", button: "Share" },
        ],
        { shareContact: "📎 → Contact → yourself" },
      ),
    ).toEqual(["Which day?\n\n1. Tue 24.11\n2. Wed 25.11", "Share your number\n\n📎 → Contact → yourself"]);
  });

  it("numbers one answer's lists once across its messages and ends with the hint", () => {
    const card = (text: string, id: string) => ({
      type: "choices" as const,
      text,
      choices: [
        { id: `c${id}`, label: "Confirm" },
        { id: `x${id}`, label: "Cancel" },
      ],
    });
    expect(
      renderForWhatsApp(
        [
          { type: "text", text: "Your appointments:" },
          card("Fri 27.11 10:00", "1"),
          { ...card("Mon 30.11 12:00", "2"), typedHint: "Reply with the number." },
        ],
        { shareContact: "" },
      ),
    ).toEqual([
      "Your appointments:",
      "Fri 27.11 10:00\n\n1. Confirm\n2. Cancel",
      "Mon 30.11 12:00\n\n3. Confirm\n4. Cancel\n\nReply with the number.",
    ]);
  });
});
