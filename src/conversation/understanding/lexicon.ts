/**
 * What words mean, by concept, in the four languages as people text them (colloquial Arabic as
 * spoken in Israel and Palestine, Hebrew future forms used as imperatives, Russian colloquial).
 * Words are written folded (see normalize.ts: ة->ه, أ->ا, ى->ي, ё->е, no niqqud or geresh).
 */

export type Concept =
  | "affirm" // yes, כן, да, نعم
  | "noword" // a refusal on its own: no, לא, нет, لا
  | "not" // a negator that needs a word: not, לא, не, ما, مش
  | "come" // I'll come / be there
  | "able" // can, fits, works out
  | "confirm"
  | "good" // fine, ok-ish agreement
  | "see" // see you
  | "problem"
  | "noproblem"
  | "sure" // certain (not sure = unsure)
  | "know"
  | "maybe"
  | "inshallah" // God willing: yes with "I'll come", unsure alone
  | "try"
  | "late"
  | "later" // later: running late with "I'll come", nothing alone ("see you later")
  | "me" // to me / I: "do I have", "יש לי", "у меня"
  | "sick"
  | "sorry"
  | "decline" // something came up, count me out
  | "cancel"
  | "change"
  | "qword" // when, where, which…
  | "timeq" // what time
  | "appt"
  | "my"
  | "book"
  | "booked" // past: when am I booked
  | "want"
  | "could" // a polite "can I" (אפשר, можно, ممكن): unsure only when alone
  | "have" // do I have, יש לי, у меня есть, عندي
  | "open" // a free slot
  | "new"
  | "stop"
  | "stopmore" // no more
  | "start"
  | "remind" // reminders, messages
  | "send"
  | "get"
  | "lang"
  | "help"
  | "greet"
  | "human"
  | "talk"
  | "direct" // directly, in person: "talk to Dana directly"
  | "cond" // if: "if I find a sitter I'll come" is not a yes yet
  | "call"
  | "phone"
  | "show"
  | "forget"
  | "back"
  | "keep"
  | "but"
  | "filler";

/** Words that a negator reaches through to the word it negates ("I am not", "меня", "رح"). */
export const TRANSPARENT = new Set(
  (
    "i we you it me us to be am is are was were will would do does did going has had can could should really just quite " +
    "that this so still even please then " +
    "אני אנחנו את אתה אתם זה ממש בכלל כבר עדיין נו פשוט ש " +
    "я мы меня мне вы ты это уже пока ещё еще ну все всё так " +
    "انا احنا نحنا رح راح ح حا انت اني هلق لسا لسه ابدا"
  ).split(" "),
);

/**
 * Everyday words one letter from a word we know, which the typo rule would otherwise read as it:
 * "כמה זה עולה?" (how much is it) is not "חולה" (sick), "כולה רבע שעה" (just a quarter of an
 * hour) neither, "תוריד" (take off) is not "תורים", "pick" is not "sick", "مريح" (comfortable)
 * is not "مريض". A wrong typo reading turned a price question into "not coming".
 */
export const NOT_TYPOS = new Set(
  (
    "pick picked kick tick lick sock sink silk suck sack nick rick long " +
    "עולה עולים עולות עלות כולה כולם כולן חולף חולק חולם חוזה מולה הולך הולכת תוריד תורידי תורידו להוריד " +
    "مريح مريحه اللي الي اجيب بجيب نجيب تجيب بتاخد تاخد بياخد"
  ).split(" "),
);

type Entries = Partial<Record<Concept, string>>;

