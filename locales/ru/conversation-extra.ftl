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

## Talk to a person
menu-person = Связаться с администратором
person-call = Позвонить нам: { $phone }
person-ask = Напишите здесь ваше сообщение, и я передам его нашей команде: с вами свяжутся.
person-passed-on = Ваше сообщение передано нашей команде: с вами скоро свяжутся.
person-no-staff = Сейчас я не могу передавать сообщения отсюда.
person-offer = Извините, снова не получилось понять. Хотите поговорить с администратором?
person-alert = 🙋 Клиент просит связаться с ним ({ $channel }): { $who }
person-alert-unknown = номер не указан
## A voice note, picture or sticker came without words: the bot reads text only (then the menu or the question again)
media-text-only = Я понимаю только текст, а не голосовые сообщения, фото или стикеры. Напишите мне словами или выберите здесь:
## Dates to a customer: "Tuesday 25.11 (tomorrow) at 14:30"
when-today = сегодня
when-tomorrow = завтра
when-at = в
## A service that lasts whole hours: "1 hour", not "60 min"
service-hours = { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }
