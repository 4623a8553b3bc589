// Calendar dates of the booking site as "YYYY-MM-DD" strings of the offices' wall clock (Europe/Warsaw),
// computed in UTC so the browser's own time zone never shifts a day; month grids and date texts.
import { OFFICE_TZ } from "../shared/format.ts";
import { type Lang, LOCALE } from "../shared/i18n.tsx";

const utc = (date: string): Date => new Date(`${date}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** Today in the offices' time zone. */
export function officeToday(now = Date.now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: OFFICE_TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(date: string, n: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** "2026-11" of a date. */
export const monthOf = (date: string): string => date.slice(0, 7);

export function addMonths(month: string, n: number): string {
  const d = utc(`${month}-01`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d).slice(0, 7);
}

/** Monday-first weeks of a month: each cell a date of the month, or null before the 1st and after the last day. */
export function monthGrid(month: string): (string | null)[][] {
  const first = utc(`${month}-01`);
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let date = `${month}-01`; monthOf(date) === month; date = addDays(date, 1)) cells.push(date);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Monday of the week of a date. */
export function weekStart(date: string): string {
  return addDays(date, -((utc(date).getUTCDay() + 6) % 7));
}

const fmt = (lang: Lang, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALE[lang], { timeZone: "UTC", ...opts });

/** "wtorek, 24 listopada 2026" / "Tuesday, 24 November 2026". */
export function longDate(lang: Lang, date: string): string {
  return fmt(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(utc(date));
}

/** "wt., 24 listopada" / "Tue 24 November": a short date for lists. */
export function shortDate(lang: Lang, date: string): string {
  return fmt(lang, { weekday: "short", day: "numeric", month: "long" }).format(utc(date));
}

/** "listopad 2026" / "November 2026". */
export function monthTitle(lang: Lang, month: string): string {
  return fmt(lang, { month: "long", year: "numeric" }).format(utc(`${month}-01`));
}

/** Weekday names Monday..Sunday: [short, long]. */
export function weekdayNames(lang: Lang): [string, string][] {
  const monday = "2024-01-01";
  return Array.from({ length: 7 }, (_, i) => {
    const d = utc(addDays(monday, i));
    return [fmt(lang, { weekday: "short" }).format(d), fmt(lang, { weekday: "long" }).format(d)];
  });
}

/** Clock time "HH:MM" of an instant in the offices' time zone (e.g. the hold's expiry, sent in UTC). */
export function officeClock(isoInstant: string): string {
  return new Intl.DateTimeFormat("pl-PL", { timeZone: OFFICE_TZ, hour: "2-digit", minute: "2-digit" }).format(Date.parse(isoInstant));
}
