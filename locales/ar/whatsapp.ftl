## WhatsApp has no contact button: how to share one's own number
whatsapp-share-contact = لمشاركة رقمك: 📎 ← جهة اتصال ← اختيار اسمك ← إرسال.
## After a numbered list where choices are typed, not tapped
choices-typed-hint = يمكن الرد برقم الخيار.
