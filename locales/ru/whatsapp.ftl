## WhatsApp has no contact button: how to share one's own number
whatsapp-share-contact = Чтобы поделиться номером: нажмите 📎 → Контакт → выберите себя → Отправить.
