## Staff digests
digest-tomorrow = Tomorrow, { $day }:
digest-tomorrow-empty = No appointments tomorrow ({ $day }).
digest-totals = { $total ->
        [one] 1 appointment
       *[other] { $total } appointments
    }: { $confirmed } confirmed, { $declined } declined, { $unanswered } no answer
digest-confirmed = ✓ confirmed
digest-declined = ✗ declined
digest-no-answer = ? no answer
digest-no-shows = No-shows today ({ $count }):
digest-unmarked = Did they come?
digest-came = Came
digest-no-show = No-show
staff-linked = Linked: you will get the daily digest of your appointments here.
staff-linked-owner = Linked as the owner: you will get the daily digest of all staff here.
staff-code-refused = That code is not valid: it may have expired or been used already. Ask for a new one.
staff-only = Only the business's staff can do that.
staff-marked-came = Marked: came ({ $when }).
staff-marked-no-show = Marked: no-show ({ $when }).
## Real-time alerts and the unanswered list
alert-declined = ✗ Can't come: { $who }, { $when } { $phone }
alert-cancelled = Cancelled through the bot: { $who }, { $when }
alert-booked = New booking through the bot: { $who }, { $when }
alert-moved = Moved through the bot: { $who }, from { $from } to { $when }
unconfirmed-title = { $count ->
        [one] No answer yet for 1 appointment; a call may help:
       *[other] No answer yet for { $count } appointments; a call may help:
    }
