## Страницы владельца бизнеса (/admin, /admin/stats)
admin-language-name = Русский
admin-language = Язык
admin-page-title = Записи и напоминания
admin-nav-board = Записи
admin-nav-stats = Статистика
admin-nav-queues = Очереди (техническое)
admin-nav-health = Проверка готовности
admin-nav-metrics = Метрики
admin-back = Назад к записям

## Доска: сегодня и завтра
admin-board-today = Сегодня, { $day }
admin-board-tomorrow = Завтра, { $day }
admin-board-next = Ближайший день с записями, { $day }
admin-board-empty = Записей нет.
admin-board-refresh = Обновить
admin-board-updated = Обновлено в { $when }. Страница обновляется сама каждую минуту.
admin-board-unavailable = Tor4You не ответил, поэтому доску сейчас показать нельзя. Попробуйте через минуту.
admin-board-call = Позвонить { $phone }
admin-state-confirmed = Подтвердил(а)
admin-state-declined = Не придёт
admin-state-sent = Напоминание отправлено
admin-state-no-answer = Нет ответа
admin-state-scheduled = Напоминание ещё не отправлено
admin-state-not-sent = Напоминание не отправлено
admin-state-came = Пришёл(ла)
admin-state-no-show = Не пришёл(ла)
admin-detail-confirmed = Клиент подтвердил в чате или в Tor4You.
admin-detail-declined = Клиент не сможет прийти: позвоните и предложите другое время или отдайте время другому.
admin-detail-sent = Ждём ответа. Следующее напоминание в { $when }.
admin-detail-no-answer = Напоминания отправлены, ответа нет: лучше позвонить.
admin-detail-scheduled = Уйдёт в { $when }.
admin-adjusted-quiet-hours = Перенесено из тихих часов: уйдёт в { $when }, до их начала.
admin-adjusted-shabbat = Выпадает на шаббат или праздник: уйдёт в { $when }, до его начала.
admin-adjusted-late-booking = Запись сделана в последний момент: напоминание уходит сейчас.
admin-hint-no-chat = У этого клиента ещё нет связанного чата: поделитесь ссылкой-приглашением (QR ниже), иначе напоминание не дойдёт.
admin-hint-no-chat-many = { $count ->
        [one] У { $count } клиента на этой доске ещё нет связанного чата
       *[other] У { $count } клиентов на этой доске ещё нет связанного чата
    }: поделитесь ссылкой-приглашением (QR ниже), иначе напоминания до них не дойдут.

## Почему напоминание не отправлено и что делать
admin-reason-not-found = Записи больше нет в Tor4You: ничего делать не нужно.
admin-reason-cancelled = Запись отменена: ничего делать не нужно.
admin-reason-not-live = Запись отменена: ничего делать не нужно.
admin-reason-moved = Запись перенесена: напоминание на новое время уже запланировано.
admin-reason-started = Запись уже началась, когда подошло время напоминания.
admin-reason-past = Запись уже прошла.
admin-reason-answered = Ответ на эту запись уже получен: напоминание не нужно.
admin-reason-temporary = Бронь ждёт оплаты: напоминания начнутся после подтверждения.
admin-reason-lozamin = Заблокированное время в календаре, а не запись клиента.
admin-reason-no-cell = У клиента нет мобильного номера в Tor4You: добавьте номер или позвоните.
admin-reason-opted-out = Клиент отключил напоминания в чате: позвоните, если это важно.
admin-reason-no-channel = Нет связанного чата: поделитесь ссылкой-приглашением (QR ниже) или позвоните клиенту.
admin-reason-unreachable = Клиент заблокировал бота: позвоните.
admin-reason-window-passed = Запись сделана после времени напоминания: отправлять было уже поздно.
admin-reason-quiet-unavoidable = Время напоминания попало на тихие часы или шаббат, а отправить раньше было уже поздно: позвоните, если нужно.
admin-reason-duplicate = В то же время ушло другое напоминание: одного достаточно.
admin-reason-invalid-offset = Время напоминаний в настройках задано неверно: проверьте REMINDER_OFFSETS.
admin-reason-uncertain = Сервер остановился во время отправки: напоминание могло не дойти, и дважды его не отправят. Позвоните, если нужно.
admin-reason-send-failed = Отправка не удалась ни с одной попытки (мессенджер или Tor4You раз за разом отказывали): напоминание не отправлено. Позвоните, если нужно.
admin-reason-other = Не отправлено по причине, которой эта страница пока не знает: смотрите журнал.

## Ссылка-приглашение, недавние решения, WhatsApp
admin-invite-title = Клиенты в Telegram
admin-invite-text = Клиент, который откроет эту ссылку или отсканирует код и поделится номером, будет получать напоминания в Telegram.
admin-invite-none = У этого бизнеса нет бота в Telegram.
admin-qr-alt = QR-код ссылки-приглашения
admin-decisions-title = Неотправленные напоминания за последние дни, по причинам
admin-decisions-none = Нет.
admin-decisions-times = { $count ->
        [one] { $count } раз
        [few] { $count } раза
       *[other] { $count } раз
    }
admin-sessions-title = WhatsApp
admin-sessions-none = В этом процессе не подключён ни один номер WhatsApp.
admin-session-starting = Запускается
admin-session-pairing = Ждёт привязки: в WhatsApp на телефоне бизнеса откройте «Связанные устройства» и отсканируйте этот код.
admin-session-ready = Подключён
admin-session-disconnected = Отключён
admin-session-unreachable = Нет связи с WhatsApp
admin-session-stopped = Остановлен
admin-session-since = с { $when }
admin-session-code = Код привязки
admin-session-qr-alt = QR-код для привязки WhatsApp
admin-technical = Технические подробности

## Статистика
admin-stats-title = { $business }: напоминания, ответы и неявки
admin-stats-weeks = { $count ->
        [one] За { $count } неделю
        [few] За { $count } недели
       *[other] За { $count } недель
    }
admin-stats-confirmation-rate = Подтвердили после напоминания
admin-stats-no-show-rate = Не пришли
admin-stats-chart = Ответы на напоминания по неделям
admin-stats-axis-week = Неделя с
admin-stats-axis-count = Записей с напоминанием
admin-stats-bar-no-show = { $count }% неявок
admin-stats-per-week = По неделям
admin-stats-per-staff = По сотрудникам
admin-stats-per-service = По услугам
admin-stats-empty = В эти недели записей нет.
admin-col-week = Неделя
admin-col-staff = Сотрудник
admin-col-service = Услуга
admin-col-appointments = Записи
admin-col-reminded = С напоминанием
admin-col-reminders-sent = Отправлено напоминаний
admin-col-answered = Ответили
admin-col-confirmed = Подтвердили
admin-col-declined = Не придут
admin-col-no-answer = Нет ответа
admin-col-no-shows-confirmed = Подтвердили и не пришли
admin-col-no-shows-unanswered = Не ответили и не пришли
admin-col-no-shows = Неявки
admin-col-cancelled-by-bot = Отменено в чате
admin-col-confirmation-rate = Доля подтверждений
admin-col-no-show-rate = Доля неявок
