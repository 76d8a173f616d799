import { describe, expect, it } from "vitest";
import { matchIntent, matchLanguageName, normalizeText } from "../../../src/conversation/intents.ts";

describe("matchIntent", () => {
  it.each([
    // yes
    ["כן", "yes"],
    ["yes", "yes"],
    ["да", "yes"],
    ["نعم", "yes"],
    ["כן, אגיע", "yes"],
    ["אני מגיעה", "yes"],
    ["Yes, I'm coming", "yes"],
    ["Да, приду", "yes"],
    ["نعم، سأحضر", "yes"],
    // no
    ["לא אגיע", "no"],
    ["לא", "no"],
    ["לא אוכל להגיע", "no"],
    ["no", "no"],
    ["I can't come", "no"],
    ["No, I can't come", "no"],
    ["нет", "no"],
    ["Нет, не смогу", "no"],
    ["لا", "no"],
    ["لا، لا أستطيع الحضور", "no"],
    ["لا أستطيع الحضور", "no"],
    // appointments
    ["התורים שלי", "appointments"],
    ["my appointments", "appointments"],
    ["мои записи", "appointments"],
    ["مواعيدي", "appointments"],
    // book
    ["לקבוע תור", "book"],
    ["Book an appointment", "book"],
    ["book", "book"],
    ["записаться", "book"],
    ["حجز موعد", "book"],
    // cancel / change
    ["ביטול תור", "cancel"],
    ["cancel", "cancel"],
    ["отменить запись", "cancel"],
    ["إلغاء الموعد", "cancel"],
    ["לשנות שעה", "change"],
    ["reschedule", "change"],
    ["перенести", "change"],
    ["تغيير الموعد", "change"],
    // stop / start
    ["stop", "stop"],
    ["עצור", "stop"],
    ["стоп", "stop"],
    ["توقف", "stop"],
    ["start", "start"],
    ["התחל", "start"],
    ["старт", "start"],
    ["ابدأ", "start"],
    // language / help / forget / back
    ["Language", "language"],
    ["שפה", "language"],
    ["язык", "language"],
    ["لغة", "language"],
    ["اللغة", "language"],
    ["help", "help"],
    ["עזרה", "help"],
    ["помощь", "help"],
    ["مساعدة", "help"],
    ["forget me", "forget"],
    ["שכח אותי", "forget"],
    ["Забудьте меня", "forget"],
    ["انسني", "forget"],
    ["back", "back"],
    ["חזרה", "back"],
  ] as const)("%s → %s", (text, intent) => {
    expect(matchIntent(text)).toBe(intent);
  });

  it("ignores niqqud, case, punctuation, emoji and extra spaces", () => {
    expect(matchIntent("כֵּן!")).toBe("yes");
    expect(matchIntent("  YES!!! 👍 ")).toBe("yes");
    expect(matchIntent("Да.")).toBe("yes");
    expect(matchIntent("نَعَم")).toBe("yes");
    expect(matchIntent("לא   אגיע...")).toBe("no");
    expect(matchIntent("«Мои записи»")).toBe("appointments");
    expect(matchIntent('"התורים שלי"')).toBe("appointments");
    expect(matchIntent("I’m coming")).toBe("yes");
  });

  it.each([
    "לאן",
    "כנרת",
    "yesterday",
    "notice",
    "да нет наверное",
    "данные",
    "لاعب",
    "",
    "   ",
    "!!!",
    "כן לא",
  ])("%j matches nothing", (text) => {
    expect(matchIntent(text)).toBeNull();
  });
});

describe("normalizeText", () => {
  it("lowercases, strips niqqud and punctuation, keeps apostrophes", () => {
    expect(normalizeText("  Can’t  COME! ")).toBe("can't come");
    expect(normalizeText("שָׁלוֹם, עוֹלָם")).toBe("שלום עולם");
  });
});

describe("matchLanguageName", () => {
  it.each([
    ["English", "en"],
    ["אנגלית", "en"],
    ["английский", "en"],
    ["الإنجليزية", "en"],
    ["Hebrew", "he"],
    ["עברית", "he"],
    ["עִבְרִית", "he"],
    ["иврит", "he"],
    ["العبرية", "he"],
    ["Arabic", "ar"],
    ["ערבית", "ar"],
    ["العربية", "ar"],
    ["арабский", "ar"],
    ["Russian", "ru"],
    ["רוסית", "ru"],
    ["Русский", "ru"],
    ["الروسية", "ru"],
  ] as const)("%s → %s", (text, locale) => {
    expect(matchLanguageName(text)).toBe(locale);
  });

  it("does not take other words for a language", () => {
    expect(matchLanguageName("french")).toBeNull();
    expect(matchLanguageName("שפה")).toBeNull();
    expect(matchLanguageName("english please")).toBeNull();
    expect(matchLanguageName("")).toBeNull();
  });
});
