// Whether a walk-in ticket of a matter can be taken now, with the configuration's reasons to say no
// in the order a citizen would want to hear them: the office is closed for a while (its notice), it is
// closed at this hour (special days, days off and holidays included), the matter's tickets for today
// are all given out, it is closed for today by the closing cut-off, or no open desk serves it.
import type { ErrorCode } from "../../protocol/errors.ts";
import { isOpenDuring, openDesksFor } from "./availability.ts";
import { hoursOn, type SiteCalendar } from "./calendar.ts";
import type { CutOffReason } from "./cut-off.ts";
import type { Desk, Ticket } from "./model.ts";
import type { DeskMatters } from "./order.ts";
import type { LocalTime } from "./time.ts";

/** Whether the site is open at a local time of a local date, by its calendar. */
export function openAt(cal: SiteCalendar, at: LocalTime): boolean {
  return isOpenDuring(hoursOn(cal, at.date), at.minutes);
}

/** The ticket prefix of a number ("AB" of "AB012"). */
export function prefixOf(number: string): string {
  // (A loop, not a regular expression: a wake-up counts a whole day of tickets through here.)
  let end = number.length;
  while (end > 0) {
    const c = number.charCodeAt(end - 1);
    if (c < 48 || c > 57) break;
    end--;
  }
  return number.slice(0, end);
}

/**
 * Walk-in tickets taken on a day, by the prefix they were numbered with: what a matter's daily cap
 * counts. A ticket transferred to another matter still counts for the matter it was taken for;
 * booked visits do not count (their capacity is the booking desks').
 */
export function walkInsByPrefix(day: string, tickets: Iterable<Ticket>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tickets) {
    if (t.day !== day || t.source !== "walk-in") continue;
    const p = prefixOf(t.number);
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return counts;
}

/** Whether a matter's walk-in tickets of the day have reached its cap (never without a cap). */
export function capReached(matter: { prefix: string; dailyCap?: number | undefined }, taken: ReadonlyMap<string, number>): boolean {
  return matter.dailyCap !== undefined && (taken.get(matter.prefix) ?? 0) >= matter.dailyCap;
}

export interface WalkInSite {
  calendar: SiteCalendar;
  /** The site is closed for a while (configuration's closure). */
  closedTemporarily: boolean;
  /** Desks as configured, with the matters they serve. */
  configs: Iterable<DeskMatters>;
  /** Desks' stored state (open or paused). */
  desks: ReadonlyMap<string, Desk>;
}

/**
 * Why a walk-in ticket of this matter cannot be taken at `at`, or null when it can. `cutOff`: the closing
 * cut-off's reason (objects/queue/cut-off.ts), if the matter is closed for today; told before a desk on a
 * break, which would only say "not now".
 */
export function walkInVerdict(
  site: WalkInSite,
  at: LocalTime,
  matter: { id: string; prefix: string; dailyCap?: number | undefined },
  taken: ReadonlyMap<string, number>,
  cutOff: CutOffReason | null = null,
): ErrorCode | null {
  if (site.closedTemporarily) return "SITE_CLOSED_TEMPORARILY";
  if (!openAt(site.calendar, at)) return "SITE_CLOSED";
  if (capReached(matter, taken)) return "MATTER_CAP_REACHED";
  if (cutOff !== null) return "MATTER_CLOSED_FOR_TODAY";
  if (openDesksFor(matter.id, site.configs, site.desks) === 0) return "MATTER_UNAVAILABLE";
  return null;
}
