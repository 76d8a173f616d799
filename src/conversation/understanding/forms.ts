import { distance } from "fastest-levenshtein";
import { type Concept, LANGUAGE_NAMES, LEXICON, NOT_TYPOS, STEMS, TRANSPARENT } from "./lexicon.ts";
import { squeeze, squeezeLong } from "./normalize.ts";

const HEBREW = /[\u05D0-\u05EA]/;
const ARABIC = /[\u0600-\u06FF]/;
const CYRILLIC = /[\u0400-\u04FF]/;

/** The word and the words under its prefixes: ו ש ה ב ל כ מ, up to three ("וכשהגעתי"). */
export function hebrewBases(word: string): string[] {
  const out = [word];
  let rest = word;
  for (let n = 0; n < 3 && rest.length > 2 && "ושהבלכמ".includes(rest[0]!); n++) {
    rest = rest.slice(1);
    out.push(rest);
  }
  return out;
}

const AR_PREFIXES = ["وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل"];
/** Pronoun endings: "موعدي" my appointment, "تلغيلي" cancel for me, "الغيه" cancel it. */
const AR_SUFFIXES = ["ي", "ك", "ه", "ها", "نا", "لي", "ني", "كم", "هم", "لك"];

function arabicForms(word: string): { form: string; my: boolean }[] {
  const stems = [word];
  for (const p of AR_PREFIXES)
    if (word.startsWith(p) && word.length - p.length >= 2) stems.push(word.slice(p.length));
  const out = stems.map((form) => ({ form, my: false }));
  for (const s of stems) {
    for (const suf of AR_SUFFIXES) {
      if (s.endsWith(suf) && s.length - suf.length >= 3)
        out.push({ form: s.slice(0, -suf.length), my: suf === "ي" });
    }
  }
  return out;
}

export interface WordMeaning {
  concept: Concept;
  /** "موعدي": the word itself says "my". */
  my?: boolean;
  lang?: "he" | "en" | "ar" | "ru";
}

function exact(form: string): WordMeaning | null {
  const concept = LEXICON.get(form);
  if (concept) return { concept };
  for (const [re, lang] of LANGUAGE_NAMES) if (re.test(form)) return { concept: "lang", lang };
  if (CYRILLIC.test(form)) for (const [stem, c] of STEMS) if (form.startsWith(stem)) return { concept: c };
  return null;
}

function candidates(word: string): { form: string; my: boolean }[] {
  const spellings = [...new Set([word, squeezeLong(word), squeeze(word)])];
  const out: { form: string; my: boolean }[] = [];
  for (const s of spellings) {
    if (HEBREW.test(s)) out.push(...hebrewBases(s).map((form) => ({ form, my: false })));
    else if (ARABIC.test(s)) out.push(...arabicForms(s));
    else out.push({ form: s, my: false });
  }
  return out;
}

const FUZZY_POOL = [...LEXICON.entries()].filter(([w]) => [...w].length >= 4);

/**
 * One typo (edit distance 1) on words of four letters or more, when exactly one meaning is that
 * close; short words are never stretched ("לא" is not "לו", "no" is not "on"). A letter added or
 * left out needs five letters: four-letter Hebrew and Arabic words are too dense ("אחרת" is not
 * "מאחרת"), so at four only a letter typed for another counts ("תבתל" for "תבטל").
 */
function fuzzy(word: string): WordMeaning | null {
  if ([...word].length < 4 || TRANSPARENT.has(word) || NOT_TYPOS.has(word)) return null;
  const script = (w: string) =>
    HEBREW.test(w) ? "he" : ARABIC.test(w) ? "ar" : CYRILLIC.test(w) ? "ru" : "en";
  const mine = script(word);
  const found = new Set<Concept>();
  for (const [w, c] of FUZZY_POOL) {
    if (script(w) !== mine || Math.abs(w.length - word.length) > 1) continue;
    if (w.length !== word.length && Math.min(w.length, word.length) < 5) continue;
    if (distance(w, word) <= 1) found.add(c);
  }
  if (found.size !== 1) return null;
  const [concept] = found;
  return concept === "filler" ? null : { concept: concept! };
}

/** What one word means, or null for a word we do not know (ignored, never guessed at). */
export function meaningOf(word: string): WordMeaning | null {
  for (const { form, my } of candidates(word)) {
    const m = exact(form);
    if (m) return my && m.concept === "appt" ? { ...m, my } : m;
  }
  return fuzzy(squeezeLong(word));
}