const WORDS: Entries[] = [
  // English
  {
    affirm:
      "yes yeah yea ya yah yep yup yas yess y aye ok okay okey k kk ofc absolutely definitely defo def certainly indeed yesh correct",
    noword: "no nope nah nay nop nooo",
    not: "not never",
    come: "come coming comming comin arrive arriving attend attending",
    able: "can able possible works",
    confirm: "confirm confirmed confirming confirmation",
    good: "good fine great perfect cool alright awesome excellent lovely",
    see: "cya",
    problem: "problem problems worries worry prob probs issue",
    sure: "sure certain",
    know: "know",
    maybe: "maybe mayb maybee perhaps possibly probably might prolly",
    try: "try trying",
    later: "later",
    me: "i",
    late: "late behind traffic delayed",
    sick: "sick unwell flu fever",
    sorry: "sorry unfortunately sadly apologies apologise apologize",
    cancel: "cancel cancelled canceled cancellation cancelling canceling",
    change: "reschedule rescheduling move change postpone earlier",
    qword: "when where which who how whats wheres whens whos address",
    appt: "appointment appointments bookings reservation reservations session visit",
    my: "my mine",
    book: "book booking schedule reserve",
    booked: "booked",
    want: "want need like",
    have: "have",
    open: "free openings opening available availability slot slots",
    new: "new another",
    stop: "stop unsubscribe quit enough",
    start: "start resume subscribe",
    remind: "reminders reminder messages message texts notifications",
    send: "send sending",
    get: "get receive getting",
    lang: "language lang languages",
    help: "help menu options",
    greet: "hi hello hey heya hiya shalom",
    human: "human person someone somebody agent representative rep staff operator manager owner receptionist",
    talk: "talk speak",
    direct: "directly personally",
    cond: "if unless",
    call: "call ring",
    phone: "phone number",
    show: "show list remind",
    forget: "forget",
    back: "back",
    keep: "keep",
    but: "but though although",
    filler: "thanks thank thankyou please the a an for of at in on and with in again too also hi there",
  },
  // Hebrew (prefixes ו ש ה ב ל כ מ are stripped before looking up)
  {
    affirm: "כן כנ בטח ברור בוודאי בודאי בהחלט כמובן יאפ יפ יופ אוקיי אוקי אוקיה אוקיוש קיי",
    noword: "לא",
    not: "לא אל בלי אין",
    come: "אגיע נגיע מגיע מגיעה מגיעים מגיעות הגעה אבוא נבוא בא באה באים אהיה נהיה יגיע תגיע להגיע לבוא אגיעה",
    able: "יכול יכולה יכולים יכולות אוכל נוכל תוכל יוכל תוכלי מסתדר מסתדרת יסתדר מתאים מתאימה מתאימים מצליח מצליחה אספיק נספיק",
    confirm: "מאשר מאשרת מאשרים מאושר אישור מאשרר אשר קיבלתי",
    good: "בסדר סבבה אחלה סגור מעולה מצוין מצויין טוב בשמחה נהדר פיקס יאללה",
    see: "נתראה להתראות",
    problem: "בעיה בעייה",
    sure: "בטוח בטוחה",
    know: "יודע יודעת יודעים",
    maybe: "אולי ייתכן יתכן אפשרי נראה",
    could: "אפשר",
    try: "אנסה ננסה אשתדל נשתדל אבדוק נבדוק אעדכן נעדכן אחזור תלוי",
    me: "לי",
    late: "אאחר נאחר מאחר מאחרת מאחרים איחור מתעכב מתעכבת אתעכב נתעכב פקק תקוע תקועה",
    sick: "חולה חולים חלה חליתי",
    sorry: "מצטער מצטערת סליחה סורי לצערי",
    decline: "נבצר",
    cancel: "לבטל בטל בטלי בטלו תבטל תבטלי תבטלו אבטל נבטל מבטל מבטלת מבטלים ביטול ביטלתי מבוטל לבטלל תבטלל",
    change:
      "להזיז תזיז תזיזי תזיזו הזיזו אזיז הזזה לשנות תשנה תשני תשנו שינוי לדחות תדחה תדחי תדחו דחייה להעביר תעביר תעבירי תעבירו להקדים תקדים תקדימי תקדימו",
    qword: "מי מתי איפה איזה איזו באיזה באיזו לאיזה כמה היכן כתובת",
    appt: "תור תורים פגישה טיפול",
    my: "שלי",
    book: "לקבוע תקבע תקבעי תקבעו אקבע קביעת להזמין תזמין תזמיני תזמינו אזמין לרשום תרשום תרשמי",
    booked: "קבעתי קבענו הזמנתי",
    want: "רוצה רוצים רוצות רציתי צריך צריכה צריכים מבקש מבקשת אשמח",
    have: "יש",
    open: "פנוי פנויה פנויים מקום מקומות זמין זמינה",
    new: "חדש",
    stop: "הפסק תפסיק תפסיקו תפסיקי להפסיק הפסיקו עצור עצרו תעצרו לעצור די הסר הסירו תסירו להסיר הסרה",
    start: "להפעיל תפעיל תפעילו הפעל תחזירו להחזיר לחדש תחדשו חדשו התחל",
    remind: "תזכורת תזכורות הודעות הודעה",
    send: "לשלוח תשלחו תשלח תשלחי שלחו",
    get: "לקבל",
    lang: "שפה",
    help: "עזרה תפריט",
    greet: "היי הי שלום הלו",
    human: "מישהו מישהי נציג נציגה אדם אמיתי מנהל מנהלת בעלים בעל בעלת",
    talk: "לדבר לשוחח אדבר",
    direct: "ישירות ישיר",
    cond: "אם",
    call: "תתקשרו תתקשר תתקשרי להתקשר התקשרו",
    phone: "טלפון מספר",
    show: "תראה תראי תראו להראות לראות",
    forget: "שכח תשכח מחק תמחק",
    back: "חזרה",
    keep: "להשאיר השאר תשאיר",
    but: "אבל רק",
    filler:
      "אחרת אחר פעם עסק משהו תודה רבה בבקשה אחי אחותי נשמה מותק יקירי זה את על עם של שם בזמן הגעה מחר היום ממש קצת גם התזכורת",
  },
  // Russian (stems below catch the endings)
  {
    affirm: "да ага угу ок окей оки конечно канешно конешно обязательно точно разумеется конечн ес",
    noword: "нет неа не-а нету",
    not: "не ни",
    come: "приду придем прийду приеду приедем подойду подойдем буду будем явлюсь прийти приехать приходить",
    able: "могу смогу сможем можем получится получается выйдет удастся",
    confirm: "подтверждаю подтверждаем подтверждено",
    good: "хорошо ладно норм нормально отлично супер договорились давай",
    see: "увидимся",
    problem: "проблем проблема проблемы",
    sure: "уверен уверена уверены",
    know: "знаю",
    maybe: "может возможно наверное наверно вероятно",
    try: "постараюсь попробую посмотрим уточню сообщу напишу",
    later: "позже потом",
    me: "меня мне",
    late: "опоздаю опаздываю опоздаем опоздание задерживаюсь задержусь задержимся пробке пробка",
    sick: "заболел заболела болею болеет заболели",
    sorry: "извините простите сожалению увы сорри",
    qword: "когда где какой какая какое какую каком сколько кто кому адрес напомните напомни",
    appt: "запись записи записью прием приём визит",
    my: "мой моя мои мою моей",
    booked: "записан записана записаны",
    want: "хочу хотел хотела хотим нужно надо нужна",
    could: "можно",
    have: "есть",
    open: "окошко окно места место",
    new: "новая новую",
    stop: "стоп хватит отпишите отписаться отключить отключите отписка прекратите перестаньте перестань",
    start: "включите включить возобновить возобновите подписаться",
    remind: "сообщения сообщений смс",
    send: "присылать присылайте отправлять слать присылали",
    get: "получать получить",
    lang: "язык языка",
    help: "помощь помогите меню",
    greet: "привет здравствуйте здрасте",
    human:
      "мастер мастером мастера человек человеком администратор администратором оператор оператором менеджер менеджером сотрудник",
    talk: "поговорить говорить соедините связаться",
    direct: "напрямую лично",
    cond: "если",
    call: "позвоните перезвоните позвонить",
    phone: "телефон номер",
    show: "покажи покажите",
    forget: "забудь забудьте удалить",
    back: "назад",
    keep: "оставить оставьте",
    but: "но только",
    filler: "спасибо спс пожалуйста большое вас на в к у с по я что меня",
  },
  // Arabic, colloquial first (prefixes و ف ب ل ال and pronoun suffixes are stripped before looking up)
  {
    affirm: "نعم اه ايوا ايوه ايه اكيد اوكي اوك يس يب اجل بالتاكيد طبعا",
    noword: "لا لاء",
    not: "ما مش مو لن بدون",
    come: "اتي جاي جايه جايين اجي بجي نيجي منيجي ساتي ساحضر احضر الحضور حضور بكون نكون موجود موجوده موجودين اوصل بوصل",
    decline: "اغيب بغيب نغيب",
    able: "اقدر بقدر قادر قادره نقدر استطيع",
    confirm: "موكد باكد اكد تاكيد موافق موافقه",
    good: "تمام ماشي طيب منيح ممتاز زابط مليح",
    see: "بشوفك نشوفك منشوفك بشوفكم نشوفكم منشوفكم بشوفكو",
    problem: "مشكله مشاكل",
    sure: "متاكد متاكده",
    know: "عارف عارفه بعرف",
    maybe: "يمكن ربما",
    could: "ممكن",
    inshallah: "انشالله انشاءالله",
    try: "بحاول احاول بخبرك بخبركم بشوف",
    later: "بعدين",
    late: "اتاخر بتاخر متاخر متاخره تاخير زحمه",
    sick: "مريض مريضه تعبان تعبانه",
    sorry: "اسف اسفه بعتذر معلش للاسف لاسف عذرا",
    cancel: "الغي الغاء تلغي تلغيلي الغيلي الغيه بلغي نلغي ملغي الغيها",
    change: "اغير غير غيرلي تغيير نغير تغيروا تغيرو غيروا اجل ااجل ناجل تاجيل انقل نقل",
    qword: "شو امتى ايمتى متى وين فين قديش كم ايش مين ايمتا وقتيش العنوان عنوان",
    appt: "موعد مواعيد دور تور",
    // "عندي" is "I have": "عندي دور بكرا؟" asks about one's own appointment ("في دور" asks for a free one).
    my: "تبعي عندي",
    book: "احجز حجز احجزلي نحجز بحجز",
    want: "بدي بدنا اريد ابغي بدو لازم",
    open: "مجال فاضي متاح في",
    new: "جديد",
    stop: "وقف اوقف ايقاف توقف بطلو بطل بطلوا وقفوا وقفو اوقفوا بكفي يكفي كفايه شيلوني",
    start: "رجعو ارجعو شغل تشغيل فعل",
    remind: "تذكيرات تذكير رسائل رسايل رساله مسجات",
    send: "تبعتولي تبعتو ابعتو ارسال",
    lang: "لغه",
    help: "مساعده قائمه",
    greet: "مرحبا هاي هلا اهلا السلام",
    human: "حدا موظف موظفه انسان شخص مدير صاحب",
    talk: "احكي نحكي حكي اتكلم",
    direct: "مباشره شخصيا",
    cond: "اذا لو",
    call: "تتصلوا اتصلوا اتصل تتصل",
    phone: "تلفون رقم هاتف",
    forget: "انسني انساني احذف",
    back: "رجوع",
    keep: "ابقاء خليه",
    but: "بس لكن",
    filler: "شكرا حبيبي حبيبتي يعطيك العافيه لو سمحت من فضلك في على مع هناك",
  },
];

