## Typed answers to a reminder that are not a plain yes or no
answer-unsure = אין בעיה. התור שלך ב{ $when }. כשיהיה לך ברור, אפשר לענות כאן בלחיצה:
answer-late = תודה שעדכנת! העברתי לעסק שיש לך איחור קטן. התור שלך ב{ $when }.
answer-question = התור שלך: { $service } אצל { $staff }, ב{ $when }. מגיעים?
answer-unclear = סליחה, לא הבנתי. האם ההגעה לתור ב{ $when } בתוקף?
answer-which = לאיזה תור הכוונה?

## To staff
alert-late = ⏰ מאחר/ת: { $who }, { $when } { $phone }

## Booking a day asked for in words
book-day-full = ביום שביקשת אין זמנים פנויים. אלה הימים הפנויים:
