import type { Choice } from "../core/messages.ts";
import { normalizeText } from "./intents.ts";
import { foldCharacters } from "./understanding/normalize.ts";
import { readTypedTime } from "./understanding/typed-time.ts";

/**
 * A typed answer to the last choices shown, as the choice it means: its number, its label, or
 * (in a list of times) the time itself. `numbered` says the customer sees the numbers (WhatsApp):
 * there a bare number is the item's, unless no item has it and one of the times is at that hour;
 * where the list is buttons without numbers, "10" in a list of times means ten o'clock first.
 */
export function pickFromText(last: readonly Choice[], input: string, numbered: boolean): string | null {
  if (last.length === 0) return null;
  const n = normalizeText(input);
  const byLabel = last.find((c) => normalizeText(c.label) === n);
  if (byLabel) return byLabel.id;
  const digits = foldCharacters(input).trim();
  if (/^\d{1,2}$/.test(digits)) {
    const k = Number(digits);
    const item = last[k - 1]?.id ?? null;
    if (numbered) return item ?? timeAtHour(last, k);
    return timeAtHour(last, k, true) ?? item ?? timeAtHour(last, k);
  }
  const typed = readTypedTime(input);
  if (!typed) return null;
  const hours = typed.ambiguous && typed.hour < 12 ? [typed.hour, typed.hour + 12] : [typed.hour];
  return only(last.filter((c) => at(c, hours, typed.minute)));
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
