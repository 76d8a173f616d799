calendar-file = 📅 Добавить в мой календарь: откройте файл, чтобы сохранить запись в своём календаре.
calendar-update-file = 📅 Обновление календаря: откройте файл, и запись переместится в вашем календаре.
calendar-cancel-file = 📅 Отмена в календаре: откройте файл, чтобы удалить запись из своего календаря.
calendar-appointment = Запись
calendar-description = { $service } у мастера { $staff }, { $business }. { $phone }
