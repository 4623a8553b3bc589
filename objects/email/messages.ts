// The e-mails a booking by e-mail gets (R6, R9): the verification code, the confirmation, a moved visit, the
// two reminders and the cancellation notice, in the citizen's language (Polish, English or Ukrainian, in its
// own letters: an e-mail has no segments), with the same facts as the SMS (objects/sms/messages.ts): a
// subject and a plain-text body are stored in the outbox; the HTML part is made from them when sent, with
// every character of the text escaped.
import type { CitizenLang } from "../../protocol/lang.ts";
import { CODE_TTL_MS } from "../booking/verification.ts";
import { arrival, checkVisit, formatVisitDate, plPlural, type Visit } from "../sms/messages.ts";

/** What the outbox keeps of an e-mail. */
export interface EmailContent {
  subject: string;
  text: string;
}

/** The words every e-mail of a language shares. */
const WORDS = {
  pl: {
    signature: "numerek - system kolejkowy urzędu",
    ignore: "Jeśli to nie Ty rezerwowałeś(-aś) wizytę, zignoruj tę wiadomość.",
    office: "Urząd",
    address: "Adres",
    time: "Termin",
    at: "godz. ",
    ticket: "Numer",
    manage: "Zmień lub odwołaj wizytę",
  },
  en: {
    signature: "numerek - the office's queue system",
    ignore: "If you did not book this visit, please ignore this message.",
    office: "Office",
    address: "Address",
    time: "Time",
    at: "",
    ticket: "Ticket",
    manage: "Change or cancel the visit",
  },
  uk: {
    signature: "numerek - система електронної черги установи",
    ignore: "Якщо ви не записувалися на прийом, проігноруйте це повідомлення.",
    office: "Установа",
    address: "Адреса",
    time: "Час",
    at: "",
    ticket: "Номер",
    manage: "Змінити або скасувати прийом",
  },
} as const satisfies Record<CitizenLang, Record<string, string>>;

/** The value for `lang` of a table with one for each language. */
const inLang = <T>(lang: CitizenLang, table: Record<CitizenLang, T>): T => table[lang];

function body(lang: CitizenLang, ...paragraphs: string[]): string {
  return `${[...paragraphs, `-- \n${WORDS[lang].signature}`].join("\n\n")}\n`;
}

/** "wt 24.11.2026, godz. 09:30" (pl), "Tue 24.11.2026, 09:30" (en), "вт 24.11.2026, 09:30" (uk). */
const when = (v: Visit, lang: CitizenLang) => `${formatVisitDate(v.date, lang)}, ${WORDS[lang].at}${v.time}`;

function visitLines(v: Visit, lang: CitizenLang): string {
  const w = WORDS[lang];
  return [`${w.office}: ${v.siteName}`, `${w.address}: ${v.address}`, `${w.time}: ${when(v, lang)}`, `${w.ticket}: ${v.ticket}`].join("\n");
}

const manage = (v: Visit, lang: CitizenLang) => `${WORDS[lang].manage}: ${v.manageUrl}`;

/** The verification code (R6 step 5). Not in the subject: staff see subjects, never codes. */
export function codeEmail(code: string, lang: CitizenLang = "pl"): EmailContent {
  const minutes = Math.round(CODE_TTL_MS / 60_000);
  const texts = inLang<[string, string, string]>(lang, {
    pl: [
      "Kod potwierdzenia rezerwacji wizyty",
      `Twój kod potwierdzenia rezerwacji: ${code}`,
      `Wpisz go na stronie rezerwacji. Kod jest ważny ${minutes} ${plPlural(minutes, "minutę", "minuty", "minut")}; do tego czasu termin czeka na Ciebie.`,
    ],
    en: [
      "Your booking confirmation code",
      `Your booking confirmation code: ${code}`,
      `Type it on the booking page. The code is valid for ${minutes} minutes; the time is held for you until then.`,
    ],
    uk: [
      "Код підтвердження запису на прийом",
      `Ваш код підтвердження запису: ${code}`,
      `Введіть його на сторінці запису. Код дійсний ${minutes} хв; до того часу цей час зарезервовано для вас.`,
    ],
  });
  return { subject: texts[0], text: body(lang, texts[1], texts[2], WORDS[lang].ignore) };
}

/** A visit's e-mail: subject, first paragraph, the visit's facts, what to do on arrival, the manage link. */
function visitEmail(v: Visit, lang: CitizenLang, subject: string, opening: string, withLink = true): EmailContent {
  checkVisit(v);
  const paragraphs = [opening, visitLines(v, lang), arrival(v, lang)];
  return { subject, text: body(lang, ...paragraphs, ...(withLink ? [manage(v, lang)] : [])) };
}

