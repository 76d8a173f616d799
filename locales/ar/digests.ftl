## Staff digests
digest-tomorrow = غدًا، { $day }:
digest-tomorrow-empty = لا توجد مواعيد غدًا ({ $day }).
digest-totals = { $total } مواعيد: { $confirmed } أكّدوا، { $declined } اعتذروا، { $unanswered } بلا رد
digest-confirmed = ✓ أكّد
digest-declined = ✗ اعتذر
digest-no-answer = ? بلا رد
digest-no-shows = لم يحضروا اليوم ({ $count }):
digest-unmarked = هل حضر؟
digest-came = حضر
digest-no-show = لم يحضر
staff-linked = تم الربط: سيصلك هنا الملخص اليومي لمواعيدك.
staff-linked-owner = تم الربط كمالك: سيصلك هنا الملخص اليومي لجميع الطاقم.
staff-code-refused = هذا الرمز غير صالح: ربما انتهت صلاحيته أو استُخدم من قبل. اطلب رمزًا جديدًا.
staff-only = هذا متاح لطاقم العمل فقط.
staff-marked-came = تم التسجيل: حضر ({ $when }).
staff-marked-no-show = تم التسجيل: لم يحضر ({ $when }).
## Real-time alerts and the unanswered list
alert-declined = ✗ لن يحضر: { $who }، { $when } { $phone }
alert-cancelled = أُلغي عبر البوت: { $who }، { $when }
alert-booked = حجز جديد عبر البوت: { $who }، { $when }
alert-moved = نُقل عبر البوت: { $who }، من { $from } إلى { $when }
unconfirmed-title = { $count ->
        [one] لا رد بعد على موعد واحد؛ قد يفيد الاتصال:
       *[other] لا رد بعد على { $count } مواعيد؛ قد يفيد الاتصال:
    }
