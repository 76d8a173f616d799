## Booking: how people choose (durations, again, parts of the day, the name)
service-minutes = { $minutes } דק׳
book-again = שוב: { $service } אצל { $staff }
book-today-part = { $part ->
        [morning] היום בבוקר
        [noon] היום בצהריים
       *[evening] היום בערב
    }
book-tomorrow-part = { $part ->
        [morning] מחר בבוקר
        [noon] מחר בצהריים
       *[evening] מחר בערב
    }
book-part = באיזה חלק של היום, { $day }?
book-part-range = { $part ->
        [morning] בוקר
        [noon] צהריים
       *[evening] ערב
    } { $earliest }–{ $latest }
book-change-name = לשנות את השם
change-staff-full = אין שעות פנויות אצל אותו איש צוות בשבועות הקרובים, אז אלה השעות אצל כל מי שפנוי.
change-aborted = בסדר, התור נשאר כמו שהיה.

## A way out of every step
nav-back = חזרה
nav-stop = להפסיק
back-to-menu = לתפריט
flow-stopped = בסדר, הפסקתי.
stop-ask-book = להפסיק את קביעת התור? עדיין לא נקבע כלום.
stop-ask-change = להפסיק את הזזת התור? התור יישאר כמו שהוא.
stop-ask-cancel = להפסיק את הביטול? התור יישאר כמו שהוא.
stop-ask-yes = כן, להפסיק
stop-ask-no = לא, להמשיך

## Dead ends
call-business = לשיחה איתנו: { $phone }

## Talk to a person
menu-person = לדבר עם נציג
person-call = לשיחה טלפונית: { $phone }
person-ask = אפשר לכתוב כאן את ההודעה ואעביר אותה לצוות שלנו: יחזרו אליך.
person-passed-on = העברתי את ההודעה לצוות שלנו: יחזרו אליך בקרוב.
person-no-staff = כרגע אין לי אפשרות להעביר הודעות מכאן.
person-offer = סליחה, עדיין לא הבנתי. לחבר אותך לנציג?
person-alert = 🙋 לקוח/ה מבקש/ת לדבר עם נציג ({ $channel }): { $who }
person-alert-unknown = המספר לא שותף
## A voice note, picture or sticker came without words: the bot reads text only (then the menu or the question again)
media-text-only = אני יכול לקרוא רק הודעות כתובות, לא הקלטות, תמונות או מדבקות. אפשר לכתוב לי במילים, או לבחור כאן:
## Dates to a customer: "Tuesday 25.11 (tomorrow) at 14:30"
when-today = היום
when-tomorrow = מחר
when-at = בשעה
## A service that lasts whole hours: "1 hour", not "60 min"
service-hours = { $hours ->
        [1] שעה
        [2] שעתיים
       *[other] { $hours } שעות
    }
