// The one translation table of every client: each text in Polish (default) and English.
// Counted texts carry plural forms chosen by Intl.PluralRules (Polish: one / few / many).
import type { ErrorCode } from "../../protocol/errors.ts";

export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}
type Text = { pl: string; en: string };
type Counted = { pl: PluralForms; en: PluralForms };
export type Entry = Text | Counted;

const TEXTS = {
  // ---- shared --------------------------------------------------------------
  "app.name": { pl: "numerek", en: "numerek" },
  "lang.switchTo": { pl: "English", en: "Polski" },
  "lang.switchLabel": { pl: "Switch to English", en: "Przełącz na język polski" },
  "conn.offline": { pl: "Brak połączenia z serwerem – łączę ponownie…", en: "No connection to the server – reconnecting…" },
  "conn.connecting": { pl: "Łączenie z serwerem…", en: "Connecting to the server…" },
  "conn.tooMany": {
    pl: "Ta strona wysłała do serwera zbyt wiele wiadomości – połączę ponownie za kilka sekund.",
    en: "This page sent the server too many messages – reconnecting in a few seconds.",
  },
  "conn.stale": { pl: "Pokazane dane mogą być nieaktualne.", en: "What you see may be out of date." },
  "conn.version": {
    pl: "Ten ekran trzeba odświeżyć: serwer działa już w nowszej wersji.",
    en: "This screen needs reloading: the server runs a newer version.",
  },
  "conn.reload": { pl: "Odśwież", en: "Reload" },
  "common.loading": { pl: "Wczytywanie…", en: "Loading…" },
  "common.back": { pl: "Wstecz", en: "Back" },
  "common.retry": { pl: "Spróbuj ponownie", en: "Try again" },
  "common.logout": { pl: "Wyloguj", en: "Sign out" },
  "common.close": { pl: "Zamknij", en: "Close" },
  "common.unknownSite": { pl: "Nie ma takiej placówki.", en: "There is no such office." },
  "common.missingSite": { pl: "Adres ekranu nie wskazuje placówki.", en: "The screen's address names no office." },
  "count.people": {
    pl: { one: "{n} osoba", few: "{n} osoby", many: "{n} osób", other: "{n} osoby" },
    en: { one: "{n} person", other: "{n} people" },
  },
  "count.minutes": {
    pl: { one: "{n} minuta", few: "{n} minuty", many: "{n} minut", other: "{n} minuty" },
    en: { one: "{n} minute", other: "{n} minutes" },
  },
  "count.tickets": {
    pl: { one: "{n} numerek", few: "{n} numerki", many: "{n} numerków", other: "{n} numerka" },
    en: { one: "{n} ticket", other: "{n} tickets" },
  },
  "count.waiting": {
    pl: { one: "czeka {n} osoba", few: "czekają {n} osoby", many: "czeka {n} osób", other: "czeka {n} osoby" },
    en: { one: "{n} person waiting", other: "{n} people waiting" },
  },
  "ticket.ahead": { pl: "Przed Tobą: {people}", en: "Ahead of you: {people}" },
  "ticket.nobodyAhead": { pl: "Jesteś następny w kolejce", en: "You are next in line" },
  "ticket.eta": { pl: "Szacowany czas oczekiwania: ok. {minutes}", en: "Estimated wait: about {minutes}" },
  "ticket.etaSoon": { pl: "Szacowany czas oczekiwania: chwila", en: "Estimated wait: a moment" },

  // ---- SMS and e-mail messages (manager page, demo outbox) -------------------
  "msg.kind.code": { pl: "Kod potwierdzający", en: "Confirmation code" },
  "msg.kind.confirmation": { pl: "Potwierdzenie rezerwacji", en: "Booking confirmation" },
  "msg.kind.reminder": { pl: "Przypomnienie o wizycie", en: "Visit reminder" },
  "msg.kind.notify": { pl: "Powiadomienie z e-biletu", en: "E-ticket alert" },
  "msg.kind.other": { pl: "Wiadomość", en: "Message" },
  "msg.channel.sms": { pl: "SMS", en: "SMS" },
  "msg.channel.email": { pl: "E-mail", en: "E-mail" },
  "msg.status.pending": { pl: "czeka na wysłanie", en: "waiting to be sent" },
  "msg.status.sent": { pl: "wysłana", en: "sent" },
  "msg.status.failed": { pl: "nie wysłana", en: "not sent" },

  // ---- sign-in -------------------------------------------------------------
  "login.deviceTitle": { pl: "Konfiguracja urządzenia", en: "Device setup" },
  "login.staffTitle": { pl: "Logowanie do konsoli", en: "Sign in to the console" },
  "login.deviceNote": {
    pl: "Urządzenie loguje się jeden raz; token zostaje zapisany w tej przeglądarce.",
    en: "The device signs in once; the token is kept in this browser.",
  },
  "login.username": { pl: "Nazwa użytkownika", en: "User name" },
  "login.password": { pl: "Hasło", en: "Password" },
  "login.submit": { pl: "Zaloguj", en: "Sign in" },
  "login.busy": { pl: "Logowanie…", en: "Signing in…" },
  "login.wrongRole": { pl: "To konto nie może obsługiwać tego ekranu.", en: "This account cannot run this screen." },
  "login.managerTitle": { pl: "Logowanie kierownika placówki", en: "Office manager sign-in" },

  // ---- kiosk ---------------------------------------------------------------
  "kiosk.title": { pl: "Pobierz numerek", en: "Take a ticket" },
  "kiosk.chooseDepartment": { pl: "Wybierz wydział", en: "Choose a department" },
  "kiosk.chooseMatter": { pl: "Wybierz sprawę", en: "Choose your matter" },
  "kiosk.haveBooking": { pl: "Mam rezerwację", en: "I have a booking" },
  "kiosk.issuing": { pl: "Wydawanie numerka…", en: "Issuing your ticket…" },
  "kiosk.yourNumber": { pl: "Twój numer", en: "Your number" },
  "kiosk.scanQr": {
    pl: "Zeskanuj kod telefonem, aby śledzić kolejkę na żywo.",
    en: "Scan the code with your phone to follow the queue live.",
  },
  "kiosk.printerDown": {
    pl: "Drukarka nieczynna – bilet pokażemy na ekranie, zeskanuj kod QR telefonem",
    en: "The printer is out of order – we will show your ticket on the screen; scan its QR code with your phone",
  },
  "kiosk.notPrinted": {
    pl: "Bilet nie został wydrukowany – drukarka jest nieczynna.",
    en: "The ticket was not printed – the printer is out of order.",
  },
  "kiosk.scanQrNoPrint": {
    pl: "Zeskanuj kod QR telefonem – to Twój bilet. Zapamiętaj też numer.",
    en: "Scan the QR code with your phone – it is your ticket. Remember the number too.",
  },
  "kiosk.qrLabel": { pl: "Kod QR e-biletu", en: "QR code of the e-ticket" },
  "kiosk.done": { pl: "Gotowe", en: "Done" },
  "kiosk.unavailable": { pl: "Teraz niedostępne", en: "Not available now" },
  "kiosk.offline": {
    pl: "Kiosk nie ma połączenia z serwerem. Łączę ponownie…",
    en: "The kiosk has no connection to the server. Reconnecting…",
  },
  "kiosk.bookingTitle": { pl: "Mam rezerwację", en: "I have a booking" },
  "kiosk.bookingPrompt": { pl: "Wpisz kod odprawy z SMS-a", en: "Enter the check-in code from your text message" },
  "kiosk.bookingNote": {
    pl: "Kod ma 6 znaków – cyfry i litery. Znajdziesz go w SMS-ie potwierdzającym rezerwację.",
    en: "The code has 6 characters – digits and letters. It is in the text message that confirmed your booking.",
  },
  "kiosk.bookingCode": { pl: "Kod odprawy", en: "Check-in code" },
  "kiosk.bookingCodeEmpty": { pl: "brak", en: "empty" },
  "kiosk.bookingSubmit": { pl: "Potwierdź", en: "Confirm" },
  "kiosk.bookingClear": { pl: "Wyczyść", en: "Clear" },
  "kiosk.bookingDelete": { pl: "Usuń ostatni znak", en: "Delete the last character" },
  "kiosk.bookingKeys": { pl: "Klawiatura: cyfry i litery", en: "Keypad: digits and letters" },
  "kiosk.checkingIn": { pl: "Sprawdzanie kodu…", en: "Checking the code…" },
  "kiosk.checkIn.tooEarlyToday": {
    pl: "Za wcześnie na odprawę. Wpisz kod ponownie od godz. {time}.",
    en: "Too early to check in. Please enter the code again from {time}.",
  },
  "kiosk.checkIn.tooEarlyDay": {
    pl: "Za wcześnie na odprawę. Wpisz kod ponownie {date} od godz. {time}.",
    en: "Too early to check in. Please enter the code again on {date} from {time}.",
  },
  "kiosk.checkIn.tooEarly": {
    pl: "Za wcześnie na odprawę. Wpisz kod najwcześniej 10 minut przed godziną wizyty.",
    en: "Too early to check in. Enter the code no earlier than 10 minutes before your visit.",
  },
  "kiosk.checkIn.tooLate": {
    pl: "Minęła pora odprawy tej rezerwacji. Pobierz numerek do swojej sprawy albo zarezerwuj nowy termin.",
    en: "The check-in time for this booking has passed. Take a ticket for your matter or book a new time.",
  },
  "kiosk.checkIn.unknown": {
    pl: "Nie ma rezerwacji z takim kodem. Sprawdź kod w SMS-ie i wpisz go ponownie.",
    en: "No booking has this code. Check the code in your text message and enter it again.",
  },
  "kiosk.checkIn.wrongSite": {
    pl: "Ta rezerwacja dotyczy innej placówki: {office}. Wpisz kod w biletomacie tej placówki.",
    en: "This booking is for another office: {office}. Enter the code at that office's kiosk.",
  },
  "kiosk.checkIn.wrongSiteUnnamed": {
    pl: "Ta rezerwacja dotyczy innej placówki. Sprawdź adres w SMS-ie z potwierdzeniem.",
    en: "This booking is for another office. Check the address in your confirmation text message.",
  },
  "kiosk.checkIn.already": {
    pl: "Ten kod został już użyty – bilet do tej rezerwacji był już wydany. W razie kłopotu zapytaj w informacji.",
    en: "This code has already been used – the ticket for this booking was issued. Ask at the information desk if you need help.",
  },
  "kiosk.checkIn.notActive": {
    pl: "Ta rezerwacja została odwołana lub wygasła. Pobierz numerek do swojej sprawy.",
    en: "This booking was cancelled or has expired. Please take a ticket for your matter.",
  },

  // ---- group screen and desk screen ---------------------------------------
  "display.nowCalling": { pl: "Wzywany numer", en: "Now calling" },
  "display.goTo": { pl: "zapraszamy do", en: "please go to" },
  "display.again": { pl: "ponownie", en: "again" },
  "display.previous": { pl: "Poprzednie wezwania", en: "Previous calls" },
  "display.noCalls": { pl: "Za chwilę pierwsze wezwanie", en: "The first call is coming soon" },
  "display.waiting": { pl: "Oczekujący", en: "Waiting" },
  "display.enableSound": { pl: "Włącz dźwięk wezwań", en: "Turn on the call chime" },
  "desk.break": { pl: "Przerwa", en: "On a break" },
  "desk.breakNote": { pl: "Stanowisko chwilowo nieczynne", en: "This desk is closed for a moment" },
  "desk.serving": { pl: "Obsługiwany numer", en: "Now serving" },
  "desk.idle": { pl: "Proszę czekać na wezwanie", en: "Please wait to be called" },
  "desk.gone": {
    pl: "Tego stanowiska nie ma już w placówce. Ekran trzeba przypisać do innego stanowiska.",
    en: "This desk no longer exists at the office. The screen must be set to another desk.",
  },

  // ---- clerk console -------------------------------------------------------
  "clerk.title": { pl: "Konsola urzędnika", en: "Clerk console" },
  "clerk.deskGone": {
    pl: "Twojego stanowiska nie ma już w konfiguracji placówki. Wybierz inne stanowisko.",
    en: "Your desk is no longer in the office's configuration. Choose another desk.",
  },
  "clerk.chooseTitle": { pl: "Wybierz placówkę i stanowisko", en: "Choose the office and the desk" },
  "clerk.site": { pl: "Placówka", en: "Office" },
  "clerk.desk": { pl: "Stanowisko", en: "Desk" },
  "clerk.openDesk": { pl: "Otwórz konsolę", en: "Open the console" },
  "clerk.changeDesk": { pl: "Zmień stanowisko", en: "Change desk" },
  "clerk.noDesks": { pl: "To konto nie ma przypisanych stanowisk.", en: "This account has no desks." },
  "clerk.current": { pl: "Bieżący klient", en: "Current client" },
  "clerk.noClient": { pl: "Nikt nie jest wezwany do stanowiska.", en: "Nobody is called to the desk." },
  "clerk.statusCalled": { pl: "Wezwany", en: "Called" },
  "clerk.statusServing": { pl: "W obsłudze", en: "Being served" },
  "clerk.sinceCalled": { pl: "Od wezwania: {time}", en: "Since the call: {time}" },
  "clerk.sinceStarted": { pl: "Czas obsługi: {time}", en: "Service time: {time}" },
  "clerk.missCount": { pl: "Nie zgłosił się już {misses} z 3 razy", en: "Did not come {misses} of 3 times" },
  "clerk.paused": { pl: "Stanowisko na przerwie.", en: "The desk is on a break." },
  "clerk.callNext": { pl: "Wezwij następnego", en: "Call next" },
  "clerk.recall": { pl: "Wezwij ponownie", en: "Call again" },
  "clerk.noShow": { pl: "Nie zgłosił się", en: "Did not come" },
  "clerk.start": { pl: "Rozpocznij obsługę", en: "Start service" },
  "clerk.finish": { pl: "Zakończ", en: "Finish" },
  "clerk.transfer": { pl: "Przekieruj", en: "Transfer" },
  "clerk.pause": { pl: "Przerwa", en: "Break" },
  "clerk.resume": { pl: "Wznów", en: "Resume" },
  "clerk.actions": { pl: "Polecenia", en: "Commands" },
  "clerk.sending": { pl: "Wysyłanie polecenia…", en: "Sending the command…" },
  "clerk.queue": { pl: "Kolejka stanowiska", en: "Desk queue" },
  "clerk.queueEmpty": { pl: "Nikt nie czeka.", en: "Nobody is waiting." },
  "clerk.colNumber": { pl: "Numer", en: "Number" },
  "clerk.colMatter": { pl: "Sprawa", en: "Matter" },
  "clerk.colTaken": { pl: "Pobrany", en: "Taken" },
  "clerk.colAction": { pl: "Działanie", en: "Action" },
  "clerk.pinned": { pl: "przekierowany do tego stanowiska", en: "transferred to this desk" },
  "clerk.callThis": { pl: "Wezwij", en: "Call" },
  "clerk.callThisLabel": { pl: "Wezwij numer {number}", en: "Call number {number}" },
  "clerk.missed": { pl: "Odłożeni (nie zgłosili się)", en: "Set aside (did not come)" },
  "clerk.missedRow": {
    pl: "{misses}. niezgłoszenie, ponowne wezwanie ok. {time}",
    en: "missed {misses} times, called again at about {time}",
  },
  "clerk.transferTitle": { pl: "Przekieruj numer {number}", en: "Transfer number {number}" },
  "clerk.transferKind": { pl: "Dokąd", en: "Where to" },
  "clerk.toMatter": { pl: "Do innej sprawy", en: "To another matter" },
  "clerk.toDesk": { pl: "Do innego stanowiska", en: "To another desk" },
  "clerk.transferMatter": { pl: "Sprawa", en: "Matter" },
  "clerk.transferDesk": { pl: "Stanowisko", en: "Desk" },
  "clerk.transferSubmit": { pl: "Przekieruj teraz", en: "Transfer now" },
  "clerk.cancel": { pl: "Anuluj", en: "Cancel" },
  "clerk.shortcuts": { pl: "Skróty klawiszowe", en: "Keyboard shortcuts" },
  "clerk.shortcutsNote": {
    pl: "Działają, gdy kursor nie stoi w polu formularza. Tab przechodzi między przyciskami, Enter je naciska.",
    en: "They work when no form field has the focus. Tab moves between buttons, Enter presses them.",
  },

  // ---- manager page ----------------------------------------------------------
  "adm.title": { pl: "Panel kierownika", en: "Manager's page" },
  "adm.notManager": {
    pl: "Ta strona jest tylko dla kierowników placówek. Konto urzędnika ani urządzenia nie ma do niej dostępu – zaloguj się kontem kierownika.",
    en: "This page is for office managers only. A clerk's or a device's account has no access – sign in with a manager's account.",
  },
  "adm.site": { pl: "Placówka", en: "Office" },
  "adm.noSites": { pl: "To konto nie zarządza żadną placówką.", en: "This account manages no office." },
  "adm.msgTitle": { pl: "Wiadomości SMS i e-mail", en: "Text messages and e-mails" },
  "adm.msgNote": {
    pl: "Kod ani potwierdzenie nie mogą zginąć bez śladu: tu widać każdą wiadomość, która nie wyszła, z przyczyną. Nieudaną wiadomość możesz wysłać ponownie.",
    en: "No code or confirmation may be lost without a trace: every message that did not go out is here, with the reason. A failed message can be sent again.",
  },
  "adm.filter": { pl: "Pokaż wiadomości", en: "Show messages" },
  "adm.filter.failed": { pl: "Nieudane", en: "Failed" },
  "adm.filter.pending": { pl: "Oczekujące", en: "Waiting" },
  "adm.filter.sent": { pl: "Wysłane", en: "Sent" },
  "adm.filter.all": { pl: "Wszystkie", en: "All" },
  "adm.msgTable": { pl: "Wiadomości placówki", en: "The office's messages" },
  "adm.colTime": { pl: "Utworzona", en: "Created" },
  "adm.colKind": { pl: "Rodzaj", en: "Kind" },
  "adm.colChannel": { pl: "Kanał", en: "Channel" },
  "adm.colTo": { pl: "Odbiorca", en: "Recipient" },
  "adm.colStatus": { pl: "Stan", en: "Status" },
  "adm.colAttempts": { pl: "Próby", en: "Attempts" },
  "adm.colError": { pl: "Błąd", en: "Error" },
  "adm.colDelivery": { pl: "Doręczenie", en: "Delivery" },
  "adm.colAction": { pl: "Działanie", en: "Action" },
  "adm.sentAt": { pl: "wysłana {time}", en: "sent {time}" },
  "adm.noMessages.failed": { pl: "Brak nieudanych wiadomości. Wszystko wyszło.", en: "No failed messages. Everything went out." },
  "adm.noMessages.pending": { pl: "Żadna wiadomość nie czeka na wysłanie.", en: "No message is waiting to be sent." },
  "adm.noMessages.sent": { pl: "Nie wysłano jeszcze żadnej wiadomości.", en: "No message has been sent yet." },
  "adm.noMessages.all": { pl: "Placówka nie ma jeszcze żadnych wiadomości.", en: "The office has no messages yet." },
  "adm.resend": { pl: "Wyślij ponownie", en: "Send again" },
  "adm.resendLabel": { pl: "Wyślij ponownie: {kind} do {to}", en: "Send again: {kind} to {to}" },
  "adm.resending": { pl: "Wysyłanie…", en: "Sending…" },
  "adm.resentPending": {
    pl: "{kind} do {to}: wysłana ponownie, czeka w kolejce na wysłanie…",
    en: "{kind} to {to}: sent again, waiting in the queue to go out…",
  },
  "adm.resentSent": {
    pl: "{kind} do {to}: wysłana ponownie – wiadomość wyszła.",
    en: "{kind} to {to}: sent again – the message went out.",
  },
  "adm.resentFailed": {
    pl: "{kind} do {to}: ponowna wysyłka nie powiodła się ({error}).",
    en: "{kind} to {to}: sending again failed ({error}).",
  },
  "adm.resendRefused": { pl: "{kind} do {to}: {reason}", en: "{kind} to {to}: {reason}" },
  "adm.resentBadge": { pl: "wysłana ponownie", en: "sent again" },
  "adm.body": { pl: "Treść", en: "Text" },
  "adm.updated": { pl: "Stan z godz. {time}", en: "As of {time}" },
  "adm.devTitle": { pl: "Drukarki i stanowiska", en: "Printers and desks" },
  "adm.printers": { pl: "Drukarki biletomatów", en: "Kiosk printers" },
  "adm.noPrinters": {
    pl: "Agent wydruku nie zgłosił jeszcze stanu żadnej drukarki.",
    en: "The print agent has not reported any printer yet.",
  },
  "adm.colKiosk": { pl: "Biletomat", en: "Kiosk" },
  "adm.colPrinter": { pl: "Stan drukarki", en: "Printer state" },
  "adm.colSince": { pl: "Zgłoszony", en: "Reported" },
  "adm.printer.ready": { pl: "gotowa", en: "ready" },
  "adm.printer.paper-out": { pl: "brak papieru", en: "out of paper" },
  "adm.printer.cover-open": { pl: "otwarta pokrywa", en: "cover open" },
  "adm.printer.offline": { pl: "bez połączenia", en: "offline" },
  "adm.printer.error": { pl: "awaria", en: "fault" },
  "adm.desks": { pl: "Stanowiska", en: "Desks" },
  "adm.colDesk": { pl: "Stanowisko", en: "Desk" },
  "adm.colDeskState": { pl: "Stan", en: "State" },
  "adm.colClient": { pl: "Klient", en: "Client" },
  "adm.colWaiting": { pl: "Czeka", en: "Waiting" },
  "adm.deskOpen": { pl: "otwarte", en: "open" },
  "adm.deskPaused": { pl: "przerwa", en: "on a break" },
  "adm.noClient": { pl: "brak", en: "none" },
  "adm.totalWaiting": { pl: "W kolejce placówki: {people}", en: "In the office's queue: {people}" },

  // ---- demo outbox page --------------------------------------------------------
  "ob.title": { pl: "Skrzynka wiadomości (demo)", en: "Message outbox (demo)" },
  "ob.note": {
    pl: "W trybie demonstracyjnym SMS-y i e-maile nie wychodzą: każda wiadomość trafia tutaj. Najnowsze na górze, odświeżane co kilka sekund.",
    en: "In demo mode no text message or e-mail leaves: every message lands here. Newest first, refreshed every few seconds.",
  },
  "ob.demoOnly": {
    pl: "Ta strona działa tylko w trybie demonstracyjnym. Na tym serwerze wiadomości wychodzą naprawdę, więc nie są tu pokazywane.",
    en: "This page works in demo mode only. This server really sends its messages, so they are not shown here.",
  },
  "ob.site": { pl: "Placówka", en: "Office" },
  "ob.allSites": { pl: "Wszystkie placówki", en: "All offices" },
  "ob.empty": { pl: "Nie ma jeszcze żadnych wiadomości.", en: "There are no messages yet." },
  "ob.count": {
    pl: { one: "{n} wiadomość", few: "{n} wiadomości", many: "{n} wiadomości", other: "{n} wiadomości" },
    en: { one: "{n} message", other: "{n} messages" },
  },
  "ob.updated": { pl: "Odświeżono o {time}", en: "Refreshed at {time}" },
  "ob.to": { pl: "Do", en: "To" },
  "ob.subject": { pl: "Temat", en: "Subject" },
  "ob.code": { pl: "Kod", en: "Code" },
  "ob.list": { pl: "Wiadomości", en: "Messages" },

  // ---- public booking site -------------------------------------------------
  "bk.title": { pl: "Rezerwacja wizyty w urzędzie", en: "Book a visit to the office" },
  "bk.brand": { pl: "numerek – rezerwacje", en: "numerek – bookings" },
  "bk.progress": { pl: "Postęp rezerwacji", en: "Booking progress" },
  "bk.stepOf": { pl: "Krok {n} z 5", en: "Step {n} of 5" },
  "bk.stepDone": { pl: "(gotowe)", en: "(done)" },
  "bk.step1": { pl: "Sprawa", en: "Matter" },
  "bk.step2": { pl: "Placówka", en: "Office" },
  "bk.step3": { pl: "Termin", en: "Date and time" },
  "bk.step4": { pl: "Dane", en: "Your details" },
  "bk.step5": { pl: "Kod SMS", en: "SMS code" },
  "bk.step5Email": { pl: "Kod e-mail", en: "E-mail code" },
  "bk.startOver": { pl: "Zacznij od nowa", en: "Start again" },
  "bk.summary": { pl: "Twój wybór", en: "Your choice" },
  "bk.matter": { pl: "Sprawa", en: "Matter" },
  "bk.site": { pl: "Placówka", en: "Office" },
  "bk.address": { pl: "Adres", en: "Address" },
  "bk.date": { pl: "Data", en: "Date" },
  "bk.time": { pl: "Godzina", en: "Time" },
  "bk.when": { pl: "Termin", en: "Date and time" },
  "bk.dateTime": { pl: "{date}, godz. {time}", en: "{date} at {time}" },

  "bk.cityTitle": { pl: "Wybierz miasto", en: "Choose the city" },
  "bk.city": { pl: "Miasto: {city}", en: "City: {city}" },
  "bk.changeCity": { pl: "Zmień miasto", en: "Change the city" },
  "bk.matterTitle": { pl: "Jaką sprawę chcesz załatwić?", en: "What do you need to do?" },
  "bk.search": { pl: "Szukaj sprawy", en: "Search for a matter" },
  "bk.searchHint": { pl: "Wpisz fragment nazwy, np. „dowód”.", en: "Type part of the name, e.g. “licence”." },
  "bk.found": { pl: "Znaleziono: {matters}", en: "Found: {matters}" },
  "bk.notFound": {
    pl: "Nie znaleziono sprawy „{query}”. Spróbuj innego słowa.",
    en: "No matter matches “{query}”. Try another word.",
  },
  "count.matters": {
    pl: { one: "{n} sprawa", few: "{n} sprawy", many: "{n} spraw", other: "{n} sprawy" },
    en: { one: "{n} matter", other: "{n} matters" },
  },
  "count.sitesIn": {
    pl: { one: "w {n} placówce", few: "w {n} placówkach", many: "w {n} placówkach", other: "w {n} placówki" },
    en: { one: "at {n} office", other: "at {n} offices" },
  },
  "count.freeTimes": {
    pl: { one: "{n} wolny termin", few: "{n} wolne terminy", many: "{n} wolnych terminów", other: "{n} wolnego terminu" },
    en: { one: "{n} free time", other: "{n} free times" },
  },

  "bk.siteTitle": { pl: "Wybierz placówkę", en: "Choose the office" },
  "bk.siteChecking": { pl: "Sprawdzanie wolnych terminów…", en: "Checking free times…" },
  "bk.siteFirstFree": { pl: "Najbliższy wolny termin: {when}", en: "First free time: {when}" },
  "bk.siteNoneFree": {
    pl: "Brak wolnych terminów do rezerwacji w tej placówce.",
    en: "No free times can be booked at this office.",
  },

  "bk.dateTitle": { pl: "Wybierz dzień i godzinę", en: "Choose the day and the time" },
  "bk.calendar": { pl: "Kalendarz wolnych terminów", en: "Calendar of free times" },
  "bk.calendarHelp": {
    pl: "Dni z wolnymi terminami są pogrubione. Klawiszami strzałek przechodzisz między dniami, Page Up i Page Down zmieniają miesiąc, Enter wybiera dzień.",
    en: "Days with free times are in bold. Arrow keys move between days, Page Up and Page Down change the month, Enter picks the day.",
  },
  "bk.prevMonth": { pl: "Poprzedni miesiąc", en: "Previous month" },
  "bk.nextMonth": { pl: "Następny miesiąc", en: "Next month" },
  "bk.dayFree": { pl: "{date}: {times}", en: "{date}: {times}" },
  "bk.dayOff": { pl: "{date}: niedostępny – {reason}", en: "{date}: not available – {reason}" },
  "bk.reasonPast": { pl: "ten dzień już minął", en: "this day has passed" },
  "bk.reasonFull": { pl: "wszystkie terminy zajęte", en: "every time is taken" },
  "bk.reasonToday": { pl: "na dziś nie ma już terminów do rezerwacji", en: "no more times can be booked today" },
  "bk.reasonClosed": { pl: "urząd nie przyjmuje tego dnia", en: "the office takes no visits that day" },
  "bk.reasonBeyond": { pl: "poza okresem, na który można rezerwować", en: "beyond the period open for booking" },
  "bk.noFreeDays": {
    pl: "W tej placówce nie ma teraz wolnych terminów dla tej sprawy. Wybierz inną placówkę albo spróbuj później.",
    en: "This office has no free times for this matter now. Choose another office or try later.",
  },
  "bk.timesTitle": { pl: "Wolne godziny – {date}", en: "Free times – {date}" },
  "bk.timesPick": { pl: "Najpierw wybierz dzień w kalendarzu.", en: "First pick a day in the calendar." },
  "bk.slotGone": {
    pl: "Ten termin właśnie przestał być dostępny. Wybierz inny.",
    en: "This time has just become unavailable. Please choose another.",
  },

  "bk.detailsTitle": { pl: "Podaj swoje dane", en: "Your details" },
  "bk.name": { pl: "Imię i nazwisko lub nazwa firmy", en: "Name and surname, or company name" },
  "bk.phone": { pl: "Numer telefonu komórkowego", en: "Mobile phone number" },
  "bk.phoneHint": {
    pl: "Wyślemy na niego SMS z kodem potwierdzającym. Polski numer możesz podać bez +48, np. 600 700 800.",
    en: "We will text the confirmation code to it. A Polish number may be given without +48, e.g. 600 700 800.",
  },
  "bk.nameInvalid": {
    pl: "Podaj imię i nazwisko lub nazwę firmy (co najmniej 2 znaki).",
    en: "Give your name and surname or a company name (at least 2 characters).",
  },
  "bk.phoneMissing": { pl: "Podaj numer telefonu komórkowego.", en: "Give a mobile phone number." },
  "bk.privacyTitle": { pl: "Ochrona danych osobowych", en: "Data protection" },
  "bk.controller": { pl: "Administrator danych: {controller}", en: "Data controller: {controller}" },
  "bk.consent": {
    pl: "Zapoznałem(-am) się z informacją o ochronie danych i zgadzam się na przetwarzanie moich danych w celu rezerwacji wizyty.",
    en: "I have read the data-protection notice and agree to my data being processed to book this visit.",
  },
  "bk.consentMissing": { pl: "Zaznacz zgodę, aby zarezerwować wizytę.", en: "Tick the consent box to book the visit." },
  "bk.humanTitle": { pl: "Sprawdzenie, czy rezerwuje człowiek", en: "Checking that a person is booking" },
  "bk.humanHint": {
    pl: "Chroni urząd przed automatycznymi rezerwacjami. Zwykle dzieje się samo; jeśli pojawi się pole „Potwierdź, że jesteś człowiekiem”, zaznacz je.",
    en: "It protects the office from automated bookings. It usually happens by itself; if a “Verify you are human” box appears, tick it.",
  },
  "bk.humanLoading": { pl: "Ładowanie sprawdzenia…", en: "Loading the check…" },
  "bk.humanDone": { pl: "Sprawdzenie zakończone.", en: "Check complete." },
  "bk.humanMissing": {
    pl: "Poczekaj na koniec sprawdzenia albo zaznacz pole „Potwierdź, że jesteś człowiekiem”.",
    en: "Wait for the check to finish or tick the “Verify you are human” box.",
  },
  "bk.humanExpired": { pl: "Sprawdzenie wygasło – zaznacz pole ponownie.", en: "The check has expired – tick the box again." },
  "bk.humanBroken": {
    pl: "Sprawdzenie nie działa. Odśwież stronę; jeśli to nie pomoże, zarezerwuj wizytę telefonicznie lub w urzędzie.",
    en: "The check is not working. Reload the page; if that does not help, book the visit by phone or at the office.",
  },
  "bk.sendCode": { pl: "Wyślij kod SMS", en: "Text me the code" },
  "bk.sending": { pl: "Wysyłanie…", en: "Sending…" },
  "bk.channelTitle": { pl: "Jak przesłać kod potwierdzający?", en: "How should we send the confirmation code?" },
  "bk.channelSms": { pl: "SMS-em na telefon komórkowy", en: "By text message to a mobile phone" },
  "bk.channelEmail": { pl: "E-mailem", en: "By e-mail" },
  "bk.email": { pl: "Adres e-mail", en: "E-mail address" },
  "bk.emailHint": {
    pl: "Wyślemy na niego wiadomość z kodem potwierdzającym, a potem potwierdzenie wizyty.",
    en: "We will e-mail the confirmation code to it, and then the confirmation of the visit.",
  },
  "bk.emailMissing": { pl: "Podaj adres e-mail.", en: "Give an e-mail address." },
  "bk.sendCodeEmail": { pl: "Wyślij kod e-mailem", en: "E-mail me the code" },

  "bk.codeTitle": { pl: "Wpisz kod z SMS-a", en: "Enter the code from the text message" },
  "bk.codeSent": { pl: "Wysłaliśmy SMS z 6-cyfrowym kodem na numer {phone}.", en: "We texted a 6-digit code to {phone}." },
  "bk.codeTitleEmail": { pl: "Wpisz kod z e-maila", en: "Enter the code from the e-mail" },
  "bk.codeSentEmail": {
    pl: "Wysłaliśmy e-mail z 6-cyfrowym kodem na adres {email}. Jeśli go nie widzisz, zajrzyj do folderu ze spamem.",
    en: "We e-mailed a 6-digit code to {email}. If you cannot see it, look in the spam folder.",
  },
  "bk.codeEmail": { pl: "Kod z e-maila (6 cyfr)", en: "Code from the e-mail (6 digits)" },
  "bk.holdUntil": {
    pl: "Termin czeka na Ciebie do godz. {time}. Jeśli do tej pory nie wpiszesz kodu, zostanie zwolniony.",
    en: "The time is held for you until {time}. If you do not enter the code by then, it is released.",
  },
  "bk.holdOver": {
    pl: "Czas na wpisanie kodu minął i termin został zwolniony. Wybierz termin ponownie.",
    en: "The time to enter the code is over and the slot was released. Please choose a time again.",
  },
  "bk.code": { pl: "Kod z SMS-a (6 cyfr)", en: "Code from the text message (6 digits)" },
  "bk.codeInvalid": { pl: "Kod ma 6 cyfr.", en: "The code has 6 digits." },
  "bk.confirm": { pl: "Potwierdź rezerwację", en: "Confirm the booking" },
  "bk.confirming": { pl: "Potwierdzanie…", en: "Confirming…" },
  "bk.resend": { pl: "Wyślij kod ponownie", en: "Send the code again" },
  "bk.resendIn": { pl: "Wyślij kod ponownie (za {s} s)", en: "Send the code again (in {s} s)" },
  "bk.resent": { pl: "Wysłaliśmy nowy kod. Poprzedni już nie działa.", en: "We sent a new code. The previous one no longer works." },
  "bk.chooseAgain": { pl: "Wybierz termin ponownie", en: "Choose a time again" },

  "bk.doneTitle": { pl: "Wizyta zarezerwowana", en: "Your visit is booked" },
  "bk.doneSms": {
    pl: "Potwierdzenie z tymi danymi wysłaliśmy SMS-em.",
    en: "We have texted you a confirmation with these details.",
  },
  "bk.doneEmail": {
    pl: "Potwierdzenie z tymi danymi wysłaliśmy e-mailem na adres {email}.",
    en: "We have e-mailed a confirmation with these details to {email}.",
  },
  "bk.ticket": { pl: "Numer biletu", en: "Ticket number" },
  "bk.checkInCode": { pl: "Kod odprawy", en: "Check-in code" },
  "bk.checkInKiosk": {
    pl: "Po przybyciu do urzędu wpisz ten kod w biletomacie – biletomat przyjmie go najwcześniej {minutes} przed godziną wizyty. Biletomat wyda bilet z Twoim numerem.",
    en: "When you arrive, enter this code at the ticket kiosk – the kiosk takes it from {minutes} before your time. The kiosk prints a ticket with your number.",
  },
  "bk.checkInKioskSms": {
    pl: "Po przybyciu do urzędu wpisz ten kod w biletomacie (najwcześniej kilka minut przed godziną wizyty – SMS podaje dokładnie kiedy). Biletomat wyda bilet z Twoim numerem.",
    en: "When you arrive, enter this code at the ticket kiosk (at the earliest a few minutes before your time – the text message says exactly when). The kiosk prints a ticket with your number.",
  },
  "bk.checkInAuto": {
    pl: "Przyjdź 5–10 minut przed godziną wizyty. O wyznaczonej godzinie system sam dopisze Cię do kolejki – obserwuj ekrany w sali obsługi.",
    en: "Please arrive 5–10 minutes before your time. At that time the system puts you in the queue by itself – watch the screens in the hall.",
  },
  "bk.manageLink": { pl: "Zarządzaj rezerwacją (zmiana terminu, odwołanie)", en: "Manage the booking (change the time, cancel)" },
  "bk.manageNote": {
    pl: "Ten link jest też w SMS-ie. Przez niego zmienisz termin wizyty albo ją odwołasz.",
    en: "The link is also in the text message. Use it to change the time of the visit or to cancel it.",
  },
  "bk.manageNoteEmail": {
    pl: "Ten link jest też w e-mailu. Przez niego zmienisz termin wizyty albo ją odwołasz.",
    en: "The link is also in the e-mail. Use it to change the time of the visit or to cancel it.",
  },
  "bk.bookAnother": { pl: "Zarezerwuj kolejną wizytę", en: "Book another visit" },

  "bk.manageTitle": { pl: "Twoja rezerwacja", en: "Your booking" },
  "bk.statusLabel": { pl: "Stan rezerwacji", en: "Booking status" },
  "bk.status.pending": {
    pl: "czeka na potwierdzenie kodem z SMS-a",
    en: "waiting for the code from the text message",
  },
  "bk.status.confirmed": { pl: "wizyta potwierdzona", en: "visit confirmed" },
  "bk.status.past": { pl: "termin wizyty minął", en: "the time of the visit has passed" },
  "bk.status.cancelled": { pl: "wizyta odwołana", en: "visit cancelled" },
  "bk.status.expired": {
    pl: "rezerwacja wygasła – nie została potwierdzona kodem z SMS-a",
    en: "expired – it was not confirmed with the code from the text message",
  },
  "bk.status.checkedIn": {
    pl: "odprawa w biletomacie odbyła się, bilet został wydany",
    en: "checked in at the kiosk, the ticket was issued",
  },
  "bk.manageBadLink": {
    pl: "Ten link jest niepełny. Otwórz link z SMS-a z potwierdzeniem rezerwacji.",
    en: "This link is incomplete. Open the link from your confirmation text message.",
  },
  "bk.change": {
    pl: "Możesz przenieść wizytę na inny wolny termin tej samej sprawy w tym urzędzie albo ją odwołać.",
    en: "You can move the visit to another free time for the same matter at this office, or cancel it.",
  },
  "bk.reschedule": { pl: "Zmień termin", en: "Change the time" },
  "bk.rescheduleTitle": { pl: "Wybierz nowy termin", en: "Choose the new time" },
  "bk.rescheduleKeep": { pl: "Zostaw obecny termin", en: "Keep the current time" },
  "bk.rescheduling": { pl: "Zmienianie terminu…", en: "Changing the time…" },
  "bk.rescheduled": {
    pl: "Termin wizyty został zmieniony: {date}, godz. {time}. Wysłaliśmy SMS z nowym terminem.",
    en: "The visit has been moved to {date}, {time}. We have sent a text message with the new time.",
  },
  "bk.cancel": { pl: "Odwołaj wizytę", en: "Cancel the visit" },
  "bk.cancelAsk": {
    pl: "Czy na pewno odwołać wizytę? Termin zostanie zwolniony dla innych osób.",
    en: "Do you really want to cancel the visit? The time will be released for others.",
  },
  "bk.cancelYes": { pl: "Tak, odwołaj wizytę", en: "Yes, cancel the visit" },
  "bk.cancelNo": { pl: "Nie, zachowaj wizytę", en: "No, keep the visit" },
  "bk.cancelling": { pl: "Odwoływanie…", en: "Cancelling…" },
  "bk.cancelled": {
    pl: "Wizyta została odwołana. Termin jest znów wolny.",
    en: "The visit has been cancelled. The time is free again.",
  },
  "bk.bookNew": { pl: "Zarezerwuj nową wizytę", en: "Book a new visit" },

  // ---- e-ticket ------------------------------------------------------------
  "et.title": { pl: "E-bilet", en: "E-ticket" },
  "et.number": { pl: "Numer", en: "Number" },
  "et.matter": { pl: "Sprawa", en: "Matter" },
  "et.site": { pl: "Placówka", en: "Office" },
  "et.live": { pl: "Aktualizowane na żywo", en: "Updated live" },
  "et.waiting": { pl: "Czekasz w kolejce", en: "You are in the queue" },
  "et.called": { pl: "Twoja kolej! Podejdź do stanowiska", en: "It is your turn! Please go to the desk" },
  "et.serving": { pl: "Jesteś obsługiwany przy stanowisku", en: "You are being served at the desk" },
  "et.served": { pl: "Sprawa obsłużona. Dziękujemy!", en: "Served. Thank you!" },
  "et.missed": { pl: "Nie zgłosiłeś się na wezwanie ({misses} z 3)", en: "You did not come when called ({misses} of 3)" },
  "et.missedWhen": {
    pl: "Zostaniesz wezwany ponownie, gdy stanowisko obsłuży następną osobę, a jeśli nikt nie czeka – ok. {time}.",
    en: "You will be called again once the desk has served the next person, or at about {time} if nobody is waiting.",
  },
  "et.missedWarning": {
    pl: "Po trzecim niezgłoszeniu numer zostanie usunięty z kolejki.",
    en: "After the third miss the number is removed from the queue.",
  },
  "et.removed": { pl: "Numer usunięty z kolejki", en: "Number removed from the queue" },
  "et.removedStrikes": {
    pl: "Nie zgłosiłeś się na trzy wezwania. Aby załatwić sprawę, pobierz nowy numerek.",
    en: "You did not come to three calls. To be served, take a new ticket.",
  },
  "et.closed": { pl: "Numer zamknięty – urząd zakończył dzień pracy.", en: "Ticket closed – the office has closed for the day." },
  "et.unknown": {
    pl: "Nie znaleziono e-biletu. Sprawdź link albo zeskanuj kod z biletu jeszcze raz.",
    en: "E-ticket not found. Check the link or scan the code on the ticket again.",
  },
  "et.ended": {
    pl: "Ten numerek już nie obowiązuje – jego dzień się skończył. Aby załatwić sprawę, pobierz nowy numerek albo zarezerwuj wizytę.",
    en: "This ticket has ended – its day is over. To be served, take a new ticket or book a visit.",
  },
  "et.gone": {
    pl: "Tego e-biletu już nie ma – numerek został usunięty z systemu. Aby załatwić sprawę, pobierz nowy numerek.",
    en: "This e-ticket no longer exists – the ticket has been deleted. To be served, take a new ticket.",
  },
  "et.smsTitle": { pl: "Powiadomienie SMS", en: "Text message alert" },
  "et.smsAhead": { pl: "Wyślij SMS, gdy przede mną zostanie tyle osób", en: "Text me when this many people are ahead of me" },
  "et.smsPhone": { pl: "Numer telefonu komórkowego", en: "Mobile phone number" },
  "et.smsSubmit": { pl: "Zamów powiadomienie", en: "Request the alert" },
  "et.smsAheadHint": { pl: "Od {min} do {max} osób.", en: "From {min} to {max} people." },
  "et.smsAheadInvalid": { pl: "Podaj liczbę osób od 1 do 20.", en: "Give a number of people from 1 to 20." },
  "et.smsNotMobile": {
    pl: "Podaj numer komórkowy – powiadomienie przychodzi SMS-em.",
    en: "Give a mobile number: the alert comes by text message.",
  },
  "et.smsCountry": {
    pl: "Ten urząd wysyła SMS-y tylko na numery komórkowe z wybranych krajów (zwykle z Polski). Podaj inny numer.",
    en: "This office sends text messages only to mobile numbers of some countries (usually Poland). Give another number.",
  },
  "et.smsSending": { pl: "Zamawianie…", en: "Requesting…" },
  "et.smsSet": {
    pl: {
      one: "Wyślemy SMS, gdy przed Tobą będzie {n} osoba.",
      few: "Wyślemy SMS, gdy przed Tobą będą {n} osoby.",
      many: "Wyślemy SMS, gdy przed Tobą będzie {n} osób.",
      other: "Wyślemy SMS, gdy przed Tobą będzie {n} osoby.",
    },
    en: { one: "We will text you when {n} person is ahead of you.", other: "We will text you when {n} people are ahead of you." },
  },
  "et.smsSent": { pl: "SMS wysłany", en: "Text message sent" },
} as const satisfies Record<string, Entry>;

