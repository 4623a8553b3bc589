// How far the wait shown at issue was from the real wait: for each called part 0 that was shown a wait,
// real − shown in whole minutes (the shown wait rounded to a whole minute).
import type { EstimateError } from "../../protocol/statistics.ts";
import { waitMinutesOf } from "./measures.ts";
import { roundTo } from "./percentiles.ts";
import type { VisitRecord } from "./records.ts";

/** Sums of whole minutes, so days add up exactly. */
export interface EstimateSums {
  count: number;
  sumAbs: number;
  sum: number;
}

/** real − shown for a part that has both, null otherwise. */
export function estimateDelta(v: VisitRecord): number | null {
  const real = waitMinutesOf(v);
  return v.part === 0 && v.estimateMinutes !== null && real !== null ? real - Math.round(v.estimateMinutes) : null;
}

export function estimateSums(parts: readonly VisitRecord[]): EstimateSums {
  const sums: EstimateSums = { count: 0, sumAbs: 0, sum: 0 };
  for (const v of parts) {
    const d = estimateDelta(v);
    if (d === null) continue;
    sums.count += 1;
    sums.sumAbs += Math.abs(d);
    sums.sum += d;
  }
  return sums;
}

/** Means to 1 decimal; null with nothing to compare. */
export function estimateError(sums: EstimateSums): EstimateError {
  return {
    count: sums.count,
    meanAbsMinutes: sums.count === 0 ? null : roundTo(sums.sumAbs / sums.count, 1),
    bias: sums.count === 0 ? null : roundTo(sums.sum / sums.count, 1),
  };
}
