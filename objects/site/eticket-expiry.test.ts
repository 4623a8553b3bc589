import { describe, expect, it } from "vitest";
import { eticketEnded } from "./eticket-expiry.ts";

const TZ = "Europe/Warsaw";
const at = (iso: string) => Date.parse(iso);

describe("eticketEnded", () => {
  it("a link works through its local day and two hours after the midnight that ends it", () => {
    expect(eticketEnded("2026-07-15", at("2026-07-15T06:00:00Z"), TZ)).toBe(false);
    // 01:59 local on the 16th (summer time, UTC+2): still in the grace.
    expect(eticketEnded("2026-07-15", at("2026-07-15T23:59:00Z"), TZ)).toBe(false);
    // 02:00 local: ended.
    expect(eticketEnded("2026-07-15", at("2026-07-16T00:00:00Z"), TZ)).toBe(true);
    expect(eticketEnded("2026-07-15", at("2026-07-20T12:00:00Z"), TZ)).toBe(true);
  });

  it("the grace follows the office's time zone (winter time, UTC+1)", () => {
    expect(eticketEnded("2026-01-15", at("2026-01-16T00:59:00Z"), TZ)).toBe(false);
    expect(eticketEnded("2026-01-15", at("2026-01-16T01:00:00Z"), TZ)).toBe(true);
  });
});
