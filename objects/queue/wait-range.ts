// The wait a citizen is shown, as a range of whole minutes meant to hold for about 8 in 10 people.
// The middle is the people ahead (and bookings due before the turn) times the minutes each moves the line:
// measured from the line's own recent calls when it has moved often enough in the last hour, else the
// robust pace of the matter shared by the desk time open for it. Long lines are damped (some people ahead
// give up and leave, each costing a desk only a call that nobody answers). The range around it is wider for
// a short line (one long visit weighs more), plus the time a busy desk still needs for the client at hand;
// the office's closing time caps it. Calibrated on `npm run bench:eta` (objects/sim/).
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
  /**
   * How many minutes ago the matter's line moved: the first calls of its tickets (attempt 1, not the recalls
   * after a miss), at least those of the last hour, in any order. The line's measured speed takes in what the
   * desk share cannot: desks that serve another matter first, the walk to the desk, no-shows, clerks' speed.
   * Optional: without it the pace and the desk share alone set the speed.
   */
  calledMinutesAgo?: readonly number[];
  /**
   * Open desks serving the matter with nobody called to them right now (whole desks: a shared desk that is
   * idle has nobody of its other matters waiting either). Optional: without it a desk is taken to be busy.
   */
  idleDesks?: number;
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

/** The line's calls count from this far back. */
export const LINE_WINDOW_MINUTES = 60;
/** The line's speed is measured once it moved this many times within the window. */
export const LINE_MIN_CALLS = 3;
/** A burst of calls (all desks at opening) is spread over at least this many minutes. */
const LINE_MIN_SPAN_MINUTES = 15;

/** Minutes per call of the line over the last hour, or null when it moved too seldom to tell. */
export function linePaceMinutes(calledMinutesAgo: readonly number[] | undefined): number | null {
  const recent = (calledMinutesAgo ?? []).filter((m) => m >= 0 && m <= LINE_WINDOW_MINUTES);
  if (recent.length < LINE_MIN_CALLS) return null;
  return Math.max(LINE_MIN_SPAN_MINUTES, ...recent) / recent.length;
}

/**
 * The calibration (objects/sim/, `npm run bench:eta`): how the range opens below and above the middle
 * (a fixed part and a part that shrinks with √people), how much of a client's time at a busy desk is added
 * on top, and the wait over which long lines are damped.
 */
const CALIBRATION = { below: [0.3, 0.5], above: [0.5, 0.5], atDesk: 1.2, longWaitMinutes: 400 } as const;

/** Ranges are shown in steps of this many minutes once they are longer than a few minutes. */
const STEP = 5;

export function estimateWaitRange(input: WaitRangeInput): WaitRange {
  return lineWaitRange(input)(input.ahead);
}

/**
 * The ranges of one line, for any number of people ahead: what does not depend on the people (the
 * pace with its sorted samples, the line's measured speed, the bookings due in order) is worked out
 * once, so a line of thousands of e-tickets sorts its samples once, not once per ticket.
 */
export function lineWaitRange(line: Omit<WaitRangeInput, "ahead">): (ahead: number) => WaitRange {
  const pace = paceMinutes(line.serviceMinutes, line.observedMs);
  const share = line.deskShare > 0 ? line.deskShare : Math.max(line.pausedDeskShare, 0.5);
  const byDesks = pace.minutes / share;
  const measured = linePaceMinutes(line.calledMinutesAgo);
  const perPerson = measured ?? byDesks;
  const dues = [...line.bookingsDueInMinutes].sort((a, b) => a - b);
  // A desk free right now calls the ticket at once; otherwise the client at hand is finished first, for
  // part of a visit when the line moves slower than the desks could (they are not always busy).
  const load = measured === null ? 1 : Math.min(1, byDesks / measured);
  const busyAtDesk = CALIBRATION.atDesk * byDesks * load;
  const close = line.minutesToClose === null || line.minutesToClose < 0 ? null : Math.ceil(line.minutesToClose);
  return (ahead) => {
    // Bookings due before the ticket's expected turn join ahead of it.
    let people = Math.max(0, ahead);
    for (const due of dues) {
      if (due <= people * perPerson) people += 1;
    }
    const work = people * perPerson;
    const mid = work / (1 + work / CALIBRATION.longWaitMinutes);
    const q = 1 / Math.sqrt(people + 1);
    const freeDesk = (line.idleDesks ?? 0) > people;
    const atDesk = freeDesk ? 0 : busyAtDesk;
    const low = Math.max(0, mid * (1 - CALIBRATION.below[0] - CALIBRATION.below[1] * q));
    const high = mid * (1 + CALIBRATION.above[0] + CALIBRATION.above[1] * q) + atDesk;
    const range = shown(low, high);
    if (close === null) return range;
    // Nobody is called after closing: the range ends there (whether a ticket is worth taking is the cut-off's question).
    if (range.high <= close) return range;
    return { low: Math.max(0, Math.min(range.low, close - (close <= 10 ? 1 : STEP))), high: close };
  };
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
