## Reminders and replies
reminder-text = Напоминание от { $business }: { $service }, { $when }. Мастер: { $staff }. Вы придёте?
reminder-coming = Да, приду
reminder-not-coming = Нет, не смогу
reminder-change = Изменить время
declined-ask = Спасибо, что предупредили. Что сделать с вашей записью на { $when }?
declined-cancel = Отменить запись
declined-kept = Хорошо, запись остаётся. Мы отметили, что вы можете не прийти.
stale-cancelled = Эта запись отменена, поэтому ничего не изменилось.
stale-moved = Эта запись перенесена на { $when }, поэтому сообщение устарело и ничего не изменилось.
stale-past = Эта запись уже началась, поэтому ничего не изменилось.
notice-moved = Ваша запись в { $business } перенесена: { $service }, теперь { $when }. Мастер: { $staff }.
notice-moved-from = Ваша запись в { $business } перенесена: { $service }. Мастер: { $staff }.
    Было: { $was }
    Стало: { $when }
notice-cancelled = Ваша запись в { $business } отменена: { $service }, { $when }. Мастер: { $staff }. Можно записаться снова здесь.
notice-book-again = Записаться снова
