// Calendar arithmetic of the booking site: Monday-first month grids, month steps, dates in Polish.
import { describe, expect, it } from "vitest";
import { addDays, addMonths, longDate, monthGrid, officeToday, weekStart } from "./dates.ts";

describe("booking calendar dates", () => {
  it("lays a month out in Monday-first weeks", () => {
    // November 2026 starts on a Sunday and has 30 days.
    const weeks = monthGrid("2026-11");
    expect(weeks[0]).toEqual([null, null, null, null, null, null, "2026-11-01"]);
    expect(weeks.at(-1)).toEqual(["2026-11-30", null, null, null, null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(monthGrid("2027-02").flat().filter(Boolean)).toHaveLength(28);
  });

  it("steps days and months across year ends and DST changes", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(weekStart("2026-11-29")).toBe("2026-11-23");
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
  });

  it("knows today on the offices' clock and writes dates in Polish and English", () => {
    // 23:30 UTC on 23 November is already the 24th in Warsaw.
    expect(officeToday(Date.parse("2026-11-23T23:30:00Z"))).toBe("2026-11-24");
    expect(longDate("pl", "2026-11-24")).toBe("wtorek, 24 listopada 2026");
    expect(longDate("en", "2026-11-24")).toMatch(/^Tuesday,? 24 November 2026$/);
  });
});
