calendar-file = 📅 أضف إلى تقويمي: افتح الملف لحفظ الموعد في تقويمك.
calendar-update-file = 📅 تحديث التقويم: افتح الملف وسيُنقل الموعد في تقويمك.
calendar-cancel-file = 📅 إلغاء في التقويم: افتح الملف لإزالة الموعد من تقويمك.
calendar-appointment = موعد
calendar-description = { $service } مع { $staff }، { $business }. { $phone }
