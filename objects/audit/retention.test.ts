import { describe, expect, it } from "vitest";
import { DAY_MS, isPastRetention, nextExpiryAt, retentionAllowed, retentionCutoff, storedRetention } from "./retention.ts";

const NOW = Date.parse("2026-11-30T12:00:00Z");

describe("which audit entries are past the retention", () => {
  it("an entry older than the retention is past it; one exactly as old, or younger, is kept", () => {
    expect(isPastRetention(NOW - 31 * DAY_MS, NOW, 30)).toBe(true);
    expect(isPastRetention(NOW - 30 * DAY_MS - 1, NOW, 30)).toBe(true);
    expect(isPastRetention(NOW - 30 * DAY_MS, NOW, 30)).toBe(false);
    expect(isPastRetention(NOW - 29 * DAY_MS, NOW, 30)).toBe(false);
    expect(isPastRetention(NOW, NOW, 30)).toBe(false);
  });
  it("shortening the retention puts older entries past it", () => {
    const at = NOW - 100 * DAY_MS;
    expect(isPastRetention(at, NOW, 365)).toBe(false);
    expect(isPastRetention(at, NOW, 90)).toBe(true);
    expect(retentionCutoff(NOW, 90)).toBe(NOW - 90 * DAY_MS);
  });
  it("the next purge is due when the oldest entry passes the retention, and none for an empty log", () => {
    const oldest = NOW - 10 * DAY_MS;
    const due = nextExpiryAt(oldest, 30);
    expect(due).toBe(oldest + 30 * DAY_MS + 1);
    expect(isPastRetention(oldest, (due ?? 0) - 1, 30)).toBe(false);
    expect(isPastRetention(oldest, due ?? 0, 30)).toBe(true);
    expect(nextExpiryAt(null, 30)).toBeNull();
  });
});

describe("the retention an organisation may set", () => {
  it("whole days from 30 to 3650", () => {
    expect([30, 365, 3650].map(retentionAllowed)).toEqual([true, true, true]);
    expect([29, 3651, 0, -1, 90.5, Number.NaN].map(retentionAllowed)).toEqual([false, false, false, false, false, false]);
  });
  it("as stored: a year when never set or unreadable", () => {
    expect(storedRetention(null)).toBe(365);
    expect(storedRetention("90")).toBe(90);
    expect(storedRetention("5")).toBe(365);
    expect(storedRetention("rok")).toBe(365);
  });
});
