import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { scriptOf, tokenize } from "../../../src/conversation/understanding/normalize.ts";
import { resolveDay } from "../../../src/conversation/understanding/resolve-day.ts";
import { reminderReading, understand } from "../../../src/conversation/understanding/understand.ts";

const answer = (text: string) => reminderReading(understand(text));

describe("reading an answer to a reminder", () => {
  it.each([
    ["לא", "no"],
    ["לא, תודה", "no"],
    ["אין בעיה", "yes"],
    ["no problem", "yes"],
    ["ما في مشكلة", "yes"],
    ["без проблем", "yes"],
    ["sure, why not", "yes"],
    ["כןןןן", "yes"],
    ["👍🏽", "yes"],
    ["❌", "no"],
    ["תבתל", "no"], // one typo in a word of four letters
    ["yes but I'll be late", "late"],
    ["לא אאחר", "yes"], // "I won't be late"
    ["what time is it?", "question"],
    ["maybe", "unsure"],
  ])("'%s' is %s", (text, expected) => {
    expect(answer(text)).toBe(expected);
  });

  it.each([
    "לאן", // "where to": not "לא"
    "לו", // two letters: never stretched to "לא"
    "on", // not "no"
    "no, I'm coming", // says both: ask
    "yes I can't come",
    "ofc not",
    "thanks",
    "לא שכחתי", // "I didn't forget": not a "no"
    "איך לא", // "how not": of course, and also the start of other sentences
  ])("'%s' is not read as an answer (the bot asks)", (text) => {
    expect(["unsure", null]).toContain(answer(text));
  });

  it.each([
    ["כמה זה עולה?", "question"], // "costs": one letter from "חולה" (sick)
    ["כמה עולה תספורת גברים?", "question"],
    ["כולה רבע שעה איחור", "late"], // "just": one letter from "חולה"
    ["I'll pick up the kids and come", "yes"], // "pick" is not "sick"
    ["can't wait!", "yes"], // eagerness, not a refusal
    ["can we do next week instead?", "question"], // asks; "can" alone would have been a yes
    ["I won't miss it", "yes"], // its "not" is not a refusal
    ["לא שכחתי, אני מגיע", "yes"], // "I didn't forget, I'm coming"
    ["בלי ספק", "yes"], // "without a doubt"
    ["لا تقلق جاي", "yes"], // "don't worry, coming"
    ["no need to cancel", "yes"],
    ["I'd never miss it", "yes"],
    ["Sorry for the late reply, yes I'll be there", "yes"], // a late reply is not running late
    ["آسف على التأخير بالرد، جاي", "yes"],
    ["не нужно отменять, приду", "yes"],
  ])("'%s' is %s: an everyday word is not taken for a typo of another", (text, expected) => {
    expect(answer(text)).toBe(expected);
  });
});

describe("the fifth held-out set's wrong-way and harmful readings", () => {
  it.each([
    ["אין סיבה שלא אגיע", "yes"], // "no reason I won't come" was read as a no
    ["ما رح اغيب", "yes"], // "I won't be absent"
    ["اكيد ما بفوّتها", "yes"], // "of course I won't miss it"
    ["не получится, простите 🙏", "no"], // 🙏 beside an apology is politeness, not a yes
    ["can't make it sorry 🙏", "no"],
    ["🙏", "yes"], // alone it thanks for the reminder
    ["מחר אין מצב יש לי משמרת", "no"], // "no way, I have a shift"
    ["можно прийти с ребенком?", "question"], // coming asked about, not promised
    ["צריך לבוא בצום?", "question"],
    ["لازم اكون صايم؟", "question"],
    ["а где это точно? тот же адрес?", "question"], // "точно" in a question is "exactly"
    ["نفس العنوان ولا انتقلتوا؟", "question"], // "ولا" in a question is "or"
    ["قديش بتاخد وقت؟", "question"], // "takes" is not "late"
    ["لازم اجيب اشي معي؟", "question"], // "bring" is not "be absent"
    ["اذا لقيت حدا يضل مع الولاد بجي", "unsure"], // if I find a sitter I'll come
    ["if I finish work in time I'll come", "unsure"],
    ["50/50 honestly, kid is sick, will tell you in the morning", "unsure"],
    ["not gonna make it, can we do next week instead?", "no"],
  ])("'%s' is %s", (text, expected) => {
    expect(answer(text)).toBe(expected);
  });

  it.each([
    ["شو المواعيد اللي عندي؟", "appointments"], // "اللي" (that) was read as a typo of "cancel"
    ["عندي دور بكرا؟", "appointments"], // "do I have an appointment tomorrow?"
    ["بدي اعمل تور لابني", "book"],
    ["بكفي تبعتولي رسايل", "stop"], // "enough sending me messages" was read as start
    ["شيلوني من القائمة", "stop"],
    ["перестаньте мне писать", "stop"],
    ["i want to speak with dana directly", "human"],
    ["אני רוצה לדבר עם דנה ישירות", "human"],
    ["I want to talk in English", "language"],
    ["Hey, I need an appointment for my son, sometime friday morning", "book"],
    ["can we push my appt from 3 to 5?", "change"],
    ["what can i do here?", "help"],
  ])("'%s' asks for %s", (text, intent) => {
    expect(understand(text).intent).toBe(intent);
  });
});