/** What the API's error codes mean to a person (plus failures that never reached the API). */
const ERROR_TEXTS = {
  BAD_REQUEST: { pl: "Nieprawidłowe żądanie.", en: "The request is malformed." },
  VALIDATION_FAILED: { pl: "Dane mają nieprawidłową postać.", en: "The data does not have the expected shape." },
  INVALID_JSON: { pl: "Nieprawidłowe dane.", en: "The data is not valid." },
  IDEMPOTENCY_KEY_INVALID: { pl: "Nieprawidłowy klucz polecenia.", en: "The command key is invalid." },
  UNAUTHENTICATED: { pl: "Najpierw się zaloguj.", en: "Sign in first." },
  TOKEN_INVALID: { pl: "Sesja wygasła – zaloguj się ponownie.", en: "The session has expired – sign in again." },
  BAD_CREDENTIALS: { pl: "Błędna nazwa użytkownika lub hasło.", en: "Wrong user name or password." },
  FORBIDDEN: { pl: "To konto nie ma do tego uprawnień.", en: "This account may not do this." },
  SITE_FORBIDDEN: { pl: "To konto nie należy do tej placówki.", en: "This account does not belong to this office." },
  DESK_FORBIDDEN: { pl: "To konto nie może obsługiwać tego stanowiska.", en: "This account may not operate this desk." },
  DEMO_ONLY: { pl: "Dostępne tylko w trybie demonstracyjnym.", en: "Available only in demo mode." },
  SIGNATURE_INVALID: {
    pl: "Brak podpisu żądania lub podpis jest nieprawidłowy.",
    en: "The request's signature is missing or does not match.",
  },
  NOT_FOUND: { pl: "Nie znaleziono.", en: "Not found." },
  UNKNOWN_SITE: { pl: "Nie ma takiej placówki.", en: "There is no such office." },
  UNKNOWN_MATTER: { pl: "Nie ma takiej sprawy w tej placówce.", en: "There is no such matter at this office." },
  UNKNOWN_DESK: { pl: "Nie ma takiego stanowiska.", en: "There is no such desk." },
  UNKNOWN_TICKET: { pl: "Nie ma takiego numerka.", en: "There is no such ticket today." },
  UNKNOWN_ETICKET: { pl: "Nie znaleziono e-biletu.", en: "E-ticket not found." },
  UNKNOWN_MESSAGE: { pl: "Nie ma takiej wiadomości w tej placówce.", en: "There is no such message at this office." },
  METHOD_NOT_ALLOWED: { pl: "Niedozwolona operacja.", en: "Operation not allowed." },
  DESK_BUSY: {
    pl: "Stanowisko ma już klienta – najpierw zakończ obsługę albo oznacz „Nie zgłosił się”.",
    en: "The desk already has a client – finish or mark “Did not come” first.",
  },
  DESK_IDLE: { pl: "Przy stanowisku nie ma teraz klienta.", en: "There is no client at the desk now." },
  DESK_PAUSED: { pl: "Stanowisko jest na przerwie – najpierw je wznów.", en: "The desk is on a break – resume it first." },
  DESK_NOT_PAUSED: { pl: "Stanowisko nie jest na przerwie.", en: "The desk is not on a break." },
  NOT_CALLED_YET: { pl: "Klient nie został jeszcze wezwany.", en: "The client has not been called yet." },
  ALREADY_SERVING: { pl: "Obsługa już trwa.", en: "Service has already started." },
  TICKET_NOT_WAITING: { pl: "Ten numerek nie czeka w kolejce.", en: "This ticket is not waiting in the queue." },
  TICKET_CLOSED: { pl: "Ten numerek jest już obsłużony, usunięty lub zamknięty.", en: "This ticket is already served, removed or closed." },
  MATTER_NOT_SERVED: { pl: "To stanowisko nie obsługuje tej sprawy.", en: "This desk does not serve that matter." },
  TRANSFER_TARGET_INVALID: {
    pl: "Wybierz inną sprawę lub inne stanowisko niż obecne.",
    en: "Choose a different matter or desk than the current one.",
  },
  SITE_CLOSED: {
    pl: "Urząd jest teraz zamknięty. Zapraszamy w godzinach pracy.",
    en: "The office is closed now. Please come during opening hours.",
  },
  MATTER_UNAVAILABLE: {
    pl: "Tej sprawy nie obsługuje teraz żadne otwarte stanowisko. Wybierz inną sprawę lub zapytaj w informacji.",
    en: "No open desk handles this matter right now. Choose another matter or ask at the information desk.",
  },
  RANGE_TOO_LONG: { pl: "Można zapytać o najwyżej 62 dni naraz.", en: "Ask for at most 62 days at once." },
  CONTACT_REQUIRED: { pl: "Podaj numer telefonu komórkowego lub adres e-mail.", en: "Give a mobile phone number or an e-mail address." },
  PHONE_INVALID: { pl: "To nie jest prawidłowy numer telefonu.", en: "This is not a valid phone number." },
  PHONE_NOT_MOBILE: {
    pl: "Podaj numer komórkowy – kod potwierdzający przychodzi SMS-em.",
    en: "Give a mobile number: the confirmation code comes by text message.",
  },
  PHONE_COUNTRY_NOT_ALLOWED: {
    pl: "Ten urząd wysyła SMS-y tylko na numery komórkowe z wybranych krajów (zwykle z Polski). Podaj inny numer albo adres e-mail.",
    en: "This office sends text messages only to mobile numbers of some countries (usually Poland). Give another number or an e-mail address.",
  },
  EMAIL_INVALID: { pl: "To nie jest prawidłowy adres e-mail.", en: "This is not a valid e-mail address." },
  HUMAN_CHECK_FAILED: {
    pl: "Nie udało się potwierdzić, że rezerwuje człowiek. Zaznacz ponownie pole „Potwierdź, że jesteś człowiekiem” i wyślij formularz jeszcze raz.",
    en: "We could not confirm that a person is booking. Tick the “Verify you are human” box again and send the form once more.",
  },
  MANAGE_TOKEN_INVALID: { pl: "Ten link nie pozwala zarządzać tą rezerwacją.", en: "This link does not manage this booking." },
  UNKNOWN_BOOKING: { pl: "Nie ma takiej rezerwacji.", en: "There is no such booking." },
  UNKNOWN_CODE: { pl: "Żadna rezerwacja nie ma takiego kodu.", en: "No booking has this code." },
  ETICKET_ENDED: {
    pl: "Ten numerek już nie obowiązuje – jego dzień się skończył.",
    en: "This ticket has ended – its day is over.",
  },
  CODE_EXPIRED: {
    pl: "Kod potwierdzający wygasł, a termin został zwolniony – zarezerwuj ponownie.",
    en: "The confirmation code has expired and the time was released – book again.",
  },
  SLOT_UNAVAILABLE: { pl: "Ten termin jest niedostępny – wybierz inny.", en: "This time is not available – choose another." },
  MATTER_NOT_BOOKABLE: { pl: "Tej sprawy nie można zarezerwować online.", en: "This matter cannot be booked online." },
  BOOKING_NOT_PENDING: { pl: "Ta rezerwacja nie czeka już na kod.", en: "This booking is no longer waiting for its code." },
  BOOKING_NOT_ACTIVE: {
    pl: "Ta rezerwacja jest anulowana, wygasła lub została już wykorzystana.",
    en: "This booking is cancelled, expired or already used.",
  },
  TOO_EARLY: {
    pl: "Za wcześnie na odprawę – wróć nie wcześniej niż o podanej godzinie.",
    en: "Too early to check in – come back no earlier than the time shown.",
  },
  TOO_LATE: {
    pl: "Za późno na odprawę tej rezerwacji – pobierz numerek lub zarezerwuj ponownie.",
    en: "Too late to check in for this booking – take a ticket or book again.",
  },
  WRONG_SITE: { pl: "Ta rezerwacja dotyczy innej placówki.", en: "This booking is for another office." },
  ALREADY_CHECKED_IN: { pl: "Odprawa tej rezerwacji już się odbyła.", en: "This booking has already been checked in." },
  SITE_ID_TAKEN: {
    pl: "Ten identyfikator placówki należy do innej organizacji; wybierz inny.",
    en: "This site id belongs to another organisation; choose another.",
  },
  USERNAME_TAKEN: { pl: "Ta nazwa użytkownika jest już zajęta; wybierz inną.", en: "This user name is taken; choose another." },
  ORGANISATION_EXISTS: { pl: "Organizacja o tym identyfikatorze już istnieje.", en: "An organisation with this id exists already." },
  MESSAGE_NOT_FAILED: {
    pl: "Ponownie można wysłać tylko wiadomość, która nie wyszła.",
    en: "Only a message that failed can be sent again.",
  },
  MESSAGE_EXPIRED: {
    pl: "Ponowne wysłanie nie ma sensu: czas na potwierdzenie kodem minął albo wizyta już się zaczęła.",
    en: "Sending it again is pointless: the time to confirm with the code is over or the visit has begun.",
  },
  CODE_WRONG: { pl: "Błędny kod.", en: "Wrong code." },
  TOO_MANY_BOOKINGS: {
    pl: "Ten numer telefonu lub adres e-mail ma już najwięcej dozwolonych rezerwacji.",
    en: "This phone number or e-mail already holds the most bookings allowed here.",
  },
  BOOKING_RATE_LIMITED: {
    pl: "Zbyt wiele rezerwacji z tego miejsca – spróbuj później.",
    en: "Too many bookings started from here – try again later.",
  },
  CONTACT_RATE_LIMITED: {
    pl: "Na ten numer lub adres wysłaliśmy ostatnio zbyt wiele wiadomości – spróbuj później albo podaj inny kontakt.",
    en: "Too many messages went to this number or address lately – try again later or give another contact.",
  },
  CODE_TRIES_EXCEEDED: { pl: "Zbyt wiele błędnych kodów – zarezerwuj ponownie.", en: "Too many wrong codes – book again." },
  RESEND_TOO_SOON: { pl: "Odczekaj minutę przed prośbą o nowy kod.", en: "Wait a minute before asking for a new code." },
  RESEND_LIMIT: {
    pl: "Nie można wysłać więcej kodów – zarezerwuj ponownie.",
    en: "No more codes can be sent for this booking – book again.",
  },
  IDEMPOTENCY_KEY_REUSED: { pl: "To polecenie zostało już wysłane z innymi danymi.", en: "This command was already sent with other data." },
  PAYLOAD_TOO_LARGE: { pl: "Za dużo danych.", en: "Too much data." },
  UNSUPPORTED_MEDIA_TYPE: { pl: "Nieobsługiwany format danych.", en: "Unsupported data format." },
  UPGRADE_REQUIRED: { pl: "Wymagane połączenie na żywo.", en: "A live connection is required." },
  RATE_LIMITED: { pl: "Zbyt wiele prób – odczekaj chwilę.", en: "Too many attempts – wait a moment." },
  INTERNAL: { pl: "Błąd po stronie serwera. Spróbuj ponownie.", en: "Something went wrong on the server. Try again." },
  NOT_CONFIGURED: { pl: "Serwer nie jest skonfigurowany.", en: "The server is not configured." },
  HUMAN_CHECK_UNAVAILABLE: {
    pl: "Nie można teraz sprawdzić, czy rezerwuje człowiek. Spróbuj ponownie za chwilę; jeśli to nie pomoże, zarezerwuj wizytę telefonicznie lub w urzędzie.",
    en: "The check that a person is booking cannot be done right now. Try again in a moment; if that does not help, book by phone or at the office.",
  },
  NETWORK: { pl: "Brak połączenia z serwerem. Spróbuj ponownie.", en: "No connection to the server. Try again." },
  UNKNOWN: { pl: "Nieoczekiwany błąd. Spróbuj ponownie.", en: "Unexpected error. Try again." },
} as const satisfies Record<ErrorCode | "NETWORK" | "UNKNOWN", Text>;

export type ClientErrorCode = keyof typeof ERROR_TEXTS;
export type MessageKey = keyof typeof TEXTS | `error.${ClientErrorCode}`;

const errorEntries = Object.fromEntries(Object.entries(ERROR_TEXTS).map(([code, text]) => [`error.${code}`, text])) as Record<
  `error.${ClientErrorCode}`,
  Text
>;

export const MESSAGES: Record<MessageKey, Entry> = { ...TEXTS, ...errorEntries };

export function isClientErrorCode(code: string): code is ClientErrorCode {
  return Object.hasOwn(ERROR_TEXTS, code);
}
