## The demo's web chat page
webchat-title = Tor4You assistant: demo
webchat-business = Business
webchat-customer = You are
webchat-language = Language
webchat-placeholder = Write a message…
webchat-send = Send
webchat-remind = Send me a reminder now
webchat-demo-note = A demo on the built-in Tor4You emulator: pick a customer; their number counts as yours.
webchat-error = Something went wrong. Please try again.
webchat-no-appointment = This customer has no upcoming appointment to be reminded of. Book one first.
webchat-share-phone = Share my number
