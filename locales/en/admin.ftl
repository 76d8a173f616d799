## The owner's admin pages (/admin, /admin/stats)
admin-language-name = English
admin-language = Language
admin-page-title = Appointments and reminders
admin-nav-board = Board
admin-nav-stats = Statistics
admin-nav-queues = Queues (technical)
admin-nav-health = Health check
admin-nav-metrics = Metrics
admin-back = Back to the board

## The board: today and tomorrow
admin-board-today = Today, { $day }
admin-board-tomorrow = Tomorrow, { $day }
admin-board-next = Next day with appointments, { $day }
admin-board-empty = No appointments.
admin-board-refresh = Refresh
admin-board-updated = Updated at { $when }. It refreshes by itself every minute.
admin-board-unavailable = Tor4You did not answer, so the board cannot be shown right now. Try again in a minute.
admin-board-call = Call { $phone }
admin-state-confirmed = Confirmed
admin-state-declined = Can't come
admin-state-sent = Reminder sent
admin-state-no-answer = No answer
admin-state-scheduled = Reminder not sent yet
admin-state-not-sent = Reminder not sent
admin-state-came = Came
admin-state-no-show = Didn't come
admin-detail-confirmed = The customer confirmed in the chat or in Tor4You.
admin-detail-declined = The customer can't come: call to offer another time, or give the slot to someone else.
admin-detail-sent = Waiting for an answer. Next reminder at { $when }.
admin-detail-no-answer = The reminders went out and nobody answered: a call will settle it.
admin-detail-scheduled = Goes out at { $when }.
admin-adjusted-quiet-hours = Moved out of the quiet hours: it goes out at { $when }, before they begin.
admin-adjusted-shabbat = During Shabbat or a holiday: it goes out at { $when }, before it begins.
admin-adjusted-late-booking = Booked at short notice: it goes out now.
admin-hint-no-chat = No chat is linked for this customer yet: share the invite link (QR below), or the reminder will not reach them.
admin-hint-no-chat-many = { $count ->
        [one] One customer on this board has no linked chat yet
       *[other] { $count } customers on this board have no linked chat yet
    }: share the invite link (QR below), or their reminders will not reach them.

## Why a reminder was not sent, and what to do
admin-reason-not-found = The appointment is no longer in Tor4You: nothing to do.
admin-reason-cancelled = The appointment was cancelled: nothing to do.
admin-reason-not-live = The appointment was cancelled: nothing to do.
admin-reason-moved = The appointment was moved: a reminder for the new time is planned.
admin-reason-started = The appointment had already begun when the reminder was due.
admin-reason-past = The appointment is already over.
admin-reason-answered = The appointment was already answered: no reminder needed.
admin-reason-temporary = A booking awaiting payment: reminders start once it is confirmed.
admin-reason-lozamin = A blocked time in the calendar, not a customer's appointment.
admin-reason-no-cell = The customer has no mobile number in Tor4You: add one, or call them.
admin-reason-opted-out = The customer turned reminders off in the chat: call them if it matters.
admin-reason-no-channel = No chat linked: share the invite link (QR below), or call the customer.
admin-reason-unreachable = The customer blocked the bot: call them.
admin-reason-window-passed = The appointment was booked after the reminder's time: it was too late to send it.
admin-reason-quiet-unavoidable = Its time fell in the quiet hours or on Shabbat, and it was too late to send it before: call if needed.
admin-reason-duplicate = Another reminder went out at the same time: one is enough.
admin-reason-invalid-offset = The reminder times in the settings are not valid: check REMINDER_OFFSETS.
admin-reason-uncertain = The server stopped while sending: it may not have arrived, so it is not sent twice. Call if needed.
admin-reason-send-failed = Sending failed on every try (the messenger or Tor4You kept refusing): it was not sent. Call if needed.
admin-reason-other = Not sent, for a reason this page does not know yet: see the log.

## Invite link, recent decisions, WhatsApp
admin-invite-title = Customers on Telegram
admin-invite-text = A customer who opens this link, or scans the code, and shares their number gets reminders on Telegram.
admin-invite-none = This business has no Telegram bot.
admin-qr-alt = QR code of the invite link
admin-decisions-title = Reminders not sent in the last days, by reason
admin-decisions-none = None.
admin-decisions-times = { $count ->
        [one] once
       *[other] { $count } times
    }
admin-sessions-title = WhatsApp
admin-sessions-none = No WhatsApp number is connected in this process.
admin-session-starting = Starting
admin-session-pairing = Waiting to be paired: in WhatsApp on the business's phone, open Linked devices and scan this code.
admin-session-ready = Connected
admin-session-disconnected = Disconnected
admin-session-unreachable = Cannot reach WhatsApp
admin-session-stopped = Stopped
admin-session-since = since { $when }
admin-session-code = Pairing code
admin-session-qr-alt = QR code to pair WhatsApp
admin-technical = Technical detail

## Statistics
admin-stats-title = { $business }: reminders, answers and no-shows
admin-stats-weeks = { $count ->
        [one] Last week
       *[other] Last { $count } weeks
    }
admin-stats-confirmation-rate = Confirmed after a reminder
admin-stats-no-show-rate = Didn't come
admin-stats-chart = Answers to reminders per week
admin-stats-axis-week = Week starting
admin-stats-axis-count = Appointments reminded
admin-stats-bar-no-show = { $count }% no-shows
admin-stats-per-week = Per week
admin-stats-per-staff = Per staff member
admin-stats-per-service = Per service
admin-stats-empty = No appointments in these weeks.
admin-col-week = Week
admin-col-staff = Staff
admin-col-service = Service
admin-col-appointments = Appointments
admin-col-reminded = Reminded
admin-col-reminders-sent = Reminders sent
admin-col-answered = Answered
admin-col-confirmed = Confirmed
admin-col-declined = Can't come
admin-col-no-answer = No answer
admin-col-no-shows-confirmed = No-shows who had confirmed
admin-col-no-shows-unanswered = No-shows who had not answered
admin-col-no-shows = No-shows
admin-col-cancelled-by-bot = Cancelled in the chat
admin-col-confirmation-rate = Confirmation rate
admin-col-no-show-rate = No-show rate
