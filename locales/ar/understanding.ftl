## Typed answers to a reminder that are not a plain yes or no
answer-unsure = لا مشكلة. موعدك { $when }. عندما تعرف، أجب هنا بضغطة واحدة:
answer-late = شكرًا لإعلامنا! أبلغتُ المصلحة أنك ستتأخر قليلًا. موعدك { $when }.
answer-question = موعدك: { $service } مع { $staff }، { $when }. هل الحضور مؤكد؟
answer-unclear = عذرًا، لم أفهم. هل الحضور إلى موعدك { $when } مؤكد؟
answer-which = أيّ موعد تقصد؟

## To staff
alert-late = ⏰ سيتأخر: { $who }، { $when } { $phone }

## Booking a day asked for in words
book-day-full = لا توجد أوقات متاحة في اليوم الذي طلبته. هذه هي الأيام المتاحة:
