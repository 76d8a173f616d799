import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { createTranslator, LOCALES, LOCALES_DIR, loadLocales } from "../../../src/i18n/translator.ts";

const ZONE = "Asia/Jerusalem";
const tr = createTranslator({ dir: LOCALES_DIR, defaultLocale: "he" });

describe("negotiate", () => {
  it.each([
    ["ru-RU", "ru"],
    ["ru", "ru"],
    ["en-US", "en"],
    ["ar-IL", "ar"],
    ["he-IL", "he"],
    ["iw", "he"],
    ["fr", "he"],
    ["", "he"],
  ] as const)("%s → %s", (requested, expected) => {
    // "iw" is Telegram's legacy code for Hebrew; whatever langneg does with it, the default is Hebrew too.
    expect(tr.negotiate(requested)).toBe(expected);
  });

  it("falls back to the default locale when nothing is asked for", () => {
    expect(tr.negotiate(undefined)).toBe("he");
    expect(tr.negotiate([])).toBe("he");
    expect(createTranslator({ dir: LOCALES_DIR, defaultLocale: "en" }).negotiate("fr")).toBe("en");
  });

  it("takes the first supported of a list", () => {
    expect(tr.negotiate(["fr-FR", "ar", "en"])).toBe("ar");
  });
});

describe("formatTime", () => {
  it("is 24-hour HH:MM in Asia/Jerusalem, winter (UTC+2) and summer (UTC+3)", () => {
    expect(tr.formatTime(DateTime.fromISO("2025-11-26T14:30:00Z"), ZONE)).toBe("16:30");
    expect(tr.formatTime(DateTime.fromISO("2025-07-01T05:05:00Z"), ZONE)).toBe("08:05");
    expect(tr.formatTime(DateTime.fromISO("2025-07-01T21:00:00Z"), ZONE)).toBe("00:00");
  });
});

describe("formatDay", () => {
  const dt = DateTime.fromISO("2025-11-26T14:30:00Z"); // a Wednesday

  it("shows the weekday in the locale and the date", () => {
    expect(tr.formatDay("he", dt, ZONE)).toMatch(/[\u05D0-\u05EA]/);
    expect(tr.formatDay("he", dt, ZONE)).toContain("ד׳");
    expect(tr.formatDay("en", dt, ZONE)).toBe("Wed 26.11");
    expect(tr.formatDay("ru", dt, ZONE)).toBe("ср 26.11");
    expect(tr.formatDay("ar", dt, ZONE)).toContain("الأربعاء");
    for (const locale of LOCALES) expect(tr.formatDay(locale, dt, ZONE)).toMatch(/26\.11$/);
  });

  it("uses the site's date, not UTC's, near midnight", () => {
    expect(tr.formatDay("en", DateTime.fromISO("2025-11-26T22:30:00Z"), ZONE)).toBe("Thu 27.11");
  });

  it("formatDateTime has the full weekday, date and time", () => {
    expect(tr.formatDateTime("en", dt, ZONE)).toBe("Wednesday 26.11.2025 16:30");
    expect(tr.formatDateTime("he", dt, ZONE)).toContain("רביעי");
  });
});

