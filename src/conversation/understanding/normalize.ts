/**
 * How people type, folded into one spelling per word: case, niqqud and harakat, geresh and
 * gershayim, Arabic letter variants, Russian ё, Arabic-Indic digits, English contractions and the
 * emoji that mean yes or no. Clause breaks (",", ".", "!", "but") are kept as tokens, because a
 * negation reaches only to the end of its clause.
 */

export const YES_EMOJI = "__yes__";
export const NO_EMOJI = "__no__";
export const MAYBE_EMOJI = "__maybe__";
/** 🙏: thanks or please. Alone it answers a reminder with a yes; beside an apology it is only polite. */
export const THANKS_EMOJI = "__thanks__";
export const CLAUSE = "__clause__";
export const QUESTION = "__question__";

const YES_MARKS = /[👍👌✅👏💪🤝☑✔🆗]/gu;
const THANKS_MARKS = /🙏/gu;
const NO_MARKS = /[👎❌🚫✖⛔]/gu;
const MAYBE_MARKS = /[🤔🤷]/gu;

const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";

/** English contractions and texting short forms, as whole words. */
const EN_EXPAND: Record<string, string> = {
  cant: "can not",
  cannot: "can not",
  wont: "will not",
  dont: "do not",
  doesnt: "does not",
  didnt: "did not",
  isnt: "is not",
  arent: "are not",
  aint: "am not",
  couldnt: "could not",
  wouldnt: "would not",
  shouldnt: "should not",
  havent: "have not",
  im: "i am",
  ive: "i have",
  id: "i would",
  youre: "you are",
  itll: "it will",
  ill: "i will",
  well: "we will",
  gonna: "going to",
  wanna: "want to",
  gotta: "have to",
  u: "you",
  ur: "your",
  pls: "please",
  plz: "please",
  thx: "thanks",
  ty: "thanks",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tomorow: "tomorrow",
  tommorow: "tomorrow",
  tommorrow: "tomorrow",
  appt: "appointment",
  appts: "appointments",
  idk: "i do not know",
  dunno: "do not know",
};

/** Letters and marks only: the text's characters before words are cut. */
export function foldCharacters(input: string): string {
  return (
    input
      .normalize("NFKC")
      .replace(/[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D|[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, "")
      .replace(YES_MARKS, ` ${YES_EMOJI} `)
      .replace(NO_MARKS, ` ${NO_EMOJI} `)
      .replace(MAYBE_MARKS, ` ${MAYBE_EMOJI} `)
      .replace(THANKS_MARKS, ` ${THANKS_EMOJI} `)
      .toLowerCase()
      // Hebrew niqqud and cantillation; Arabic harakat, superscript alef and tatweel.
      .replace(/[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u064B-\u065F\u0670\u0640]/g, "")
      // Geresh and gershayim (and the ASCII quotes people type for them) inside or after Hebrew letters.
      .replace(/([\u05D0-\u05EA])["'\u05F3\u05F4\u2019`]+(?=[\u05D0-\u05EA])/g, "$1")
      .replace(/([\u05D0-\u05EA])["'\u05F3\u05F4\u2019`]+/g, "$1")
      .replace(/[أإآٱ]/g, "ا")
      .replace(/ى/g, "ي")
      .replace(/ة/g, "ه")
      .replace(/ؤ/g, "و")
      .replace(/ئ/g, "ي")
      .replace(/ё/g, "е")
      .replace(/[٠-٩]/g, (d) => String(ARABIC_DIGITS.indexOf(d)))
      .replace(/[۰-۹]/g, (d) => String(PERSIAN_DIGITS.indexOf(d)))
      .replace(/؟/g, "?")
      .replace(/[،؛]/g, ",")
      .replace(/[’‘`´]/g, "'")
  );
}

/**
 * Words of a message, folded, with clause and question marks as tokens. Times ("16:00") and
 * dates ("15/12") stay whole for the slot reader.
 */
export function tokenize(input: string): string[] {
  const folded = foldCharacters(input)
    // English contractions lose the apostrophe: "can't" and "cant" are one word.
    .replace(/([a-z])'([a-z])/g, "$1$2")
    // "50/50" is a maybe, not a date.
    .replace(/\b50\s*[/-]\s*50\b/g, " maybe ")
    .replace(/\b(\d{1,2}):(\d{2})\b/g, " $1:$2 ")
    // "16.00" is a time, "15.12" a date (day.month, as Russian speakers write it).
    .replace(/\b(\d{1,2})\.(\d{2})\b/g, (m, h, mm) => (Number(mm) > 12 || mm === "00" ? ` ${h}:${mm} ` : m))
    .replace(/\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b/g, (m) => ` ${m.replace(/\./g, "/")} `)
    .replace(/\?+/g, ` ${QUESTION} `)
    .replace(/[,.!;…\n]+/g, ` ${CLAUSE} `);
  const words: string[] = [];
  for (const raw of folded.split(/[^\p{L}\p{N}_:/]+/u)) {
    if (!raw) continue;
    if (raw.startsWith("__")) {
      words.push(raw);
      continue;
    }
    const word = raw.replace(/^[:/]+|[:/]+$/g, "");
    if (!word) continue;
    const prev = words[words.length - 1];
    // "I'm ill" is sick; "ill be there" is "I'll".
    if (word === "ill" && (prev === "am" || prev === "feel" || prev === "feeling")) words.push("sick");
    else if (EN_EXPAND[word]) words.push(...EN_EXPAND[word]!.split(" "));
    else words.push(word);
  }
  return negationFirst(words);
}

const AUXILIARIES = new Set(
  "can will do does did am is are was were could would should have has shall must".split(" "),
);

/** English puts "not" after the auxiliary ("can not come"); the reader wants it first ("not can come"). */
function negationFirst(words: string[]): string[] {
  for (let i = 1; i < words.length; i++) {
    if (words[i] === "not" && AUXILIARIES.has(words[i - 1]!)) {
      words[i] = words[i - 1]!;
      words[i - 1] = "not";
    }
  }
  return words;
}

/** "כןןן" -> "כן", "yesss" -> "yes", "дааа" -> "да": every run of one letter made single. */
export function squeeze(word: string): string {
  return word.replace(/(\p{L})\1+/gu, "$1");
}

/** Runs of three or more made two ("sooon" -> "soon", "good" stays). */
export function squeezeLong(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, "$1$1");
}

export type Script = "he" | "ar" | "ru" | "en";

/** The script most of a message's letters are in; null when it has too few letters to tell. */
export function scriptOf(input: string): Script | null {
  const counts: Record<Script, number> = { he: 0, ar: 0, ru: 0, en: 0 };
  // Words written alike in every language decide nothing ("ok", "👍", a time).
  const text = input.replace(/\b(ok|okay|okey|k|kk|hi|bye|thx)\b/gi, " ");
  for (const ch of text) {
    if (/\p{Script=Hebrew}/u.test(ch)) counts.he++;
    else if (/\p{Script=Arabic}/u.test(ch)) counts.ar++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) counts.ru++;
    else if (/[a-z]/i.test(ch)) counts.en++;
  }
  const [best, n] = (Object.entries(counts) as [Script, number][]).sort((a, b) => b[1] - a[1])[0]!;
  if (n === 0) return null;
  // One or two Latin letters ("k", "y") are not enough to switch a chat to English.
  if (best === "en" && n < 2) return null;
  return best;
}
