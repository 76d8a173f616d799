## The demo's web chat page
webchat-title = העוזר של Tor4You: הדגמה
webchat-business = עסק
webchat-customer = את/ה
webchat-language = שפה
webchat-placeholder = כתבו הודעה…
webchat-send = שליחה
webchat-remind = שלחו לי תזכורת עכשיו
webchat-demo-note = הדגמה על אמולטור Tor4You המובנה: בחרו לקוח; המספר שלו נחשב שלכם.
webchat-error = משהו השתבש. נסו שוב.
webchat-no-appointment = ללקוח הזה אין תור קרוב להזכיר. קבעו תור קודם.
webchat-share-phone = שיתוף המספר שלי
