// What a paper ticket says, in Polish and English: the plural of people waiting ahead, the
// estimated wait (worded once for the ticket and the kiosk's screen), the date and time, the note at the bottom.
import type { Language } from "../config.ts";

/** Polish has three plural forms: 1 osoba, 2-4 osoby (but 12-14 osób), 5+ osób. */
export function polishPlural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function waitingAheadText(n: number, lang: Language): string {
  if (lang === "en") {
    if (n === 0) return "Nobody is waiting ahead of you";
    return n === 1 ? "1 person is waiting ahead of you" : `${n} people are waiting ahead of you`;
  }
  if (n === 0) return "Nikt nie czeka przed Tobą";
  const noun = polishPlural(n, "osoba", "osoby", "osób");
  const verb = polishPlural(n, "czeka", "czekają", "czeka");
  return `${n} ${noun} ${verb} przed Tobą`;
}

/** The wait as the kiosk's screen says it too: one function for both (protocol/wait-wording.ts). */
export { estimatedWaitRangeText, estimatedWaitText } from "../../protocol/wait-wording.ts";

/** "23.11.2026, 13:05" in the site's time zone (the ISO time if it cannot be read). */
export function takenAtText(iso: string, timeZone: string, lang: Language): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const fmt = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "pl-PL", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  return fmt.format(new Date(t));
}

export function noteLines(lang: Language): string[] {
  return lang === "en"
    ? ["Scan the code to follow the queue on your phone.", "Please wait until your number is called."]
    : ["Zeskanuj kod, aby śledzić kolejkę w telefonie.", "Prosimy czekać na wywołanie numeru."];
}

export function yourNumberText(lang: Language): string {
  return lang === "en" ? "Your number" : "Twój numer";
}
