# Tor4You health: refusals, webhooks (issue 13)
admin-reason-unverified = Tor4You לא ענה (סירוב או תקלה) עד סמוך לתחילת התור, ולכן לא היה אפשר לוודא שהתור עדיין קיים: התזכורת לא נשלחה. כדאי להתקשר ללקוח.
admin-webhooks-title = Webhooks מ-Tor4You
admin-webhooks-no-key = לא הוגדר מפתח Webhook (TOR4YOU_WEBHOOK_KEY): שינויים מגיעים רק בסריקה התקופתית.
admin-webhooks-never = עדיין לא התקבל Webhook מאומת.
admin-webhooks-last = ה-Webhook המאומת האחרון התקבל ב-{ $at }.
admin-webhooks-wrong-signatures = { $count ->
        [one] Webhook אחד עם חתימה שגויה בשעה האחרונה.
       *[other] { $count } Webhooks עם חתימה שגויה בשעה האחרונה.
    }
admin-webhooks-check-key = בדקו שהמפתח TOR4YOU_WEBHOOK_KEY זהה למפתח שבתפריט ההגדרות של Tor4You.
admin-webhooks-off = לא התקבל Webhook כבר { $hours } שעות, אבל הסריקה מצאה { $changes } שינויים שעשה העסק: כנראה ש-Tor4You כיבה את ה-Webhook.
admin-webhooks-turn-on = כדי להפעיל אותו מחדש: בתפריט ההגדרות של Tor4You בדקו את כתובת ה-Webhook ואפסו את מונה הניסיונות החוזרים.
