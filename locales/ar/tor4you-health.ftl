# Tor4You health: refusals, webhooks (issue 13)
admin-reason-unverified = ظل Tor4You يرفض أو يتعطل حتى قبيل موعد البدء، فلم يكن ممكنًا التحقق من الموعد ولم يُرسل التذكير. اتصل بالعميل إن كان الأمر مهمًا.
