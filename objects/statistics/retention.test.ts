import { describe, expect, it } from "vitest";
import { statisticsCutoff } from "./retention.ts";

describe("how long statistics are kept", () => {
  it("keeps the days from the same date `years` ago", () => {
    expect(statisticsCutoff("2026-11-30", 5)).toBe("2021-11-30");
    expect(statisticsCutoff("2026-01-01", 1)).toBe("2025-01-01");
  });

  it("a 29 February is kept from the 28th in a year without one", () => {
    expect(statisticsCutoff("2028-02-29", 1)).toBe("2027-02-28");
    expect(statisticsCutoff("2028-02-29", 4)).toBe("2024-02-29");
  });
});
