import { describe, expect, it } from "vitest";
import type { OpeningHours } from "../../protocol/config.ts";
import { hoursOn, type SiteCalendar } from "./calendar.ts";

const WEEK: OpeningHours = {
  mon: [
    ["08:00", "12:00"],
    ["12:30", "16:00"],
  ],
  tue: [["08:00", "16:00"]],
  wed: [["08:00", "17:30"]],
  thu: [["08:00", "16:00"]],
  fri: [["08:00", "14:00"]],
  sat: [],
  sun: [],
};

const cal = (over: Partial<SiteCalendar> = {}): SiteCalendar => ({
  openingHours: WEEK,
  specialDays: [],
  daysOff: [],
  publicHolidays: true,
  ...over,
});

describe("hoursOn", () => {
  it("gives the weekday's hours, breaks included", () => {
    expect(hoursOn(cal(), "2026-11-23")).toEqual(WEEK.mon); // a Monday
    expect(hoursOn(cal(), "2026-11-28")).toEqual([]); // a Saturday
  });

  it("closes days off and public holidays, unless the office opens on holidays", () => {
    expect(hoursOn(cal({ daysOff: ["2026-11-24"] }), "2026-11-24")).toEqual([]);
    expect(hoursOn(cal(), "2026-11-11")).toEqual([]); // Independence Day, a Wednesday
    expect(hoursOn(cal({ publicHolidays: false }), "2026-11-11")).toEqual(WEEK.wed);
  });

  it("gives a special day its own hours: a Saturday opening, shorter hours, or closed", () => {
    const saturday = { date: "2026-11-28", hours: [["09:00", "13:00"]] as [string, string][] };
    const short = { date: "2026-11-24", hours: [["08:00", "12:00"]] as [string, string][] };
    const closed = { date: "2026-11-25", hours: [] };
    const c = cal({ specialDays: [saturday, short, closed] });
    expect(hoursOn(c, "2026-11-28")).toEqual([["09:00", "13:00"]]);
    expect(hoursOn(c, "2026-11-24")).toEqual([["08:00", "12:00"]]);
    expect(hoursOn(c, "2026-11-25")).toEqual([]);
    expect(hoursOn(c, "2026-11-26")).toEqual(WEEK.thu);
  });

  it("a special day opens even a public holiday", () => {
    expect(hoursOn(cal({ specialDays: [{ date: "2026-11-11", hours: [["10:00", "14:00"]] }] }), "2026-11-11")).toEqual([
      ["10:00", "14:00"],
    ]);
  });
});
