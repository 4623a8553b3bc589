// Polish public holidays (ustawa o dniach wolnych od pracy): the days a city office is closed, for any year.
import { addDays, isDate, ymd } from "./dates.ts";

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

const memo = new Map<number, ReadonlyMap<string, string>>();

/**
 * Public holidays of a year, date (YYYY-MM-DD) → Polish name, in calendar order. Memoized; read-only.
 * Trzech Króli counts from 2011 and Wigilia from 2025, when they became days off by law.
 */
export function polishHolidays(year: number): ReadonlyMap<string, string> {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`unsupported year: ${year}`);
  const known = memo.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const days: [string, string][] = [
    [ymd(year, 1, 1), "Nowy Rok"],
    [easter, "Wielkanoc"],
    [addDays(easter, 1), "Poniedziałek Wielkanocny"],
    [ymd(year, 5, 1), "Święto Pracy"],
    [ymd(year, 5, 3), "Święto Narodowe Trzeciego Maja"],
    [addDays(easter, 49), "Zielone Świątki"],
    [addDays(easter, 60), "Boże Ciało"],
    [ymd(year, 8, 15), "Wniebowzięcie Najświętszej Maryi Panny"],
    [ymd(year, 11, 1), "Wszystkich Świętych"],
    [ymd(year, 11, 11), "Narodowe Święto Niepodległości"],
    [ymd(year, 12, 25), "Boże Narodzenie (pierwszy dzień)"],
    [ymd(year, 12, 26), "Boże Narodzenie (drugi dzień)"],
  ];
  if (year >= 2011) days.push([ymd(year, 1, 6), "Święto Trzech Króli"]);
  if (year >= 2025) days.push([ymd(year, 12, 24), "Wigilia Bożego Narodzenia"]);
  days.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const map: ReadonlyMap<string, string> = new Map(days);
  memo.set(year, map);
  return map;
}

/** The holiday's Polish name, or null on a working day (and for anything that is not a YYYY-MM-DD date). */
export function holidayName(date: string): string | null {
  if (!isDate(date)) return null;
  const year = Number(date.slice(0, 4));
  if (year < 1583) return null;
  return polishHolidays(year).get(date) ?? null;
}
