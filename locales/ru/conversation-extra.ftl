## Booking: how people choose (durations, again, parts of the day, the name)
service-minutes = { $minutes } мин
book-again = Снова: { $service }, мастер: { $staff }
book-today-part = { $part ->
        [morning] Сегодня утром
        [noon] Сегодня днём
       *[evening] Сегодня вечером
    }
book-tomorrow-part = { $part ->
        [morning] Завтра утром
        [noon] Завтра днём
       *[evening] Завтра вечером
    }
book-part = В какое время дня, { $day }?
book-part-range = { $part ->
        [morning] Утро
        [noon] День
       *[evening] Вечер
    } { $earliest }–{ $latest }
book-change-name = Изменить имя
change-staff-full = У этого мастера нет свободного времени в ближайшие недели, поэтому вот время у любого свободного мастера.
change-aborted = Хорошо, запись остаётся как была.

## A way out of every step
nav-back = Назад
nav-stop = Прервать
back-to-menu = В меню
flow-stopped = Хорошо, остановились.
stop-ask-book = Прервать запись? Пока ничего не забронировано.
stop-ask-change = Прервать перенос? Запись останется как есть.
stop-ask-cancel = Прервать отмену? Запись останется как есть.
stop-ask-yes = Да, прервать
stop-ask-no = Нет, продолжить

## Dead ends
call-business = Связаться с нами: { $phone }
