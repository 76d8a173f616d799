## WhatsApp has no contact button: how to share one's own number
whatsapp-share-contact = To share your number: tap 📎 → Contact → choose yourself → Send.
## After a numbered list where choices are typed, not tapped
choices-typed-hint = Reply with the number.
