## Menu and help
welcome = Hello! I'm the booking assistant of { $business }. I can show, book, move and cancel your appointments here.
menu-prompt = What would you like to do?
menu-appointments = My appointments
menu-book = Book an appointment
menu-cancel = Cancel an appointment
menu-language = Language
menu-help = Help
help =
    I can help you with your appointments at { $business }:
    • "My appointments": see them, confirm, cancel or change the time
    • "Book": make a new appointment
    • "Language": English, עברית, العربية, Русский
    • "Stop" / "Start": turn reminders off or on
    • "Forget me": delete your number and settings from this chat
fallback = Sorry, I didn't understand that. Here is what I can do:
out-of-date = That question is out of date, so I did nothing. Here is the menu again.
reask = Please pick one of these options:
yes = Yes
no = No

## Linking the customer's own phone
link-ask = To find your appointments I need your phone number. Tap the button below to share it.
link-button = Share my phone number
link-not-own = For your privacy I can only use your own number, shared with the button below. A typed or forwarded number can't be used.
link-bad-number = That number isn't an Israeli mobile number, so I can't look up appointments with it. Please share your own number with the button.
link-already = This chat already uses your own number. For your privacy, a number shared here isn't used to look anything up.
link-done = Thanks{ $first ->
        [none] {""}
       *[other] , { $first }
    }! Your number is linked to this chat.

## Appointments
appts-none = You have no upcoming appointments.
appts-header = Your upcoming appointments:
appt-card = { $when }
    { $service } with { $staff }
appt-card-branch = { $when }
    { $service } with { $staff }, { $branch }
appt-confirmed-mark = ✓ You confirmed you're coming
appt-declined-mark = ✗ You said you can't come
appt-confirm = Yes, I'm coming
appt-cancel = Cancel
appt-change = Change time
appt-confirmed = Thanks! We've noted that you're coming on { $when }.
appt-not-found = I couldn't find that appointment among yours. It may have been moved or cancelled.
staff-anyone = our team

## Cancel
cancel-pick = Which appointment do you want to cancel?
cancel-confirm = Cancel { $service } on { $when }?
cancel-yes = Yes, cancel it
keep-it = Keep it
cancel-done = Your appointment on { $when } is cancelled.
cancel-kept = OK, your appointment stays as it is.
too-late-phone = It's less than { $cutoff } before the appointment, so it can't be changed here. Please call the business: { $phone }.
too-late = It's less than { $cutoff } before the appointment, so it can't be changed here. Please contact the business directly.

## Book and change time
book-service = Which service would you like?
book-no-services = Booking online isn't available for this business right now. Please contact them directly.
book-branch = Which branch?
book-staff = With whom?
book-any-staff = Anyone available
book-date = Which day suits you?
book-more-dates = More days
book-more-times = Later times
book-no-dates = Sorry, there are no free days in the coming weeks for this choice.
book-time = What time on { $day }?
book-no-times = That day has just filled up. Please pick another day.
book-participants = How many people are coming? (up to { $max })
book-name = What is your full name? (first and last name)
book-name-invalid = Please write your first and last name, for example: Dana Cohen.
book-tz = This business needs your ID number (teudat zehut, 9 digits) for a booking. Please type it.
book-tz-invalid = That ID number isn't valid. Please check it and send it again.
book-summary = { $service } with { $staff }
    { $when }{ $people ->
        [1] {""}
       *[other] {""}, { $people } people
    }
    In the name of: { $name }
    You can cancel or move it here up to { $cutoff } before.
    Shall I book it?
book-confirm = Yes, book it
book-abort = No, never mind
book-aborted = OK, nothing was booked.
book-done = You're booked! { $service } with { $staff }, { $when }.
book-taken = Sorry, that time was just taken.
book-refused = Sorry, the booking system didn't accept this booking, although the time is still free. Nothing was booked: please try again later or contact the business.
book-nearest = These are the nearest free times:
change-pick = Which appointment do you want to move?
change-old-cancelled = Your previous appointment on { $when } is cancelled.
change-rolled-back = I couldn't cancel your previous appointment, so I cancelled the new one. You still have your appointment on { $when }.
change-both-kept = I couldn't cancel your previous appointment on { $when }, so right now you have both. Please contact the business to cancel one.

## Settings
language-pick = Choose your language:
language-set = From now on I'll write in English.
stop-done = You won't get reminders any more. Send "start" to turn them on again.
start-done = Reminders are on again.
forget-confirm = Delete your phone number and settings from this chat? Your appointments stay as they are.
forget-yes = Yes, delete
forget-done = Done: I've forgotten your number and settings.
forget-kept = OK, nothing was deleted.

## Failures
error-booking-system = Sorry, I couldn't reach the booking system just now. Nothing was changed.
error-outcome-unknown = Sorry, the booking system didn't answer, so I can't tell yet whether that went through. Try again and I'll check first: nothing will be booked twice.
retry = Try again
