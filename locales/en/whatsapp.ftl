## WhatsApp has no contact button: how to share one's own number
whatsapp-share-contact = To share your number: tap 📎 → Contact → choose yourself → Send.
