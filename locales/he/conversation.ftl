## Menu and help
welcome = שלום! אני העוזר לקביעת תורים של { $business }. כאן אפשר לראות, לקבוע, להזיז ולבטל תורים.
menu-prompt = מה תרצו לעשות?
menu-appointments = התורים שלי
menu-book = לקבוע תור
menu-cancel = לבטל תור
menu-language = שפה
menu-help = עזרה
help =
    אני כאן כדי לעזור עם התורים שלך אצל { $business }:
    • "התורים שלי": לראות אותם, לאשר הגעה, לבטל או להזיז
    • "לקבוע תור": לקבוע תור חדש
    • "שפה": English, עברית, العربية, Русский
    • "להפסיק תזכורות" / "לחדש תזכורות": לכבות או להפעיל תזכורות
    • "למחוק אותי": למחוק את המספר וההגדרות שלך מהצ'אט הזה
fallback = סליחה, לא הבנתי. זה מה שאפשר לעשות כאן:
out-of-date = השאלה הזו כבר לא רלוונטית, אז לא עשיתי כלום. הנה התפריט שוב.
reask = אפשר לבחור באחת מהאפשרויות האלה:
yes = כן
no = לא

## Linking the customer's own phone
link-ask = כדי למצוא את התורים שלך צריך את מספר הטלפון שלך. אפשר ללחוץ על הכפתור למטה כדי לשתף אותו.
link-button = לשתף את מספר הטלפון שלי
link-not-own = כדי לשמור על הפרטיות שלך, אפשר להשתמש רק במספר שלך, כשהוא משותף דרך הכפתור למטה. אי אפשר להשתמש במספר שהוקלד או הועבר.
link-bad-number = המספר הזה הוא לא מספר נייד ישראלי, אז אי אפשר לחפש לפיו תורים. אפשר לשתף את המספר שלך דרך הכפתור.
link-done = תודה{ $first ->
        [none] {""}
       *[other] , { $first }
    }! המספר שלך מקושר עכשיו לצ'אט הזה.

## Appointments
appts-none = אין לך תורים קרובים.
appts-header = התורים הקרובים שלך:
appt-card = { $when }
    { $service } אצל { $staff }
appt-card-branch = { $when }
    { $service } אצל { $staff }, { $branch }
appt-confirmed-mark = ✓ אישרת הגעה
appt-declined-mark = ✗ עדכנת שאין באפשרותך להגיע
appt-confirm = כן, אגיע
appt-cancel = לבטל את התור
appt-change = להזיז את התור
appt-confirmed = תודה! ההגעה שלך ב{ $when } אושרה.
appt-not-found = לא מצאתי את התור הזה בין התורים שלך. ייתכן שהוא הוזז או בוטל.
staff-anyone = הצוות שלנו

## Cancel
cancel-pick = איזה תור לבטל?
cancel-confirm = לבטל את התור? { $service }, { $when }
cancel-yes = כן, לבטל
keep-it = להשאיר את התור
cancel-done = התור שלך ב{ $when } בוטל.
cancel-kept = בסדר, התור נשאר כמו שהוא.
too-late-phone = נשארו פחות מ־{ $cutoff } עד התור, אז אי אפשר לשנות אותו כאן. אפשר להתקשר לעסק: { $phone }.
too-late = נשארו פחות מ־{ $cutoff } עד התור, אז אי אפשר לשנות אותו כאן. אפשר לפנות לעסק ישירות.

## Book and change time
book-service = איזה שירות לקבוע?
book-no-services = כרגע אי אפשר לקבוע תור אונליין בעסק הזה. אפשר לפנות אליהם ישירות.
book-branch = באיזה סניף?
book-staff = אצל מי?
book-any-staff = לא משנה, מי שפנוי
book-date = איזה יום מתאים?
book-more-dates = ימים נוספים
book-more-times = שעות מאוחרות יותר
book-no-dates = סליחה, אין ימים פנויים בשבועות הקרובים לבחירה הזו.
book-time = באיזו שעה ב{ $day }?
book-no-times = היום הזה התמלא ממש עכשיו. אפשר לבחור יום אחר.
book-participants = כמה אנשים מגיעים? (עד { $max })
book-name = מה השם המלא? (שם פרטי ושם משפחה)
book-name-invalid = צריך לכתוב שם פרטי ושם משפחה, למשל: דנה כהן.
book-tz = כדי לקבוע תור בעסק הזה צריך מספר תעודת זהות (9 ספרות). אפשר להקליד אותו כאן.
book-tz-invalid = מספר תעודת הזהות לא תקין. כדאי לבדוק אותו ולשלוח שוב.
book-summary = { $service } אצל { $staff }
    { $when }{ $people ->
        [1] {""}
       *[other] {""}, { $people } אנשים
    }
    על שם: { $name }
    אפשר לבטל או להזיז כאן עד { $cutoff } לפני התור.
    לקבוע את התור?
book-confirm = כן, לקבוע
book-abort = לא, תודה
book-aborted = בסדר, לא נקבע תור.
book-done = התור נקבע! { $service } אצל { $staff }, { $when }.
book-taken = סליחה, השעה הזו נתפסה הרגע.
book-nearest = אלה השעות הפנויות הקרובות:
change-pick = איזה תור להזיז?
change-old-cancelled = התור הקודם שלך ב{ $when } בוטל.
change-rolled-back = לא הצלחתי לבטל את התור הקודם, אז ביטלתי את החדש. התור שלך ב{ $when } נשאר בתוקף.
change-both-kept = לא הצלחתי לבטל את התור הקודם שלך ב{ $when }, אז כרגע יש לך שני תורים. כדאי לפנות לעסק כדי לבטל אחד מהם.

## Settings
language-pick = באיזו שפה לכתוב?
language-set = מעכשיו אכתוב בעברית.
stop-done = לא יישלחו יותר תזכורות. כדי להפעיל אותן שוב, אפשר לכתוב "לחדש תזכורות".
start-done = התזכורות הופעלו שוב.
forget-confirm = למחוק את מספר הטלפון וההגדרות שלך מהצ'אט הזה? התורים עצמם יישארו כמו שהם.
forget-yes = כן, למחוק
forget-done = בוצע: המספר וההגדרות שלך נמחקו.
forget-kept = בסדר, שום דבר לא נמחק.

## Failures
error-booking-system = סליחה, אין כרגע חיבור למערכת התורים. שום דבר לא השתנה.
retry = לנסות שוב
