# قائمة الانتظار كما يراها صاحب العمل (صفحة الإدارة والإحصاءات).
admin-waitlist-title = قائمة الانتظار
admin-waitlist-empty = لا أحد ينتظر موعدًا.
admin-waitlist-day = { $day }: في الانتظار { $count }
admin-waitlist-item = { $service }، { $staff }{ $part ->
        [morning] ، صباحًا
        [noon] ، ظهرًا
        [evening] ، مساءً
       *[any] {""}
    }: { $count }
admin-waitlist-any-staff = أي موظف متاح
admin-waitlist-filled-week = حُجزت من قائمة الانتظار هذا الأسبوع: { $count }
admin-col-waitlist-filled = من قائمة الانتظار
admin-stats-waitlist-filled = حُجزت من قائمة الانتظار
