calendar-file = 📅 הוספה ליומן: פתחו את הקובץ כדי לשמור את התור ביומן שלכם.
calendar-update-file = 📅 עדכון ליומן: פתחו את הקובץ והתור יזוז ביומן שלכם.
calendar-cancel-file = 📅 ביטול ביומן: פתחו את הקובץ כדי להסיר את התור מהיומן שלכם.
calendar-appointment = תור
calendar-description = { $service } אצל { $staff }, { $business }. { $phone }
