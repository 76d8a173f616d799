## Booking: how people choose (durations, again, parts of the day, the name)
service-minutes = { $minutes } min
book-again = Again: { $service } with { $staff }
book-today-part = { $part ->
        [morning] This morning
        [noon] This afternoon
       *[evening] This evening
    }
book-tomorrow-part = { $part ->
        [morning] Tomorrow morning
        [noon] Tomorrow afternoon
       *[evening] Tomorrow evening
    }
book-part = What time of day on { $day }?
book-part-range = { $part ->
        [morning] Morning
        [noon] Afternoon
       *[evening] Evening
    } { $earliest }–{ $latest }
book-change-name = Change the name
change-staff-full = There are no free times with the same staff member in the coming weeks, so here are the times with anyone available.
change-aborted = OK, your appointment stays as it was.

## A way out of every step
nav-back = Back
nav-stop = Stop this
back-to-menu = Menu
flow-stopped = OK, stopped.
stop-ask-book = Stop booking? Nothing has been booked yet.
stop-ask-change = Stop moving the appointment? It stays as it is.
stop-ask-cancel = Stop cancelling? The appointment stays as it is.
stop-ask-yes = Yes, stop
stop-ask-no = No, continue

## Dead ends
call-business = To talk to us, call { $phone }

## Talk to a person
menu-person = Talk to a person
person-call = To call us: { $phone }
person-ask = Write your message here and I'll pass it on to our team: they'll get back to you.
person-passed-on = I've passed your message on to our team: they'll get back to you soon.
person-no-staff = I can't pass messages on from here right now.
person-offer = Sorry, I still didn't understand. Would you like to talk to a person?
person-alert = 🙋 A customer asks to talk to a person ({ $channel }): { $who }
person-alert-unknown = number not shared
## A voice note, picture or sticker came without words: the bot reads text only (then the menu or the question again)
media-text-only = I can read text only, not voice notes, pictures or stickers. Please write to me in words, or pick one of these:
## Dates to a customer: "Tuesday 25.11 (tomorrow) at 14:30"
when-today = today
when-tomorrow = tomorrow
when-at = at
## A service that lasts whole hours: "1 hour", not "60 min"
service-hours = { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    }
