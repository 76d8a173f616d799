## Reminders and replies
reminder-text = תזכורת מאת { $business }: { $service } אצל { $staff }, { $when }. מגיעים?
reminder-coming = כן, אגיע
reminder-not-coming = לא אוכל להגיע
reminder-change = להזיז את התור
declined-ask = תודה שעדכנת. מה לעשות עם התור שלך ב{ $when }?
declined-cancel = לבטל את התור
declined-kept = בסדר, התור נשאר. רשמנו שייתכן שלא יתאפשר לך להגיע.
stale-cancelled = התור הזה בוטל, ולכן לא שונה דבר.
stale-moved = התור הזה הוזז ל{ $when }, ולכן ההודעה הזו כבר לא עדכנית ולא שונה דבר.
stale-past = התור הזה כבר התחיל, ולכן לא שונה דבר.
notice-moved = התור שלך הוזז על ידי { $business }: { $service } אצל { $staff } נקבע עכשיו ל{ $when }.
notice-moved-from = התור שלך הוזז על ידי { $business }: { $service } אצל { $staff }.
    היה: { $was }
    עכשיו: { $when }
notice-cancelled = התור שלך בוטל על ידי { $business }: { $service } אצל { $staff } ב{ $when }. אפשר לקבוע תור חדש כאן.
notice-book-again = לקבוע תור חדש
