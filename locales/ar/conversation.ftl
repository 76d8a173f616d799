## Menu and help
welcome = مرحبًا! أنا مساعد حجز المواعيد لدى { $business }. يمكنني هنا عرض مواعيدك وحجزها وتغيير وقتها وإلغاؤها.
menu-prompt = كيف يمكنني مساعدتك؟
menu-appointments = مواعيدي
menu-book = حجز موعد
menu-cancel = إلغاء موعد
menu-language = اللغة
menu-help = مساعدة
help =
    يمكنني مساعدتك في مواعيدك لدى { $business }:
    • "مواعيدي": لعرضها وتأكيد حضورك أو إلغائها أو تغيير وقتها
    • "حجز موعد": لحجز موعد جديد
    • "لغة": English، עברית، العربية، Русский
    • "توقف" / "ابدأ": لإيقاف التذكيرات أو تشغيلها
    • "انسني": لحذف رقمك وإعداداتك من هذه المحادثة
fallback = عذرًا، لم أفهم ذلك. هذا ما يمكنني فعله:
out-of-date = هذا السؤال لم يعد صالحًا، لذلك لم أفعل شيئًا. إليك القائمة مرة أخرى.
reask = يرجى اختيار أحد هذه الخيارات:
yes = نعم
no = لا

## Linking the customer's own phone
link-ask = لأجد مواعيدك أحتاج إلى رقم هاتفك. يمكن الضغط على الزر أدناه لمشاركته.
link-button = مشاركة رقم هاتفي
link-not-own = حفاظًا على خصوصيتك، يمكنني استخدام رقمك أنت فقط، بعد مشاركته عبر الزر أدناه. لا يمكن استخدام رقم مكتوب أو مُعاد توجيهه.
link-bad-number = هذا الرقم ليس رقم هاتف محمول إسرائيليًا، لذلك لا يمكنني البحث به عن مواعيد. يرجى مشاركة رقمك عبر الزر.
link-done = شكرًا{ $first ->
        [none] {""}
       *[other] ، { $first }
    }! تم ربط رقمك بهذه المحادثة.

## Appointments
appts-none = ليست لديك مواعيد قادمة.
appts-header = مواعيدك القادمة:
appt-card = { $when }
    { $service } مع { $staff }
appt-card-branch = { $when }
    { $service } مع { $staff }، { $branch }
appt-confirmed-mark = ✓ أكدت حضورك
appt-declined-mark = ✗ تم الإبلاغ بعدم إمكانية الحضور
appt-confirm = نعم، سأحضر
appt-cancel = إلغاء الموعد
appt-change = تغيير الوقت
appt-confirmed = شكرًا! تم تأكيد الحضور يوم { $when }.
appt-not-found = لم أجد هذا الموعد بين مواعيدك. ربما تم نقله أو إلغاؤه.
staff-anyone = فريقنا

## Cancel
cancel-pick = أي موعد نلغي؟
cancel-confirm = هل نلغي موعد { $service } يوم { $when }؟
cancel-yes = نعم، ألغِ الموعد
keep-it = إبقاء الموعد
cancel-done = تم إلغاء موعدك يوم { $when }.
cancel-kept = حسنًا، موعدك باقٍ كما هو.
too-late-phone = بقي على الموعد أقل من { $cutoff }، لذلك لا يمكن تغييره هنا. يرجى الاتصال هاتفيًا: { $phone }.
too-late = بقي على الموعد أقل من { $cutoff }، لذلك لا يمكن تغييره هنا. يرجى التواصل مباشرة مع مقدم الخدمة.

## Book and change time
book-service = ما الخدمة المطلوبة؟
book-no-services = الحجز عبر الإنترنت غير متاح هنا حاليًا. يرجى التواصل مباشرة مع مقدم الخدمة.
book-branch = أي فرع؟
book-staff = مع من؟
book-any-staff = أي شخص متاح
book-date = أي يوم يناسبك؟
book-more-dates = أيام أخرى
book-more-times = أوقات لاحقة
book-no-dates = عذرًا، لا توجد أيام متاحة في الأسابيع القادمة لهذا الاختيار.
book-time = أي ساعة تناسبك يوم { $day }؟
book-no-times = امتلأ هذا اليوم للتو. يرجى اختيار يوم آخر.
book-participants = كم شخصًا سيحضر؟ (الحد الأقصى { $max })
book-name = ما اسمك الكامل؟ (الاسم الشخصي واسم العائلة)
book-name-invalid = يرجى كتابة الاسم الشخصي واسم العائلة، مثلًا: سلمى خوري.
book-tz = يتطلب الحجز هنا رقم هويتك (9 أرقام). يرجى كتابته.
book-tz-invalid = رقم الهوية غير صحيح. يرجى التحقق منه وإرساله مرة أخرى.
book-summary = { $service } مع { $staff }
    { $when }{ $people ->
        [1] {""}
        [two] {""}، شخصان
        [few] {""}، { $people } أشخاص
        [many] {""}، { $people } شخصًا
       *[other] {""}، { $people } شخص
    }
    باسم: { $name }
    يمكن الإلغاء أو التغيير هنا حتى { $cutoff } قبل الموعد.
    هل أحجز الموعد؟
book-confirm = نعم، احجز الموعد
book-abort = لا، شكرًا
book-aborted = حسنًا، لم يتم حجز أي موعد.
book-done = تم الحجز! { $service } مع { $staff }، { $when }.
book-taken = عذرًا، هذا الوقت حُجز للتو.
book-nearest = هذه أقرب الأوقات المتاحة:
change-pick = أي موعد نغيّر وقته؟
change-old-cancelled = تم إلغاء موعدك السابق يوم { $when }.
change-rolled-back = لم أتمكن من إلغاء موعدك السابق، لذلك ألغيت الموعد الجديد. موعدك يوم { $when } ما زال قائمًا.
change-both-kept = لم أتمكن من إلغاء موعدك السابق يوم { $when }، لذلك لديك الآن موعدان. يرجى التواصل مع مقدم الخدمة لإلغاء أحدهما.

## Settings
language-pick = اختيار اللغة:
language-set = من الآن سأكتب بالعربية.
stop-done = لن تصلك تذكيرات بعد الآن. لتشغيلها مرة أخرى يمكن إرسال "ابدأ".
start-done = تم تشغيل التذكيرات مرة أخرى.
forget-confirm = هل نحذف رقم هاتفك وإعداداتك من هذه المحادثة؟ ستبقى مواعيدك كما هي.
forget-yes = نعم، احذف
forget-done = تم: حذفت رقمك وإعداداتك.
forget-kept = حسنًا، لم يُحذف شيء.

## Failures
error-booking-system = عذرًا، لم أتمكن من الوصول إلى نظام الحجز الآن. لم يتغير شيء.
retry = إعادة المحاولة
