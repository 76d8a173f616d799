## Reminders and replies
reminder-text = Напоминание от { $business }: { $service }, специалист { $staff }, { $when }. Вы придёте?
reminder-coming = Да, приду
reminder-not-coming = Нет, не смогу
reminder-change = Изменить время
declined-ask = Спасибо, что предупредили. Что сделать с вашей записью на { $when }?
declined-cancel = Отменить запись
declined-kept = Хорошо, запись остаётся. Мы отметили, что вы можете не прийти.
stale-cancelled = Эта запись отменена, поэтому ничего не изменилось.
stale-moved = Эта запись перенесена на { $when }, поэтому сообщение устарело и ничего не изменилось.
stale-past = Эта запись уже началась, поэтому ничего не изменилось.
notice-moved = { $business } перенесли вашу запись: { $service }, специалист { $staff }, теперь { $when }.
notice-cancelled = { $business } отменили вашу запись: { $service }, специалист { $staff }, { $when }.
