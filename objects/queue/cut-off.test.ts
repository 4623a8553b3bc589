import { describe, expect, it } from "vitest";
import { cutOffClosing, cutOffReason, lastTicketPassed, servedTooLate } from "./cut-off.ts";
import { desk, deskCfg, TZ } from "./test-fixtures.ts";
import { closingAt, forecastRange } from "./wait-forecast.ts";

/** Monday 2026-11-23 at a Warsaw wall-clock time (CET, UTC+1). */
const warsaw = (hhmm: string, seconds = 0): number => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return Date.UTC(2026, 10, 23, h - 1, m, seconds);
};
const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};
const HOURS: [string, string][] = [["08:00", "16:00"]];

/** The rule as the site asks it: the forecast of a ticket taken at `now` with `ahead` people waiting, one desk of the matter. */
function verdictAt(now: number, ahead: number, over: { serviceMinutes?: number; lastTicketAt?: string; overridden?: boolean } = {}) {
  const serviceMinutes = over.serviceMinutes ?? 10;
  const closesAt = closingAt(HOURS, now, TZ);
  const range = forecastRange(
    { matterId: "a", deskId: null, ahead, serviceMinutes, observedMs: [], calledAt: [] },
    { now, closesAt, bookingsDue: new Map() },
    [deskCfg("d1", "a")],
    // The desk serves someone now: people wait, so it is not idle.
    new Map([["d1", { ...desk("d1"), ticketId: "t0" }]]),
  );
  const local = new Date(now + 3_600_000);
  return cutOffReason({
    now,
    localMinutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
    lastTicketAt: over.lastTicketAt,
    closesAt,
    earliestCallMinutes: range.low,
    serviceMinutes,
    overridden: over.overridden ?? false,
  });
}

describe("servedTooLate", () => {
  const closesAt = warsaw("16:00");
  it("lets a service that ends exactly at closing through, and refuses one a second later", () => {
    expect(servedTooLate({ now: warsaw("15:50"), closesAt, earliestCallMinutes: 0, serviceMinutes: 10 })).toBe(false);
    expect(servedTooLate({ now: warsaw("15:50", 1), closesAt, earliestCallMinutes: 0, serviceMinutes: 10 })).toBe(true);
  });
  it("counts the earliest call, not the likely one", () => {
    expect(servedTooLate({ now: warsaw("15:30"), closesAt, earliestCallMinutes: 20, serviceMinutes: 10 })).toBe(false);
    expect(servedTooLate({ now: warsaw("15:31"), closesAt, earliestCallMinutes: 20, serviceMinutes: 10 })).toBe(true);
  });
  it("never refuses when the closing time is not known", () => {
    expect(servedTooLate({ now: warsaw("23:59"), closesAt: null, earliestCallMinutes: 600, serviceMinutes: 240 })).toBe(false);
  });
});

describe("cutOffClosing", () => {
  it("counts today's closing, but not for an office open until midnight", () => {
    expect(cutOffClosing([["08:00", "16:00"]], 42)).toBe(42);
    expect(cutOffClosing([["00:00", "24:00"]], 42)).toBeNull();
    expect(cutOffClosing([], null)).toBeNull();
  });
});

describe("lastTicketPassed", () => {
  it("gives tickets until the minute before the last-ticket time, none from that minute on", () => {
    expect(lastTicketPassed("15:30", minutes("15:29"))).toBe(false);
    expect(lastTicketPassed("15:30", minutes("15:30"))).toBe(true);
    expect(lastTicketPassed("15:30", minutes("15:45"))).toBe(true);
  });
  it("never passes for a matter without a last-ticket time", () => {
    expect(lastTicketPassed(undefined, minutes("23:59"))).toBe(false);
  });
});

describe("cutOffReason with the wait forecast", () => {
  it("with nobody waiting, a 10-minute matter takes tickets until 15:50 when the office closes at 16:00", () => {
    expect(verdictAt(warsaw("15:49"), 0)).toBeNull();
    expect(verdictAt(warsaw("15:50"), 0)).toBeNull();
    expect(verdictAt(warsaw("15:51"), 0)).toBe("forecast");
    expect(verdictAt(warsaw("15:59"), 0)).toBe("forecast");
  });
  it("with people waiting, the cut-off comes earlier, by the earliest their turns could end", () => {
    // Two ahead at one busy desk, 10 minutes each: the range shown starts at 5 minutes (the line may move
    // faster than its pace), so the earliest call is in 5 and the service ends 15 minutes from now.
    expect(verdictAt(warsaw("15:45"), 2)).toBeNull();
    expect(verdictAt(warsaw("15:46"), 2)).toBe("forecast");
  });
  it("is the longer service that closes first", () => {
    expect(verdictAt(warsaw("15:30"), 0, { serviceMinutes: 30 })).toBeNull();
    expect(verdictAt(warsaw("15:31"), 0, { serviceMinutes: 30 })).toBe("forecast");
    expect(verdictAt(warsaw("15:31"), 0, { serviceMinutes: 10 })).toBeNull();
  });
  it("refuses from the last-ticket time on, even when the forecast would still serve", () => {
    expect(verdictAt(warsaw("14:59"), 0, { lastTicketAt: "15:00" })).toBeNull();
    expect(verdictAt(warsaw("15:00"), 0, { lastTicketAt: "15:00" })).toBe("last-ticket");
  });
  it("a manager's override for the day lifts both reasons", () => {
    expect(verdictAt(warsaw("15:55"), 0, { lastTicketAt: "15:00", overridden: true })).toBeNull();
  });
  it("after closing there is no closing time left today: the opening hours refuse, not the cut-off", () => {
    expect(verdictAt(warsaw("16:05"), 0)).toBeNull();
  });
});
