// The figures of a set of visit parts, straight from the records: counts by outcome, wait and service
// percentiles (nearest rank on whole minutes), and the share called within their matter's target.
import type { VisitFigures } from "../../protocol/statistics.ts";
import { hasEnded, serviceMinutesOf, waitMinutesOf, withinRange, withinTarget } from "./measures.ts";
import { type FigureOptions, targetMinutes } from "./options.ts";
import { maxOf, percentile, share } from "./percentiles.ts";
import type { VisitOutcome, VisitRecord } from "./records.ts";

export type OutcomeCounts = Record<VisitOutcome, number>;

export function outcomeCounts(parts: readonly VisitRecord[]): OutcomeCounts {
  const counts: OutcomeCounts = { served: 0, "no-show": 0, transferred: 0, cancelled: 0, closed: 0, left: 0, open: 0 };
  for (const v of parts) counts[v.outcome] += 1;
  return counts;
}

/** Tickets taken: parts 0 (a transferred-in part is not a new arrival). */
export function arrivedOf(parts: readonly VisitRecord[]): number {
  return parts.filter((v) => v.part === 0).length;
}

export function waitValues(parts: readonly VisitRecord[]): number[] {
  return parts.map(waitMinutesOf).filter((m): m is number => m !== null);
}

export function serviceValues(parts: readonly VisitRecord[]): number[] {
  return parts.map(serviceMinutesOf).filter((m): m is number => m !== null);
}

/** Called parts within their matter's target ÷ called parts. */
export function withinTargetShareOf(parts: readonly VisitRecord[], targets: FigureOptions["targets"]): number | null {
  const judged = parts.map((v) => withinTarget(v, targetMinutes(targets, v.matterId))).filter((w) => w !== null);
  return share(judged.filter(Boolean).length, judged.length);
}

/** Called parts 0 whose wait fell inside the range shown at issue ÷ called parts 0 shown a range. */
export function withinRangeShareOf(parts: readonly VisitRecord[]): number | null {
  const judged = parts.map(withinRange).filter((w) => w !== null);
  return share(judged.filter(Boolean).length, judged.length);
}

/** noShows ÷ parts that ended (served, no-show, cancelled, left, closed). */
export function noShowShareOf(parts: readonly VisitRecord[]): number | null {
  const ended = parts.filter(hasEnded);
  return share(ended.filter((v) => v.outcome === "no-show").length, ended.length);
}

export function visitFigures(parts: readonly VisitRecord[], targets: FigureOptions["targets"]): VisitFigures {
  const counts = outcomeCounts(parts);
  const waits = waitValues(parts);
  const services = serviceValues(parts);
  return {
    arrived: arrivedOf(parts),
    served: counts.served,
    noShows: counts["no-show"],
    noShowShare: noShowShareOf(parts),
    cancelled: counts.cancelled,
    left: counts.left,
    closed: counts.closed,
    open: counts.open,
    transferred: counts.transferred,
    waitMinutes: { p50: percentile(waits, 50), p90: percentile(waits, 90), max: maxOf(waits) },
    serviceMinutes: { p50: percentile(services, 50), p90: percentile(services, 90) },
    withinTargetShare: withinTargetShareOf(parts, targets),
    withinRangeShare: withinRangeShareOf(parts),
  };
}
