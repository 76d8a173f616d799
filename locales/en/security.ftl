## Opting out ("stop") acts on the phone number, on every channel
stop-needs-number = To stop reminders I need to know your phone number: they go by number, on every channel. Tap the button below to share it, and they will stop.
start-needs-number = To turn reminders back on I need to know your phone number. Tap the button below to share it.

## Too many messages at once from one chat
turn-limited = One moment please, I'm still on your previous messages. You can write again in a minute.

## Staff codes
staff-code-locked = Too many wrong codes from this chat. Try again in an hour, or ask the business owner for a new code.
