// The texts of the SMS the system sends (R6, R8, R9), in Polish and English: verification code, booking
// confirmation, reminders (the day before and shortly before) and "your turn is near".
// Plain ASCII punctuation only ("-", no dashes or curly quotes): Polish letters already force UCS-2
// (70 characters per segment). The code SMS is kept within one segment, every other text within two
// (objects/sms/fit.ts: without the letters' marks, and the office's name cut, when it would not fit);
// sms-lengths.test.ts measures them with the longest values a configuration allows.

import type { Weekday } from "../../protocol/config.ts";
import { weekdayOf } from "../booking/dates.ts";
import { CODE_TTL_MS } from "../booking/verification.ts";
import { fitSms } from "./fit.ts";

export { isGsm7, type SmsEncoding, type SmsSegments, smsSegments } from "./segments.ts";

export type SmsLang = "pl" | "en";

const SENDER = "numerek";
/** Kiosk check-in opens this many minutes before the slot unless the site says otherwise (R7). */
export const DEFAULT_CHECK_IN_EARLY_MINUTES = 10;

const WEEKDAY_SHORT: Record<SmsLang, Record<Weekday, string>> = {
  pl: { mon: "pon", tue: "wt", wed: "śr", thu: "czw", fri: "pt", sat: "sob", sun: "niedz" },
  en: { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" },
};

const plural = new Intl.PluralRules("pl");

/** The Polish form for `n`: one (1), few (2-4, 22-24, …) or many (0, 5-21, 25, …; fractions too). */
export function plPlural(n: number, one: string, few: string, many: string): string {
  switch (plural.select(n)) {
    case "one":
      return one;
    case "few":
      return few;
    default:
      return many;
  }
}

/** "2026-11-24" → "wt 24.11.2026" (pl) or "Tue 24.11.2026" (en). */
export function formatVisitDate(date: string, lang: SmsLang = "pl"): string {
  const day = WEEKDAY_SHORT[lang][weekdayOf(date)];
  const [y, m, d] = date.split("-");
  return `${day} ${d ?? ""}.${m ?? ""}.${y ?? ""}`;
}

/** The verification code SMS (R6 step 5); one segment in both languages. */
export function codeSms(code: string, lang: SmsLang = "pl"): string {
  const minutes = Math.round(CODE_TTL_MS / 60_000);
  return lang === "pl"
    ? `${SENDER}: Twój kod potwierdzenia rezerwacji: ${code}. Ważny ${minutes} ${plPlural(minutes, "minutę", "minuty", "minut")}.`
    : `${SENDER}: your booking confirmation code: ${code}. Valid for ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

/** One booked visit, as the confirmation and the reminders show it. */
export interface Visit {
  siteName: string;
  address: string;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Local time, HH:MM. */
  time: string;
  /** Ticket number: "R012". */
  ticket: string;
  /** The kiosk check-in code when the site uses kiosk check-in (R7); null or absent: automatic check-in. */
  checkInCode?: string | null;
  /** Minutes before the slot the kiosk accepts the code; default 10. */
  checkInEarlyMinutes?: number;
  /** Where the citizen changes or cancels the booking. */
  manageUrl: string;
}

export function checkVisit(v: Visit): void {
  weekdayOf(v.date); // throws RangeError on a malformed date
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) throw new RangeError(`not an HH:MM time: ${JSON.stringify(v.time)}`);
}

/** "09:30" less `minutes`: when the kiosk starts taking the code ("09:20"). */
export function checkInOpens(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number);
  const at = ((((h ?? 0) * 60 + (m ?? 0) - minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(at / 60)).padStart(2, "0")}:${String(at % 60).padStart(2, "0")}`;
}

/** What to do on arrival: type the code at the kiosk, or just come a little early (the e-mails say it too). */
export function arrival(v: Visit, lang: SmsLang): string {
  if (!v.checkInCode) {
    return lang === "pl" ? "Przyjdź 5-10 min wcześniej." : "Please arrive 5-10 min early.";
  }
  const opens = checkInOpens(v.time, v.checkInEarlyMinutes ?? DEFAULT_CHECK_IN_EARLY_MINUTES);
  return lang === "pl"
    ? `Kod do biletomatu: ${v.checkInCode} - wpisz go od godz. ${opens}.`
    : `Kiosk code: ${v.checkInCode} - type it at the kiosk from ${opens}.`;
}

function manage(v: Visit, lang: SmsLang): string {
  return lang === "pl" ? `Zmień lub odwołaj: ${v.manageUrl}` : `Change or cancel: ${v.manageUrl}`;
}

const place = (v: Visit) => `${v.siteName}, ${v.address}`;

/** Sent once the code is confirmed (R6): place, date, time, ticket number, check-in, manage link. */
export function confirmationSms(v: Visit, lang: SmsLang = "pl"): string {
  checkVisit(v);
  const when = formatVisitDate(v.date, lang);
  return fitSms(
    (where) =>
      lang === "pl"
        ? `${SENDER}: rezerwacja potwierdzona. ${when}, godz. ${v.time}, ${where}. Numer: ${v.ticket}. ${arrival(v, lang)} ${manage(v, lang)}`
        : `${SENDER}: booking confirmed. ${when}, ${v.time}, ${where}. Ticket: ${v.ticket}. ${arrival(v, lang)} ${manage(v, lang)}`,
    place(v),
  );
}

/** The reminder sent the day before the visit (R9). */
export function reminderDayBeforeSms(v: Visit, lang: SmsLang = "pl"): string {
  checkVisit(v);
  const when = formatVisitDate(v.date, lang);
  return fitSms(
    (where) =>
      lang === "pl"
        ? `${SENDER}: jutro Twoja wizyta: ${when}, godz. ${v.time}, ${where}. Numer: ${v.ticket}. ${arrival(v, lang)} ${manage(v, lang)}`
        : `${SENDER}: your visit is tomorrow: ${when}, ${v.time}, ${where}. Ticket: ${v.ticket}. ${arrival(v, lang)} ${manage(v, lang)}`,
    place(v),
  );
}

/** The reminder sent `minutesBefore` minutes before the visit (R9). */
export function reminderSoonSms(v: Visit, minutesBefore: number, lang: SmsLang = "pl"): string {
  checkVisit(v);
  if (!Number.isInteger(minutesBefore) || minutesBefore < 1)
    throw new RangeError(`minutesBefore must be a whole number ≥ 1, got ${minutesBefore}`);
  return fitSms(
    (where) =>
      lang === "pl"
        ? `${SENDER}: za ${minutesBefore} min Twoja wizyta (godz. ${v.time}): ${where}. Numer: ${v.ticket}. ${arrival(v, lang)}`
        : `${SENDER}: your visit is in ${minutesBefore} min (${v.time}): ${where}. Ticket: ${v.ticket}. ${arrival(v, lang)}`,
    place(v),
  );
}

/** Sent when the holder of the manage link cancels: which visit, at which office. `when` as the office shows times. */
export function cancellationSms(args: { when: string; siteName: string }): string {
  return fitSms((where) => `${SENDER}: rezerwacja na ${args.when} (${where}) została odwołana.`, args.siteName);
}

/** "1 osoba", "3 osoby", "5 osób" (pl); "1 person", "3 people" (en). */
export function peopleAhead(n: number, lang: SmsLang = "pl"): string {
  if (lang === "en") return `${n} ${n === 1 ? "person" : "people"}`;
  return `${n} ${plPlural(n, "osoba", "osoby", "osób")}`;
}

/**
 * The opt-in notification from the e-ticket (R8): how many wait ahead, and to come back to the hall and
 * watch the screen, which will show the desk. `ahead` 0: the ticket is called next. One segment for
 * tickets up to 5 characters and fewer than 100 ahead; `eticketUrl` adds the live e-ticket link (two
 * segments, without the letters' marks when the link is long).
 */
export function turnNearSms(args: { ticket: string; ahead: number; eticketUrl?: string }, lang: SmsLang = "pl"): string {
  const { ticket, ahead } = args;
  const url = args.eticketUrl;
  if (lang === "pl") {
    const state = ahead <= 0 ? "zaraz Twoja kolej" : `przed Tobą ${peopleAhead(ahead, lang)}`;
    // With the link the e-ticket names the desk; without it, the hall's screen does.
    const next = url === undefined ? "Wróć do sali i obserwuj ekran." : `Wróć do sali. E-bilet: ${url}`;
    return fitSms(() => `${SENDER}: ${ticket} - ${state}. ${next}`, "");
  }
  const state = ahead <= 0 ? "you are next" : `${peopleAhead(ahead, lang)} ahead of you`;
  const next = url === undefined ? "Please return to the hall and watch the screen." : `Please return to the hall. E-ticket: ${url}`;
  return fitSms(() => `${SENDER}: ${ticket} - ${state}. ${next}`, "");
}
