import { hebrewBases } from "./forms.ts";
import { AT_WORD, spokenTime } from "./hour-words.ts";

/**
 * When the customer wants to come: a day (today, tomorrow, a weekday, next week or a date), a part
 * of the day and a time, read from the folded words of a message. Only what was said is filled;
 * an hour that could be morning or evening ("at 4" with nothing else) is left out rather than
 * guessed.
 */
export type Weekday = "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
export type DaySlot = "today" | "tomorrow" | "after-tomorrow" | "next-week" | Weekday | `${number}-${number}`;
export type PartOfDay = "morning" | "noon" | "afternoon" | "evening";

export interface WhenSlots {
  day?: DaySlot;
  part?: PartOfDay;
  /** "HH:MM", 24-hour. */
  time?: string;
}

const WEEKDAYS: Weekday[] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const DAY_WORDS = new Map<string, DaySlot>([
  ["today", "today"],
  ["tonight", "today"],
  ["היום", "today"],
  ["הערב", "today"],
  ["сегодня", "today"],
  ["اليوم", "today"],
  ["هاليوم", "today"],
  ["الليله", "today"],
  ["tomorrow", "tomorrow"],
  ["tomorrows", "tomorrow"],
  ["מחר", "tomorrow"],
  ["завтра", "tomorrow"],
  ["бкра", "tomorrow"],
  ["بكرا", "tomorrow"],
  ["بكره", "tomorrow"],
  ["بكرى", "tomorrow"],
  ["غدا", "tomorrow"],
  ["الغد", "tomorrow"],
  ["מחרתיים", "after-tomorrow"],
  ["послезавтра", "after-tomorrow"],
  ["sunday", "sunday"],
  ["monday", "monday"],
  ["tuesday", "tuesday"],
  ["tue", "tuesday"],
  ["tues", "tuesday"],
  ["wednesday", "wednesday"],
  ["wed", "wednesday"],
  ["thursday", "thursday"],
  ["thu", "thursday"],
  ["thur", "thursday"],
  ["thurs", "thursday"],
  ["friday", "friday"],
  ["fri", "friday"],
  ["saturday", "saturday"],
  ["שלישי", "tuesday"],
  ["רביעי", "wednesday"],
  ["חמישי", "thursday"],
  ["שישי", "friday"],
  ["שבת", "saturday"],
  ["الاحد", "sunday"],
  ["الاثنين", "monday"],
  ["اثنين", "monday"],
  ["الاتنين", "monday"],
  ["اتنين", "monday"],
  ["التنين", "monday"],
  ["الثلاثاء", "tuesday"],
  ["ثلاثاء", "tuesday"],
  ["الثلاثا", "tuesday"],
  ["التلاتا", "tuesday"],
  ["تلاتا", "tuesday"],
  ["الاربعاء", "wednesday"],
  ["اربعاء", "wednesday"],
  ["الاربعا", "wednesday"],
  ["اربعا", "wednesday"],
  ["الخميس", "thursday"],
  ["خميس", "thursday"],
  ["الجمعه", "friday"],
  ["السبت", "saturday"],
  ["سبت", "saturday"],
]);

/** Days that are also ordinary words ("first", "second", "one"): only after "יום" / "يوم" or a ב/ל prefix. */
const DAY_AFTER_DAY_WORD = new Map<string, Weekday>([
  ["ראשון", "sunday"],
  ["שני", "monday"],
  ["احد", "sunday"],
  ["جمعه", "friday"],
  // The letter names of the days: יום ג' (geresh folded away).
  ["א", "sunday"],
  ["ב", "monday"],
  ["ג", "tuesday"],
  ["ד", "wednesday"],
  ["ה", "thursday"],
  ["ו", "friday"],
]);

