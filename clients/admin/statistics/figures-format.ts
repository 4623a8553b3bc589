// Numbers of the statistics in the page's language: counts, decimals (a decimal comma in Polish), shares
// as percentages and minutes. A figure with no data is null and is shown as "–".
import { type Lang, LOCALE } from "../../shared/i18n.tsx";

export const NO_DATA = "–";

export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(n);
}

export function formatDecimal(lang: Lang, n: number | null, digits = 1): string | null {
  return n === null
    ? null
    : new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

export function formatShare(lang: Lang, share: number | null): string | null {
  return share === null ? null : new Intl.NumberFormat(LOCALE[lang], { style: "percent", maximumFractionDigits: 1 }).format(share);
}

export function formatMinutes(lang: Lang, minutes: number | null): string | null {
  return minutes === null ? null : `${formatCount(lang, minutes)} min`;
}