describe("dates with a month name, and am/pm written onto the time", () => {
  it.each([
    ["ב-20 לדצמבר יש מקום?", { day: "12-20" }], // the day of the month is not 20:00
    ["אפשר ב-15 בדצמבר בשתיים בצהריים?", { day: "12-15", time: "14:00" }], // nor 15:00
    ["I'd like March 12 at 2pm", { day: "03-12", time: "14:00" }],
    ["Book me in for Jan 5th please", { day: "01-05" }],
    ["can I book on the 1st of June?", { day: "06-01" }],
    ["Хочу записаться на 15 декабря", { day: "12-15" }],
    ["на 8 марта можно?", { day: "03-08" }],
    ["بدي موعد ب 15 كانون الاول", { day: "12-15" }],
    ["ممكن دور 15 ديسمبر؟", { day: "12-15" }],
    ["wed 7:30pm", { day: "wednesday", time: "19:30" }],
    ["tmrw 9:30am", { day: "tomorrow", time: "09:30" }],
  ])("'%s' reads %o", (text, slots) => {
    const got = understand(text).slots;
    expect({ day: got.day, time: got.time }).toEqual({ time: undefined, ...slots });
  });
});

describe("times said in words", () => {
  it.each([
    ["מחר בעשר וחצי בבוקר", "10:30"],
    ["חמישי ברבע לשש בערב אפשר?", "17:45"],
    ['מחר בשלוש אחה"צ מתאים לכם?', "15:00"],
    ["Sunday at half past four in the afternoon please", "16:30"],
    ["wed quarter to six pm?", "17:45"],
    ["thursday at five in the evening", "17:00"],
    ["завтра в полшестого вечера", "17:30"],
    ["в среду без четверти шесть вечера", "17:45"],
    ["завтра в 2 часа дня", "14:00"],
    ["بكرا الساعة خمسة الا ربع العصر", "16:45"],
    ["الخميس تلاتة ونص بعد الظهر", "15:30"],
    ["بكرا ع الخمسة المسا", "17:00"],
  ])("'%s' is at %s", (text, time) => {
    expect(understand(text).slots.time).toBe(time);
  });

  it.each(["תור לשתיים בערב", "table for two tonight", "на два человека вечером", "two people tomorrow"])(
    "a number of people is not a time: '%s'",
    (text) => {
      expect(understand(text).slots.time).toBeUndefined();
    },
  );
});

describe("a day or time alone", () => {
  it.each([
    ["שלישי ב-10:00 בבקשה", { day: "tuesday", time: "10:00" }],
    ["this Friday at 11 am", { day: "friday", time: "11:00" }],
    ["в пятницу в 9:30", { day: "friday", time: "09:30" }],
    ["الاثنين الساعة 11:30", { day: "monday", time: "11:30" }],
  ])("'%s' is a booking of that time, marked as read from the time alone", (text, slots) => {
    const u = understand(text);
    expect(u.intent).toBe("book");
    expect(u.onlyWhen).toBe(true);
    expect(u.slots).toMatchObject(slots);
  });

  it("'Friday morning if possible' is politeness, not a condition: a booking, not 'unsure'", () => {
    expect(understand("Friday morning if possible").intent).toBe("book");
  });
});

