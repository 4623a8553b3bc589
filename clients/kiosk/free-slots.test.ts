import { describe, expect, it } from "vitest";
import { dateAfter, firstFreeSlots, slotLabel } from "./free-slots.ts";

describe("firstFreeSlots", () => {
  it("takes the first three slots with room left, across days, in time order", () => {
    const days = [
      {
        date: "2026-12-01",
        slots: [
          { start: "2026-12-01T09:00:00+01:00", free: 0 },
          { start: "2026-12-01T09:30:00+01:00", free: 1 },
        ],
      },
      { date: "2026-12-02", slots: [] },
      {
        date: "2026-12-03",
        slots: [
          { start: "2026-12-03T08:00:00+01:00", free: 2 },
          { start: "2026-12-03T08:30:00+01:00", free: 1 },
          { start: "2026-12-03T09:00:00+01:00", free: 1 },
        ],
      },
    ];
    expect(firstFreeSlots({ days })).toEqual(["2026-12-01T09:30:00+01:00", "2026-12-03T08:00:00+01:00", "2026-12-03T08:30:00+01:00"]);
    expect(firstFreeSlots({ days: [] })).toEqual([]);
  });
});

describe("slotLabel", () => {
  it("names the day and the office's time, whatever the browser's zone", () => {
    expect(slotLabel("2026-12-07T09:30:00+01:00", "pl")).toBe("pon., 7.12, 09:30");
    expect(slotLabel("2026-12-07T09:30:00+01:00", "en")).toMatch(/^Mon.*7.*, 09:30$/);
  });
});

describe("dateAfter", () => {
  it("counts days across a month's end", () => {
    expect(dateAfter("2026-11-30", 14)).toBe("2026-12-14");
  });
});
