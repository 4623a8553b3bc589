import { describe, expect, it } from "vitest";
import { averageServiceMinutes, estimateWaitMinutes, MAX_SAMPLES, MIN_SAMPLES } from "./estimate.ts";
import { MIN } from "./test-fixtures.ts";

describe("averageServiceMinutes", () => {
  it("uses the configured minutes until enough services were observed", () => {
    expect(MIN_SAMPLES).toBe(3);
    expect(averageServiceMinutes(10)).toBe(10);
    expect(averageServiceMinutes(10, [])).toBe(10);
    expect(averageServiceMinutes(10, [2 * MIN, 4 * MIN])).toBe(10);
  });

  it("uses the mean of the observed services once there are MIN_SAMPLES of them", () => {
    expect(averageServiceMinutes(10, [2 * MIN, 4 * MIN, 6 * MIN])).toBe(4);
  });

  it("uses only the most recent MAX_SAMPLES services", () => {
    expect(MAX_SAMPLES).toBe(20);
    const slowMorning = Array<number>(10).fill(30 * MIN);
    const fastAfternoon = Array<number>(MAX_SAMPLES).fill(5 * MIN);
    expect(averageServiceMinutes(10, [...slowMorning, ...fastAfternoon])).toBe(5);
    // One more slow service at the end does count.
    const mixed = [...slowMorning, ...Array<number>(MAX_SAMPLES - 1).fill(5 * MIN), 25 * MIN];
    expect(averageServiceMinutes(10, mixed)).toBe((19 * 5 + 25) / 20);
  });
});

describe("estimateWaitMinutes", () => {
  it("is 0 when nobody is ahead", () => {
    expect(estimateWaitMinutes({ ahead: 0, serviceMinutes: 10, openDesks: 1 })).toBe(0);
    expect(estimateWaitMinutes({ ahead: 0, serviceMinutes: 10, openDesks: 0, observedMs: [MIN, MIN, MIN] })).toBe(0);
  });

  it("multiplies the people ahead by the configured minutes", () => {
    expect(estimateWaitMinutes({ ahead: 3, serviceMinutes: 10, openDesks: 1 })).toBe(30);
  });

  it("shares the queue among the open desks, rounding up", () => {
    expect(estimateWaitMinutes({ ahead: 3, serviceMinutes: 10, openDesks: 2 })).toBe(15);
    expect(estimateWaitMinutes({ ahead: 1, serviceMinutes: 10, openDesks: 3 })).toBe(4); // 3.33 → 4
    expect(estimateWaitMinutes({ ahead: 5, serviceMinutes: 7, openDesks: 4 })).toBe(9); // 8.75 → 9
  });

  it("counts as one desk when no desk is open (never divides by zero)", () => {
    expect(estimateWaitMinutes({ ahead: 2, serviceMinutes: 10, openDesks: 0 })).toBe(20);
  });

  it("ignores too few observations", () => {
    expect(estimateWaitMinutes({ ahead: 2, serviceMinutes: 10, openDesks: 1, observedMs: [MIN, MIN] })).toBe(20);
  });

  it("follows the observed pace once there are enough services", () => {
    // Mean 4.5 min; 3 ahead at 2 desks → 6.75 → 7.
    expect(estimateWaitMinutes({ ahead: 3, serviceMinutes: 10, openDesks: 2, observedMs: [3 * MIN, 6 * MIN, 3 * MIN, 6 * MIN] })).toBe(7);
  });

  it("rounds a fraction of a minute up to a whole minute", () => {
    expect(estimateWaitMinutes({ ahead: 1, serviceMinutes: 10, openDesks: 1, observedMs: [61_000, 61_000, 61_000] })).toBe(2);
  });
});
