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
