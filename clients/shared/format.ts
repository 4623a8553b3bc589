// Formatting of times the API sends in the site's local time ("2026-11-23T10:15:00+01:00"), and of
// instants on the offices' clock.
import { type Lang, LOCALE } from "./i18n.tsx";

/** The offices' time zone: every site of the demo and of Polish deployments. */
export const OFFICE_TZ = "Europe/Warsaw";

/** "10:15": the site's local wall-clock time, whatever the browser's time zone. */
export function siteClock(iso: string | null | undefined): string {
  return iso && iso.length >= 16 ? iso.slice(11, 16) : "";
}

/** Elapsed time as "m:ss" or "h:mm:ss". */
export function elapsed(fromIso: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** Path segments after a prefix: /kiosk/demo → ["demo"]. */
export function pathParts(prefix: string): string[] {
  const rest = location.pathname.startsWith(prefix) ? location.pathname.slice(prefix.length) : "";
  return rest.split("/").filter(Boolean).map(decodeURIComponent);
}

const dateTimeIn = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: OFFICE_TZ,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
const DATE_TIME: Record<Lang, Intl.DateTimeFormat> = {
  pl: dateTimeIn(LOCALE.pl),
  en: dateTimeIn(LOCALE.en),
  uk: dateTimeIn(LOCALE.uk),
};

/** "23.11.2026, 10:15:07" on the offices' clock, of an instant (ms or ISO); "" when there is none. */
export function officeDateTime(lang: Lang, when: number | string | null | undefined): string {
  const ms = typeof when === "string" ? Date.parse(when) : when;
  return ms === null || ms === undefined || Number.isNaN(ms) ? "" : DATE_TIME[lang].format(ms);
}
