// The one sentence about the wait, as the kiosk's screen shows it and the paper ticket prints it:
// "Szacowany czas oczekiwania: ok. 1 godz. 15 min". Both call this function, so they never disagree.

interface WaitWords {
  label: string;
  underMinute: string;
  about: string;
  hours: (h: number) => string;
}

const WORDS = {
  pl: { label: "Szacowany czas oczekiwania", underMinute: "poniżej minuty", about: "ok.", hours: (h) => `${h} godz.` },
  en: { label: "Estimated wait", underMinute: "under a minute", about: "about", hours: (h) => `${h} h` },
  uk: { label: "Орієнтовний час очікування", underMinute: "менше хвилини", about: "бл.", hours: (h) => `${h} год` },
} as const satisfies Record<string, WaitWords>;

/** The languages the sentence is written in (a paper ticket's languages). */
export type WaitLanguage = keyof typeof WORDS;

function wordsOf(lang: string): WaitWords {
  return lang in WORDS ? WORDS[lang as WaitLanguage] : WORDS.pl;
}

/**
 * "Szacowany czas oczekiwania: ok. 12 min" / "Estimated wait: about 1 h 5 min"; under a minute said as such.
 * A language without words of its own here gets the Polish sentence, as the office's own printer would print it.
 */
export function estimatedWaitText(minutes: number, lang: string): string {
  const w = wordsOf(lang);
  const m = Math.round(minutes);
  if (m < 1) return `${w.label}: ${w.underMinute}`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const parts = [h > 0 ? w.hours(h) : "", rest === 0 && h > 0 ? "" : `${rest} min`].filter(Boolean);
  return `${w.label}: ${w.about} ${parts.join(" ")}`;
}
