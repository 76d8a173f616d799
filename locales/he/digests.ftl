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
