// A set of visit parts reduced to counts and histograms of whole minutes: what a day's roll-up keeps per
// department, matter, desk, clerk and hour. Tallies add up (days, sites), and a tally's figures are the
// figures of the parts it counts (percentiles from the histograms by the same nearest rank).

import { assertNever } from "../../protocol/live.ts";
import type { VisitFigures } from "../../protocol/statistics.ts";
import { serviceMinutesOf, waitMinutesOf, withinRange, withinTarget } from "./measures.ts";
import {
  addToHistogram,
  type Histogram,
  histogramCount,
  histogramMax,
  histogramPercentile,
  mergeHistograms,
  share,
} from "./percentiles.ts";
import type { VisitRecord } from "./records.ts";

export interface VisitTally {
  arrived: number;
  served: number;
  noShows: number;
  cancelled: number;
  left: number;
  closed: number;
  open: number;
  transferred: number;
  /** Called parts within their matter's target (judged when rolled up, against that day's targets). */
  withinTarget: number;
  /** Called parts 0 shown a wait range, and those whose wait fell inside it (absent in roll-ups stored before ranges). */
  rangeShown?: number;
  withinRange?: number;
  /** Waits of the called parts, and services, in whole minutes. */
  wait: Histogram;
  service: Histogram;
}

export function emptyTally(): VisitTally {
  return {
    arrived: 0,
    served: 0,
    noShows: 0,
    cancelled: 0,
    left: 0,
    closed: 0,
    open: 0,
    transferred: 0,
    withinTarget: 0,
    rangeShown: 0,
    withinRange: 0,
    wait: [],
    service: [],
  };
}

export function addPart(t: VisitTally, v: VisitRecord, targetMinutes: number): void {
  if (v.part === 0) t.arrived += 1;
  switch (v.outcome) {
    case "served":
      t.served += 1;
      break;
    case "no-show":
      t.noShows += 1;
      break;
    case "cancelled":
      t.cancelled += 1;
      break;
    case "left":
      t.left += 1;
      break;
    case "closed":
      t.closed += 1;
      break;
    case "open":
      t.open += 1;
      break;
    case "transferred":
      t.transferred += 1;
      break;
    default:
      assertNever(v.outcome);
  }
  const wait = waitMinutesOf(v);
  if (wait !== null) addToHistogram(t.wait, wait);
  if (withinTarget(v, targetMinutes)) t.withinTarget += 1;
  const inRange = withinRange(v);
  if (inRange !== null) {
    t.rangeShown = (t.rangeShown ?? 0) + 1;
    if (inRange) t.withinRange = (t.withinRange ?? 0) + 1;
  }
  const service = serviceMinutesOf(v);
  if (service !== null) addToHistogram(t.service, service);
}

export function mergeTally(into: VisitTally, from: VisitTally): void {
  into.arrived += from.arrived;
  into.served += from.served;
  into.noShows += from.noShows;
  into.cancelled += from.cancelled;
  into.left += from.left;
  into.closed += from.closed;
  into.open += from.open;
  into.transferred += from.transferred;
  into.withinTarget += from.withinTarget;
  into.rangeShown = (into.rangeShown ?? 0) + (from.rangeShown ?? 0);
  into.withinRange = (into.withinRange ?? 0) + (from.withinRange ?? 0);
  mergeHistograms(into.wait, from.wait);
  mergeHistograms(into.service, from.service);
}

/** Parts counted, whatever their outcome. */
export function partsOf(t: VisitTally): number {
  return t.served + t.noShows + t.cancelled + t.left + t.closed + t.open + t.transferred;
}

export function tallyFigures(t: VisitTally): VisitFigures {
  const ended = t.served + t.noShows + t.cancelled + t.left + t.closed;
  return {
    arrived: t.arrived,
    served: t.served,
    noShows: t.noShows,
    noShowShare: share(t.noShows, ended),
    cancelled: t.cancelled,
    left: t.left,
    closed: t.closed,
    open: t.open,
    transferred: t.transferred,
    waitMinutes: { p50: histogramPercentile(t.wait, 50), p90: histogramPercentile(t.wait, 90), max: histogramMax(t.wait) },
    serviceMinutes: { p50: histogramPercentile(t.service, 50), p90: histogramPercentile(t.service, 90) },
    withinTargetShare: share(t.withinTarget, histogramCount(t.wait)),
    withinRangeShare: share(t.withinRange ?? 0, t.rangeShown ?? 0),
  };
}