/** Sent once the code is confirmed: place, date, time, ticket number, check-in, manage link. */
export function confirmationEmail(v: Visit, lang: CitizenLang = "pl"): EmailContent {
  const t = when(v, lang);
  const [subject, opening] = inLang<[string, string]>(lang, {
    pl: [`Rezerwacja potwierdzona: ${t}`, "Rezerwacja potwierdzona."],
    en: [`Booking confirmed: ${t}`, "Your booking is confirmed."],
    uk: [`Запис підтверджено: ${t}`, "Ваш запис підтверджено."],
  });
  return visitEmail(v, lang, subject, opening);
}

/** Sent when the holder of the manage link moves the visit: the new time; the old one is free again. */
export function rescheduledEmail(v: Visit, lang: CitizenLang = "pl"): EmailContent {
  const t = when(v, lang);
  const [subject, opening] = inLang<[string, string]>(lang, {
    pl: [`Termin wizyty zmieniony: ${t}`, "Termin wizyty został zmieniony. Poprzedni termin jest znów wolny dla innych."],
    en: [`Visit moved: ${t}`, "Your visit has been moved. The previous time is free again for others."],
    uk: [`Прийом перенесено: ${t}`, "Ваш прийом перенесено. Попередній час знову вільний для інших."],
  });
  return visitEmail(v, lang, subject, opening);
}

/** The reminder the day before the visit. */
export function reminderDayBeforeEmail(v: Visit, lang: CitizenLang = "pl"): EmailContent {
  const [subject, opening] = inLang<[string, string]>(lang, {
    pl: [`Jutro Twoja wizyta: godz. ${v.time}, ${v.siteName}`, "Przypominamy: jutro Twoja wizyta."],
    en: [`Your visit is tomorrow: ${v.time}, ${v.siteName}`, "A reminder: your visit is tomorrow."],
    uk: [`Завтра ваш прийом: ${v.time}, ${v.siteName}`, "Нагадуємо: завтра ваш прийом."],
  });
  return visitEmail(v, lang, subject, opening);
}

/** The reminder `minutesBefore` minutes before the visit. */
export function reminderSoonEmail(v: Visit, minutesBefore: number, lang: CitizenLang = "pl"): EmailContent {
  if (!Number.isInteger(minutesBefore) || minutesBefore < 1)
    throw new RangeError(`minutesBefore must be a whole number ≥ 1, got ${minutesBefore}`);
  const [subject, opening] = inLang<[string, string]>(lang, {
    pl: [`Za ${minutesBefore} min Twoja wizyta (godz. ${v.time})`, `Za ${minutesBefore} min Twoja wizyta.`],
    en: [`Your visit is in ${minutesBefore} min (${v.time})`, `Your visit is in ${minutesBefore} min.`],
    uk: [`Через ${minutesBefore} хв ваш прийом (${v.time})`, `Через ${minutesBefore} хв ваш прийом.`],
  });
  return visitEmail(v, lang, subject, opening, false);
}

/** Sent when the holder of the manage link cancels. `when` as the office shows times. */
export function cancellationEmail(args: { when: string; siteName: string }, lang: CitizenLang = "pl"): EmailContent {
  const [subject, text] = inLang<[string, string]>(lang, {
    pl: [`Rezerwacja odwołana: ${args.when}`, `Rezerwacja na ${args.when} (${args.siteName}) została odwołana. Termin jest znów wolny.`],
    en: [`Booking cancelled: ${args.when}`, `Your booking for ${args.when} (${args.siteName}) has been cancelled. The time is free again.`],
    uk: [`Запис скасовано: ${args.when}`, `Ваш запис на ${args.when} (${args.siteName}) скасовано. Цей час знову вільний.`],
  });
  return { subject, text: body(lang, text) };
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const LINK = /\bhttps?:\/\/[^\s<>"']+/g;

/** One line of text as HTML: escaped, its web addresses as links (the address escaped in both places). */
function htmlLine(line: string): string {
  let out = "";
  let last = 0;
  for (const m of line.matchAll(LINK)) {
    out += escapeHtml(line.slice(last, m.index));
    const url = escapeHtml(m[0]);
    out += `<a href="${url}">${url}</a>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(line.slice(last));
}

/** The HTML part of an e-mail in `lang`: its text, paragraph by paragraph, everything escaped. */
export function emailHtml(content: EmailContent, lang: CitizenLang = "pl"): string {
  const paragraphs = content.text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split("\n").map(htmlLine).join("<br>\n")}</p>`);
  return [
    "<!doctype html>",
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs,
    "</body>",
    "</html>",
  ].join("\n");
}
