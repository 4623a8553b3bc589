import { describe, expect, it } from "vitest";
import { formatTicketNumber, nextCounter } from "./numbering.ts";
import { TZ } from "./test-fixtures.ts";
import { localDate } from "./time.ts";

/** What the kiosk does when a ticket is taken: the counter of the matter, per local day. */
function makeKiosk(prefix: string) {
  let last: { day: string; value: number } | null = null;
  return (at: number): { day: string; number: string } => {
    const day = localDate(at, TZ);
    const value = nextCounter(last, day);
    last = { day, value };
    return { day, number: formatTicketNumber(prefix, value) };
  };
}

describe("formatTicketNumber", () => {
  it("gives the matter's prefix and three digits (A001)", () => {
    expect(formatTicketNumber("A", 1)).toBe("A001");
    expect(formatTicketNumber("A", 12)).toBe("A012");
    expect(formatTicketNumber("B", 999)).toBe("B999");
    expect(formatTicketNumber("AB", 7)).toBe("AB007");
  });

  it("keeps working past 999 with more digits", () => {
    expect(formatTicketNumber("A", 1000)).toBe("A1000");
    expect(formatTicketNumber("C", 12345)).toBe("C12345");
  });

  it("refuses a counter that is not a positive integer", () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => formatTicketNumber("A", bad)).toThrow(RangeError);
    }
  });
});

describe("nextCounter", () => {
  it("starts at 1 when there is no counter yet", () => {
    expect(nextCounter(null, "2026-11-23")).toBe(1);
  });

  it("counts on within the same day", () => {
    expect(nextCounter({ day: "2026-11-23", value: 1 }, "2026-11-23")).toBe(2);
    expect(nextCounter({ day: "2026-11-23", value: 41 }, "2026-11-23")).toBe(42);
  });

  it("restarts at 1 on a new day", () => {
    expect(nextCounter({ day: "2026-11-23", value: 57 }, "2026-11-24")).toBe(1);
  });

  it("goes beyond 999 on a busy day", () => {
    expect(nextCounter({ day: "2026-11-23", value: 999 }, "2026-11-23")).toBe(1000);
    expect(formatTicketNumber("A", nextCounter({ day: "2026-11-23", value: 999 }, "2026-11-23"))).toBe("A1000");
  });
});

describe("numbering per local day in Europe/Warsaw", () => {
  it("gives A001, A002, A003 to consecutive tickets of a day", () => {
    const take = makeKiosk("A");
    const base = Date.UTC(2026, 10, 23, 7, 0);
    expect([take(base), take(base + 60_000), take(base + 120_000)].map((t) => t.number)).toEqual(["A001", "A002", "A003"]);
  });

  it("winter (CET): the day changes at 23:00:00Z, not at 22:59:59Z", () => {
    const take = makeKiosk("A");
    expect(take(Date.UTC(2026, 0, 15, 8, 0))).toEqual({ day: "2026-01-15", number: "A001" });
    expect(take(Date.UTC(2026, 0, 15, 22, 59, 59))).toEqual({ day: "2026-01-15", number: "A002" });
    expect(take(Date.UTC(2026, 0, 15, 23, 0, 0))).toEqual({ day: "2026-01-16", number: "A001" });
    expect(take(Date.UTC(2026, 0, 16, 8, 0))).toEqual({ day: "2026-01-16", number: "A002" });
  });

  it("summer (CEST): the day changes at 22:00:00Z, not at 21:59:59Z", () => {
    const take = makeKiosk("B");
    expect(take(Date.UTC(2026, 6, 15, 21, 59, 59))).toEqual({ day: "2026-07-15", number: "B001" });
    expect(take(Date.UTC(2026, 6, 15, 22, 0, 0))).toEqual({ day: "2026-07-16", number: "B001" });
  });

  it("does not restart at UTC midnight when the local day goes on", () => {
    const take = makeKiosk("A");
    // 00:30 and 08:00 local on 2026-07-16 fall on two different UTC dates.
    expect(take(Date.UTC(2026, 6, 15, 22, 30))).toEqual({ day: "2026-07-16", number: "A001" });
    expect(take(Date.UTC(2026, 6, 16, 6, 0))).toEqual({ day: "2026-07-16", number: "A002" });
  });

  it("numbers a thousand tickets of one day without restarting", () => {
    const take = makeKiosk("A");
    const base = Date.UTC(2026, 10, 23, 7, 0);
    let last = "";
    for (let i = 0; i < 1001; i++) last = take(base + i * 1000).number;
    expect(last).toBe("A1001");
  });
});
