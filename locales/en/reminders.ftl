## Reminders and replies
reminder-text = Reminder from { $business }: { $service } with { $staff }, { $when }. Are you coming?
reminder-coming = Yes, I'm coming
reminder-not-coming = No, I can't come
reminder-change = Change time
declined-ask = Thanks for letting us know. What would you like to do with your appointment on { $when }?
declined-cancel = Cancel it
declined-kept = OK, the appointment stays. We've noted that you may not come.
stale-cancelled = That appointment has been cancelled, so nothing was changed.
stale-moved = That appointment was moved to { $when }, so this message is out of date and nothing was changed.
stale-past = That appointment has already started, so nothing was changed.

notice-moved = { $business } moved your appointment: { $service } with { $staff } is now on { $when }.
notice-moved-from = { $business } moved your appointment: { $service } with { $staff }.
    Was: { $was }
    Now: { $when }
notice-cancelled = { $business } cancelled your appointment: { $service } with { $staff } on { $when }. You can book a new one here.
notice-book-again = Book again
