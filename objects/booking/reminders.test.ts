// When visit reminders are scheduled, whether a late one may still go, and the minutes the "soon" text names.
import { describe, expect, it } from "vitest";
import { minutesLeft, type ReminderRules, reminderKindOfTimer, reminderStillDue, reminderTimes } from "./reminders.ts";

const TZ = "Europe/Warsaw";
const MIN = 60_000;
const HOUR = 60 * MIN;
/** Wednesday 2026-11-25, 10:00 in Warsaw (CET, UTC+1). */
const VISIT = Date.UTC(2026, 10, 25, 9, 0);
/** Tuesday 2026-11-24, 18:00 in Warsaw. */
const DAY_BEFORE_18 = Date.UTC(2026, 10, 24, 17, 0);
const rules: ReminderRules = { timeZone: TZ, dayBeforeHour: 18, minutesBefore: 60 };

describe("reminderTimes", () => {
  it("schedules the day before at the site's hour and the lead before the visit", () => {
    expect(reminderTimes(VISIT, VISIT - 3 * 24 * HOUR, rules)).toEqual([
      { kind: "day", at: DAY_BEFORE_18 },
      { kind: "soon", at: VISIT - HOUR },
    ]);
  });

  it("follows the local calendar across the change to summer time", () => {
    // Monday 2027-03-29 09:00 CEST (UTC+2); the day before is Sunday 28 March, the day the clocks change.
    const visit = Date.UTC(2027, 2, 29, 7, 0);
    expect(reminderTimes(visit, visit - 7 * 24 * HOUR, rules)[0]).toEqual({ kind: "day", at: Date.UTC(2027, 2, 28, 16, 0) });
  });

  it("skips a reminder whose time has passed when the booking is confirmed", () => {
    // Booked on the visit's morning: no "tomorrow" text, only the one an hour before.
    expect(reminderTimes(VISIT, VISIT - 3 * HOUR, rules)).toEqual([{ kind: "soon", at: VISIT - HOUR }]);
    // Booked 20 minutes ahead: nothing more than the confirmation.
    expect(reminderTimes(VISIT, VISIT - 20 * MIN, rules)).toEqual([]);
    // Booked the evening before, after 18:00.
    expect(reminderTimes(VISIT, DAY_BEFORE_18 + MIN, rules)).toEqual([{ kind: "soon", at: VISIT - HOUR }]);
  });

  it("schedules no 'soon' reminder when the site's lead is 0", () => {
    expect(reminderTimes(VISIT, VISIT - 3 * 24 * HOUR, { ...rules, minutesBefore: 0 }).map((r) => r.kind)).toEqual(["day"]);
  });
});

describe("reminderStillDue", () => {
  it("sends each kind once", () => {
    expect(reminderStillDue("day", VISIT, DAY_BEFORE_18, [], TZ)).toBe(true);
    expect(reminderStillDue("day", VISIT, DAY_BEFORE_18, ["day"], TZ)).toBe(false);
    expect(reminderStillDue("soon", VISIT, VISIT - HOUR, ["day"], TZ)).toBe(true);
    expect(reminderStillDue("soon", VISIT, VISIT - HOUR, ["day", "soon"], TZ)).toBe(false);
  });

  it("a late alarm sends no 'tomorrow' text on the visit's day, and nothing once the visit has begun", () => {
    const midnight = Date.UTC(2026, 10, 24, 23, 0); // 2026-11-25 00:00 in Warsaw
    expect(reminderStillDue("day", VISIT, midnight - 1, [], TZ)).toBe(true);
    expect(reminderStillDue("day", VISIT, midnight, [], TZ)).toBe(false);
    expect(reminderStillDue("soon", VISIT, VISIT - 1, [], TZ)).toBe(true);
    expect(reminderStillDue("soon", VISIT, VISIT, [], TZ)).toBe(false);
  });
});

describe("minutesLeft", () => {
  it("names the minutes left, rounded up, at most the configured lead and at least 1", () => {
    expect(minutesLeft(VISIT, VISIT - HOUR, 60)).toBe(60);
    expect(minutesLeft(VISIT, VISIT - HOUR + 1, 60)).toBe(60);
    expect(minutesLeft(VISIT, VISIT - 25 * MIN, 60)).toBe(25);
    expect(minutesLeft(VISIT, VISIT - 2 * HOUR, 60)).toBe(60);
    expect(minutesLeft(VISIT, VISIT - 1000, 60)).toBe(1);
  });
});

describe("reminderKindOfTimer", () => {
  it("reads the kind from the timer's key", () => {
    expect(reminderKindOfTimer("remind-day:demo.abc")).toBe("day");
    expect(reminderKindOfTimer("remind-soon:demo.abc")).toBe("soon");
    expect(reminderKindOfTimer("join:demo.abc")).toBeNull();
  });
});
