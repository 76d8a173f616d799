import { describe, expect, it } from "vitest";
import { pickFromText } from "../../../src/conversation/pick-choice.ts";
import type { Choice } from "../../../src/core/messages.ts";

// A day's afternoon as a list of times, then the flow's own "more", "back" and "stop" items.
const times: Choice[] = [
  ...["13:00", "13:30", "14:00", "15:30", "16:00", "16:30", "17:00"].map((label, i) => ({
    id: `tm${i}`,
    label,
  })),
  { id: "more", label: "More times" },
  { id: "back", label: "Back", nav: true },
  { id: "stop", label: "Stop", nav: true },
];
const idOf = (label: string) => times.find((c) => c.label === label)!.id;

describe("a typed time in a list of times picks that time", () => {
  it.each([
    ["16:00", "16:00"],
    ["16.00", "16:00"],
    ["4 pm", "16:00"],
    ["4pm", "16:00"],
    ["4:30", "16:30"],
    ["at 5", "17:00"],
    ["ב-4", "16:00"],
    ["ב4", "16:00"],
    ["בארבע", "16:00"],
    ["בשעה ארבע", "16:00"],
    ["ב-4 וחצי", "16:30"],
    ["בשלוש וחצי", "15:30"],
    ["אפשר ב-2?", "14:00"],
    ["в 4", "16:00"],
    ["в четыре", "16:00"],
    ["давайте в 17:00", "17:00"],
    ["الساعة ٤", "16:00"],
    ["الساعة اربعة ونص", "16:30"],
    ["at four thirty please", "16:30"],
    ["1 o'clock", "13:00"],
  ])("%s → %s", (typed, label) => {
    expect(pickFromText(times, typed, true)).toBe(idOf(label));
  });

  it("a time the list does not have picks nothing (the question is asked again)", () => {
    expect(pickFromText(times, "18:00", true)).toBeNull();
    expect(pickFromText(times, "ב-9", true)).toBeNull();
  });

  it("more than a time is not a time: a date, a number of people, other words", () => {
    expect(pickFromText(times, "מחר ב-4", true)).toBeNull();
    expect(pickFromText(times, "4 people", true)).toBeNull();
    expect(pickFromText(times, "I can't at 4, sorry", true)).toBeNull();
  });
});

describe("a bare number on WhatsApp, where the numbers are shown", () => {
  it("picks the item it names", () => {
    expect(pickFromText(times, "2", true)).toBe("tm1");
    expect(pickFromText(times, "9", true)).toBe("back");
    expect(pickFromText(times, "٣", true)).toBe("tm2"); // typed on an Arabic keyboard
  });

  it("with no such item, picks the time at that hour", () => {
    expect(pickFromText(times, "16", true)).toBe(idOf("16:00"));
    expect(pickFromText(times, "15", true)).toBe(idOf("15:30")); // the only time in that hour
    expect(pickFromText(times, "11", true)).toBeNull(); // no item 11, no time at 11 or 23
  });
});

describe("a bare number where the choices are buttons without numbers (Telegram, web chat)", () => {
  it("is a time on the hour first, then the item", () => {
    expect(pickFromText(times, "4", false)).toBe(idOf("16:00"));
    expect(pickFromText(times, "2", false)).toBe(idOf("14:00"));
    expect(pickFromText(times, "6", false)).toBe("tm5"); // no 06:00 or 18:00: the sixth button
  });
});

describe("lists that are not times", () => {
  const appts: Choice[] = [
    { id: "a.c.1", label: "Confirm" },
    { id: "a.m.1", label: "Change time" },
    { id: "a.x.1", label: "Cancel" },
    { id: "a.c.2", label: "Confirm" },
  ];
  it("a number is the item, a label its choice, on every channel", () => {
    expect(pickFromText(appts, "4", true)).toBe("a.c.2");
    expect(pickFromText(appts, "4", false)).toBe("a.c.2");
    expect(pickFromText(appts, "change time", true)).toBe("a.m.1");
    expect(pickFromText(appts, "16:00", true)).toBeNull();
  });
});

describe("part of a name picks the one choice it names", () => {
  const staff: Choice[] = [
    { id: "s11", label: "דנה כהן" },
    { id: "s12", label: "Yossi Levi" },
    { id: "any", label: "לא משנה" },
  ];
  const services: Choice[] = [
    { id: "21", label: "תספורת גברים" },
    { id: "22", label: "תספורת ילדים" },
    { id: "23", label: "Haircut & beard" },
  ];
  it.each([
    [staff, "דנה", "s11"],
    [staff, "עם דנה", "s11"],
    [staff, "yossi", "s12"],
    [staff, "with Yossi", "s12"],
    [staff, "2.", "s12"],
    [staff, "#1", "s11"],
    [services, "haircut", "23"],
    [services, "תספורת", null], // two haircuts: asked again
    [services, "ילדים", "22"],
  ])("%#: '%s'", (list, typed, expected) => {
    expect(pickFromText(list, typed, false)).toBe(expected);
  });

  it("never takes a word that answers by itself for part of a label, nor picks a label that says no", () => {
    const reminder: Choice[] = [
      { id: "yes", label: "I'm coming" },
      { id: "no", label: "Can't come" },
      { id: "move", label: "Change time" },
    ];
    const reminderHe: Choice[] = [
      { id: "yes", label: "מגיע/ה" },
      { id: "no", label: "לא אגיע" },
    ];
    const confirm: Choice[] = [
      { id: "ok", label: "Yes, book it" },
      { id: "back", label: "No, thanks" },
    ];
    expect(pickFromText(reminder, "come", false)).toBeNull();
    expect(pickFromText(reminderHe, "אגיע", false)).toBeNull();
    expect(pickFromText(confirm, "thanks", false)).toBeNull();
    expect(pickFromText(reminder, "time", false)).toBe("move");
  });
});

describe("a number typed with a mark and spaces after it", () => {
  it.each(["2. ", "2 ) ", "  #2  "])("'%s' is still item 2", (typed) => {
    expect(pickFromText(times, typed, true)).toBe("tm1");
  });
});
