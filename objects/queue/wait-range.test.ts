import { describe, expect, it } from "vitest";
import { MIN } from "./test-fixtures.ts";
import { estimateWaitRange, LINE_WINDOW_MINUTES, linePaceMinutes, paceMinutes, rangeMiddle, type WaitRangeInput } from "./wait-range.ts";

const base: WaitRangeInput = {
  ahead: 4,
  serviceMinutes: 10,
  observedMs: [],
  deskShare: 2,
  pausedDeskShare: 0,
  bookingsDueInMinutes: [],
  minutesToClose: null,
};

const inside = (r: { low: number; high: number }, minutes: number): boolean => r.low <= minutes && minutes <= r.high;

describe("paceMinutes", () => {
  it("takes the median of the measured services, so one very long visit does not move it", () => {
    expect(paceMinutes(10, [4 * MIN, 5 * MIN, 90 * MIN]).minutes).toBe(5);
  });
  it("ignores services finished seconds after the call", () => {
    const quickFinishes = [5_000, 8_000, 3_000, 6_000, 4_000];
    expect(paceMinutes(10, quickFinishes).minutes).toBe(10);
    expect(paceMinutes(10, [...quickFinishes, 6 * MIN, 6 * MIN, 8 * MIN]).minutes).toBe(6);
  });
});

describe("linePaceMinutes", () => {
  it("is the last hour's minutes per call once the line moved three times", () => {
    expect(linePaceMinutes([5, 25, 45])).toBe(15);
    expect(linePaceMinutes([10, 30])).toBeNull();
    expect(linePaceMinutes(undefined)).toBeNull();
  });
  it("leaves out calls older than the hour", () => {
    expect(linePaceMinutes([10, 20, 30, LINE_WINDOW_MINUTES + 30, LINE_WINDOW_MINUTES + 50])).toBe(10);
  });
  it("spreads a burst of calls at opening over a quarter of an hour", () => {
    expect(linePaceMinutes([0, 0.5, 1, 1.5, 2])).toBe(3);
  });
});

describe("estimateWaitRange", () => {
  it("holds the plain estimate inside the range", () => {
    const r = estimateWaitRange(base); // 4 × 10 / 2 = 20
    expect(r.low).toBeLessThan(20);
    expect(r.high).toBeGreaterThan(20);
    expect(r.low % 5).toBe(0);
    expect(r.high % 5).toBe(0);
  });
  it("five people ahead never show as a moment when clerks press finish right after the call", () => {
    const r = estimateWaitRange({ ...base, ahead: 5, deskShare: 1, observedMs: [5_000, 4_000, 6_000, 5_000] });
    expect(r.low).toBeGreaterThanOrEqual(20);
    expect(rangeMiddle(r)).toBeGreaterThanOrEqual(45);
  });
  it("is not moved by one very long visit among the day's services", () => {
    const steady = Array.from({ length: 8 }, () => 6 * MIN);
    const withLong = [...steady.slice(0, 7), 95 * MIN];
    expect(estimateWaitRange({ ...base, observedMs: withLong })).toEqual(estimateWaitRange({ ...base, observedMs: steady }));
  });
  it("is longer when the desk is shared with other matters", () => {
    const own = estimateWaitRange({ ...base, deskShare: 1 });
    const shared = estimateWaitRange({ ...base, deskShare: 0.5 });
    expect(shared.low).toBeGreaterThan(own.low);
  });
  it("follows the line's measured speed when it moved often enough", () => {
    // The desk share says 5 minutes per person; the line moved once every 10 minutes in the last hour.
    const slowLine = estimateWaitRange({ ...base, calledMinutesAgo: [5, 15, 25, 35, 45, 55] });
    expect(inside(slowLine, 40)).toBe(true);
    expect(rangeMiddle(slowLine)).toBeGreaterThan(rangeMiddle(estimateWaitRange(base)));
    const fastLine = estimateWaitRange({ ...base, calledMinutesAgo: [1, 3, 5, 8, 10, 12, 14, 15] });
    expect(rangeMiddle(fastLine)).toBeLessThan(rangeMiddle(estimateWaitRange(base)));
  });
  it("counts bookings due before the turn as people ahead", () => {
    const without = estimateWaitRange(base);
    const withBookings = estimateWaitRange({ ...base, bookingsDueInMinutes: [5, 10, 300] });
    expect(rangeMiddle(withBookings)).toBeGreaterThan(rangeMiddle(without));
  });
  it("still gives a range when every desk of the matter is on a break", () => {
    const r = estimateWaitRange({ ...base, deskShare: 0, pausedDeskShare: 1 });
    expect(r.high).toBeGreaterThan(r.low);
  });
  it("starts at 0 for the next person, and stays within a minute when a desk is free for them", () => {
    expect(estimateWaitRange({ ...base, ahead: 0 }).low).toBe(0);
    expect(estimateWaitRange({ ...base, ahead: 0 }).high).toBeGreaterThan(1);
    expect(estimateWaitRange({ ...base, ahead: 0, idleDesks: 1 })).toEqual({ low: 0, high: 1 });
    expect(estimateWaitRange({ ...base, ahead: 1, idleDesks: 1 }).high).toBeGreaterThan(1);
  });
  it("is relatively wider for a short line than for a long one", () => {
    const relative = (ahead: number): number => {
      const r = estimateWaitRange({ ...base, ahead, deskShare: 1, serviceMinutes: 5 });
      return (r.high - r.low) / rangeMiddle(r);
    };
    expect(relative(2)).toBeGreaterThan(relative(20));
  });
  it("damps a very long line: some people ahead give up", () => {
    const r = estimateWaitRange({ ...base, ahead: 60, deskShare: 1 }); // 600 minutes of work at the configured pace
    expect(rangeMiddle(r)).toBeLessThan(600);
    expect(rangeMiddle(r)).toBeGreaterThan(200);
  });
  it("ends by closing time", () => {
    expect(estimateWaitRange({ ...base, ahead: 30, minutesToClose: 40 })).toEqual({ low: 35, high: 40 });
    expect(estimateWaitRange({ ...base, ahead: 30, minutesToClose: 6.5 })).toEqual({ low: 6, high: 7 });
    expect(estimateWaitRange({ ...base, ahead: 1, minutesToClose: 300 })).toEqual(estimateWaitRange({ ...base, ahead: 1 }));
  });
});