describe("folding how people type", () => {
  it("keeps times and dates whole and reads day.month as a date, hh.00 as a time", () => {
    expect(understand("ב16:00").slots.time).toBe("16:00");
    expect(understand("можно на 15.12?").slots.day).toBe("12-15");
    expect(understand("в 16.00").slots.time).toBe("16:00");
    expect(understand("at 4pm").slots.time).toBe("16:00");
    expect(understand("at 4").slots.time).toBeUndefined(); // morning or afternoon: not guessed
    expect(understand("4 בצהריים").slots.time).toBe("16:00");
    expect(understand("8 בבוקר").slots.time).toBe("08:00");
  });

  it("reads letter weekdays with a geresh, and Arabic and Russian weekdays", () => {
    expect(understand("תור ליום ג' בבוקר").slots).toMatchObject({ day: "tuesday", part: "morning" });
    expect(understand("بدي احجز يوم الخميس المسا").slots).toMatchObject({ day: "thursday", part: "evening" });
    expect(understand("запишите на среду днём").slots).toMatchObject({ day: "wednesday", part: "afternoon" });
  });

  it("puts English negation before its verb and folds Arabic letter forms", () => {
    expect(tokenize("I can't come")).toEqual(["i", "not", "can", "come"]);
    expect(tokenize("إلغاء الموعد")).toEqual(["الغاء", "الموعد"]);
  });

  it("tells the script, ignoring words written alike in every language", () => {
    expect(scriptOf("כן")).toBe("he");
    expect(scriptOf("да")).toBe("ru");
    expect(scriptOf("نعم")).toBe("ar");
    expect(scriptOf("yes")).toBe("en");
    expect(scriptOf("ok 👍")).toBeNull();
    expect(scriptOf("1")).toBeNull();
  });
});

describe("the days a slot means", () => {
  const now = DateTime.fromISO("2026-11-23T10:00", { zone: "Asia/Jerusalem" }); // a Monday
  it("is the next such weekday (today included), the coming Sunday-to-Saturday, the next such date", () => {
    expect(resolveDay("monday", now)?.from.toISODate()).toBe("2026-11-23");
    expect(resolveDay("sunday", now)?.from.toISODate()).toBe("2026-11-29");
    const week = resolveDay("next-week", now)!;
    expect([week.from.toISODate(), week.to.toISODate()]).toEqual(["2026-11-29", "2026-12-05"]);
    expect(resolveDay("01-05", now)?.from.toISODate()).toBe("2027-01-05");
    expect(resolveDay("02-30", now)).toBeNull();
  });
});

describe("a yes inside noise", () => {
  it("is not a clear yes, so a question that cancels or books asks again", () => {
    const noisy = understand("<script> DROP TABLE qwzx %s%n 👍 ppx hellohello zzkq");
    expect(noisy.answer).toBe("yes");
    expect(noisy.confidence).toBeLessThan(0.5);
    expect(understand("כן 👍 תודה").confidence).toBeGreaterThanOrEqual(0.5);
    expect(understand("yes please go ahead and cancel it thanks").confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe("a day or time asked about", () => {
  it.each([
    ["this friday at 3pm?", { day: "friday", time: "15:00" }],
    ["tomorrow evening works?", { day: "tomorrow", part: "evening" }],
    ["завтра в 18:00?", { day: "tomorrow", time: "18:00" }],
  ])("'%s' asks for a free time then", (text, slots) => {
    const u = understand(text);
    expect(u.intent).toBe("book");
    expect(u.slots).toMatchObject(slots);
  });

  it("while a reminder waits, it is still a question about the appointment, not a yes", () => {
    expect(answer("tomorrow at 5pm?")).toBe("question");
  });
});

describe("a greeting that names a part of the day", () => {
  it.each([
    ["בוקר טוב, כן מגיע", "yes"],
    ["Доброе утро, да, буду", "yes"],
    ["ערב טוב, לצערי לא אוכל", "no"],
  ])("'%s' greets and answers %s; it asks for no time of day", (text, expected) => {
    const u = understand(text);
    expect(reminderReading(u)).toBe(expected);
    expect(u.slots.part).toBeUndefined();
    expect(u.intent).not.toBe("book");
  });

  it("a morning asked for after the greeting is still read", () => {
    expect(understand("good morning, any slots tomorrow morning?").slots).toMatchObject({
      day: "tomorrow",
      part: "morning",
    });
  });
});
