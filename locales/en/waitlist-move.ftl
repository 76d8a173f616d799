# The waitlist for a move: a freed time replaces the customer's appointment instead of adding one.
waitlist-joined-move = You're on the waitlist: { $wish }. If a suitable time frees up, I'll offer to move your appointment of { $old } to it. Until then it stays as it is.
waitlist-card-move = On the waitlist to move your appointment of { $old }: { $wish }
waitlist-offer-move = 🔔 A time has freed up: { $service } with { $staff }, { $when }. Shall I move your appointment of { $old } to it?
waitlist-move-it = Move it
waitlist-move-gone = The appointment of { $old } is no longer booked, so I took you off this waitlist. You can book a new time from the menu.
