import { meaningOf } from "./forms.ts";
import { type Concept, GREETINGS, PHRASES } from "./lexicon.ts";
import {
  CLAUSE,
  MAYBE_EMOJI,
  NO_EMOJI,
  QUESTION,
  type Script,
  scriptOf,
  THANKS_EMOJI,
  tokenize,
  YES_EMOJI,
} from "./normalize.ts";
import { readSlots, type WhenSlots } from "./slots.ts";

/** What a free-text message asks for when no reminder is waiting for an answer. */
export type RequestIntent =
  | "appointments"
  | "book"
  | "cancel"
  | "change"
  | "language"
  | "stop"
  | "start"
  | "help"
  | "human"
  | "forget"
  | "back"
  | "keep"
  | "yes"
  | "no"
  | "late"
  | "unsure"
  | "question";

/** How a message reads as the answer to a reminder ("are you coming?"). */
export type ReminderAnswer = "yes" | "no" | "unsure" | "late" | "question";

export interface Slots extends WhenSlots {
  /** A language named in the message ("אפשר באנגלית?"). */
  lang?: "he" | "en" | "ar" | "ru";
}

export interface Understanding {
  /** The request reading; null when nothing was recognized. */
  intent: RequestIntent | null;
  /** The reading as an answer to a pending reminder; null when it is not one or is unclear (ask). */
  answer: ReminderAnswer | null;
  /** For a "no" that asked to cancel or to move the appointment. */
  action?: "cancel" | "change";
  /** 0..1: 0.9 one clear reading, 0.6 a weaker one ("I can", a bare question mark), 0 none. */
  confidence: number;
  slots: Slots;
  /** The script the message is written in: the reply language when the chat has not chosen one. */
  script: Script | null;
  /** "Tuesday at 10:00 please": a booking read from the day or time alone, no word asked for one. */
  onlyWhen?: boolean;
}

/** Negating these flips them; the rest (sick, sorry, a question word) a negation passes by. */
const NEGATABLE = new Set<Concept>([
  "come",
  "able",
  "confirm",
  "good",
  "problem",
  "sure",
  "know",
  "late",
  "want",
  "could",
  "send",
  "get",
  "remind",
  "cancel",
  "change",
  "affirm",
  "have",
  "see",
  "book",
  "start",
  "stop",
  "talk",
  "call",
]);
/** After "can't", "don't want", "something came up" the verb of coming is negated too ("can't make it"). */
const CARRIES = new Set<Concept>(["able", "want", "could", "decline", "try", "sure"]);
const CARRIED = new Set<Concept>(["come", "able"]);

interface Mention {
  concept: Concept;
  neg: boolean;
}

const GREETING_WORDS = GREETINGS.map((g) => tokenize(g));

/** Each greeting that names a part of the day becomes one plain greeting word. */
function withoutTimedGreetings(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const g = GREETING_WORDS.find((p) => p.every((w, k) => words[i + k] === w));
    if (g) {
      out.push("hello");
      i += g.length - 1;
    } else out.push(words[i]!);
  }
  return out;
}

const PHRASE_WORDS: [string[], Concept][] = PHRASES.map(
  ([p, c]) => [tokenize(p), c] as [string[], Concept],
).sort((a, b) => b[0].length - a[0].length);

