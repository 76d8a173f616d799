## صفحات الإدارة لصاحب العمل (/admin, /admin/stats)
admin-language-name = العربية
admin-language = اللغة
admin-page-title = المواعيد والتذكيرات
admin-nav-board = لوحة المواعيد
admin-nav-stats = الإحصائيات
admin-nav-queues = طوابير العمل (تقني)
admin-nav-health = فحص الجاهزية
admin-nav-metrics = المقاييس
admin-back = العودة إلى لوحة المواعيد

## اللوحة: اليوم وغدًا
admin-board-today = اليوم، { $day }
admin-board-tomorrow = غدًا، { $day }
admin-board-next = اليوم التالي الذي فيه مواعيد، { $day }
admin-board-empty = لا توجد مواعيد.
admin-board-refresh = تحديث
admin-board-updated = آخر تحديث الساعة { $when }. تتحدث اللوحة وحدها كل دقيقة.
admin-board-unavailable = لم يرد Tor4You، لذلك لا يمكن عرض اللوحة الآن. حاول مرة أخرى بعد دقيقة.
admin-board-call = اتصل { $phone }
admin-state-confirmed = أكّد الحضور
admin-state-declined = لن يحضر
admin-state-sent = أُرسل التذكير
admin-state-no-answer = لا رد
admin-state-scheduled = لم يُرسل التذكير بعد
admin-state-not-sent = لم يُرسل التذكير
admin-state-came = حضر
admin-state-no-show = لم يحضر
admin-detail-confirmed = أكّد الزبون في المحادثة أو في Tor4You.
admin-detail-declined = لا يستطيع الزبون الحضور: اتصل لتقترح موعدًا آخر، أو أعطِ الموعد لشخص آخر.
admin-detail-sent = بانتظار الرد. التذكير التالي الساعة { $when }.
admin-detail-no-answer = أُرسلت التذكيرات ولم يرد أحد: مكالمة هاتفية تحسم الأمر.
admin-detail-scheduled = يُرسل الساعة { $when }.
admin-adjusted-quiet-hours = قُدّم خارج ساعات الهدوء: يُرسل الساعة { $when } قبل بدايتها.
admin-adjusted-shabbat = يقع في السبت أو في عيد: يُرسل الساعة { $when } قبل بدايته.
admin-adjusted-late-booking = حُجز الموعد في آخر لحظة: يُرسل التذكير الآن.
admin-hint-no-chat = لا توجد محادثة مرتبطة بهذا الزبون بعد: شارك رابط الدعوة (رمز QR في الأسفل)، وإلا فلن يصله التذكير.
admin-hint-no-chat-many = { $count ->
        [one] زبون واحد في هذه اللوحة ليس له محادثة مرتبطة بعد
        [two] زبونان في هذه اللوحة ليس لهما محادثة مرتبطة بعد
       *[other] { $count } من الزبائن في هذه اللوحة ليست لهم محادثة مرتبطة بعد
    }: شارك رابط الدعوة (رمز QR في الأسفل)، وإلا فلن تصلهم التذكيرات.

## لماذا لم يُرسل التذكير، وماذا تفعل
admin-reason-not-found = الموعد لم يعد موجودًا في Tor4You: لا شيء لفعله.
admin-reason-cancelled = أُلغي الموعد: لا شيء لفعله.
admin-reason-not-live = أُلغي الموعد: لا شيء لفعله.
admin-reason-moved = نُقل الموعد: تذكير للوقت الجديد مخطط له.
admin-reason-started = كان الموعد قد بدأ عندما حان وقت التذكير.
admin-reason-past = انتهى الموعد.
admin-reason-answered = وصل رد على هذا الموعد: لا حاجة إلى تذكير.
admin-reason-temporary = حجز بانتظار الدفع: تبدأ التذكيرات بعد تأكيده.
admin-reason-lozamin = وقت محجوب في التقويم، وليس موعد زبون.
admin-reason-no-cell = لا يوجد رقم جوال للزبون في Tor4You: أضف رقمًا، أو اتصل به.
admin-reason-opted-out = أوقف الزبون التذكيرات في المحادثة: اتصل به إن كان الأمر مهمًا.
admin-reason-no-channel = لا توجد محادثة مرتبطة: شارك رابط الدعوة (رمز QR في الأسفل)، أو اتصل بالزبون.
admin-reason-unreachable = حظر الزبون البوت: اتصل به.
admin-reason-window-passed = حُجز الموعد بعد وقت التذكير: كان الوقت قد فات لإرساله.
admin-reason-quiet-unavoidable = وقع وقت التذكير في ساعات الهدوء أو في السبت، وفات الوقت لإرساله قبلها: اتصل إن لزم.
admin-reason-duplicate = أُرسل تذكير آخر في الوقت نفسه: يكفي واحد.
admin-reason-invalid-offset = أوقات التذكير في الإعدادات غير صالحة: راجع REMINDER_OFFSETS.
admin-reason-uncertain = توقف الخادم أثناء الإرسال: ربما لم يصل التذكير، ولن يُرسل مرتين. اتصل إن لزم.
admin-reason-send-failed = فشل الإرسال في كل المحاولات (رفضت خدمة الرسائل أو Tor4You مرارًا): لم يُرسل التذكير. اتصل إن لزم.
admin-reason-other = لم يُرسل لسبب لا تعرفه هذه الصفحة بعد: راجع السجل.

