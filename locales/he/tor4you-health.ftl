# Tor4You health: refusals, webhooks (issue 13)
admin-reason-unverified = Tor4You לא ענה (סירוב או תקלה) עד סמוך לתחילת התור, ולכן לא היה אפשר לוודא שהתור עדיין קיים: התזכורת לא נשלחה. כדאי להתקשר ללקוח.
