## Reminders and replies
reminder-text = تذكير من { $business }: { $service } مع { $staff }، { $when }. هل الحضور مؤكد؟
reminder-coming = نعم، سأحضر
reminder-not-coming = لا، لا أستطيع الحضور
reminder-change = تغيير الموعد
declined-ask = شكرًا لإبلاغنا. ما المطلوب بخصوص الموعد في { $when }؟
declined-cancel = إلغاء الموعد
declined-kept = حسنًا، يبقى الموعد. سجّلنا أن الحضور قد لا يكون ممكنًا.
stale-cancelled = تم إلغاء هذا الموعد، لذلك لم يتغير شيء.
stale-moved = تم نقل هذا الموعد إلى { $when }، لذلك هذه الرسالة قديمة ولم يتغير شيء.
stale-past = لقد بدأ هذا الموعد بالفعل، لذلك لم يتغير شيء.
notice-moved = تم نقل موعدك لدى { $business }: { $service } مع { $staff } أصبح الآن في { $when }.
notice-moved-from = تم نقل موعدك لدى { $business }: { $service } مع { $staff }.
    كان: { $was }
    أصبح: { $when }
notice-cancelled = تم إلغاء موعدك لدى { $business }: { $service } مع { $staff } في { $when }. يمكن حجز موعد جديد هنا.
notice-book-again = حجز موعد جديد
