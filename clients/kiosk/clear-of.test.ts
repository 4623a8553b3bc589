// The matters never sit where the tapped department was: the least downward shift that clears it.
import { describe, expect, it } from "vitest";
import { type Box, clearingShift } from "./clear-of.ts";

const row = (top: number, height = 100, left = 0, right = 1000): Box => ({ left, top, right, bottom: top + height });

describe("clearingShift", () => {
  it("moves nothing when no button covers the tapped place", () => {
    expect(clearingShift([row(100), row(220)], row(500), 24)).toBe(0);
  });

  it("moves the list just below the tapped place when a button covers it", () => {
    // The tapped department was at 250-350; the second matter (220-320) sits there. Moving it just below
    // (by 154) would bring the first one (100-200) there instead: the whole list starts below it.
    const shift = clearingShift([row(100), row(220), row(340)], row(250), 24);
    expect(shift).toBe(350 + 24 - 100);
    for (const b of [row(100), row(220), row(340)]) {
      const top = b.top + shift;
      const bottom = b.bottom + shift;
      expect(bottom <= 250 - 24 || top >= 350 + 24).toBe(true);
    }
  });

  it("keeps the gap: a button ending just above the tapped place counts as covering it", () => {
    expect(clearingShift([row(130)], row(240), 24)).toBe(240 + 100 + 24 - 130);
  });

  it("ignores buttons in another column", () => {
    expect(clearingShift([row(250, 100, 0, 400)], row(250, 100, 500, 900), 24)).toBe(0);
  });
});
