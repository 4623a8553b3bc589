// The statistics CSV's titles and column headers, in Polish (the default) and English. The CSV is built
// by the Worker, not a client, so its words live here beside it.
import type { StatisticsTable } from "../../protocol/statistics.ts";

export type CsvLang = "pl" | "en";
type Words = { pl: string; en: string };

export const TABLE_TITLES: Record<StatisticsTable | "range", Words> = {
  range: { pl: "Zakres", en: "Range" },
  totals: { pl: "Podsumowanie", en: "Totals" },
  byDepartment: { pl: "Według wydziału", en: "By department" },
  byMatter: { pl: "Według sprawy", en: "By matter" },
  byDesk: { pl: "Według stanowiska", en: "By desk" },
  byClerk: { pl: "Według urzędnika", en: "By clerk" },
  byPeriod: { pl: "Według okresu", en: "By period" },
  byHour: { pl: "Według godziny", en: "By hour" },
  byWeekdayHour: { pl: "Dzień tygodnia × godzina", en: "Weekday × hour" },
  waitDistribution: { pl: "Rozkład czasu oczekiwania", en: "Wait distribution" },
  waitingThroughDay: { pl: "Oczekujący w ciągu dnia", en: "People waiting through the day" },
};

export const HEADERS = {
  figure: { pl: "Wskaźnik", en: "Figure" },
  value: { pl: "Wartość", en: "Value" },
  site: { pl: "Placówka", en: "Site" },
  from: { pl: "Od", en: "From" },
  to: { pl: "Do", en: "To" },
  timeZone: { pl: "Strefa czasowa", en: "Time zone" },
  generatedAt: { pl: "Wygenerowano", en: "Generated at" },
  days: { pl: "Dni z wizytami", en: "Days with visits" },
  id: { pl: "Identyfikator", en: "Id" },
  name: { pl: "Nazwa", en: "Name" },
  period: { pl: "Okres", en: "Period" },
  arrived: { pl: "Przybyło", en: "Arrived" },
  served: { pl: "Obsłużono", en: "Served" },
  noShows: { pl: "Nieobecni", en: "No-shows" },
  noShowShare: { pl: "Nieobecni (%)", en: "No-shows (%)" },
  cancelled: { pl: "Anulowane", en: "Cancelled" },
  left: { pl: "Odeszli", en: "Left" },
  closed: { pl: "Zamknięte na koniec dnia", en: "Closed at the end of the day" },
  open: { pl: "W toku", en: "Open" },
  transferred: { pl: "Przekazane", en: "Transferred" },
  waitP50: { pl: "Oczekiwanie p50 (min)", en: "Wait p50 (min)" },
  waitP90: { pl: "Oczekiwanie p90 (min)", en: "Wait p90 (min)" },
  waitMax: { pl: "Oczekiwanie maks. (min)", en: "Wait max (min)" },
  serviceP50: { pl: "Obsługa p50 (min)", en: "Service p50 (min)" },
  serviceP90: { pl: "Obsługa p90 (min)", en: "Service p90 (min)" },
  withinTargetShare: { pl: "W czasie docelowym (%)", en: "Within target (%)" },
  withinRangeShare: { pl: "Oczekiwanie w podanym zakresie (%)", en: "Wait within the range shown (%)" },
  serving: { pl: "Obsługa (min)", en: "Serving (min)" },
  idle: { pl: "Bezczynność (min)", en: "Idle (min)" },
  break: { pl: "Przerwy (min)", en: "Breaks (min)" },
  breakBreak: { pl: "Przerwy: przerwa (min)", en: "Breaks: break (min)" },
  breakTraining: { pl: "Przerwy: szkolenie (min)", en: "Breaks: training (min)" },
  breakOther: { pl: "Przerwy: inne (min)", en: "Breaks: other (min)" },
  ticketsPerClerkHour: { pl: "Bilety na godzinę pracy", en: "Tickets per clerk hour" },
  bookingsMade: { pl: "Rezerwacje: złożone", en: "Bookings: made" },
  bookingsCancelled: { pl: "Rezerwacje: odwołane", en: "Bookings: cancelled" },
  bookingsKept: { pl: "Rezerwacje: zrealizowane", en: "Bookings: kept" },
  bookingsMissed: { pl: "Rezerwacje: niestawiennictwo", en: "Bookings: missed" },
  bookingsPending: { pl: "Rezerwacje: oczekujące", en: "Bookings: pending" },
  leadP50: { pl: "Wyprzedzenie rezerwacji p50 (dni)", en: "Booking lead time p50 (days)" },
  leadP90: { pl: "Wyprzedzenie rezerwacji p90 (dni)", en: "Booking lead time p90 (days)" },
  smsSent: { pl: "SMS wysłane", en: "SMS sent" },
  smsFailed: { pl: "SMS nieudane", en: "SMS failed" },
  emailSent: { pl: "E-maile wysłane", en: "E-mails sent" },
  emailFailed: { pl: "E-maile nieudane", en: "E-mails failed" },
  estimateCount: { pl: "Prognozy porównane", en: "Estimates compared" },
  estimateMeanAbs: { pl: "Błąd prognozy: średni bezwzględny (min)", en: "Estimate error: mean absolute (min)" },
  estimateBias: { pl: "Błąd prognozy: obciążenie (min)", en: "Estimate error: bias (min)" },
  hour: { pl: "Godzina", en: "Hour" },
  weekday: { pl: "Dzień tygodnia", en: "Weekday" },
  perDay: { pl: "Średnio na dzień", en: "Per day" },
  fromMinutes: { pl: "Od (min)", en: "From (min)" },
  toMinutes: { pl: "Do (min)", en: "To (min)" },
  count: { pl: "Liczba", en: "Count" },
  share: { pl: "Udział (%)", en: "Share (%)" },
  time: { pl: "Godzina", en: "Time" },
  mean: { pl: "Średnio oczekujących", en: "Mean waiting" },
  max: { pl: "Najwięcej oczekujących", en: "Most waiting" },
} satisfies Record<string, Words>;

export type HeaderKey = keyof typeof HEADERS;

export const WEEKDAYS: Record<CsvLang, readonly string[]> = {
  pl: ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};