/** Russian stems: a word starting with one of these means the concept (отмените, отменить, отмена). */
export const STEMS: [string, Concept][] = [
  ["отмен", "cancel"],
  ["перенес", "change"],
  ["перенест", "change"],
  ["перенос", "change"],
  ["поменя", "change"],
  ["измени", "change"],
  ["сдвин", "change"],
  ["запиш", "book"],
  ["записать", "book"],
  ["записаться", "book"],
  ["записыв", "book"],
  ["напоминани", "remind"],
  ["подтвер", "confirm"],
  ["опазд", "late"],
  ["опозд", "late"],
  ["задерж", "late"],
  ["свободн", "open"],
  ["английск", "lang"],
  ["русск", "lang"],
  ["иврит", "lang"],
  ["арабск", "lang"],
];

/** Phrases, matched on folded words before single words; longest first. */
export const PHRASES: [string, Concept][] = [
  ["why not", "affirm"],
  ["למה לא", "affirm"],
  ["почему бы и нет", "affirm"],
  ["почему нет", "affirm"],
  ["ليش لا", "affirm"],
  ["count me in", "confirm"],
  ["count me out", "decline"],
  ["something came up", "decline"],
  ["something has come up", "decline"],
  ["not this time", "decline"],
  ["no can do", "decline"],
  ["have to skip", "decline"],
  ["still on", "confirm"],
  ["see you", "see"],
  ["looking forward", "see"],
  ["remove me", "stop"],
  // "won't miss it" is a yes; "didn't forget" alone answers nothing (it is asked), and its "not"
  // must not read as a refusal.
  ["won't miss", "come"],
  ["never miss", "come"],
  // "איך לא" (of course) and "а как же" start other sentences too ("how did I not…", "what about…"):
  // never a refusal, but not a yes either.
  ["איך לא", "filler"],
  ["а как же", "filler"],
  ["wouldn't miss", "come"],
  ["will not miss", "come"],
  ["не пропущу", "come"],
  ["לא אפספס", "come"],
  ["didn't forget", "filler"],
  ["did not forget", "filler"],
  ["haven't forgotten", "filler"],
  ["לא שכחתי", "filler"],
  ["לא שכחנו", "filler"],
  ["не забыл", "filler"],
  ["не забыла", "filler"],
  ["не забыли", "filler"],
  ["ما نسيت", "filler"],
  ["مش ناسي", "filler"],
  ["مش ناسيه", "filler"],
  // Idioms whose negation is not a refusal: "without a doubt" is a yes; "don't worry", "never
  // mind", "nothing changed" answer nothing by themselves; "no need" negates what follows it ("no
  // need to cancel" keeps the appointment).
  ["no doubt", "affirm"],
  ["without a doubt", "affirm"],
  ["בלי ספק", "affirm"],
  ["ללא ספק", "affirm"],
  ["بدون شك", "affirm"],
  ["بلا شك", "affirm"],
  ["без сомнений", "affirm"],
  ["не вопрос", "noproblem"],
  ["без вопросов", "noproblem"],
  ["אין מצב שאני מפספס", "come"],
  // "אין סיבה שלא אגיע": no reason I won't come. "מחר אין מצב": no way.
  ["אין סיבה שלא", "filler"],
  ["אין מצב", "decline"],
  ["ما رح اغيب", "come"],
  ["مش رح اغيب", "come"],
  ["ما بغيب", "come"],
  ["ما بفوتها", "come"],
  ["ما رح افوتها", "come"],
  ["مش رح افوتها", "come"],
  ["push my appointment", "change"],
  // "If possible" is politeness, not a condition on coming.
  ["if possible", "filler"],
  ["if you can", "filler"],
  ["אם אפשר", "filler"],
  ["если можно", "filler"],
  ["если возможно", "filler"],
  ["اذا ممكن", "filler"],
  ["لو ممكن", "filler"],
  ["اذا بتقدروا", "filler"],
  ["no reason not to", "affirm"],
  ["נפל לי משהו", "decline"],
  ["צץ לי משהו", "decline"],
  ["what can i do here", "help"],
  ["what can i do", "help"],
  ["что тут можно", "help"],
  ["что здесь можно", "help"],
  ["как это работает", "help"],
  ["شو بقدر اعمل", "help"],
  ["كيف بشتغل", "help"],
  ["אין מצב שאפספס", "come"],
  ["don't worry", "filler"],
  ["no need", "not"],
  ["never mind", "filler"],
  ["nothing changed", "filler"],
  ["אל תדאג", "filler"],
  ["אל תדאגי", "filler"],
  ["אל תדאגו", "filler"],
  ["אין צורך", "not"],
  ["לא השתנה כלום", "filler"],
  ["не волнуйтесь", "filler"],
  ["не волнуйся", "filler"],
  ["не переживайте", "filler"],
  ["не нужно", "not"],
  ["ничего не изменилось", "filler"],
  ["لا تقلق", "filler"],
  ["لا تقلقي", "filler"],
  ["ما تقلق", "filler"],
  ["مش لازم", "not"],
  // A late reply is not running late.
  ["late reply", "filler"],
  ["late response", "filler"],
  ["late answer", "filler"],
  ["answer late", "filler"],
  ["answering late", "filler"],
  ["reply late", "filler"],
  ["replying late", "filler"],
  ["עונה באיחור", "filler"],
  ["עונה מאוחר", "filler"],
  ["התשובה המאוחרת", "filler"],
  ["התגובה המאוחרת", "filler"],
  ["באיחור בתשובה", "filler"],
  ["التاخير بالرد", "filler"],
  ["التاخير في الرد", "filler"],
  ["تاخرت بالرد", "filler"],
  // "can't wait" is eagerness, not a refusal.
  ["can't wait", "affirm"],
  ["cannot wait", "affirm"],
  ["see u", "see"],
  ["see ya", "see"],
  ["be there", "come"],
  ["make it", "come"],
  ["on my way", "come"],
  ["no problem", "noproblem"],
  ["no problems", "noproblem"],
  ["no worries", "noproblem"],
  ["no prob", "noproblem"],
  ["of course", "affirm"],
  ["for sure", "affirm"],
  ["will do", "affirm"],
  ["sounds good", "good"],
  ["all good", "good"],
  ["what time", "timeq"],
  ["how long", "qword"],
  ["what can you do", "help"],
  ["how does this work", "help"],
  ["how does it work", "help"],
  ["real person", "human"],
  ["phone number", "phone"],
  ["different time", "change"],
  ["another time", "change"],
  ["another day", "change"],
  ["push it", "change"],
  ["get back to you", "try"],
  ["confirm later", "try"],
  ["let you know later", "try"],
  ["אחר כך", "later"],
  ["אאשר בהמשך", "try"],
  ["подтвержу позже", "try"],
  ["let you know", "try"],
  ["let me check", "try"],
  ["depends on", "try"],
  ["no more", "stopmore"],
  ["turn on", "start"],
  ["back on", "start"],
  ["make an appointment", "book"],
  ["did i book", "booked"],
  ["running behind", "late"],
  ["forget me", "forget"],
  ["delete my data", "forget"],
  ["keep it", "keep"],
  ["אין בעיה", "noproblem"],
  ["אין שום בעיה", "noproblem"],
  ["בלי נדר", "maybe"],
  ["יכול להיות", "maybe"],
  ["מה השעה", "timeq"],
  ["באיזה שעה", "timeq"],
  ["באיזו שעה", "timeq"],
  ["לאיזה שעה", "timeq"],
  ["בא לי", "want"],
  ["בן אדם", "human"],
  ["מה אפשר לעשות", "help"],
  ["איך זה עובד", "help"],
  ["מועד אחר", "change"],
  ["יום אחר", "change"],
  ["שעה אחרת", "change"],
  ["זמן אחר", "change"],
  ["השתנו לי התוכניות", "decline"],
  ["השתנו התוכניות", "decline"],
  ["לא רלוונטי", "decline"],
  ["יוצא לי", "able"],
  ["אני אצלכם", "booked"],
  ["די עם", "stop"],
  ["שכח אותי", "forget"],
  ["в силе", "confirm"],
  ["без проблем", "noproblem"],
  ["нет проблем", "noproblem"],
  ["может быть", "maybe"],
  ["во сколько", "timeq"],
  ["сколько времени", "timeq"],
  ["сколько сейчас времени", "timeq"],
  ["до встречи", "see"],
  ["до завтра", "see"],
  ["так точно", "affirm"],
  ["меня не будет", "decline"],
  ["не актуально", "decline"],
  ["что ты умеешь", "help"],
  ["что вы умеете", "help"],
  ["что умеешь", "help"],
  ["живого человека", "human"],
  ["живой человек", "human"],
  ["забудь меня", "forget"],
  ["ما في مشكله", "noproblem"],
  ["مافي مشكله", "noproblem"],
  ["ولا يهمك", "noproblem"],
  ["بدون مشاكل", "noproblem"],
  ["ان شاء الله", "inshallah"],
  ["ان شا الله", "inshallah"],
  ["ازمه سير", "late"],
  ["شو بتقدر تعمل", "help"],
  ["وقت تاني", "change"],
  ["وقت ثاني", "change"],
  ["يوم تاني", "change"],
  ["بالطريق", "come"],
  ["على الطريق", "come"],
  ["طلعلي شغل", "decline"],
  ["صار معي اشي", "decline"],
  ["شو الساعه", "timeq"],
  ["الساعه كم", "timeq"],
  ["قديش الساعه", "timeq"],
];

