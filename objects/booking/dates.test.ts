import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isDate, weekdayOf, ymd } from "./dates.ts";

describe("calendar dates", () => {
  it("recognises real YYYY-MM-DD dates only", () => {
    expect(isDate("2026-11-23")).toBe(true);
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2026-02-29")).toBe(false);
    expect(isDate("2026-13-01")).toBe(false);
    expect(isDate("2026-1-1")).toBe(false);
    expect(isDate("2026-11-23T00:00")).toBe(false);
    expect(isDate("")).toBe(false);
  });

  it("adds days across months, years and DST changes", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-02", 30)).toBe("2026-04-01");
  });

  it("counts days between dates", () => {
    expect(daysBetween("2026-03-02", "2026-04-01")).toBe(30);
    expect(daysBetween("2026-04-01", "2026-03-02")).toBe(-30);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });

  it("gives the weekday of a date", () => {
    expect(weekdayOf("2026-11-23")).toBe("mon");
    expect(weekdayOf("2026-11-29")).toBe("sun");
    expect(weekdayOf("2026-03-29")).toBe("sun");
  });

  it("throws on malformed dates in arithmetic", () => {
    expect(() => addDays("23.11.2026", 1)).toThrow(RangeError);
    expect(() => weekdayOf("2026-02-30")).toThrow(RangeError);
  });

  it("formats year, month and day", () => {
    expect(ymd(2026, 1, 6)).toBe("2026-01-06");
  });
});
