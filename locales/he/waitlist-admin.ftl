# רשימת ההמתנה בעיני בעל העסק (דף הניהול והסטטיסטיקה).
admin-waitlist-title = רשימת המתנה
admin-waitlist-empty = אין לקוחות שממתינים לתור.
admin-waitlist-day = { $day }: { $count ->
        [one] לקוח אחד ממתין
       *[other] { $count } לקוחות ממתינים
    }
admin-waitlist-item = { $service }, { $staff }{ $part ->
        [morning] , בבוקר
        [noon] , בצהריים
        [evening] , בערב
       *[any] {""}
    }: { $count }
admin-waitlist-any-staff = כל אחד מהצוות
admin-waitlist-filled-week = נקבעו מרשימת ההמתנה השבוע: { $count }
admin-col-waitlist-filled = מרשימת ההמתנה
admin-stats-waitlist-filled = נקבעו מרשימת ההמתנה
