// The one sentence about the wait, as the kiosk's screen shows it and the paper ticket prints it:
// "Szacowany czas oczekiwania: ok. 15–25 min" (a range), or "… ok. 1 godz. 15 min" (one number, for a job of
// an older site object). The kiosk, the print agent and the e-ticket call these functions, so they never disagree.

interface WaitWords {
  label: string;
  underMinute: string;
  about: string;
  hours: (h: number) => string;
  /** Minutes, abbreviated (no plural form needed). */
  min: string;
  /** A range of 0–0: the turn is a moment away. */
  moment: string;
  /** A range from 0: "do 5 min". */
  upTo: string;
}

const WORDS = {
  pl: {
    label: "Szacowany czas oczekiwania",
    underMinute: "poniżej minuty",
    about: "ok.",
    hours: (h) => `${h} godz.`,
    min: "min",
    moment: "chwila",
    upTo: "do",
  },
  en: {
    label: "Estimated wait",
    underMinute: "under a minute",
    about: "about",
    hours: (h) => `${h} h`,
    min: "min",
    moment: "a moment",
    upTo: "up to",
  },
  uk: {
    label: "Орієнтовний час очікування",
    underMinute: "менше хвилини",
    about: "бл.",
    hours: (h) => `${h} год`,
    min: "хв",
    moment: "мить",
    upTo: "до",
  },
} as const satisfies Record<string, WaitWords>;

/** The languages the sentence is written in (a paper ticket's languages). */
export type WaitLanguage = keyof typeof WORDS;

function wordsOf(lang: string): WaitWords {
  return lang in WORDS ? WORDS[lang as WaitLanguage] : WORDS.pl;
}

/** "1 godz. 15 min", "2 godz.", "12 min": whole minutes, at least one. */
function duration(m: number, w: WaitWords): string {
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return [h > 0 ? w.hours(h) : "", rest === 0 && h > 0 ? "" : `${rest} ${w.min}`].filter(Boolean).join(" ");
}

/**
 * "Szacowany czas oczekiwania: ok. 12 min" / "Estimated wait: about 1 h 5 min"; under a minute said as such.
 * A language without words of its own here gets the Polish sentence, as the office's own printer would print it.
 */
export function estimatedWaitText(minutes: number, lang: string): string {
  const w = wordsOf(lang);
  const m = Math.round(minutes);
  if (m < 1) return `${w.label}: ${w.underMinute}`;
  return `${w.label}: ${w.about} ${duration(m, w)}`;
}

/** A wait range in whole minutes (protocol/api.ts WaitRangeView). */
export interface ShownRange {
  low: number;
  high: number;
}

/**
 * The range alone, as a matter's button on the kiosk shows it: "ok. 15–25 min", "ok. 45 min – 1 godz. 15 min",
 * "do 5 min" when it starts at 0, "chwila" for 0–0.
 */
export function waitRangeText(range: ShownRange, lang: string): string {
  const w = wordsOf(lang);
  const low = Math.max(0, Math.round(range.low));
  const high = Math.max(low, Math.round(range.high));
  if (high < 1) return w.moment;
  if (low === 0) return `${w.upTo} ${duration(high, w)}`;
  if (low === high) return `${w.about} ${duration(high, w)}`;
  if (high < 60) return `${w.about} ${low}–${high} ${w.min}`;
  return `${w.about} ${duration(low, w)} – ${duration(high, w)}`;
}

/** "Szacowany czas oczekiwania: ok. 15–25 min": the sentence of the kiosk's ticket screen, the paper ticket and the e-ticket. */
export function estimatedWaitRangeText(range: ShownRange, lang: string): string {
  return `${wordsOf(lang).label}: ${waitRangeText(range, lang)}`;
}
