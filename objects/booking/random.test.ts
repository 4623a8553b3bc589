import { describe, expect, it } from "vitest";
import { cryptoRandomInt, draw } from "./random.ts";
import { sequence } from "./test-random.ts";

describe("cryptoRandomInt", () => {
  it("gives integers in [0, max)", () => {
    for (const max of [1, 2, 10, 31, 1_000_000, 2 ** 32]) {
      for (let i = 0; i < 200; i++) {
        const v = cryptoRandomInt(max);
        expect(Number.isInteger(v) && v >= 0 && v < max).toBe(true);
      }
    }
  });

  it("covers the whole range", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => cryptoRandomInt(10)));
    expect(seen.size).toBe(10);
  });

  it("refuses impossible ranges", () => {
    expect(() => cryptoRandomInt(0)).toThrow(RangeError);
    expect(() => cryptoRandomInt(2.5)).toThrow(RangeError);
    expect(() => cryptoRandomInt(2 ** 32 + 1)).toThrow(RangeError);
  });
});

describe("draw", () => {
  it("passes through a value in range and refuses others", () => {
    expect(draw(sequence(3), 10)).toBe(3);
    expect(() => draw(sequence(10), 10)).toThrow(RangeError);
    expect(() => draw(() => Math.random(), 10)).toThrow(RangeError);
  });
});
