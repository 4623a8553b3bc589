import { describe, expect, it } from "vitest";
import { isoWeekOf, periodOf, weekdayOf } from "./periods.ts";

describe("periods of local dates", () => {
  it("group by ISO week, a week belonging to the year of its Thursday", () => {
    expect(isoWeekOf("2026-11-30")).toBe("2026-W49"); // a Monday
    expect(isoWeekOf("2026-12-06")).toBe("2026-W49"); // its Sunday
    expect(isoWeekOf("2026-01-01")).toBe("2026-W01"); // a Thursday
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53"); // a Friday: 2026 has 53 weeks
    expect(isoWeekOf("2025-12-29")).toBe("2026-W01"); // a Monday of 2026's first week
  });

  it("group by day and month, and name the weekday Monday first", () => {
    expect([periodOf("2026-11-30", "day"), periodOf("2026-11-30", "month")]).toEqual(["2026-11-30", "2026-11"]);
    expect([weekdayOf("2026-11-30"), weekdayOf("2026-12-06")]).toEqual([1, 7]);
  });
});
