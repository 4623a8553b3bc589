// How the calendar reads the API's days: free, full, over for today, closed, or beyond the horizon.
import { describe, expect, it } from "vitest";
import { classify, dayStatus } from "./availability.ts";

describe("booking availability", () => {
  const slot = (date: string, time: string, free: number) => ({ start: `${date}T${time}:00+01:00`, free });
  const a = classify("2026-11-23", "2026-11-29", {
    days: [
      { date: "2026-11-23", slots: [] },
      { date: "2026-11-24", slots: [slot("2026-11-24", "08:00", 0), slot("2026-11-24", "08:15", 2)] },
      { date: "2026-11-25", slots: [slot("2026-11-25", "08:00", 0)] },
      { date: "2026-11-26", slots: [] },
      { date: "2026-11-27", slots: [slot("2026-11-27", "08:00", 1)] },
      { date: "2026-11-28", slots: [] },
      { date: "2026-11-29", slots: [] },
    ],
  });

  it("classifies each day and finds the first free time", () => {
    expect(a.firstFree).toEqual(slot("2026-11-24", "08:15", 2));
    expect([...a.days.values()].map((d) => d.status)).toEqual(["today-over", "free", "full", "closed", "free", "beyond", "beyond"]);
    expect(dayStatus(a, "2026-11-24").slots).toEqual([slot("2026-11-24", "08:15", 2)]);
  });

  it("says past before the range and beyond after it", () => {
    expect(dayStatus(a, "2026-11-22").status).toBe("past");
    expect(dayStatus(a, "2026-11-30").status).toBe("beyond");
  });
});
