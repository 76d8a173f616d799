## דפי הניהול של בעל העסק (/admin, /admin/stats)
admin-language-name = עברית
admin-language = שפה
admin-page-title = תורים ותזכורות
admin-nav-board = לוח התורים
admin-nav-stats = סטטיסטיקה
admin-nav-queues = תורי עבודה (טכני)
admin-nav-health = בדיקת תקינות
admin-nav-metrics = מדדים
admin-back = חזרה ללוח התורים

## הלוח: היום ומחר
admin-board-today = היום, { $day }
admin-board-tomorrow = מחר, { $day }
admin-board-next = היום הבא שיש בו תורים, { $day }
admin-board-empty = אין תורים.
admin-board-refresh = רענון
admin-board-updated = עודכן ב־{ $when }. הלוח מתרענן לבד כל דקה.
admin-board-unavailable = Tor4You לא ענה, ולכן אי אפשר להציג את הלוח כרגע. נסו שוב בעוד דקה.
admin-board-call = להתקשר { $phone }
admin-state-confirmed = אישר/ה הגעה
admin-state-declined = לא יגיע/תגיע
admin-state-sent = נשלחה תזכורת
admin-state-no-answer = אין תשובה
admin-state-scheduled = התזכורת עוד לא נשלחה
admin-state-not-sent = התזכורת לא נשלחה
admin-state-came = הגיע/ה
admin-state-no-show = לא הגיע/ה
admin-detail-confirmed = הלקוח/ה אישר/ה בצ׳אט או ב־Tor4You.
admin-detail-declined = הלקוח/ה לא יכול/ה להגיע: כדאי להתקשר ולהציע מועד אחר, או לתת את התור למישהו אחר.
admin-detail-sent = מחכים לתשובה. התזכורת הבאה ב־{ $when }.
admin-detail-no-answer = התזכורות נשלחו ואף אחד לא ענה: שיחת טלפון תסגור את זה.
admin-detail-scheduled = תישלח ב־{ $when }.
admin-adjusted-quiet-hours = הוקדמה מחוץ לשעות השקט: תישלח ב־{ $when }, לפני שהן מתחילות.
admin-adjusted-shabbat = בזמן שבת או חג: תישלח ב־{ $when }, לפני כניסתם.
admin-adjusted-late-booking = התור נקבע ברגע האחרון: התזכורת נשלחת עכשיו.
admin-hint-no-chat = ללקוח/ה הזה/ו עוד אין צ׳אט מקושר: שתפו את קישור ההזמנה (QR למטה), אחרת התזכורת לא תגיע.
admin-hint-no-chat-many = { $count ->
        [one] ללקוח/ה אחד/ת בלוח עוד אין צ׳אט מקושר
       *[other] ל־{ $count } לקוחות בלוח עוד אין צ׳אט מקושר
    }: שתפו את קישור ההזמנה (QR למטה), אחרת התזכורות לא יגיעו אליהם.

## למה תזכורת לא נשלחה, ומה לעשות
admin-reason-not-found = התור כבר לא קיים ב־Tor4You: אין מה לעשות.
admin-reason-cancelled = התור בוטל: אין מה לעשות.
admin-reason-not-live = התור בוטל: אין מה לעשות.
admin-reason-moved = התור הוזז: תזכורת למועד החדש כבר מתוכננת.
admin-reason-started = התור כבר התחיל כשהגיע זמן התזכורת.
admin-reason-past = התור כבר עבר.
admin-reason-answered = כבר התקבלה תשובה לתור הזה: אין צורך בתזכורת.
admin-reason-temporary = הזמנה שממתינה לתשלום: התזכורות יתחילו אחרי שתאושר.
admin-reason-lozamin = זמן חסום ביומן, לא תור של לקוח.
admin-reason-no-cell = אין ללקוח/ה מספר נייד ב־Tor4You: הוסיפו מספר, או התקשרו.
admin-reason-opted-out = הלקוח/ה כיבה/תה תזכורות בצ׳אט: התקשרו אם זה חשוב.
admin-reason-no-channel = אין צ׳אט מקושר: שתפו את קישור ההזמנה (QR למטה), או התקשרו ללקוח/ה.
admin-reason-unreachable = הלקוח/ה חסם/ה את הבוט: התקשרו.
admin-reason-window-passed = התור נקבע אחרי מועד התזכורת: כבר היה מאוחר מדי לשלוח אותה.
admin-reason-quiet-unavoidable = מועד התזכורת נפל בשעות השקט או בשבת, וכבר היה מאוחר מדי לשלוח לפני כן: התקשרו אם צריך.
admin-reason-duplicate = תזכורת אחרת נשלחה באותו זמן: אחת מספיקה.
admin-reason-invalid-offset = זמני התזכורת בהגדרות לא תקינים: בדקו את REMINDER_OFFSETS.
admin-reason-uncertain = השרת נעצר באמצע השליחה: ייתכן שהתזכורת לא הגיעה, והיא לא תישלח פעמיים. התקשרו אם צריך.
admin-reason-send-failed = השליחה נכשלה בכל הניסיונות (שירות ההודעות או Tor4You סירבו שוב ושוב): התזכורת לא נשלחה. התקשרו אם צריך.
admin-reason-other = לא נשלחה, מסיבה שהדף הזה עוד לא מכיר: ראו ביומן המערכת.

