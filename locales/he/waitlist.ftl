waitlist-join-button = 🔔 עדכנו אותי אם משהו מתפנה
waitlist-wish = { $service } אצל { $staff }, { $days }{ $part ->
        [morning] , בבוקר
        [noon] , בצהריים
        [evening] , בערב
       *[any] {""}
    }
waitlist-joined = רשמתי אותך לרשימת ההמתנה: { $wish }. אם יתפנה זמן מתאים אכתוב לך כאן מיד.
waitlist-unavailable = אי אפשר להירשם לרשימת ההמתנה לזה. אפשר לנסות לקבוע תור מהתפריט.
waitlist-card = ברשימת ההמתנה: { $wish }
waitlist-leave = הסרה מהרשימה
waitlist-gone = ההצעה הזו כבר לא בתוקף.
waitlist-left = הוסרת מרשימת ההמתנה: { $wish }.
waitlist-offer = 🔔 התפנה זמן: { $service } אצל { $staff }, { $when }. לקבוע לך?
waitlist-book-it = כן, לקבוע לי
waitlist-not-this = לא הפעם
waitlist-too-late = הזמן הזה כבר עבר.
waitlist-taken = מישהו אחר הספיק לקבוע את הזמן הזה. נשארת ברשימת ההמתנה ואכתוב לך כשיתפנה זמן נוסף.
waitlist-need-name = כדי לקבוע צריך את שמך. אפשר לקבוע מהתפריט.
waitlist-declined = בסדר. נשארת ברשימת ההמתנה.
