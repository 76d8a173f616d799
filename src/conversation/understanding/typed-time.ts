import { HALF, hourWord, QUARTER } from "./hour-words.ts";
import { CLAUSE, QUESTION, tokenize } from "./normalize.ts";
import { readSlots } from "./slots.ts";

/**
 * A message that is only a time of day: "16:00", "16.00", "4 pm", "ב-4", "בארבע", "at four
 * thirty", "в 5", "الساعة اربعة ونص". `ambiguous` when the hour could be morning or afternoon
 * ("4", "ב-4", "4:30"): the list it answers tells which. Anything more than a time (a number of
 * people, a date, other words) is not one, so it is read by the other rules.
 */
export interface TypedTime {
  hour: number;
  minute: number;
  ambiguous: boolean;
}

/** Words that only lead up to the time: "at", "בשעה", "в", "الساعة", and a "please" or "ok". */
const LEAD = new Set(
  (
    "at around about for by ok okay please pls let's lets how maybe " +
    "ב בשעה שעה ל לשעה אולי אפשר בבקשה סבבה טוב " +
    "oclock в к на давайте давай можно ок хорошо пожалуйста часа часов " +
    "الساعه ساعه عالساعه ع ب تمام ممكن خلص طيب لو سمحت"
  ).split(" "),
);

export function readTypedTime(input: string): TypedTime | null {
  const words = tokenize(input).filter((w) => w !== CLAUSE && w !== QUESTION);
  if (words.length === 0 || words.length > 6) return null;
  // Said with a part of the day or am/pm, or written as 24-hour time: the slot reader knows it.
  const { slots, used } = readSlots(words);
  const rest = words.filter((w, i) => !used.has(i) && !LEAD.has(w));
  if (slots.day) return null;
  if (slots.time && rest.length === 0) {
    const [h, m] = slots.time.split(":").map(Number) as [number, number];
    const written = words.find((w) => /^\d{1,2}:\d{2}$/.test(w));
    // "4:30" could be either; "16:30" and "04:30" cannot.
    const ambiguous =
      !slots.part &&
      written !== undefined &&
      /^([1-9]|1[0-2]):/.test(written) &&
      !words.some((w) => /^(am|pm)$/.test(w) || /^\d{1,2}(am|pm)$/.test(w));
    return { hour: h, minute: m, ambiguous };
  }
  // An hour alone, in digits with a word for "at" ("ב-4", "at 4", "в 4") or in words ("בארבע").
  let hour: number | undefined;
  let minute = 0;
  let lead = false;
  let bare = false;
  for (const w of words) {
    if (LEAD.has(w)) {
      lead = true;
      continue;
    }
    const prefixed = /^[בל](\d{1,2})$/.exec(w);
    const digits = /^\d{1,2}$/.test(w) ? Number(w) : prefixed ? Number(prefixed[1]) : undefined;
    if (digits !== undefined && hour === undefined) {
      hour = digits;
      bare = !prefixed;
      continue;
    }
    const spoken = hourWord(w);
    if (spoken !== undefined && hour === undefined) {
      hour = spoken;
      continue;
    }
    if (hour !== undefined && HALF.has(w)) {
      minute = 30;
      continue;
    }
    if (hour !== undefined && QUARTER.has(w)) {
      minute = 15;
      continue;
    }
    return null;
  }
  // A number alone is an item's number; "4 וחצי" is a time.
  if (hour === undefined || hour > 23 || (bare && !lead && minute === 0)) return null;
  return { hour, minute, ambiguous: hour >= 1 && hour <= 12 };
}