## קישור הזמנה, החלטות אחרונות, וואטסאפ
admin-invite-title = לקוחות בטלגרם
admin-invite-text = לקוח/ה שפותח/ת את הקישור הזה, או סורק/ת את הקוד, ומשתף/ת את המספר שלו/ה, יקבל/תקבל תזכורות בטלגרם.
admin-invite-none = לעסק הזה אין בוט טלגרם.
admin-qr-alt = קוד QR של קישור ההזמנה
admin-decisions-title = תזכורות שלא נשלחו בימים האחרונים, לפי סיבה
admin-decisions-none = אין.
admin-decisions-times = { $count ->
        [one] פעם אחת
        [two] פעמיים
       *[other] { $count } פעמים
    }
admin-sessions-title = וואטסאפ
admin-sessions-none = אין מספר וואטסאפ מחובר בתהליך הזה.
admin-session-starting = מתחבר
admin-session-pairing = ממתין לחיבור: בוואטסאפ בטלפון של העסק, פתחו "מכשירים מקושרים" וסרקו את הקוד.
admin-session-ready = מחובר
admin-session-disconnected = מנותק
admin-session-unreachable = אין גישה לוואטסאפ
admin-session-stopped = כבוי
admin-session-since = מאז { $when }
admin-session-code = קוד חיבור
admin-session-qr-alt = קוד QR לחיבור וואטסאפ
admin-technical = פרטים טכניים

## סטטיסטיקה
admin-stats-title = { $business }: תזכורות, תשובות ואי־הגעות
admin-stats-weeks = { $count ->
        [one] השבוע האחרון
        [two] השבועיים האחרונים
       *[other] { $count } השבועות האחרונים
    }
admin-stats-confirmation-rate = אישרו הגעה אחרי תזכורת
admin-stats-no-show-rate = לא הגיעו
admin-stats-chart = תשובות לתזכורות לפי שבוע
admin-stats-axis-week = שבוע שמתחיל ב־
admin-stats-axis-count = תורים שקיבלו תזכורת
admin-stats-bar-no-show = { $count }% לא הגיעו
admin-stats-per-week = לפי שבוע
admin-stats-per-staff = לפי איש/אשת צוות
admin-stats-per-service = לפי שירות
admin-stats-empty = אין תורים בשבועות האלה.
admin-col-week = שבוע
admin-col-staff = צוות
admin-col-service = שירות
admin-col-appointments = תורים
admin-col-reminded = קיבלו תזכורת
admin-col-reminders-sent = תזכורות שנשלחו
admin-col-answered = ענו
admin-col-confirmed = אישרו
admin-col-declined = לא יגיעו
admin-col-no-answer = לא ענו
admin-col-no-shows-confirmed = אישרו ולא הגיעו
admin-col-no-shows-unanswered = לא ענו ולא הגיעו
admin-col-no-shows = לא הגיעו
admin-col-cancelled-by-bot = בוטלו בצ׳אט
admin-col-confirmation-rate = שיעור אישורים
admin-col-no-show-rate = שיעור אי־הגעה
