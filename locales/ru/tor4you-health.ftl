# Tor4You health: refusals, webhooks (issue 13)
admin-reason-unverified = Tor4You отказывал или не отвечал почти до начала записи, поэтому проверить её не удалось и напоминание не отправлено. Позвоните клиенту, если это важно.
admin-webhooks-title = Вебхуки Tor4You
admin-webhooks-no-key = Ключ вебхука (TOR4YOU_WEBHOOK_KEY) не задан: изменения приходят только с периодической проверкой.
admin-webhooks-never = Ни одного подтверждённого вебхука ещё не пришло.
admin-webhooks-last = Последний подтверждённый вебхук: { $at }.
admin-webhooks-wrong-signatures = { $count ->
        [one] { $count } вебхук с неверной подписью за последний час.
        [few] { $count } вебхука с неверной подписью за последний час.
       *[other] { $count } вебхуков с неверной подписью за последний час.
    }
admin-webhooks-check-key = Проверьте, что TOR4YOU_WEBHOOK_KEY совпадает с ключом в меню настроек Tor4You.
admin-webhooks-off = Вебхуков нет уже { $hours } ч, а проверка нашла { $changes } изменений, сделанных бизнесом: скорее всего, Tor4You отключил вебхук.
admin-webhooks-turn-on = Чтобы включить его снова: в меню настроек Tor4You проверьте адрес вебхука и сбросьте счётчик повторных попыток.
