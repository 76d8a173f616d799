## Staff digests
digest-tomorrow = מחר, { $day }:
digest-tomorrow-empty = אין תורים מחר ({ $day }).
digest-totals = { $total ->
        [one] תור אחד
       *[other] { $total } תורים
    }: { $confirmed } אישרו, { $declined } לא יגיעו, { $unanswered } בלי תשובה
digest-confirmed = ✓ אישר/ה
digest-declined = ✗ לא יגיע/תגיע
digest-no-answer = ? בלי תשובה
digest-no-shows = לא הגיעו היום ({ $count }):
digest-unmarked = האם הגיע/ה?
digest-came = הגיע/ה
digest-no-show = לא הגיע/ה
staff-linked = קושרת/ה: כאן יגיע הסיכום היומי של התורים שלך.
staff-linked-owner = קושרת/ה כבעלים: כאן יגיע הסיכום היומי של כל הצוות.
staff-code-refused = הקוד לא תקף: ייתכן שפג תוקפו או שכבר השתמשו בו. כדאי לבקש קוד חדש.
staff-only = רק צוות העסק יכול לעשות את זה.
staff-marked-came = סומן: הגיע/ה ({ $when }).
staff-marked-no-show = סומן: לא הגיע/ה ({ $when }).
## Real-time alerts and the unanswered list
alert-declined = ✗ לא יגיע/תגיע: { $who }, { $when } { $phone }
alert-cancelled = בוטל דרך הבוט: { $who }, { $when }
alert-booked = תור חדש דרך הבוט: { $who }, { $when }
alert-moved = הוזז דרך הבוט: { $who }, מ־{ $from } ל־{ $when }
unconfirmed-title = { $count ->
        [one] עדיין אין תשובה לתור אחד; כדאי להתקשר:
       *[other] עדיין אין תשובה ל־{ $count } תורים; כדאי להתקשר:
    }
