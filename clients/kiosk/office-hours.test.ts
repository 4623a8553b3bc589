// The kiosk's reading of the office's week: open or closed now, today's hours, the next opening.
import { describe, expect, it } from "vitest";
import { hoursText, officeNow } from "./office-hours.ts";

const week = {
  timeZone: "Europe/Warsaw",
  days: [
    { date: "2026-11-27", hours: [["08:00", "12:00"] as [string, string], ["12:30", "15:00"] as [string, string]] },
    { date: "2026-11-28", hours: [] },
    { date: "2026-11-29", hours: [] },
    { date: "2026-11-30", hours: [["07:30", "15:30"] as [string, string]] },
  ],
};
/** An instant at a Warsaw wall-clock time (UTC+1 in November). */
const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+01:00`);

describe("officeNow", () => {
  it("is open within today's hours", () => {
    expect(officeNow(week, at("2026-11-27", "09:00"))).toMatchObject({ open: true });
  });

  it("in a break, is closed and opens again today", () => {
    expect(officeNow(week, at("2026-11-27", "12:10"))).toEqual({
      open: false,
      today: week.days[0]!.hours,
      next: { date: "2026-11-27", from: "12:30", inDays: 0 },
    });
  });

  it("before opening, opens today; after closing, on the next open day", () => {
    expect(officeNow(week, at("2026-11-27", "06:00"))?.next).toEqual({ date: "2026-11-27", from: "08:00", inDays: 0 });
    expect(officeNow(week, at("2026-11-27", "15:00"))).toMatchObject({
      open: false,
      next: { date: "2026-11-30", from: "07:30", inDays: 3 },
    });
  });

  it("on a closed day, has no hours today and names the next opening", () => {
    expect(officeNow(week, at("2026-11-28", "10:00"))).toEqual({
      open: false,
      today: [],
      next: { date: "2026-11-30", from: "07:30", inDays: 2 },
    });
  });

  it("knows no next opening past the week, and nothing of a day the week does not hold", () => {
    expect(officeNow(week, at("2026-11-30", "16:00"))?.next).toBeNull();
    expect(officeNow(week, at("2026-12-05", "10:00"))).toBeNull();
  });
});

describe("hoursText", () => {
  it("writes hours as Polish offices do", () => {
    expect(hoursText(week.days[0]!.hours)).toBe("8:00–12:00, 12:30–15:00");
    expect(hoursText([])).toBe("");
  });
});
