## The demo's web chat page
webchat-title = مساعد Tor4You: عرض تجريبي
webchat-business = المصلحة
webchat-customer = أنت
webchat-language = اللغة
webchat-placeholder = كتابة رسالة…
webchat-send = إرسال
webchat-remind = أرسل لي تذكيرًا الآن
webchat-demo-note = عرض تجريبي على محاكي Tor4You المدمج: اختيار زبون؛ رقمه يُعتبر رقمك.
webchat-error = حدث خطأ. حاول مرة أخرى.
webchat-no-appointment = ليس لهذا الزبون موعد قادم للتذكير به. احجز موعدًا أولًا.
webchat-share-phone = مشاركة رقمي
