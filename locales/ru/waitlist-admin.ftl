# Лист ожидания глазами владельца (страница администратора и статистика).
admin-waitlist-title = Лист ожидания
admin-waitlist-empty = Никто не ждёт свободного времени.
admin-waitlist-day = { $day }: ждут { $count }
admin-waitlist-item = { $service }, { $staff }{ $part ->
        [morning] , утром
        [noon] , днём
        [evening] , вечером
       *[any] {""}
    }: { $count }
admin-waitlist-any-staff = любой свободный мастер
admin-waitlist-filled-week = Записаны из листа ожидания на этой неделе: { $count }
admin-col-waitlist-filled = Из листа ожидания
admin-stats-waitlist-filled = Записаны из листа ожидания
