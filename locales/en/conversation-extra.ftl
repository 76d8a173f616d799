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
