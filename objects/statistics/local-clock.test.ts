import { describe, expect, it } from "vitest";
import { hourOf, instantOf, localDateOf, localDateTimeOf } from "./local-clock.ts";

const WARSAW = "Europe/Warsaw";

describe("the office's wall clock", () => {
  it("follows summer and winter time", () => {
    // 2026-10-25 03:00 CEST → 02:00 CET: 00:30 UTC is 02:30 summer time, 01:30 UTC is 02:30 winter time
    expect(hourOf(Date.parse("2026-10-25T00:30:00Z"), WARSAW)).toBe(2);
    expect(hourOf(Date.parse("2026-10-25T01:30:00Z"), WARSAW)).toBe(2);
    expect(hourOf(Date.parse("2026-10-24T06:00:00Z"), WARSAW)).toBe(8);
    expect(hourOf(Date.parse("2026-10-26T07:00:00Z"), WARSAW)).toBe(8);
    expect(localDateOf(Date.parse("2026-11-30T23:30:00Z"), WARSAW)).toBe("2026-12-01");
    expect(localDateTimeOf(Date.parse("2026-07-01T06:05:00Z"), WARSAW)).toBe("2026-07-01 08:05");
  });

  it("finds the instant of a local time on either side of the change", () => {
    expect(instantOf("2026-10-23", 8 * 60, WARSAW)).toBe(Date.parse("2026-10-23T06:00:00Z"));
    expect(instantOf("2026-10-26", 8 * 60, WARSAW)).toBe(Date.parse("2026-10-26T07:00:00Z"));
    expect(instantOf("2026-03-30", 8 * 60 + 15, WARSAW)).toBe(Date.parse("2026-03-30T06:15:00Z"));
  });
});
