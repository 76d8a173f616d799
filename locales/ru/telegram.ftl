## Telegram command menu
cmd-appointments = Мои записи
cmd-book = Записаться
cmd-cancel = Отменить запись
cmd-language = Сменить язык
cmd-stop = Отключить напоминания
cmd-help = Помощь
