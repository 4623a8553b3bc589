import { describe, expect, it } from "vitest";
import { isVisible, merge } from "./change.ts";
import { clearTimer, setTimer } from "./scheduler.ts";

describe("a change", () => {
  it("merges lists in order and takes single values from the later change", () => {
    const a = { timers: [clearTimer("recall:1")], day: "2026-11-29", live: true };
    const b = { timers: [setTimer("eod", "end-of-day", 5)], day: "2026-11-30" };
    expect(merge(a, b)).toEqual({ timers: [clearTimer("recall:1"), setTimer("eod", "end-of-day", 5)], day: "2026-11-30", live: true });
    expect(merge(a, {})).toEqual(a);
  });

  it("is visible to live views when it writes what a screen, console, e-ticket or agent shows, not for bookings or messages alone", () => {
    expect(isVisible({})).toBe(false);
    expect(isVisible({ bookings: [], counters: [], messageRows: [], timers: [clearTimer("x")] })).toBe(false);
    expect(isVisible({ acks: ["job_1"] })).toBe(true);
    expect(isVisible({ droppedNotices: ["t1"] })).toBe(true);
    expect(isVisible({ printers: [] })).toBe(true);
  });
});