export const LEXICON = new Map<string, Concept>();
for (const entries of WORDS) {
  for (const [concept, words] of Object.entries(entries) as [Concept, string][]) {
    for (const w of words.split(/\s+/)) if (w && !LEXICON.has(w)) LEXICON.set(w, concept);
  }
}

/**
 * Greetings that name a part of the day: "בוקר טוב, כן מגיע" greets; it does not ask for a
 * morning (read as a slot, it started a booking).
 */
export const GREETINGS = [
  "בוקר טוב",
  "בוקר אור",
  "ערב טוב",
  "צהריים טובים",
  "צהרים טובים",
  "לילה טוב",
  "good morning",
  "good afternoon",
  "good evening",
  "good night",
  "доброе утро",
  "добрый день",
  "добрый вечер",
  "доброй ночи",
  "صباح الخير",
  "صباح النور",
  "مساء الخير",
  "مساء النور",
];

/** Language names, in any of the four languages, folded. */
export const LANGUAGE_NAMES: [RegExp, "he" | "en" | "ar" | "ru"][] = [
  [/^(hebrew|עברית|иврит\p{L}*|عبري|العبري|العبريه|عبراني)$/u, "he"],
  [/^(english|אנגלית|английск\p{L}*|انجليزي|الانجليزي|الانجليزيه|انكليزي)$/u, "en"],
  [/^(arabic|ערבית|арабск\p{L}*|عربي|العربي|العربيه)$/u, "ar"],
  [/^(russian|רוסית|русск\p{L}*|русски|روسي|الروسي|الروسيه)$/u, "ru"],
];
