// Percentiles by nearest rank, from a list of whole numbers or from a histogram of them: the p-th percentile
// of n values sorted ascending is the value at rank ⌈p·n/100⌉ (1-based; rank 1 for p = 0). Both forms give
// the same value for the same multiset, which is why a day rolled up into histograms of whole minutes
// answers exactly as its raw records do.

/** Counts of whole numbers: `h[v]` is how many times v occurred (dense from 0; missing entries are 0). */
export type Histogram = number[];

export const MINUTE_MS = 60_000;

/** Whole minutes of a duration, rounded down; a negative duration (clock skew) counts as 0. */
export function wholeMinutes(ms: number): number {
  return Math.max(0, Math.floor(ms / MINUTE_MS));
}

function rankOf(p: number, n: number): number {
  return Math.max(1, Math.ceil((p * n) / 100));
}

/** The nearest-rank percentile of whole numbers, null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[rankOf(p, sorted.length) - 1] ?? null;
}

export function maxOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}

export function histogramOf(values: readonly number[]): Histogram {
  const h: Histogram = [];
  for (const v of values) addToHistogram(h, v);
  return h;
}

export function addToHistogram(h: Histogram, value: number, count = 1): void {
  for (let i = h.length; i <= value; i++) h.push(0);
  h[value] = (h[value] ?? 0) + count;
}

export function mergeHistograms(into: Histogram, from: readonly number[]): void {
  from.forEach((count, value) => {
    if (count > 0) addToHistogram(into, value, count);
  });
}

export function histogramCount(h: readonly number[]): number {
  return h.reduce((a, b) => a + b, 0);
}

/** The nearest-rank percentile of the values a histogram counts, null when it counts none. */
export function histogramPercentile(h: readonly number[], p: number): number | null {
  const n = histogramCount(h);
  if (n === 0) return null;
  const rank = rankOf(p, n);
  let seen = 0;
  for (let v = 0; v < h.length; v++) {
    seen += h[v] ?? 0;
    if (seen >= rank) return v;
  }
  return null;
}

export function histogramMax(h: readonly number[]): number | null {
  for (let v = h.length - 1; v >= 0; v--) if ((h[v] ?? 0) > 0) return v;
  return null;
}

/** n ÷ d as a fraction rounded to 4 decimals, null when d is 0. */
export function share(n: number, d: number): number | null {
  return d === 0 ? null : roundTo(n / d, 4);
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
