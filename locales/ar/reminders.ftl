## Reminders and replies
reminder-text = تذكير من { $business }: { $service } مع { $staff }، { $when }. هل ستحضر؟
reminder-coming = نعم، سأحضر
reminder-not-coming = لا، لا أستطيع الحضور
reminder-change = تغيير الموعد
declined-ask = شكرًا لإبلاغنا. ماذا تريد أن تفعل بموعدك في { $when }؟
declined-cancel = إلغاء الموعد
declined-kept = حسنًا، يبقى الموعد. سجّلنا أنك قد لا تحضر.
stale-cancelled = تم إلغاء هذا الموعد، لذلك لم يتغير شيء.
stale-moved = تم نقل هذا الموعد إلى { $when }، لذلك هذه الرسالة قديمة ولم يتغير شيء.
stale-past = لقد بدأ هذا الموعد بالفعل، لذلك لم يتغير شيء.
notice-moved = قام { $business } بنقل موعدك: { $service } مع { $staff } أصبح الآن في { $when }.
notice-cancelled = قام { $business } بإلغاء موعدك: { $service } مع { $staff } في { $when }.