const RU_DAYS: [RegExp, Weekday][] = [
  [/^понедельник/, "monday"],
  [/^вторник/, "tuesday"],
  [/^сред[аыуе]$/, "wednesday"],
  [/^четверг/, "thursday"],
  [/^пятниц/, "friday"],
  [/^суббот/, "saturday"],
  [/^воскресень/, "sunday"],
];

const PARTS = new Map<string, PartOfDay>([
  ["morning", "morning"],
  ["mornings", "morning"],
  ["בוקר", "morning"],
  ["утром", "morning"],
  ["утро", "morning"],
  ["утра", "morning"],
  ["утречком", "morning"],
  ["الصبح", "morning"],
  ["صبح", "morning"],
  ["الصباح", "morning"],
  ["صباحا", "morning"],
  ["noon", "noon"],
  ["midday", "noon"],
  ["lunchtime", "noon"],
  ["lunch", "noon"],
  ["צהריים", "noon"],
  ["צהרים", "noon"],
  ["обед", "noon"],
  ["полдень", "noon"],
  ["الظهر", "noon"],
  ["ظهر", "noon"],
  ["afternoon", "afternoon"],
  ["אחהצ", "afternoon"],
  ["днем", "afternoon"],
  ["العصر", "afternoon"],
  ["عصر", "afternoon"],
  ["evening", "evening"],
  ["eve", "evening"],
  ["tonight", "evening"],
  ["ערב", "evening"],
  ["הערב", "evening"],
  ["вечером", "evening"],
  ["вечер", "evening"],
  ["вечера", "evening"],
  ["المسا", "evening"],
  ["مسا", "evening"],
  ["المساء", "evening"],
  ["مساء", "evening"],
  ["بالليل", "evening"],
]);

/** Two-word parts of the day, read before single words ("after noon" is not noon). */
const PART_PAIRS: [string, string, PartOfDay][] = [
  ["אחר", "הצהריים", "afternoon"],
  ["אחרי", "הצהריים", "afternoon"],
  ["אחר", "הצהרים", "afternoon"],
  ["после", "обеда", "afternoon"],
  ["بعد", "الظهر", "afternoon"],
];

/** Month names (Hebrew after its ב/ל prefix, Russian in the genitive of a date, Levantine and standard Arabic). */
const MONTHS = new Map<string, number>();
for (const [n, names] of [
  [1, "january jan ינואר января январь يناير"],
  [2, "february feb פברואר февраля февраль فبراير شباط"],
  [3, "march mar מרץ מרס марта март مارس اذار"],
  [4, "april apr אפריל апреля апрель ابريل نيسان"],
  [5, "may מאי мая май مايو ايار"],
  [6, "june jun יוני июня июнь يونيو حزيران"],
  [7, "july jul יולי июля июль يوليو تموز"],
  [8, "august aug אוגוסט августа август اغسطس"],
  [9, "september sep sept ספטמבר сентября сентябрь سبتمبر ايلول"],
  [10, "october oct אוקטובר октября октябрь اكتوبر"],
  [11, "november nov נובמבר ноября ноябрь نوفمبر"],
  [12, "december dec דצמבר декабря декабрь ديسمبر"],
] as const)
  for (const name of names.split(" ")) MONTHS.set(name, n);
/** Levantine months of two words: "كانون الاول" (December), "تشرين الثاني" (November). */
const AR_MONTH_PAIRS: [string, string, number][] = [
  ["كانون", "الثاني", 1],
  ["تشرين", "الاول", 10],
  ["تشرين", "الثاني", 11],
  ["كانون", "الاول", 12],
];

function monthOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  for (const b of bases(word)) {
    const m = MONTHS.get(b);
    if (m) return m;
  }
  return undefined;
}

/** A day of the month: "15", "15th", "1st". */
function dayNumber(word: string | undefined): number | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word ?? "");
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= 31 ? n : undefined;
}

/**
 * Dates with a month name: "15 בדצמבר", "12 марта", "15 كانون الاول", "March 12", "Jan 5th", "the 1st
 * of June". Read before hours, so the day of the month is never taken for a time ("ב-15 בדצמבר").
 */
function monthDates(words: readonly string[], used: Set<number>): DaySlot | undefined {
  let found: DaySlot | undefined;
  for (let i = 0; i < words.length; i++) {
    const pair = AR_MONTH_PAIRS.find(([a, b]) => bases(words[i]!).includes(a) && words[i + 1] === b);
    const month = pair ? pair[2] : monthOf(words[i]);
    if (!month) continue;
    const span = pair ? 2 : 1;
    const before = words[i - 1] === "of" ? i - 2 : i - 1;
    const after = words[i + span] === "the" ? i + span + 1 : i + span;
    const at =
      dayNumber(words[before]) !== undefined ? before : dayNumber(words[after]) !== undefined ? after : -1;
    if (at < 0) continue;
    found ??= `${pad(month)}-${pad(dayNumber(words[at])!)}` as DaySlot;
    for (let k = Math.min(at, i); k <= Math.max(at, i + span - 1); k++) used.add(k);
  }
  return found;
}

const DAY_WORD = /^(יום|ביום|ליום|ויום|يوم|ليوم|بيوم)$/;

const pad = (n: number) => String(n).padStart(2, "0");

function arabicBases(word: string): string[] {
  const out = [word];
  for (const p of ["لل", "بال", "وال", "ال", "ل", "ب", "و", "ع"]) {
    if (word.startsWith(p) && word.length - p.length >= 3) out.push(word.slice(p.length));
  }
  return out;
}

/** Every form of a word with its attached prefixes taken off (Hebrew ו ש ה ב ל מ, Arabic ال ب ل و). */
function bases(word: string): string[] {
  if (/[\u05D0-\u05EA]/.test(word)) return hebrewBases(word);
  if (/[\u0600-\u06FF]/.test(word)) return arabicBases(word);
  return [word];
}

function dayOf(word: string, afterDayWord: boolean): DaySlot | undefined {
  for (const b of bases(word)) {
    const d = DAY_WORDS.get(b);
    if (d) return d;
    for (const [re, day] of RU_DAYS) if (re.test(b)) return day;
  }
  const strict = DAY_AFTER_DAY_WORD.get(word);
  if (strict && afterDayWord) return strict;
  // בשני, לראשון, ביום: the prefix itself says it is a day.
  const m = /^[בל](ראשון|שני)$/.exec(word);
  if (m) return DAY_AFTER_DAY_WORD.get(m[1]!);
  if (/^ال?احد$/.test(word) && (afterDayWord || word.startsWith("ال"))) return "sunday";
  return undefined;
}

function partOf(word: string): PartOfDay | undefined {
  for (const b of bases(word)) {
    const p = PARTS.get(b);
    if (p) return p;
  }
  return undefined;
}

function isNextWeek(a: string, b: string | undefined): boolean {
  if (!b) return false;
  if (a === "next" && /^weeks?$/.test(b)) return true;
  if (bases(a).includes("שבוע") && (b === "הבא" || b === "הקרוב")) return true;
  if (/^следующ/.test(a) && /^недел/.test(b)) return true;
  if (bases(a).includes("اسبوع") && /^(الجاي|الجايه|القادم|الياي|الجاييه)$/.test(b)) return true;
  if (/^(جمعه|الجمعه)$/.test(a) && /^(الجايه|الجاي)$/.test(b)) return true;
  return false;
}

function dateOf(word: string): DaySlot | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?$/.exec(word);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  return `${pad(month)}-${pad(day)}` as DaySlot;
}