function phraseAt(words: readonly string[], i: number, used: Set<number>): [number, Concept] | null {
  for (const [p, c] of PHRASE_WORDS) {
    if (i + p.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < p.length; k++) {
      if (used.has(i + k) || words[i + k] !== p[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return [p.length, c];
  }
  return null;
}

/** The concepts of a message in order, each with whether a negation reached it. */
function read(words: readonly string[], used: Set<number>) {
  const mentions: Mention[] = [];
  let lang: Slots["lang"];
  let questionMark = false;
  let thanks = false;
  let unknown = 0;
  // In a question, Levantine "ولا" is "or" ("نفس العنوان ولا انتقلتوا؟"), not "and no".
  const asks = words.includes(QUESTION);
  let pending = false;
  let carry = false;
  const close = () => {
    if (pending) mentions.push({ concept: "noword", neg: false });
    pending = false;
    carry = false;
  };
  const add = (concept: Concept) => {
    if (concept === "noword" || concept === "not") {
      pending = true;
      return;
    }
    if (concept === "filler") return;
    if (concept === "but") {
      close();
      return;
    }
    if ((pending && NEGATABLE.has(concept)) || (carry && CARRIED.has(concept))) {
      mentions.push({ concept, neg: true });
      pending = false;
      carry = CARRIES.has(concept);
      return;
    }
    mentions.push({ concept, neg: false });
    if (concept === "decline") carry = true;
  };

  for (let i = 0; i < words.length; i++) {
    if (used.has(i)) continue;
    const w = words[i]!;
    if (w === CLAUSE) {
      close();
      continue;
    }
    if (w === QUESTION) {
      questionMark = true;
      close();
      continue;
    }
    if (w === YES_EMOJI) {
      mentions.push({ concept: "affirm", neg: false });
      continue;
    }
    if (w === NO_EMOJI) {
      mentions.push({ concept: "noword", neg: false });
      continue;
    }
    if (w === MAYBE_EMOJI) {
      mentions.push({ concept: "maybe", neg: false });
      continue;
    }
    if (w === THANKS_EMOJI) {
      thanks = true;
      continue;
    }
    // ... and Russian "точно" is "exactly" ("где это точно?"), not "sure".
    if (asks && (w === "ولا" || w === "точно")) continue;
    const phrase = phraseAt(words, i, used);
    if (phrase) {
      add(phrase[1]);
      i += phrase[0] - 1;
      continue;
    }
    const m = meaningOf(w);
    if (!m) {
      unknown++;
      continue;
    }
    if (m.lang) lang ??= m.lang;
    add(m.concept);
    if (m.my) mentions.push({ concept: "my", neg: false });
  }
  close();
  return { mentions, lang, questionMark, thanks, unknown };
}

/**
 * Reads one message as people text it: its request, its reading as an answer to a reminder,
 * and the day, part of day and time it names. Unclear or contradictory messages read as
 * nothing, so the caller asks instead of guessing.
 */
export function understand(text: string): Understanding {
  const words = withoutTimedGreetings(tokenize(text));
  const { slots: when, used } = readSlots(words);
  const { mentions, lang, questionMark, thanks, unknown } = read(words, used);
  const pos = (c: Concept) => mentions.some((m) => m.concept === c && !m.neg);
  const neg = (c: Concept) => mentions.some((m) => m.concept === c && m.neg);
  const slots: Slots = { ...when, ...(lang ? { lang } : {}) };
  const hasWhen = Boolean(when.day || when.time || when.part);

  const yes =
    pos("affirm") ||
    pos("come") ||
    pos("confirm") ||
    pos("good") ||
    pos("see") ||
    pos("noproblem") ||
    pos("sure") ||
    neg("problem") ||
    neg("late") ||
    neg("cancel");
  // "I can" answers; "can we do next week?" asks.
  const weakYes = pos("able") && !questionMark;
  const strongNo = neg("come") || pos("decline") || pos("cancel") || pos("change");
  const no =
    strongNo ||
    pos("noword") ||
    neg("able") ||
    neg("confirm") ||
    neg("good") ||
    pos("sick") ||
    (neg("want") && !pos("remind"));
  // "If I find a sitter I'll come" is not a yes yet; "if it's no trouble, cancel it" is still a no.
  const conditional = pos("cond") && !no;
  const maybe = pos("maybe") || pos("try") || neg("sure") || neg("know") || conditional;
  const affirmed =
    pos("affirm") || pos("confirm") || pos("good") || pos("see") || pos("sure") || pos("noproblem");
  const question = pos("qword") || pos("timeq") || pos("booked") || questionMark;

  let answer: ReminderAnswer | null = null;
  let confidence = 0.9;
  // "буду позже", "I'll come later": running late; "see you later" is not.
  const late = !pos("cond") && (pos("late") || (pos("later") && (pos("come") || neg("able")) && !pos("see")));
  // "Stuck at work, won't make it": late and not able at once is asked back.
  if (late) answer = strongNo || neg("able") ? null : "late";
  else if (maybe) answer = "unsure";
  // "When do I come?" asks; it does not answer.
  else if ((pos("qword") || pos("timeq")) && !pos("affirm") && !no) answer = "question";
  // "Can I come with my kid?", "צריך לבוא בצום?": coming asked about, not promised.
  else if (questionMark && pos("come") && (pos("could") || pos("want") || pos("able")) && !affirmed && !no)
    answer = "question";
  else if ((yes || weakYes) && no) answer = null;
  else if (no) answer = "no";
  else if (yes) answer = "yes";
  else if (weakYes) [answer, confidence] = ["yes", 0.6];
  else if (question) [answer, confidence] = ["question", pos("qword") || pos("timeq") ? 0.9 : 0.6];
  else if (pos("inshallah") || pos("could")) answer = "unsure";
  // A bare 🙏 (with a greeting at most) thanks for the reminder: a yes, a weak one.
  else if (thanks && mentions.every((m) => m.concept === "greet")) [answer, confidence] = ["yes", 0.6];
  const action =
    answer === "no" ? (pos("cancel") ? "cancel" : pos("change") ? "change" : undefined) : undefined;

  let intent = requestOf({ pos, neg, hasWhen, lang, answer, questionMark, mentions });
  // A day (or a day's time) named and nothing else: a free time wanted, read as booking when no
  // question is open (the caller decides; a waiting reminder asks instead).
  const onlyWhen =
    !intent &&
    !answer &&
    Boolean(when.day || (when.time && when.part)) &&
    mentions.every((m) => m.concept === "greet");
  if (onlyWhen) intent = "book";
  if (!answer && !intent) confidence = 0;
  // A yes buried in a long run of words we do not know (pasted text, noise) is not a clear yes.
  else if (unknown >= 4 && unknown > 2 * mentions.length) confidence = Math.min(confidence, 0.3);
  return {
    intent,
    answer,
    ...(action ? { action } : {}),
    confidence,
    slots,
    script: scriptOf(text),
    ...(onlyWhen ? { onlyWhen } : {}),
  };
}

function requestOf(r: {
  pos: (c: Concept) => boolean;
  neg: (c: Concept) => boolean;
  hasWhen: boolean;
  lang: Slots["lang"];
  answer: ReminderAnswer | null;
  questionMark: boolean;
  mentions: Mention[];
}): RequestIntent | null {
  const { pos, neg, hasWhen } = r;
  const remind = pos("remind") || neg("remind");
  if (pos("forget")) return "forget";
  if (pos("human") || pos("call") || (pos("phone") && (pos("qword") || r.questionMark))) return "human";
  if (pos("lang") || (r.lang && pos("talk"))) return "language";
  // "I want to talk to Dana directly": a person, asked for by name.
  if (pos("talk") && (pos("direct") || pos("want"))) return "human";
  if (
    pos("stop") ||
    (pos("stopmore") && remind) ||
    neg("send") ||
    neg("remind") ||
    ((neg("want") || neg("get")) && remind)
  )
    return "stop";
  if (pos("start") || ((pos("send") || pos("want") || pos("get")) && pos("remind"))) return "start";
  if (pos("cancel")) return "cancel";
  if (pos("change")) return "change";
  if (pos("booked")) return "appointments";
  if (pos("book") || pos("open")) return "book";
  const appt = pos("appt");
  // "יש תור ביום ראשון?" asks for a free one; "do I have an appointment on Sunday?" for one's own.
  if (appt && pos("have") && hasWhen && !pos("me")) return "book";
  // "I need an appointment for my son, friday morning": a new one, though "my" is in it.
  if (appt && pos("want") && hasWhen && !pos("show") && !pos("qword") && !pos("timeq")) return "book";
  if (appt && (pos("my") || pos("qword") || pos("timeq") || pos("have") || pos("show")))
    return "appointments";
  if (hasWhen && (appt || pos("want") || pos("could") || pos("have") || pos("come") || pos("new")))
    return "book";
  if (appt && (pos("want") || pos("new") || pos("get"))) return "book";
  // "This Friday at 3pm?", "tomorrow evening works?": a day or time asked about is a free time wanted.
  if (hasWhen && r.questionMark && !pos("qword") && !pos("timeq") && r.answer !== "no") return "book";
  if (pos("qword") && pos("come")) return "appointments";
  if (appt && !r.answer) return "appointments";
  if (pos("help")) return "help";
  if (pos("keep")) return "keep";
  if (pos("back")) return "back";
  if (r.answer === "late") return "late";
  if (r.answer === "unsure") return "unsure";
  if (r.answer === "yes") return "yes";
  if (r.answer === "no") return "no";
  if (r.answer === "question") return "question";
  if (pos("greet") && r.mentions.every((m) => m.concept === "greet")) return "help";
  return null;
}

/**
 * The reminder reading of a message: an explicit answer, or a request that settles it (cancel
 * and move mean not coming at that time; "when is my appointment?" is a question about it).
 */
export function reminderReading(u: Understanding): ReminderAnswer | null {
  if (u.answer) return u.answer;
  if (u.intent === "cancel" || u.intent === "change") return "no";
  if (u.intent === "appointments") return "question";
  return null;
}
