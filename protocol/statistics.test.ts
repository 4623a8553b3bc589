import { describe, expect, it } from "vitest";
import { StatisticsQuery } from "./statistics.ts";

describe("the statistics query", () => {
  it("takes a range of local dates, a format, a grouping, a table and a language", () => {
    expect(StatisticsQuery.parse({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(
      StatisticsQuery.parse({ from: "2026-11-01", to: "2026-11-30", format: "csv", groupBy: "week", table: "byDesk", lang: "en" }),
    ).toMatchObject({
      format: "csv",
      groupBy: "week",
    });
  });

  it("refuses a reversed range, one over 366 days, other shapes and unknown parameters", () => {
    expect(StatisticsQuery.safeParse({ from: "2026-11-30", to: "2026-11-01" }).success).toBe(false);
    expect(StatisticsQuery.safeParse({ from: "2025-01-01", to: "2026-01-02" }).success).toBe(false);
    expect(StatisticsQuery.safeParse({ from: "2025-01-01", to: "2026-01-01" }).success).toBe(true);
    expect(StatisticsQuery.safeParse({ from: "30.11.2026", to: "2026-11-30" }).success).toBe(false);
    expect(StatisticsQuery.safeParse({ from: "2026-11-01", to: "2026-11-30", format: "xlsx" }).success).toBe(false);
    expect(StatisticsQuery.safeParse({ from: "2026-11-01", to: "2026-11-30", site: "x" }).success).toBe(false);
  });
});
