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
