import { describe, expect, test } from "vitest";
import { addDays, officeToday, type RangeChoice, rangeOf, recentMonths } from "./range.ts";

const choice = (over: Partial<RangeChoice>): RangeChoice => ({ kind: "today", month: "2026-11", from: "", to: "", ...over });

describe("the statistics view's date ranges", () => {
  const today = "2026-11-30";

  test("today, yesterday and the last 7 and 30 days end today (yesterday ends yesterday)", () => {
    expect(rangeOf(choice({ kind: "today" }), today)).toEqual({ from: today, to: today });
    expect(rangeOf(choice({ kind: "yesterday" }), today)).toEqual({ from: "2026-11-29", to: "2026-11-29" });
    expect(rangeOf(choice({ kind: "last7" }), today)).toEqual({ from: "2026-11-24", to: today });
    expect(rangeOf(choice({ kind: "last30" }), today)).toEqual({ from: "2026-11-01", to: today });
  });

  test("a month is its whole length, or up to today for this month", () => {
    expect(rangeOf(choice({ kind: "month", month: "2026-02" }), today)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(rangeOf(choice({ kind: "month", month: "2026-11" }), "2026-11-12")).toEqual({ from: "2026-11-01", to: "2026-11-12" });
  });

  test("a custom range is a range only with both dates, the first not after the second", () => {
    expect(rangeOf(choice({ kind: "custom", from: "2026-10-01", to: "2026-10-31" }), today)).toEqual({
      from: "2026-10-01",
      to: "2026-10-31",
    });
    expect(rangeOf(choice({ kind: "custom", from: "2026-10-31", to: "2026-10-01" }), today)).toBeNull();
    expect(rangeOf(choice({ kind: "custom", from: "", to: "2026-10-01" }), today)).toBeNull();
  });

  test("dates move across months and years; the months offered go back a year", () => {
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(recentMonths("2026-02-10", 3)).toEqual(["2026-02", "2026-01", "2025-12"]);
  });

  test("today is the date on the offices' clock, not UTC's", () => {
    // 23:30 UTC on 30 November is already 1 December in Warsaw.
    expect(officeToday(Date.parse("2026-11-30T23:30:00Z"))).toBe("2026-12-01");
  });
});
