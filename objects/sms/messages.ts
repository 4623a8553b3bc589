// The texts of the SMS the system sends (R6, R8, R9), in the citizen's language (Polish, English or
// Ukrainian): verification code, booking confirmation, a moved visit, reminders (the day before and shortly
// before), cancellation and "your turn is near".
// Plain ASCII punctuation only ("-", no dashes or curly quotes): Polish letters already force UCS-2
// (70 characters per segment). The code SMS is kept within one segment, every other text within two
// (objects/sms/fit.ts: without the letters' marks, and the office's name cut, when it would not fit);
// sms-lengths.test.ts measures them with the longest values a configuration allows. Ukrainian goes in the
// Latin letters of the national transliteration (KMU 2010, as in passports): in Cyrillic, UCS-2 gives a
// confirmation with its link five parts, the cost of the text times two and a half.

import cyrillicToTranslit from "cyrillic-to-translit-js";
import type { Weekday } from "../../protocol/config.ts";
import type { CitizenLang } from "../../protocol/lang.ts";
import { weekdayOf } from "../booking/dates.ts";
import { CODE_TTL_MS } from "../booking/verification.ts";
import { fitSms } from "./fit.ts";

export { isGsm7, type SmsEncoding, type SmsSegments, smsSegments } from "./segments.ts";

export type SmsLang = CitizenLang;

const SENDER = "numerek";
/** Kiosk check-in opens this many minutes before the slot unless the site says otherwise (R7). */
export const DEFAULT_CHECK_IN_EARLY_MINUTES = 10;

