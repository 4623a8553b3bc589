// What the hall speakers say, as a list of clips: "Numer A 0 1 2, stanowisko 5" is chime, numer,
// letter-a, digit-0, digit-1, digit-2, stanowisko, number-5, with short pauses between. The clip
// bank (clips/generate.ts) speaks each clip's text; recorded clips of the same names replace them.
import type { Language } from "../config.ts";

export interface ClipSpec {
  /** File name without ".wav". */
  name: string;
  /** What espeak-ng says; null for the chime, which sox synthesises. */
  text: string | null;
}

export type PlanItem = { clip: string } | { pauseMs: number };

export const PAUSES = { afterChime: 400, betweenWords: 60, betweenParts: 300 } as const;

const LETTERS: Record<Language, Record<string, string>> = {
  pl: {
    a: "a",
    b: "be",
    c: "ce",
    d: "de",
    e: "e",
    f: "ef",
    g: "gie",
    h: "ha",
    i: "i",
    j: "jot",
    k: "ka",
    l: "el",
    m: "em",
    n: "en",
    o: "o",
    p: "pe",
    q: "ku",
    r: "er",
    s: "es",
    t: "te",
    u: "u",
    v: "fau",
    w: "wu",
    x: "iks",
    y: "igrek",
    z: "zet",
  },
  en: {
    a: "ay",
    b: "bee",
    c: "see",
    d: "dee",
    e: "ee",
    f: "eff",
    g: "gee",
    h: "aitch",
    i: "eye",
    j: "jay",
    k: "kay",
    l: "ell",
    m: "em",
    n: "en",
    o: "oh",
    p: "pee",
    q: "cue",
    r: "are",
    s: "ess",
    t: "tee",
    u: "you",
    v: "vee",
    w: "double you",
    x: "ex",
    y: "why",
    z: "zed",
  },
};

const DIGITS: Record<Language, string[]> = {
  pl: ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"],
  en: ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
};

const WORDS: Record<Language, { number: string; desk: string; room: string }> = {
  pl: { number: "numer", desk: "stanowisko", room: "pokój" },
  en: { number: "number", desk: "desk", room: "room" },
};

/** Every clip of a language's bank. File names are the same in every language. */
export function clipSpecs(lang: Language): ClipSpec[] {
  const w = WORDS[lang];
  const specs: ClipSpec[] = [
    { name: "chime", text: null },
    { name: "numer", text: w.number },
    { name: "stanowisko", text: w.desk },
    { name: "pokoj", text: w.room },
  ];
  for (const [letter, said] of Object.entries(LETTERS[lang])) specs.push({ name: `letter-${letter}`, text: said });
  DIGITS[lang].forEach((said, d) => specs.push({ name: `digit-${d}`, text: said }));
  for (let n = 1; n <= 99; n++) specs.push({ name: `number-${n}`, text: String(n) });
  return specs;
}

const FOLD: Record<string, string> = { ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z" };

/** The ticket number spelled out: letters by name, digits one by one ("A012" → a, 0, 1, 2). */
function spell(number: string): string[] {
  const out: string[] = [];
  for (const ch of number.toLowerCase()) {
    const c = FOLD[ch] ?? ch;
    if (/[a-z]/.test(c)) out.push(`letter-${c}`);
    else if (/[0-9]/.test(c)) out.push(`digit-${c}`);
  }
  return out;
}

/** Words joined by short pauses. */
function words(clips: string[]): PlanItem[] {
  return clips.flatMap((clip, i) => (i === 0 ? [{ clip }] : [{ pauseMs: PAUSES.betweenWords }, { clip }]));
}

/** The whole call: chime, "numer A 0 1 2", "stanowisko 5" (or "pokój 5" when the desk is named a room). */
export function announcementPlan(number: string, deskName: string, deskNumber: number): PlanItem[] {
  const place = /^(pok[oó]j|room)\b/i.test(deskName.trim()) ? "pokoj" : "stanowisko";
  const deskClips = deskNumber >= 1 && deskNumber <= 99 ? [`number-${deskNumber}`] : spell(String(deskNumber));
  return [
    { clip: "chime" },
    { pauseMs: PAUSES.afterChime },
    ...words(["numer", ...spell(number)]),
    { pauseMs: PAUSES.betweenParts },
    ...words([place, ...deskClips]),
  ];
}
