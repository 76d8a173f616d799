## Booking: how people choose (durations, again, parts of the day, the name)
service-minutes = { $minutes } دقيقة
book-again = مرة أخرى: { $service } مع { $staff }
book-today-part = { $part ->
        [morning] اليوم صباحًا
        [noon] اليوم ظهرًا
       *[evening] اليوم مساءً
    }
book-tomorrow-part = { $part ->
        [morning] غدًا صباحًا
        [noon] غدًا ظهرًا
       *[evening] غدًا مساءً
    }
book-part = أي فترة تناسبك يوم { $day }؟
book-part-range = { $part ->
        [morning] صباحًا
        [noon] ظهرًا
       *[evening] مساءً
    } { $earliest }–{ $latest }
book-change-name = تغيير الاسم
change-staff-full = لا توجد أوقات متاحة لدى نفس الموظف في الأسابيع القادمة، لذا هذه هي الأوقات لدى أي موظف متاح.
change-aborted = حسنًا، يبقى الموعد كما كان.

## A way out of every step
nav-back = رجوع
nav-stop = إيقاف
back-to-menu = القائمة
flow-stopped = حسنًا، تم الإيقاف.
stop-ask-book = إيقاف الحجز؟ لم يُحجز شيء بعد.
stop-ask-change = إيقاف تغيير الموعد؟ سيبقى الموعد كما هو.
stop-ask-cancel = إيقاف الإلغاء؟ سيبقى الموعد كما هو.
stop-ask-yes = نعم، إيقاف
stop-ask-no = لا، متابعة

## Dead ends
call-business = للتواصل معنا: { $phone }

## Talk to a person
menu-person = التحدث مع موظف
person-call = للاتصال بنا: { $phone }
person-ask = يمكن كتابة الرسالة هنا وسأنقلها إلى فريقنا ليعاودوا التواصل معك.
person-passed-on = نقلتُ رسالتك إلى فريقنا، وسيعاودون التواصل معك قريبًا.
person-no-staff = لا يمكنني نقل الرسائل من هنا حاليًا.
person-offer = عذرًا، ما زلت لم أفهم. هل نحوّل المحادثة إلى موظف؟
person-alert = 🙋 زبون/ة يطلب التحدث مع موظف ({ $channel }): { $who }
person-alert-unknown = لم تتم مشاركة الرقم
## A voice note, picture or sticker came without words: the bot reads text only (then the menu or the question again)
media-text-only = أستطيع قراءة الرسائل المكتوبة فقط، لا الرسائل الصوتية أو الصور أو الملصقات. يمكن الكتابة لي بالكلمات أو الاختيار من هنا:
## Dates to a customer: "Tuesday 25.11 (tomorrow) at 14:30"
when-today = اليوم
when-tomorrow = غدًا
when-at = الساعة
## A service that lasts whole hours: "1 hour", not "60 min"
service-hours = { $hours ->
        [1] ساعة
        [2] ساعتان
        [few] { $hours } ساعات
       *[other] { $hours } ساعة
    }
## Under a reminder or a confirmation: the branch and its address, the business's phone
appt-place = 📍 { $place }
appt-phone = 📞 للاستفسار: { $phone }
