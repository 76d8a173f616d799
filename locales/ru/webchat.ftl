## The demo's web chat page
webchat-title = Ассистент Tor4You: демо
webchat-business = Бизнес
webchat-customer = Вы
webchat-language = Язык
webchat-placeholder = Напишите сообщение…
webchat-send = Отправить
webchat-remind = Прислать напоминание сейчас
webchat-demo-note = Демо на встроенном эмуляторе Tor4You: выберите клиента; его номер считается вашим.
webchat-error = Что-то пошло не так. Попробуйте ещё раз.
webchat-no-appointment = У этого клиента нет предстоящей записи для напоминания. Сначала запишитесь.
webchat-share-phone = Поделиться номером
