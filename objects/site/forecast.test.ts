// The office's forecast: its closing time today, exact to the millisecond though worked out once a minute.
import { describe, expect, it } from "vitest";
import { SiteConfig } from "../../protocol/config.ts";
import { registryOfficeConfig } from "../../test/site-config.ts";
import { forecastAt } from "./forecast.ts";
import { indexSite } from "./site-index.ts";

describe("forecastAt", () => {
  it("knows the closing time to the millisecond, though it works it out once a minute", () => {
    const weekday: [string, string][] = [["08:00", "15:30"]];
    const index = indexSite(
      SiteConfig.parse({
        ...registryOfficeConfig("closing"),
        timeZone: "UTC",
        openingHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
      }),
    );
    const closing = Date.UTC(2026, 11, 1, 15, 30);
    expect(forecastAt(index, closing - 60_001, new Map()).closesAt).toBe(closing);
    expect(forecastAt(index, closing - 1, new Map()).closesAt).toBe(closing);
    expect(forecastAt(index, closing, new Map()).closesAt).toBeNull();
    expect(forecastAt(index, closing - 1, new Map()).closesAt).toBe(closing);
    // Another configuration is another office, though the minute is the same.
    const late = indexSite(SiteConfig.parse({ ...registryOfficeConfig("late"), timeZone: "UTC" }));
    expect(forecastAt(late, closing - 1, new Map()).closesAt).toBe(Date.UTC(2026, 11, 2));
  });
});
