# The owner's view of the waitlist (admin page and statistics).
admin-waitlist-title = Waitlist
admin-waitlist-empty = Nobody is waiting for a time.
admin-waitlist-day = { $day }: { $count ->
        [one] one customer waiting
       *[other] { $count } customers waiting
    }
admin-waitlist-item = { $service }, { $staff }{ $part ->
        [morning] , in the morning
        [noon] , around noon
        [evening] , in the evening
       *[any] {""}
    }: { $count }
admin-waitlist-any-staff = any staff member
admin-waitlist-filled-week = Booked from the waitlist this week: { $count }
admin-col-waitlist-filled = From the waitlist
admin-stats-waitlist-filled = Booked from the waitlist