const WEEKDAY_SHORT: Record<SmsLang, Record<Weekday, string>> = {
  pl: { mon: "pon", tue: "wt", wed: "śr", thu: "czw", fri: "pt", sat: "sob", sun: "niedz" },
  en: { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" },
  uk: { mon: "пн", tue: "вт", wed: "ср", thu: "чт", fri: "пт", sat: "сб", sun: "нд" },
};

const ukrainian = cyrillicToTranslit({ preset: "uk" });
/** A Cyrillic word, with an apostrophe inside it ("подвір’я"): what is transliterated, and nothing else. */
const CYRILLIC_WORD = /[\u0400-\u04ff]+(?:['’ʼ][\u0400-\u04ff]+)*/g;

/** Ukrainian text in Latin letters; the office's name, the address and the links around it stay as they are. */
export function latin(text: string): string {
  return text.replace(CYRILLIC_WORD, (word) => ukrainian.transform(word));
}

/** The text in `lang`'s words: Ukrainian transliterated (see above). */
const say = (lang: SmsLang, words: Record<SmsLang, string>): string => (lang === "uk" ? latin(words.uk) : words[lang]);

const plural = new Intl.PluralRules("pl");
const ukPlural = new Intl.PluralRules("uk");

/** The Ukrainian form for `n`: one (1, 21, …), few (2-4, 22-24, …) or many (0, 5-20, …). */
export function ukPluralForm(n: number, one: string, few: string, many: string): string {
  const form = ukPlural.select(n);
  return form === "one" ? one : form === "few" ? few : many;
}

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

/** "2026-11-24" → "wt 24.11.2026" (pl), "Tue 24.11.2026" (en) or "вт 24.11.2026" (uk). */
export function formatVisitDate(date: string, lang: SmsLang = "pl"): string {
  const day = WEEKDAY_SHORT[lang][weekdayOf(date)];
  const [y, m, d] = date.split("-");
  return `${day} ${d ?? ""}.${m ?? ""}.${y ?? ""}`;
}

/** The verification code SMS (R6 step 5); one segment in every language. */
export function codeSms(code: string, lang: SmsLang = "pl"): string {
  const minutes = Math.round(CODE_TTL_MS / 60_000);
  return say(lang, {
    pl: `${SENDER}: Twój kod potwierdzenia rezerwacji: ${code}. Ważny ${minutes} ${plPlural(minutes, "minutę", "minuty", "minut")}.`,
    en: `${SENDER}: your booking confirmation code: ${code}. Valid for ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
    uk: `${SENDER}: ваш код підтвердження запису: ${code}. Дійсний ${minutes} хв.`,
  });
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

/** What to do on arrival: type the code at the kiosk, or just come a little early (the e-mails say it too, in Cyrillic). */
export function arrival(v: Visit, lang: SmsLang): string {
  if (!v.checkInCode) {
    return { pl: "Przyjdź 5-10 min wcześniej.", en: "Please arrive 5-10 min early.", uk: "Прийдіть на 5-10 хв раніше." }[lang];
  }
  const opens = checkInOpens(v.time, v.checkInEarlyMinutes ?? DEFAULT_CHECK_IN_EARLY_MINUTES);
  return {
    pl: `Kod do biletomatu: ${v.checkInCode} - wpisz go od godz. ${opens}.`,
    en: `Kiosk code: ${v.checkInCode} - type it at the kiosk from ${opens}.`,
    uk: `Код для кіоску: ${v.checkInCode} - введіть його з ${opens}.`,
  }[lang];
}

function manage(v: Visit, lang: SmsLang): string {
  return { pl: `Zmień lub odwołaj: ${v.manageUrl}`, en: `Change or cancel: ${v.manageUrl}`, uk: `Змінити або скасувати: ${v.manageUrl}` }[
    lang
  ];
}

const place = (v: Visit) => `${v.siteName}, ${v.address}`;

/** The facts of the visit every booking SMS gives: date, time, place (cut to fit), number, check-in. */
function visitSms(v: Visit, lang: SmsLang, opening: Record<SmsLang, string>, withLink: boolean): string {
  checkVisit(v);
  const when = formatVisitDate(v.date, lang);
  const link = withLink ? ` ${manage(v, lang)}` : "";
  return fitSms(
    (where) =>
      say(lang, {
        pl: `${SENDER}: ${opening.pl} ${when}, godz. ${v.time}, ${where}. Numer: ${v.ticket}. ${arrival(v, lang)}${link}`,
        en: `${SENDER}: ${opening.en} ${when}, ${v.time}, ${where}. Ticket: ${v.ticket}. ${arrival(v, lang)}${link}`,
        uk: `${SENDER}: ${opening.uk} ${when}, ${v.time}, ${where}. Номер: ${v.ticket}. ${arrival(v, lang)}${link}`,
      }),
    place(v),
  );
}

/** Sent once the code is confirmed (R6): place, date, time, ticket number, check-in, manage link. */
export function confirmationSms(v: Visit, lang: SmsLang = "pl"): string {
  return visitSms(v, lang, { pl: "rezerwacja potwierdzona.", en: "booking confirmed.", uk: "запис підтверджено." }, true);
}

/** Sent when the holder of the manage link moves the visit: the new time, as the confirmation gives it. */
export function rescheduledSms(v: Visit, lang: SmsLang = "pl"): string {
  return visitSms(v, lang, { pl: "termin wizyty zmieniony na", en: "visit moved to", uk: "прийом перенесено на" }, true);
}

/** The reminder sent the day before the visit (R9). */
export function reminderDayBeforeSms(v: Visit, lang: SmsLang = "pl"): string {
  return visitSms(v, lang, { pl: "jutro Twoja wizyta:", en: "your visit is tomorrow:", uk: "завтра ваш прийом:" }, true);
}

/** The reminder sent `minutesBefore` minutes before the visit (R9). */
export function reminderSoonSms(v: Visit, minutesBefore: number, lang: SmsLang = "pl"): string {
  checkVisit(v);
  if (!Number.isInteger(minutesBefore) || minutesBefore < 1)
    throw new RangeError(`minutesBefore must be a whole number ≥ 1, got ${minutesBefore}`);
  return fitSms(
    (where) =>
      say(lang, {
        pl: `${SENDER}: za ${minutesBefore} min Twoja wizyta (godz. ${v.time}): ${where}. Numer: ${v.ticket}. ${arrival(v, lang)}`,
        en: `${SENDER}: your visit is in ${minutesBefore} min (${v.time}): ${where}. Ticket: ${v.ticket}. ${arrival(v, lang)}`,
        uk: `${SENDER}: через ${minutesBefore} хв ваш прийом (${v.time}): ${where}. Номер: ${v.ticket}. ${arrival(v, lang)}`,
      }),
    place(v),
  );
}

/** Sent when the holder of the manage link cancels: which visit, at which office. `when` as the office shows times. */
export function cancellationSms(args: { when: string; siteName: string }, lang: SmsLang = "pl"): string {
  return fitSms(
    (where) =>
      say(lang, {
        pl: `${SENDER}: rezerwacja na ${args.when} (${where}) została odwołana.`,
        en: `${SENDER}: your booking for ${args.when} (${where}) has been cancelled.`,
        uk: `${SENDER}: запис на ${args.when} (${where}) скасовано.`,
      }),
    args.siteName,
  );
}

/** "1 osoba", "3 osoby", "5 osób" (pl); "1 person", "3 people" (en); "1 особа", "3 особи", "5 осіб" (uk). */
export function peopleAhead(n: number, lang: SmsLang = "pl"): string {
  if (lang === "en") return `${n} ${n === 1 ? "person" : "people"}`;
  if (lang === "uk") return `${n} ${ukPluralForm(n, "особа", "особи", "осіб")}`;
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
  const next = args.eticketUrl;
  // With the link the e-ticket names the desk; without it, the hall's screen does.
  const words: Record<SmsLang, string> = {
    pl: `${ahead <= 0 ? "zaraz Twoja kolej" : `przed Tobą ${peopleAhead(ahead, lang)}`}. ${next !== undefined ? `Wróć do sali. E-bilet: ${next}` : "Wróć do sali i obserwuj ekran."}`,
    en: `${ahead <= 0 ? "you are next" : `${peopleAhead(ahead, lang)} ahead of you`}. ${next !== undefined ? `Please return to the hall. E-ticket: ${next}` : "Please return to the hall and watch the screen."}`,
    uk: `${ahead <= 0 ? "зараз ваша черга" : `перед вами ${peopleAhead(ahead, lang)}`}. ${next !== undefined ? `Поверніться до зали. Е-квиток: ${next}` : "Поверніться до зали і стежте за екраном."}`,
  };
  return fitSms(() => `${SENDER}: ${ticket} - ${say(lang, words)}`, "");
}