describe("t", () => {
  it("translates the shipped messages", () => {
    expect(tr.t("he", "yes")).toBe("כן");
    expect(tr.t("ru", "yes")).toBe("Да");
    expect(tr.t("ar", "yes")).toBe("نعم");
    expect(tr.t("en", "yes")).toBe("Yes");
  });

  it("isolates placeables so a Latin name does not reorder a Hebrew sentence", () => {
    expect(tr.t("he", "welcome", { business: "Studio Pilates" })).toContain("\u2068Studio Pilates\u2069");
  });

  describe("with a locale that lacks some messages", () => {
    const dir = mkdtempSync(join(tmpdir(), "t4y-locales-"));
    const files: Record<string, string> = {
      he: "only-he-en = שלום\nshared = משותף\n",
      en: "only-he-en = Hello\nshared = Shared\nonly-en = English only\n",
      ar: "shared = مشترك\n",
      ru: "shared = Общее\nbroken = Привет, { $name }\n",
    };
    for (const [locale, text] of Object.entries(files)) {
      mkdirSync(join(dir, locale));
      writeFileSync(join(dir, locale, "test.ftl"), text);
    }
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const small = createTranslator({ dir, defaultLocale: "he" });

    it("uses the locale's own message when it has one", () => {
      expect(small.t("ru", "shared")).toBe("Общее");
    });

    it("falls back to the default locale, then English, then the id", () => {
      expect(small.t("ru", "only-he-en")).toBe("שלום");
      expect(small.t("ar", "only-en")).toBe("English only");
      expect(small.t("ru", "no-such-message")).toBe("no-such-message");
    });

    it("a message that fails to format falls back instead of showing a broken text", () => {
      expect(small.t("ru", "broken", { name: "Аня" })).toBe("Привет, \u2068Аня\u2069");
      expect(small.t("ru", "broken")).toBe("broken");
    });

    it("has() tells which locale has a message", () => {
      expect(small.has("ru", "shared")).toBe(true);
      expect(small.has("ru", "only-he-en")).toBe(false);
    });

    it("loadLocales reports ids per locale", () => {
      expect([...loadLocales(dir).ids.get("en")!].sort()).toEqual(["only-en", "only-he-en", "shared"]);
    });
  });

  it("a syntax error that the bundle reports is a startup error", () => {
    const dir = mkdtempSync(join(tmpdir(), "t4y-locales-"));
    try {
      for (const locale of LOCALES) {
        mkdirSync(join(dir, locale));
        writeFileSync(join(dir, locale, "a.ftl"), locale === "ar" ? "dup = a\ndup = b\n" : "x = y\n");
      }
      expect(() => loadLocales(dir)).toThrow(/locales\/ar\/a\.ftl/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("formatDateTime to a customer, as people say dates", () => {
  const zone = "Asia/Jerusalem";
  // Monday 23.11.2026, late evening in Israel (already the 24th in some zones, not here).
  const now = DateTime.fromISO("2026-11-23T23:10:00", { zone });
  const at = (iso: string) => DateTime.fromISO(iso, { zone });
  it.each([
    ["en", "2026-11-24T14:30", "Tuesday 24.11 (tomorrow) at 14:30"],
    ["en", "2026-11-23T23:45", "Monday 23.11 (today) at 23:45"],
    ["en", "2026-11-26T09:00", "Thursday 26.11 at 09:00"],
    ["en", "2027-01-05T09:00", "Tuesday 05.01.2027 at 09:00"],
    ["he", "2026-11-24T14:30", "יום שלישי 24.11 (מחר) בשעה 14:30"],
    // The date first: "запись на 24.11 (вторник, завтра)", not the undeclined "на вторник".
    ["ru", "2026-11-24T14:30", "24.11 (вторник, завтра) в 14:30"],
    ["ru", "2026-11-26T09:00", "26.11 (четверг) в 09:00"],
    ["ar", "2026-11-24T14:30", "(غدًا) الساعة 14:30"],
  ] as const)("%s %s → %s", (locale, iso, expected) => {
    expect(tr.formatDateTime(locale, at(iso), zone, now)).toContain(expected);
  });

  it("without `now` (staff messages), the full date as before", () => {
    expect(tr.formatDateTime("en", at("2026-11-24T14:30"), zone)).toBe("Tuesday 24.11.2026 14:30");
  });
});

describe("service durations", () => {
  it.each([
    ["en", 1, "1 hour"],
    ["en", 2, "2 hours"],
    ["he", 1, "שעה"],
    ["he", 2, "שעתיים"],
    ["he", 3, "3 שעות"],
    ["ru", 1, "1 час"],
    ["ru", 2, "2 часа"],
    ["ru", 5, "5 часов"],
    ["ar", 2, "ساعتان"],
  ] as const)("%s %d hours → %s", (locale, hours, expected) => {
    expect(tr.t(locale, "service-hours", { hours }).replace(/[\u2068\u2069]/g, "")).toBe(expected);
  });
});