## رابط الدعوة، القرارات الأخيرة، واتساب
admin-invite-title = الزبائن على تيليجرام
admin-invite-text = الزبون الذي يفتح هذا الرابط أو يمسح الرمز ويشارك رقمه يتلقى التذكيرات على تيليجرام.
admin-invite-none = لا يوجد بوت تيليجرام لهذا العمل.
admin-qr-alt = رمز QR لرابط الدعوة
admin-decisions-title = تذكيرات لم تُرسل في الأيام الأخيرة، حسب السبب
admin-decisions-none = لا شيء.
admin-decisions-times = { $count ->
        [one] مرة واحدة
        [two] مرتان
        [few] { $count } مرات
       *[other] { $count } مرة
    }
admin-sessions-title = واتساب
admin-sessions-none = لا يوجد رقم واتساب متصل في هذه العملية.
admin-session-starting = جارٍ التشغيل
admin-session-pairing = بانتظار الربط: في واتساب على هاتف العمل افتح "الأجهزة المرتبطة" وامسح هذا الرمز.
admin-session-ready = متصل
admin-session-disconnected = غير متصل
admin-session-unreachable = لا يمكن الوصول إلى واتساب
admin-session-stopped = متوقف
admin-session-since = منذ { $when }
admin-session-code = رمز الربط
admin-session-qr-alt = رمز QR لربط واتساب
admin-technical = تفاصيل تقنية

## الإحصائيات
admin-stats-title = { $business }: التذكيرات والردود وعدم الحضور
admin-stats-weeks = { $count ->
        [one] الأسبوع الأخير
        [two] الأسبوعان الأخيران
        [few] آخر { $count } أسابيع
       *[other] آخر { $count } أسبوعًا
    }
admin-stats-confirmation-rate = أكّدوا بعد التذكير
admin-stats-no-show-rate = لم يحضروا
admin-stats-chart = الردود على التذكيرات حسب الأسبوع
admin-stats-axis-week = الأسبوع الذي يبدأ في
admin-stats-axis-count = مواعيد وصلها تذكير
admin-stats-bar-no-show = { $count }% لم يحضروا
admin-stats-per-week = حسب الأسبوع
admin-stats-per-staff = حسب الموظف
admin-stats-per-service = حسب الخدمة
admin-stats-empty = لا توجد مواعيد في هذه الأسابيع.
admin-col-week = الأسبوع
admin-col-staff = الموظف
admin-col-service = الخدمة
admin-col-appointments = المواعيد
admin-col-reminded = وصلها تذكير
admin-col-reminders-sent = تذكيرات مرسلة
admin-col-answered = ردّوا
admin-col-confirmed = أكّدوا
admin-col-declined = لن يحضروا
admin-col-no-answer = لم يردّوا
admin-col-no-shows-confirmed = أكّدوا ولم يحضروا
admin-col-no-shows-unanswered = لم يردّوا ولم يحضروا
admin-col-no-shows = لم يحضروا
admin-col-cancelled-by-bot = أُلغيت في المحادثة
admin-col-confirmation-rate = نسبة التأكيد
admin-col-no-show-rate = نسبة عدم الحضور
