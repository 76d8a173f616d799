## Typed answers to a reminder that are not a plain yes or no
answer-unsure = No problem. Your appointment is on { $when }. When you know, answer here with one tap:
answer-late = Thanks for letting us know! I've told the business you'll be a little late. Your appointment is on { $when }.
answer-question = Your appointment: { $service } with { $staff }, { $when }. Are you coming?
answer-unclear = Sorry, I didn't understand. Are you coming to your appointment on { $when }?
answer-which = Which appointment do you mean?

## To staff
alert-late = ⏰ Running late: { $who }, { $when } { $phone }

## Booking a day asked for in words
book-day-full = There are no free times on the day you asked for. These days are free:
