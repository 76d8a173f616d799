## Telegram command menu
cmd-appointments = התורים שלי
cmd-book = לקבוע תור
cmd-cancel = לבטל תור
cmd-language = החלפת שפה
cmd-stop = להפסיק תזכורות
cmd-help = עזרה
