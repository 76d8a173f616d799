# Tor4You health: refusals, webhooks (issue 13)
admin-reason-unverified = ظل Tor4You يرفض أو يتعطل حتى قبيل موعد البدء، فلم يكن ممكنًا التحقق من الموعد ولم يُرسل التذكير. اتصل بالعميل إن كان الأمر مهمًا.
admin-webhooks-title = إشعارات Webhook من Tor4You
admin-webhooks-no-key = لم يُضبط مفتاح Webhook ‏(TOR4YOU_WEBHOOK_KEY): تصل التغييرات عبر الفحص الدوري فقط.
admin-webhooks-never = لم يصل أي إشعار Webhook موثّق بعد.
admin-webhooks-last = آخر إشعار Webhook موثّق: { $at }.
admin-webhooks-wrong-signatures = { $count ->
        [zero] لا إشعارات بتوقيع خاطئ في الساعة الأخيرة.
        [one] إشعار واحد بتوقيع خاطئ في الساعة الأخيرة.
       *[other] { $count } إشعارات بتوقيع خاطئ في الساعة الأخيرة.
    }
admin-webhooks-check-key = تأكد من أن TOR4YOU_WEBHOOK_KEY هو المفتاح الظاهر في قائمة إعدادات Tor4You.
admin-webhooks-off = لم يصل أي إشعار منذ { $hours } ساعات، بينما وجد الفحص { $changes } تغييرات أجراها العمل: على الأرجح أوقف Tor4You الإشعارات.
admin-webhooks-turn-on = لتشغيلها من جديد: في قائمة إعدادات Tor4You تحقّق من عنوان الـWebhook وأعد ضبط عدّاد المحاولات.
