## Staff digests
digest-tomorrow = Завтра, { $day }:
digest-tomorrow-empty = Завтра записей нет ({ $day }).
digest-totals = Записей: { $total }; подтвердили: { $confirmed }, отказались: { $declined }, без ответа: { $unanswered }
digest-confirmed = ✓ подтвердил(а)
digest-declined = ✗ отказался(ась)
digest-no-answer = ? без ответа
digest-no-shows = Не пришли сегодня ({ $count }):
digest-unmarked = Клиент пришёл?
digest-came = Пришёл
digest-no-show = Не пришёл
staff-linked = Готово: ежедневная сводка ваших записей будет приходить сюда.
staff-linked-owner = Готово, вы владелец: ежедневная сводка по всем сотрудникам будет приходить сюда.
staff-code-refused = Код недействителен: возможно, он истёк или уже использован. Попросите новый.
staff-only = Это доступно только сотрудникам.
staff-marked-came = Отмечено: пришёл ({ $when }).
staff-marked-no-show = Отмечено: не пришёл ({ $when }).
## Real-time alerts and the unanswered list
alert-declined = ✗ Не придёт: { $who }, { $when } { $phone }
alert-cancelled = Отменено через бота: { $who }, { $when }
alert-booked = Новая запись через бота: { $who }, { $when }
alert-moved = Перенесено через бота: { $who }, с { $from } на { $when }
unconfirmed-title = { $count ->
        [one] Нет ответа по { $count } записи; стоит позвонить:
        [few] Нет ответа по { $count } записям; стоит позвонить:
       *[other] Нет ответа по { $count } записям; стоит позвонить:
    }
