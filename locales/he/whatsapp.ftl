## WhatsApp has no contact button: how to share one's own number
whatsapp-share-contact = כדי לשתף את המספר שלך: 📎 ← איש קשר ← לבחור בעצמך ← שליחה.
## After a numbered list where choices are typed, not tapped
choices-typed-hint = אפשר לענות במספר.
