## Typed answers to a reminder that are not a plain yes or no
answer-unsure = Хорошо. Ваша запись: { $when }. Когда будете знать, ответьте здесь одним нажатием:
answer-late = Спасибо, что предупредили! Я передал, что вы немного опоздаете. Ваша запись: { $when }.
answer-question = Ваша запись: { $service }, мастер { $staff }, { $when }. Вы придёте?
answer-unclear = Извините, я не понял. Вы придёте на запись { $when }?
answer-which = Какую запись вы имеете в виду?

## To staff
alert-late = ⏰ Опаздывает: { $who }, { $when } { $phone }

## Booking a day asked for in words
book-day-full = На этот день свободного времени нет. Свободные дни:
