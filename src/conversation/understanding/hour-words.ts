import { hebrewBases } from "./forms.ts";

/** Number words for the hours people say, after their prefixes are taken off (ב, ל, ال, в). */
const HOUR_WORDS = new Map<string, number>([
  ...pairs("one two three four five six seven eight nine ten eleven twelve"),
  ...pairs("אחת שתיים שלוש ארבע חמש שש שבע שמונה תשע עשר"),
  ["שתים", 2],
  ["אחתעשרה", 11],
  ["שתיםעשרה", 12],
  ...pairs("час два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать"),
  ["одного", 1],
  ["двух", 2],
  ["трех", 3],
  ["четырех", 4],
  ["пяти", 5],
  ["шести", 6],
  ["семи", 7],
  ["восьми", 8],
  ["девяти", 9],
  ["десяти", 10],
  ...pairs("واحده اثنين ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره حداش اطناش"),
  ["تنتين", 2],
  ["ثنتين", 2],
  ["تلاته", 3],
  ["تمانيه", 8],
  ["ثمنيه", 8],
  ["احدعش", 11],
  ["اتناش", 12],
]);

function pairs(words: string): [string, number][] {
  return words.split(" ").map((w, i) => [w, i + 1]);
}

export const HALF = new Set(["half", "וחצי", "חצי", "ونص", "نص", "ونصف", "половиной", "половина", "thirty"]);
export const QUARTER = new Set(["ורבע", "وربع", "quarter", "fifteen"]);

export function hourWord(word: string): number | undefined {
  const forms = /[\u05D0-\u05EA]/.test(word)
    ? hebrewBases(word)
    : /[\u0600-\u06FF]/.test(word)
      ? [
          word,
          ...["بال", "ال", "ب", "ع", "ل"].filter((p) => word.startsWith(p)).map((p) => word.slice(p.length)),
        ]
      : [word];
  for (const f of forms) {
    const h = HOUR_WORDS.get(f);
    if (h !== undefined) return h;
  }
  return undefined;
}

/** Russian hours as the ordinal of the hour under way: "полпятого" is half of the fifth, 4:30. */
const RU_ORDINAL = new Map<string, number>(
  "первого второго третьего четвертого пятого шестого седьмого восьмого девятого десятого одиннадцатого двенадцатого"
    .split(" ")
    .map((w, i) => [w, i + 1]),
);

/** Words that say the next number is a time of day: "at", "в", "الساعة", "בשעה". */
export const AT_WORD = /^(at|בשעה|שעה|ב|в|к|الساعه|ساعه|عالساعه|around|by)$/;
/** Before an hour said in words, Arabic "ع" and "ب" (at) too: "ع الخمسة". */
const AT_SPOKEN = /^(ع|ب)$/;
const PAST = new Set(["past", "after"]);
const TO = new Set(["to", "till", "before"]);

export interface SpokenTime {
  h: number;
  m: number;
  /** Word positions it took. */
  span: number[];
}

/**
 * A time of day said in words at position `i`: "בעשר וחצי", "ברבע לשש", "half past four", "quarter
 * to six", "at five", "полпятого", "без четверти шесть", "четверть пятого", "اربعة ونص", "خمسة الا
 * ربع", "الساعة عشرة". A number word alone ("two people") is not a time: it needs a word that says
 * so (a ב prefix, "at", "в", "الساعة") or a half or a quarter beside it. The hour is 1-12, read
 * against the part of the day by the caller.
 */
export function spokenTime(words: readonly string[], i: number): SpokenTime | null {
  const w = words[i]!;
  const next = words[i + 1];
  const prev = words[i - 1];
  // Russian: "полпятого" / "пол пятого", "четверть пятого", "без четверти шесть".
  const pol = /^пол(.+)$/.exec(w);
  if (pol && RU_ORDINAL.has(pol[1]!)) return { h: RU_ORDINAL.get(pol[1]!)! - 1 || 12, m: 30, span: [i] };
  if ((w === "пол" || w === "четверть") && next && RU_ORDINAL.has(next))
    return { h: RU_ORDINAL.get(next)! - 1 || 12, m: w === "пол" ? 30 : 15, span: [i, i + 1] };
  if (w === "без" && next === "четверти") {
    const h = hourWord(words[i + 2] ?? "");
    if (h) return { h: h - 1 || 12, m: 45, span: [i, i + 1, i + 2] };
  }
  // English: "half past four", "quarter past eleven", "quarter to six".
  if ((HALF.has(w) || QUARTER.has(w)) && next && (PAST.has(next) || TO.has(next))) {
    const h = hourWord(words[i + 2] ?? "");
    if (h) {
      const m = HALF.has(w) ? 30 : 15;
      return PAST.has(next)
        ? { h, m, span: [i, i + 1, i + 2] }
        : { h: h - 1 || 12, m: 60 - m, span: [i, i + 1, i + 2] };
    }
  }
  // Hebrew: "ברבע לשש" (a quarter to six).
  if (/^[ב]?רבע$/.test(w) && next && /^ל/.test(next)) {
    const h = hourWord(next);
    if (h) return { h: h - 1 || 12, m: 45, span: [i, i + 1] };
  }
  const h = hourWord(w);
  if (h === undefined) return null;
  // Arabic "خمسة الا ربع": a quarter to five.
  if ((next === "الا" || next === "لا") && /^(ربع)$/.test(words[i + 2] ?? ""))
    return { h: h - 1 || 12, m: 45, span: [i, i + 1, i + 2] };
  const minute = next && HALF.has(next) ? 30 : next && QUARTER.has(next) ? 15 : undefined;
  // "בחמש" is at five; "לשתיים" is for two (people) as often as until two.
  const marked =
    /^ב[\u05D0-\u05EA]/.test(w) ||
    /^(ع|عال|بال)/.test(w) ||
    AT_WORD.test(prev ?? "") ||
    AT_SPOKEN.test(prev ?? "");
  if (minute === undefined && !marked) return null;
  return { h, m: minute ?? 0, span: minute === undefined ? [i] : [i, i + 1] };
}
