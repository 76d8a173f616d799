/**
 * Free text to intents, in Hebrew, English, Arabic and Russian. Matching is on whole normalized
 * phrases and words (no substring guessing), so "לא אגיע" is a decline and "לאן" is nothing.
 */
export type Intent =
  | "appointments"
  | "book"
  | "cancel"
  | "change"
  | "language"
  | "stop"
  | "start"
  | "help"
  | "forget"
  | "yes"
  | "no"
  | "back"
  | "keep"
  | "human";

const PHRASES: Record<Intent, string[]> = {
  appointments: [
    "my appointments",
    "appointments",
    "my bookings",
    "show appointments",
    "appointment",
    "התורים שלי",
    "תורים",
    "התור שלי",
    "מה התורים שלי",
    "תור",
    "مواعيدي",
    "موعدي",
    "المواعيد",
    "мои записи",
    "записи",
    "моя запись",
  ],
  book: [
    "book",
    "book an appointment",
    "new appointment",
    "make an appointment",
    "booking",
    "לקבוע תור",
    "קביעת תור",
    "תור חדש",
    "לקבוע",
    "להזמין תור",
    "حجز",
    "حجز موعد",
    "موعد جديد",
    "записаться",
    "новая запись",
    "записаться на прием",
    "запись",
  ],
  cancel: [
    "cancel",
    "cancel appointment",
    "cancel my appointment",
    "לבטל",
    "ביטול",
    "לבטל תור",
    "ביטול תור",
    "בטל",
    "إلغاء",
    "الغاء",
    "إلغاء الموعد",
    "отменить",
    "отмена",
    "отменить запись",
    "cancel an appointment",
    "إلغاء موعد",
  ],
  change: [
    "change",
    "change time",
    "reschedule",
    "move",
    "another time",
    "לשנות",
    "לשנות תור",
    "להזיז",
    "לשנות שעה",
    "שינוי תור",
    "מועד אחר",
    "تغيير",
    "تغيير الموعد",
    "وقت آخر",
    "перенести",
    "изменить время",
    "перенести запись",
    "другое время",
  ],
  language: [
    "language",
    "lang",
    "שפה",
    "لغة",
    "язык",
    "change language",
    "החלפת שפה",
    "اللغة",
    "сменить язык",
  ],
  stop: [
    "stop",
    "unsubscribe",
    "no more reminders",
    "הפסק",
    "עצור",
    "הסר",
    "בלי תזכורות",
    "توقف",
    "إيقاف",
    "стоп",
    "отписаться",
    "לעצור",
    "להפסיק תזכורות",
    "ايقاف",
  ],
  start: [
    "start reminders",
    "resume",
    "התחל",
    "חזור",
    "ابدأ",
    "استئناف",
    "старт",
    "возобновить",
    "start",
    "להפעיל תזכורות",
    "ابدا",
  ],
  help: [
    "help",
    "menu",
    "hi",
    "hello",
    "עזרה",
    "תפריט",
    "היי",
    "שלום",
    "مساعدة",
    "قائمة",
    "مرحبا",
    "помощь",
    "меню",
    "привет",
  ],
  forget: [
    "forget me",
    "delete my data",
    "שכח אותי",
    "מחק אותי",
    "מחק את הפרטים שלי",
    "انسني",
    "احذف بياناتي",
    "забудь меня",
    "удалить мои данные",
    "забудьте меня",
    "انساني",
  ],
  yes: [
    "yes",
    "y",
    "yeah",
    "yep",
    "sure",
    "ok",
    "okay",
    "confirm",
    "i'm coming",
    "im coming",
    "coming",
    "i will come",
    "כן",
    "בטח",
    "אישור",
    "מאשר",
    "מאשרת",
    "אגיע",
    "מגיע",
    "מגיעה",
    "כן אגיע",
    "نعم",
    "أجل",
    "اكيد",
    "أكيد",
    "سآتي",
    "تمام",
    "да",
    "ага",
    "конечно",
    "приду",
    "подтверждаю",
    "буду",
    "אני מגיע",
    "אני מגיעה",
    "כן מגיע",
    "כן מגיעה",
    "سأحضر",
    "نعم سأحضر",
    "نعم سآتي",
    "да приду",
    "да буду",
    "yes i'm coming",
    "yes im coming",
  ],
  no: [
    "no",
    "n",
    "nope",
    "not coming",
    "i can't come",
    "i cant come",
    "can't come",
    "cant come",
    "i won't come",
    "לא",
    "לא אגיע",
    "לא מגיע",
    "לא מגיעה",
    "לא יכול",
    "לא יכולה",
    "لا",
    "لن آتي",
    "لا أستطيع",
    "нет",
    "не приду",
    "не смогу",
    "не могу",
    "אני לא מגיע",
    "אני לא מגיעה",
    "לא אוכל להגיע",
    "لن أحضر",
    "لا أستطيع الحضور",
    "нет не приду",
    "нет не смогу",
    "no i can't come",
    "no i cant come",
    "لا لا أستطيع الحضور",
  ],
  keep: ["keep it", "keep", "להשאיר", "השאר", "إبقاء", "оставить"],
  back: ["back", "חזרה", "رجوع", "назад"],
  // Free-text requests for a person are read by understanding/; the menu item carries the intent.
  human: [],
};

/** Lower case, no niqqud/harakat, no punctuation or emoji, single spaces. */
export function normalizeText(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u0591-\u05C7\u064B-\u065F\u0670]/g, "")
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const INDEX = new Map<string, Intent>();
for (const [intent, phrases] of Object.entries(PHRASES) as [Intent, string[]][]) {
  for (const p of phrases) INDEX.set(normalizeText(p), intent);
}

export function matchIntent(text: string): Intent | null {
  const n = normalizeText(text);
  if (!n) return null;
  return INDEX.get(n) ?? null;
}

/** The language a word names ("english", "עברית", "русский"…), for switching by typing it. */
export function matchLanguageName(text: string): "he" | "en" | "ar" | "ru" | null {
  const n = normalizeText(text);
  const names: Record<string, "he" | "en" | "ar" | "ru"> = {
    hebrew: "he",
    עברית: "he",
    עִבְרִית: "he",
    иврит: "he",
    العبرية: "he",
    english: "en",
    אנגלית: "en",
    английский: "en",
    الإنجليزية: "en",
    انجليزي: "en",
    arabic: "ar",
    ערבית: "ar",
    العربية: "ar",
    عربي: "ar",
    арабский: "ar",
    russian: "ru",
    רוסית: "ru",
    русский: "ru",
    الروسية: "ru",
    روسي: "ru",
  };
  return names[n] ?? null;
}
