waitlist-join-button = 🔔 Сообщите, если что-то освободится
waitlist-wish = { $service } у мастера { $staff }, { $days }{ $part ->
        [morning] , утром
        [noon] , днём
        [evening] , вечером
       *[any] {""}
    }
waitlist-joined = Вы в листе ожидания: { $wish }. Если освободится подходящее время, я сразу напишу вам здесь.
waitlist-unavailable = Это нельзя добавить в лист ожидания. Записаться можно через меню.
waitlist-card = В листе ожидания: { $wish }
waitlist-leave = Убрать из листа ожидания
waitlist-gone = Это предложение уже недействительно.
waitlist-left = Вы убраны из листа ожидания: { $wish }.
waitlist-offer = 🔔 Освободилось время: { $service } у мастера { $staff }, { $when }. Записать вас?
waitlist-book-it = Записать меня
waitlist-not-this = Не это время
waitlist-too-late = Это время уже прошло.
waitlist-taken = Это время только что занял кто-то другой. Вы остаётесь в листе ожидания, и я напишу, когда освободится другое время.
waitlist-need-name = Для записи нужно ваше имя. Записаться можно через меню.
waitlist-declined = Хорошо. Вы остаётесь в листе ожидания.
