waitlist-join-button = 🔔 أخبرني إذا تفرّغ موعد
waitlist-wish = { $service } مع { $staff }، { $days }{ $part ->
        [morning] ، في الصباح
        [noon] ، بعد الظهر
        [evening] ، في المساء
       *[any] {""}
    }
waitlist-joined = سجّلتك في قائمة الانتظار: { $wish }. إذا تفرّغ موعد مناسب سأكتب لك هنا فورًا.
waitlist-unavailable = لا يمكن التسجيل في قائمة الانتظار لهذا. يمكنك الحجز من القائمة.
waitlist-card = في قائمة الانتظار: { $wish }
waitlist-leave = إزالة من قائمة الانتظار
waitlist-gone = هذا العرض لم يعد صالحًا.
waitlist-left = أُزلت من قائمة الانتظار: { $wish }.
waitlist-offer = 🔔 تفرّغ موعد: { $service } مع { $staff }، { $when }. هل أحجزه لك؟
waitlist-book-it = احجزه لي
waitlist-not-this = ليس هذا
waitlist-too-late = هذا الموعد قد مضى.
waitlist-taken = شخص آخر حجز هذا الموعد للتوّ. ما زلت في قائمة الانتظار وسأكتب لك عندما يتفرّغ موعد آخر.
waitlist-need-name = أحتاج إلى اسمك للحجز. يمكنك الحجز من القائمة.
waitlist-declined = حسنًا. ما زلت في قائمة الانتظار.
