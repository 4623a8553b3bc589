import { describe, expect, it } from "vitest";
import { Prng } from "./prng.ts";

const draws = (rng: Prng, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe("Prng", () => {
  it("repeats its numbers for the same seed and stream, and differs across seeds and streams", () => {
    expect(draws(new Prng(7, "a"), 50)).toEqual(draws(new Prng(7, "a"), 50));
    expect(draws(new Prng(7, "a"), 50)).not.toEqual(draws(new Prng(8, "a"), 50));
    expect(draws(new Prng(7, "a"), 50)).not.toEqual(draws(new Prng(7, "b"), 50));
  });

  it("draws uniform numbers in [0, 1) and log-normal ones around their median", () => {
    const rng = new Prng(1);
    const u = draws(rng, 10_000);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, x) => s + x, 0) / u.length).toBeCloseTo(0.5, 1);
    const ln = Array.from({ length: 10_001 }, () => rng.logNormal(8, 0.5)).sort((a, b) => a - b);
    expect(ln[5000]).toBeGreaterThan(7.5);
    expect(ln[5000]).toBeLessThan(8.5);
  });
});
