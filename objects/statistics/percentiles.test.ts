import { describe, expect, it } from "vitest";
import { histogramMax, histogramOf, histogramPercentile, maxOf, percentile, share } from "./percentiles.ts";
import { seededRandom } from "./simulated-days.ts";

describe("nearest-rank percentiles", () => {
  it("take the value at rank ⌈p·n/100⌉ of the sorted values", () => {
    // 1 2 3 4 5 6 7 8 9 10: p50 rank 5 → 5, p90 rank 9 → 9, p0 rank 1 → 1, p100 rank 10 → 10
    const values = [7, 3, 10, 1, 5, 9, 2, 8, 4, 6];
    expect([percentile(values, 50), percentile(values, 90), percentile(values, 0), percentile(values, 100)]).toEqual([5, 9, 1, 10]);
    // one value is every percentile
    expect([percentile([12], 50), percentile([12], 90)]).toEqual([12, 12]);
    // 3 values: p50 rank ⌈1.5⌉ = 2; p90 rank ⌈2.7⌉ = 3
    expect([percentile([30, 10, 20], 50), percentile([30, 10, 20], 90)]).toEqual([20, 30]);
  });

  it("are null with no values, never 0", () => {
    expect([percentile([], 50), maxOf([]), histogramPercentile([], 50), histogramMax([0, 0]), share(0, 0)]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("agree between a list and its histogram, for any list", () => {
    const random = seededRandom(3);
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * random() * 90));
      const h = histogramOf(values);
      for (const p of [0, 10, 50, 90, 99, 100]) expect(histogramPercentile(h, p)).toBe(percentile(values, p));
      expect(histogramMax(h)).toBe(maxOf(values));
    }
  });
});
