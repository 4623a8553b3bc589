// What one part of a visit measures: its wait (first call − queued), its service (finished − started), and
// whether it waited within its matter's target.

import { MINUTE_MS, wholeMinutes } from "./percentiles.ts";
import type { VisitRecord } from "./records.ts";

/** The wait of a called part in whole minutes (rounded down), null if it was never called. */
export function waitMinutesOf(v: VisitRecord): number | null {
  const first = v.calls[0];
  return first ? wholeMinutes(first.at - v.queuedAt) : null;
}

/** The service of a part in whole minutes (rounded down), null unless it was started and finished. */
export function serviceMinutesOf(v: VisitRecord): number | null {
  return v.startedAt !== null && v.finishedAt !== null ? wholeMinutes(v.finishedAt - v.startedAt) : null;
}

/** Whether a called part was called within `target` minutes of queuing (to the millisecond). */
export function withinTarget(v: VisitRecord, target: number): boolean | null {
  const first = v.calls[0];
  return first ? first.at - v.queuedAt <= target * MINUTE_MS : null;
}

/**
 * Whether a called part 0 waited within the range it was shown at issue (its whole minutes of wait from the
 * range's low to its high, both included); null when it was not called or shown no range.
 */
export function withinRange(v: VisitRecord): boolean | null {
  const wait = waitMinutesOf(v);
  const range = v.estimateRange;
  if (v.part !== 0 || !range || wait === null) return null;
  return wait >= range.low && wait <= range.high;
}

/** Whether a part ended one way or the other (not transferred on, not still open). */
export function hasEnded(v: VisitRecord): boolean {
  return v.outcome !== "transferred" && v.outcome !== "open";
}
