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
