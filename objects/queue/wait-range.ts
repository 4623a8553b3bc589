// The wait a citizen is shown, as a range of whole minutes meant to hold for about 8 in 10 people:
// the work ahead (people and bookings due before the turn) at a robust pace, shared by the desk time open
// for the matter, widened by how unsure that pace is.
import { MAX_SAMPLES, MIN_SAMPLES } from "./estimate.ts";

/** A service shorter than this is a clerk pressing "finish" right after the call, not a measured pace. */
export const SHORTEST_MEASURED_MS = 60_000;

export interface WaitRangeInput {
  /** People ahead in the ticket's line (priority tickets and bookings already due included). */
  ahead: number;
  /** Expected minutes per client from the configuration (used until the day has samples of its own). */
  serviceMinutes: number;
  /** Service durations observed today for the matter, in ms, oldest first. */
  observedMs: readonly number[];
  /**
   * Open desks serving the matter, each counting in part when it shares its time with other matters
   * (1 for a desk of this matter only, 1/k for a desk of k matters). A ticket sent to one desk: that desk's share.
   */
  deskShare: number;
  /** The same share for the desks of the matter now on a break (they serve again later). */
  pausedDeskShare: number;
  /** Minutes from now at which bookings of the matter become due: each goes ahead of a walk-in still waiting then. */
  bookingsDueInMinutes: readonly number[];
  /** Minutes until the office closes today, or null when it is not known. */
  minutesToClose: number | null;
}

export interface WaitRange {
  low: number;
  high: number;
}

/** The pace of the matter in minutes per client: the median of the recent measured services, or the configuration. */
export function paceMinutes(serviceMinutes: number, observedMs: readonly number[]): { minutes: number; samples: number } {
  const measured = observedMs.filter((ms) => ms >= SHORTEST_MEASURED_MS).slice(-MAX_SAMPLES);
  if (measured.length < MIN_SAMPLES) return { minutes: serviceMinutes, samples: 0 };
  const sorted = [...measured].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { minutes: median / 60_000, samples: sorted.length };
}

/** Ranges are shown in steps of this many minutes once they are longer than a few minutes. */
const STEP = 5;

export function estimateWaitRange(input: WaitRangeInput): WaitRange {
  const pace = paceMinutes(input.serviceMinutes, input.observedMs);
  const share = input.deskShare > 0 ? input.deskShare : Math.max(input.pausedDeskShare, 0.5);
  // Bookings due before the ticket's expected turn join ahead of it.
  let people = Math.max(0, input.ahead);
  for (const due of [...input.bookingsDueInMinutes].sort((a, b) => a - b)) {
    if (due <= (people * pace.minutes) / share) people += 1;
  }
  const mid = (people * pace.minutes) / share;
  // Unsure of the pace until it is measured; a longer line evens out single long visits.
  const spread = (pace.samples === 0 ? 0.45 : 0.3) / Math.sqrt(Math.max(1, people)) + 0.15;
  let low = Math.max(0, mid * (1 - spread));
  let high = mid * (1 + spread) + pace.minutes / (2 * share);
  if (input.minutesToClose !== null && input.minutesToClose >= 0) {
    low = Math.min(low, input.minutesToClose);
    high = Math.min(high, Math.max(input.minutesToClose, low));
  }
  return shown(low, high);
}

/** Whole minutes; steps of five above ten minutes, so the range reads like a person's estimate. */
function shown(low: number, high: number): WaitRange {
  if (high <= 10) return { low: Math.floor(low), high: Math.max(Math.ceil(high), Math.floor(low) + 1) };
  const lo = Math.floor(low / STEP) * STEP;
  const hi = Math.max(Math.ceil(high / STEP) * STEP, lo + STEP);
  return { low: lo, high: hi };
}

/** The single number beside the range (the API's `estimatedWaitMinutes`): its middle, rounded. */
export function rangeMiddle(range: WaitRange): number {
  return Math.round((range.low + range.high) / 2);
}
