import { describe, expect, it } from "vitest";
import { newBlock, nextDay, skipBlocks } from "./blocks.ts";

describe("offline number blocks", () => {
  it("are 500..999 while the day's numbers are below 500", () => {
    expect(newBlock("2026-03-02", "m1", 0)).toEqual({ day: "2026-03-02", matterId: "m1", first: 500, last: 999 });
    expect(newBlock("2026-03-02", "m1", 499)).toMatchObject({ first: 500, last: 999 });
  });

  it("start at the next hundred above the counter plus 100 once it is past 500, and hold 500 numbers", () => {
    expect(newBlock("2026-03-02", "m1", 523)).toMatchObject({ first: 700, last: 1199 });
    expect(newBlock("2026-03-02", "m1", 500)).toMatchObject({ first: 700, last: 1199 });
    // Above a block already reserved that day.
    expect(newBlock("2026-03-02", "m1", 999)).toMatchObject({ first: 1100, last: 1599 });
  });

  it("are jumped over by the cloud's numbering", () => {
    const blocks = [{ first: 500, last: 999 }];
    expect(skipBlocks(499, blocks)).toBe(499);
    expect(skipBlocks(500, blocks)).toBe(1000);
    expect(skipBlocks(777, blocks)).toBe(1000);
    expect(skipBlocks(1000, blocks)).toBe(1000);
    expect(skipBlocks(1000, [...blocks, { first: 1000, last: 1499 }])).toBe(1500);
  });

  it("the next day follows the calendar (month and year ends, leap days)", () => {
    expect(nextDay("2026-03-02")).toBe("2026-03-03");
    expect(nextDay("2026-03-31")).toBe("2026-04-01");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });
});
