// What the kiosk says when a check-in code is refused: its own plain text per reason, with the time
// from which check-in opens (TOO_EARLY) or the office the booking is for (WRONG_SITE) taken from the API's message.
import type { T } from "../shared/i18n.tsx";
import type { CheckInFailure } from "./use-check-in.ts";

/** "Check in from pon., 23.11.2026, 10:15." → the date and the time, or null. */
export function openingOf(detail: string): { date: string; time: string } | null {
  const m = /(\d{2}\.\d{2}\.\d{4})\D+(\d{1,2}:\d{2})/.exec(detail);
  return m ? { date: m[1]!, time: m[2]! } : null;
}

/** "This booking is for Urząd X, ul. Y 1." → "Urząd X, ul. Y 1", or null. */
export function officeOf(detail: string): string | null {
  const m = /\bfor (.+?)\.?$/.exec(detail.trim());
  return m ? m[1]! : null;
}

/** Today's date in the offices' time zone as DD.MM.YYYY. */
function todayPl(now: number): string {
  return new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", day: "2-digit", month: "2-digit", year: "numeric" }).format(now);
}

export function checkInMessage(t: T, f: CheckInFailure, now = Date.now()): string {
  switch (f.code) {
    case "TOO_EARLY": {
      const from = openingOf(f.detail);
      if (!from) return t("kiosk.checkIn.tooEarly");
      return from.date === todayPl(now) ? t("kiosk.checkIn.tooEarlyToday", { time: from.time }) : t("kiosk.checkIn.tooEarlyDay", from);
    }
    case "TOO_LATE":
      return t("kiosk.checkIn.tooLate");
    case "UNKNOWN_CODE":
      return t("kiosk.checkIn.unknown");
    case "WRONG_SITE": {
      const office = officeOf(f.detail);
      return office ? t("kiosk.checkIn.wrongSite", { office }) : t("kiosk.checkIn.wrongSiteUnnamed");
    }
    case "ALREADY_CHECKED_IN":
      return t("kiosk.checkIn.already");
    case "BOOKING_NOT_ACTIVE":
      return t("kiosk.checkIn.notActive");
    case "OFFLINE_NOT_AVAILABLE":
      return t("kiosk.checkIn.offline");
    default:
      return t(`error.${f.code}`);
  }
}
