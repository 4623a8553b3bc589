// The closing cut-off: whether a new walk-in ticket of a matter would be one nobody serves today.
//
// A matter is closed for today when
//   - its last-ticket time ("HH:MM", the matter's configuration) has come: from that minute on the office
//     gives out no more tickets of it; or
//   - even the best case of the forecast cannot serve the new ticket before closing: the wait range's LOW
//     end (the earliest the ticket could be called) plus one service of the matter (its configured
//     minutes) ends after the office closes.
// The low end, not the middle or the high end: the range is meant to hold for about 8 in 10 people, so its
// low end is what happens when desks go faster than usual and people ahead give up. Refusing only when
// even that cannot be served in time never sends away someone who would likely have been served; a ticket
// that ends up waiting past closing is the lesser harm than a citizen sent home who would have made it.
// A service that would end exactly at closing is still served (refused only past it).
// A manager's override for the day lifts both; bookings checked in are never refused (they have their slot).

/** Why a matter is closed for today. */
export type CutOffReason = "last-ticket" | "forecast";

export interface CutOffQuestion {
  /** Now (ms). */
  now: number;
  /** Now, in minutes since the site's local midnight. */
  localMinutes: number;
  /** The matter's last-ticket time ("HH:MM"), when it has one. */
  lastTicketAt?: string | undefined;
  /** When the office closes today (ms), or null when it is not open again today. */
  closesAt: number | null;
  /** The low end of the wait range a ticket taken now would be shown, in minutes. */
  earliestCallMinutes: number;
  /** Minutes one client of the matter takes at a desk (the configuration's). */
  serviceMinutes: number;
  /** A manager lifted the cut-off of this matter for the rest of today. */
  overridden: boolean;
}

/** "HH:MM" as minutes since midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Whether the matter's last-ticket time has come (from that minute on, no ticket). */
export function lastTicketPassed(lastTicketAt: string | undefined, localMinutes: number): boolean {
  return lastTicketAt !== undefined && localMinutes >= minutesOf(lastTicketAt);
}

/** Whether even the earliest call leaves no whole service before closing (never when the closing time is unknown). */
export function servedTooLate(q: Pick<CutOffQuestion, "now" | "closesAt" | "earliestCallMinutes" | "serviceMinutes">): boolean {
  if (q.closesAt === null) return false;
  const done = q.now + (q.earliestCallMinutes + q.serviceMinutes) * 60_000;
  return done > q.closesAt;
}

/**
 * The closing the forecast cut-off counts with: today's closing time, except for an office open until
 * midnight ("24:00"), which is open around the clock as far as the cut-off goes (its tickets are not
 * refused through the night's last minutes; a last-ticket time still applies).
 */
export function cutOffClosing(hours: readonly (readonly [string, string])[], closesAt: number | null): number | null {
  return hours.at(-1)?.[1] === "24:00" ? null : closesAt;
}

/** Why a new walk-in ticket of the matter is refused now, or null when it is not cut off. */
export function cutOffReason(q: CutOffQuestion): CutOffReason | null {
  if (q.overridden) return null;
  if (lastTicketPassed(q.lastTicketAt, q.localMinutes)) return "last-ticket";
  if (servedTooLate(q)) return "forecast";
  return null;
}
