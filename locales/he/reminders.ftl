## Reminders and replies
reminder-text = תזכורת מ{ $business }: { $service } אצל { $staff }, { $when }. מגיעים?
reminder-coming = כן, אגיע
reminder-not-coming = לא אוכל להגיע
reminder-change = שינוי מועד
declined-ask = תודה שעדכנת. מה לעשות עם התור שלך ב{ $when }?
declined-cancel = לבטל את התור
declined-kept = בסדר, התור נשאר. רשמנו שייתכן שלא תגיע/י.
stale-cancelled = התור הזה בוטל, ולכן לא שונה דבר.
stale-moved = התור הזה הועבר ל{ $when }, ולכן ההודעה הזו כבר לא עדכנית ולא שונה דבר.
stale-past = התור הזה כבר התחיל, ולכן לא שונה דבר.
notice-moved = { $business } העבירו את התור שלך: { $service } אצל { $staff } נקבע עכשיו ל{ $when }.
notice-cancelled = { $business } ביטלו את התור שלך: { $service } אצל { $staff } ב{ $when }.