/** Reads the slots; `used` are the word positions that were slots (not to be read as other words). */
export function readSlots(words: readonly string[]): { slots: WhenSlots; used: Set<number> } {
  const slots: WhenSlots = {};
  const used = new Set<number>();
  let hour: { h: number; m: number; at: number; explicit: boolean } | undefined;
  let meridiem: "am" | "pm" | undefined;
  const named = monthDates(words, used);
  if (named) slots.day = named;

  for (let i = 0; i < words.length; i++) {
    if (used.has(i)) continue;
    const w = words[i]!;
    const next = words[i + 1];
    const prev = words[i - 1];
    if (isNextWeek(w, next)) {
      slots.day ??= "next-week";
      used.add(i).add(i + 1);
      i++;
      continue;
    }
    const pair = PART_PAIRS.find(
      ([a, b]) => bases(w).includes(a) && next !== undefined && bases(next).includes(b),
    );
    if (pair) {
      slots.part ??= pair[2];
      used.add(i).add(i + 1);
      i++;
      continue;
    }
    if (
      (w === "day" && prev === "the" && next === "after") ||
      (w === "بعد" && next && bases(next).includes("بكرا"))
    ) {
      slots.day = "after-tomorrow";
      used.add(i).add(i + 1);
      continue;
    }
    const date = dateOf(w);
    if (date) {
      slots.day ??= date;
      used.add(i);
      continue;
    }
    // "16:00", and "4:30pm" written together.
    const clock = /^(\d{1,2}):(\d{2})(am|pm)?$/.exec(w);
    if (clock && Number(clock[1]) < 24 && Number(clock[2]) < 60) {
      hour = { h: Number(clock[1]), m: Number(clock[2]), at: i, explicit: true };
      if (clock[3]) meridiem = clock[3] as "am" | "pm";
      used.add(i);
      continue;
    }
    const ampm = /^(\d{1,2})(am|pm)$/.exec(w);
    if (ampm) {
      hour = { h: Number(ampm[1]), m: 0, at: i, explicit: false };
      meridiem = ampm[2] as "am" | "pm";
      used.add(i);
      continue;
    }
    if (
      /^\d{1,2}$/.test(w) &&
      (AT_WORD.test(prev ?? "") || /^(am|pm)$/.test(next ?? "") || (next && partOf(next)))
    ) {
      hour = { h: Number(w), m: 0, at: i, explicit: false };
      used.add(i);
      continue;
    }
    // "в 4 дня", "в 2 часа дня": of the day, after noon.
    if (w === "дня" && hour) {
      meridiem ??= "pm";
      used.add(i);
      continue;
    }
    const spoken = hour ? null : spokenTime(words, i);
    if (spoken) {
      hour = { h: spoken.h, m: spoken.m, at: spoken.span.at(-1)!, explicit: false };
      for (const k of spoken.span) used.add(k);
      i = spoken.span.at(-1)!;
      continue;
    }
    if (w === "am" || w === "pm") {
      if (hour && hour.at === i - 1) meridiem = w;
      used.add(i);
      continue;
    }
    const day = dayOf(w, DAY_WORD.test(prev ?? ""));
    if (day) {
      slots.day ??= day;
      used.add(i);
      if (DAY_WORD.test(prev ?? "")) used.add(i - 1);
      // "הערב" / "tonight": this evening.
      const part = partOf(w);
      if (part) slots.part ??= part;
      continue;
    }
    const part = partOf(w);
    if (part) {
      slots.part ??= part;
      used.add(i);
      if (w === "обед" && prev === "в") used.add(i - 1);
    }
  }

  if (hour && hour.h < 24 && hour.m < 60) {
    let h = hour.h;
    if (meridiem === "pm" && h < 12) h += 12;
    else if (meridiem === "am" && h === 12) h = 0;
    else if (!hour.explicit && !meridiem && h < 12) {
      // "4 בצהריים" is 16:00; "11 at noon" stays 11.
      if (slots.part === "afternoon" || slots.part === "evening" || (slots.part === "noon" && h <= 6))
        h += 12;
      else if (slots.part !== "morning" && slots.part !== "noon") h = -1;
    }
    if (h >= 0) slots.time = `${pad(h)}:${pad(hour.m)}`;
  }
  return { slots, used };
}

export { WEEKDAYS };
