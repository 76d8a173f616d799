## WhatsApp has no contact button: how to share one's own number
whatsapp-share-contact = Чтобы поделиться номером: нажмите 📎 → Контакт → выберите себя → Отправить.
## After a numbered list where choices are typed, not tapped
choices-typed-hint = Ответьте номером варианта.
