## Telegram command menu
cmd-appointments = مواعيدي
cmd-book = حجز موعد
cmd-cancel = إلغاء موعد
cmd-language = تغيير اللغة
cmd-stop = إيقاف التذكيرات
cmd-help = مساعدة
