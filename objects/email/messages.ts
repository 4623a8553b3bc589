// The e-mails a booking by e-mail gets (R6, R9): the verification code, the confirmation, the two
// reminders and the cancellation notice. Polish, with the same facts as the SMS (objects/sms/messages.ts):
// a subject and a plain-text body are stored in the outbox; the HTML part is made from them when sent,
// with every character of the text escaped.
import { CODE_TTL_MS } from "../booking/verification.ts";
import { arrival, checkVisit, formatVisitDate, plPlural, type Visit } from "../sms/messages.ts";

/** What the outbox keeps of an e-mail. */
export interface EmailContent {
  subject: string;
  text: string;
}

const SIGNATURE = "numerek - system kolejkowy urzędu";
const IGNORE = "Jeśli to nie Ty rezerwowałeś(-aś) wizytę, zignoruj tę wiadomość.";

function body(...paragraphs: string[]): string {
  return `${[...paragraphs, `-- \n${SIGNATURE}`].join("\n\n")}\n`;
}

function visitLines(v: Visit): string {
  return [`Urząd: ${v.siteName}`, `Adres: ${v.address}`, `Termin: ${formatVisitDate(v.date)}, godz. ${v.time}`, `Numer: ${v.ticket}`].join(
    "\n",
  );
}

const manage = (v: Visit) => `Zmień lub odwołaj wizytę: ${v.manageUrl}`;

/** The verification code (R6 step 5). Not in the subject: staff see subjects, never codes. */
export function codeEmail(code: string): EmailContent {
  const minutes = Math.round(CODE_TTL_MS / 60_000);
  return {
    subject: "Kod potwierdzenia rezerwacji wizyty",
    text: body(
      `Twój kod potwierdzenia rezerwacji: ${code}`,
      `Wpisz go na stronie rezerwacji. Kod jest ważny ${minutes} ${plPlural(minutes, "minutę", "minuty", "minut")}; do tego czasu termin czeka na Ciebie.`,
      IGNORE,
    ),
  };
}

/** Sent once the code is confirmed: place, date, time, ticket number, check-in, manage link. */
export function confirmationEmail(v: Visit): EmailContent {
  checkVisit(v);
  return {
    subject: `Rezerwacja potwierdzona: ${formatVisitDate(v.date)}, godz. ${v.time}`,
    text: body("Rezerwacja potwierdzona.", visitLines(v), arrival(v, "pl"), manage(v)),
  };
}

/** The reminder the day before the visit. */
export function reminderDayBeforeEmail(v: Visit): EmailContent {
  checkVisit(v);
  return {
    subject: `Jutro Twoja wizyta: godz. ${v.time}, ${v.siteName}`,
    text: body(`Przypominamy: jutro Twoja wizyta.`, visitLines(v), arrival(v, "pl"), manage(v)),
  };
}

/** The reminder `minutesBefore` minutes before the visit. */
export function reminderSoonEmail(v: Visit, minutesBefore: number): EmailContent {
  checkVisit(v);
  if (!Number.isInteger(minutesBefore) || minutesBefore < 1)
    throw new RangeError(`minutesBefore must be a whole number ≥ 1, got ${minutesBefore}`);
  return {
    subject: `Za ${minutesBefore} min Twoja wizyta (godz. ${v.time})`,
    text: body(`Za ${minutesBefore} min Twoja wizyta.`, visitLines(v), arrival(v, "pl")),
  };
}

/** Sent when the holder of the manage link cancels. `when` as the office shows times. */
export function cancellationEmail(args: { when: string; siteName: string }): EmailContent {
  return {
    subject: `Rezerwacja odwołana: ${args.when}`,
    text: body(`Rezerwacja na ${args.when} (${args.siteName}) została odwołana. Termin jest znów wolny.`),
  };
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

/** The HTML part of an e-mail: its text, paragraph by paragraph, everything escaped. */
export function emailHtml(content: EmailContent): string {
  const paragraphs = content.text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split("\n").map(htmlLine).join("<br>\n")}</p>`);
  return [
    "<!doctype html>",
    '<html lang="pl">',
    `<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs,
    "</body>",
    "</html>",
  ].join("\n");
}
