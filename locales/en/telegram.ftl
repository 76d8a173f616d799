## Telegram command menu
cmd-appointments = My appointments
cmd-book = Book an appointment
cmd-cancel = Cancel an appointment
cmd-language = Change language
cmd-stop = Stop reminders
cmd-help = Help
