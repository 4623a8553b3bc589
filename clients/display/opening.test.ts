import { describe, expect, it } from "vitest";
import { openingWords, openState } from "./opening.ts";

// Koszalin's hours around a weekend: Friday 7:30-15:30, Monday 8:00-16:00.
const OPENINGS = [
  { from: "2026-11-27T07:30:00+01:00", to: "2026-11-27T15:30:00+01:00" },
  { from: "2026-11-30T08:00:00+01:00", to: "2026-11-30T16:00:00+01:00" },
];
const at = (iso: string) => Date.parse(iso);

describe("openState", () => {
  it("is open within a stretch, closed before and after with the next opening", () => {
    expect(openState(OPENINGS, at("2026-11-27T10:00:00+01:00"))).toEqual({ open: true });
    expect(openState(OPENINGS, at("2026-11-27T06:00:00+01:00"))).toEqual({ open: false, next: OPENINGS[0]!.from });
    expect(openState(OPENINGS, at("2026-11-27T15:30:00+01:00"))).toEqual({ open: false, next: OPENINGS[1]!.from });
  });

  it("knows no opening past the stretches it was given, and says nothing when it has none", () => {
    expect(openState(OPENINGS, at("2026-12-01T09:00:00+01:00"))).toEqual({ open: false, next: null });
    expect(openState(undefined, at("2026-11-28T09:00:00+01:00"))).toEqual({ open: true });
  });
});

describe("openingWords", () => {
  it("says today, tomorrow, a weekday of this week, or a date, with the hour without a leading zero", () => {
    const monday = "2026-11-30T08:00:00+01:00";
    expect(openingWords(monday, at("2026-11-30T06:00:00+01:00"))).toEqual({ day: { kind: "today" }, hour: "8:00" });
    expect(openingWords(monday, at("2026-11-29T20:00:00+01:00"))).toEqual({ day: { kind: "tomorrow" }, hour: "8:00" });
    expect(openingWords(monday, at("2026-11-27T16:00:00+01:00"))).toEqual({ day: { kind: "weekday", weekday: "mon" }, hour: "8:00" });
    expect(openingWords("2026-12-14T12:30:00+01:00", at("2026-11-27T16:00:00+01:00"))).toEqual({
      day: { kind: "date", date: "2026-12-14" },
      hour: "12:30",
    });
  });

  it("counts days in the office's calendar, whatever the screen's time zone", () => {
    // 23:30 UTC on the 29th is already the 30th in Warsaw: the opening at 8:00 is today.
    expect(openingWords("2026-11-30T08:00:00+01:00", at("2026-11-29T23:30:00Z"))).toEqual({ day: { kind: "today" }, hour: "8:00" });
  });
});
