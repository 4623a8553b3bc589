// The first free booking slots of a matter, as the kiosk's cut-off screen lists them: from the public
// availability (GET …/availability, the booking site's own read), in time order, at most a few.
import type { Availability } from "../../protocol/api.ts";
import { type Lang, LOCALE } from "../shared/i18n.tsx";

/** How many free slots the cut-off screen lists. */
export const FIRST_SLOTS = 3;
/** How many days ahead the kiosk looks for them. */
export const SLOT_DAYS = 14;

/** Pure: the starts (site-local ISO with offset) of the first `n` slots with room left, in time order. */
export function firstFreeSlots(availability: Availability, n = FIRST_SLOTS): string[] {
  return availability.days
    .flatMap((d) => d.slots)
    .filter((s) => s.free > 0)
    .map((s) => s.start)
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .slice(0, n);
}

/** Pure: a slot's start as the kiosk says it, on the office's own clock: "pon., 7.12, 09:30". */
export function slotLabel(start: string, lang: Lang): string {
  const [y, m, d] = start.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Intl.DateTimeFormat(LOCALE[lang], { weekday: "short", day: "numeric", month: "numeric", timeZone: "UTC" }).format(
    Date.UTC(y, m - 1, d, 12),
  );
  return `${day}, ${start.slice(11, 16)}`;
}

/** Pure: the local date `days` after a "YYYY-MM-DD" date. */
export function dateAfter(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
