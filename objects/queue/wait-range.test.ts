import { describe, expect, it } from "vitest";
import { MIN } from "./test-fixtures.ts";
import { estimateWaitRange, paceMinutes, rangeMiddle, type WaitRangeInput } from "./wait-range.ts";

const base: WaitRangeInput = {
  ahead: 4,
  serviceMinutes: 10,
  observedMs: [],
  deskShare: 2,
  pausedDeskShare: 0,
  bookingsDueInMinutes: [],
  minutesToClose: null,
};

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
    expect(r.low).toBeGreaterThanOrEqual(30);
  });
  it("is longer when the desk is shared with other matters", () => {
    const own = estimateWaitRange({ ...base, deskShare: 1 });
    const shared = estimateWaitRange({ ...base, deskShare: 0.5 });
    expect(shared.low).toBeGreaterThan(own.low);
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
  it("starts at 0 for the next person", () => {
    expect(estimateWaitRange({ ...base, ahead: 0 }).low).toBe(0);
  });
});
