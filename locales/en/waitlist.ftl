waitlist-join-button = 🔔 Tell me if something frees up
waitlist-wish = { $service } with { $staff }, { $days }{ $part ->
        [morning] , in the morning
        [noon] , in the afternoon
        [evening] , in the evening
       *[any] {""}
    }
waitlist-joined = You're on the waitlist: { $wish }. If a suitable time frees up, I'll write to you here right away.
waitlist-unavailable = That can't go on the waitlist. You can book from the menu.
waitlist-card = On the waitlist: { $wish }
waitlist-leave = Leave the waitlist
waitlist-gone = This offer is no longer valid.
waitlist-left = You're off the waitlist: { $wish }.
waitlist-offer = 🔔 A time has freed up: { $service } with { $staff }, { $when }. Shall I book it for you?
waitlist-book-it = Book it
waitlist-not-this = Not this one
waitlist-too-late = That time has already passed.
waitlist-taken = Someone else has just booked that time. You're still on the waitlist and I'll write when another time frees up.
waitlist-need-name = I need your name to book. You can book from the menu.
waitlist-declined = OK. You're still on the waitlist.
