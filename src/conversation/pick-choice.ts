import type { Choice } from "../core/messages.ts";
import { normalizeText } from "./intents.ts";
import { foldCharacters } from "./understanding/normalize.ts";
import { readTypedTime } from "./understanding/typed-time.ts";
import { type Understanding, understand } from "./understanding/understand.ts";

/**
 * A typed answer to the last choices shown, as the choice it means: its number, its label, or
 * (in a list of times) the time itself. `numbered` says the customer sees the numbers (WhatsApp):
 * there a bare number is the item's, unless no item has it and one of the times is at that hour;
 * where the list is buttons without numbers, "10" in a list of times means ten o'clock first.
 */
export function pickFromText(
  last: readonly Choice[],
  input: string,
  numbered: boolean,
  /** The message's understanding, read once for the caller too (else read here, if needed). */
  read: () => Understanding = () => understand(input),
): string | null {
  if (last.length === 0) return null;
  const n = normalizeText(input);
  const byLabel = last.find((c) => normalizeText(c.label) === n);
  if (byLabel) return byLabel.id;
  // "2.", "#2", "2)" as typed by people numbering their own answer.
  // (Trimmed first: "\s*" before an end anchor rescans every run of spaces, quadratic on long text.)
  const digits = foldCharacters(input)
    .trim()
    .replace(/^[#№]\s*/, "")
    .replace(/[.)]$/, "")
    .trimEnd();
  if (/^\d{1,2}$/.test(digits)) {
    const k = Number(digits);
    const item = last[k - 1]?.id ?? null;
    if (numbered) return item ?? timeAtHour(last, k);
    return timeAtHour(last, k, true) ?? item ?? timeAtHour(last, k);
  }
  const named = byWords(last, n, read);
  if (named) return named;
  const typed = readTypedTime(input);
  if (!typed) return null;
  const hours = typed.ambiguous && typed.hour < 12 ? [typed.hour, typed.hour + 12] : [typed.hour];
  return only(last.filter((c) => at(c, hours, typed.minute)));
}

/** Words that only lead into a name: "עם דנה", "with Dana", "с Даной" still name Dana. */
const LEAD_INS = new Set(["עם", "את", "with", "the", "please", "בבקשה", "с", "со", "مع"]);

const NEGATORS = new Set([
  "no",
  "not",
  "don't",
  "can't",
  "won't",
  "לא",
  "אל",
  "אין",
  "нет",
  "не",
  "لا",
  "ما",
  "مش",
  "مو",
]);

/**
 * Part of one label, word for word: "דנה" for "דנה כהן", "haircut" for "Haircut & beard". Every
 * word typed (of three letters or more, so "no" or "לא" never picks "לא משנה") must be a word of
 * the label, and only one label may have them all. Never for words that answer by themselves
 * ("come" is not a part of "Can't come", "אגיע" not of "לא אגיע"), nor for a label that says no.
 */
function byWords(last: readonly Choice[], typed: string, read: () => Understanding): string | null {
  const words = typed.split(" ").filter((w) => w && !LEAD_INS.has(w));
  if (words.length === 0 || words.some((w) => [...w].length < 3)) return null;
  const u = read();
  if (u.intent || u.answer) return null;
  return only(
    last.filter((c) => {
      const label = normalizeText(c.label).split(" ");
      if (label.some((w) => NEGATORS.has(w))) return false;
      return words.every((w) => label.includes(w));
    }),
  );
}

/** "16:00" or "16:00 Dana" (two staff at one time): the time a choice's label starts with. */
function timeOf(c: Choice): { hour: number; minute: number } | null {
  const m = /^(\d{1,2}):(\d{2})(?!\d)/.exec(c.label);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

function at(c: Choice, hours: number[], minute?: number): boolean {
  const t = timeOf(c);
  return t !== null && hours.includes(t.hour) && (minute === undefined || t.minute === minute);
}

/** The time on the hour named (4 is 04:00 or 16:00), else (unless `exact`) the only time within that hour. */
function timeAtHour(last: readonly Choice[], k: number, exact = false): string | null {
  if (k > 23) return null;
  const hours = k >= 1 && k < 12 ? [k, k + 12] : [k];
  const onTheHour = only(last.filter((c) => at(c, hours, 0)));
  return onTheHour ?? (exact ? null : only(last.filter((c) => at(c, hours))));
}

/** One choice, or null when none or several fit: asking again beats guessing. */
function only(list: Choice[]): string | null {
  return list.length === 1 ? list[0]!.id : null;
}
