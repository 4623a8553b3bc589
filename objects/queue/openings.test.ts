import { describe, expect, it } from "vitest";
import type { OpeningHours } from "../../protocol/config.ts";
import type { SiteCalendar } from "./calendar.ts";
import { openingsAhead } from "./openings.ts";
import { isoLocal } from "./time.ts";

const TZ = "Europe/Warsaw";
const KOSZALIN: OpeningHours = {
  mon: [["08:00", "16:00"]],
  tue: [["07:30", "15:30"]],
  wed: [["07:30", "15:30"]],
  thu: [["07:30", "15:30"]],
  fri: [["07:30", "15:30"]],
  sat: [],
  sun: [],
};
const cal = (over: Partial<SiteCalendar> = {}): SiteCalendar => ({
  openingHours: KOSZALIN,
  specialDays: [],
  daysOff: [],
  publicHolidays: true,
  ...over,
});
const local = (list: { from: number; to: number }[]) => list.map((o) => [isoLocal(o.from, TZ), isoLocal(o.to, TZ)]);

describe("openingsAhead", () => {
  it("lists the open hours of the coming days in local time, skipping the weekend", () => {
    // Friday 2026-11-27 to Monday 2026-11-30.
    expect(local(openingsAhead(cal(), TZ, "2026-11-27", 4))).toEqual([
      ["2026-11-27T07:30:00+01:00", "2026-11-27T15:30:00+01:00"],
      ["2026-11-30T08:00:00+01:00", "2026-11-30T16:00:00+01:00"],
    ]);
  });

  it("follows special days, days off and public holidays", () => {
    const c = cal({ specialDays: [{ date: "2026-11-28", hours: [["09:00", "13:00"]] }], daysOff: ["2026-11-30"] });
    expect(local(openingsAhead(c, TZ, "2026-11-28", 3))).toEqual([["2026-11-28T09:00:00+01:00", "2026-11-28T13:00:00+01:00"]]);
    // 2026-11-11, Independence Day, a Wednesday: closed; the Thursday opens.
    expect(local(openingsAhead(cal(), TZ, "2026-11-11", 2))).toEqual([["2026-11-12T07:30:00+01:00", "2026-11-12T15:30:00+01:00"]]);
  });

  it("keeps a break within a day, and joins hours that run on past midnight", () => {
    const allDay: [string, string][] = [["00:00", "24:00"]];
    const always = cal({ openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } });
    expect(local(openingsAhead(always, TZ, "2026-11-27", 3))).toEqual([["2026-11-27T00:00:00+01:00", "2026-11-30T00:00:00+01:00"]]);
    const split = cal({
      specialDays: [
        {
          date: "2026-11-27",
          hours: [
            ["08:00", "12:00"],
            ["12:30", "15:00"],
          ],
        },
      ],
    });
    expect(local(openingsAhead(split, TZ, "2026-11-27", 1))).toEqual([
      ["2026-11-27T08:00:00+01:00", "2026-11-27T12:00:00+01:00"],
      ["2026-11-27T12:30:00+01:00", "2026-11-27T15:00:00+01:00"],
    ]);
  });

  it("knows summer time: the same local hour on both sides of the change", () => {
    expect(local(openingsAhead(cal(), TZ, "2026-10-23", 4))).toEqual([
      ["2026-10-23T07:30:00+02:00", "2026-10-23T15:30:00+02:00"],
      ["2026-10-26T08:00:00+01:00", "2026-10-26T16:00:00+01:00"],
    ]);
  });
});
