import { describe, expect, it } from "vitest";
import { ticket } from "../queue/test-fixtures.ts";
import { isVisible, merge, movesPhones } from "./change.ts";
import { clearTimer, setTimer } from "./scheduler.ts";

describe("a change", () => {
  it("merges lists in order and takes single values from the later change", () => {
    const a = { timers: [clearTimer("recall:1")], day: "2026-11-29", live: true };
    const b = { timers: [setTimer("eod", "end-of-day", 5)], day: "2026-11-30" };
    expect(merge(a, b)).toEqual({ timers: [clearTimer("recall:1"), setTimer("eod", "end-of-day", 5)], day: "2026-11-30", live: true });
    expect(merge(a, {})).toEqual(a);
  });

  it("is visible to live views when it writes what a screen, console, e-ticket or agent shows, not for bookings or messages alone", () => {
    expect(isVisible({})).toBe(false);
    expect(isVisible({ bookings: [], counters: [], messageRows: [], timers: [clearTimer("x")] })).toBe(false);
    expect(isVisible({ acks: ["job_1"] })).toBe(true);
    expect(isVisible({ droppedNotices: ["t1"] })).toBe(true);
    expect(isVisible({ printers: [] })).toBe(true);
  });

  it("moves the e-tickets unless it only issues plain walk-ins behind everyone", () => {
    const now = 1_000;
    const walkIn = ticket("A001", "m1", now);
    expect(movesPhones({ tickets: [{ ticket: walkIn, kioskId: "k1" }], jobs: [] }, now)).toBe(false);
    expect(movesPhones({ acks: ["job_1"] }, now)).toBe(false);
    // A priority walk-in goes ahead of others; a ticket taken earlier is one that moved (called, transferred).
    expect(movesPhones({ tickets: [{ ticket: { ...walkIn, priority: true } }] }, now)).toBe(true);
    expect(movesPhones({ tickets: [{ ticket: walkIn }] }, now + 1)).toBe(true);
    expect(movesPhones({ tickets: [{ ticket: { ...walkIn, source: "booking" } }] }, now)).toBe(true);
    expect(movesPhones({ tickets: [{ ticket: { ...walkIn, status: "called", calledAt: now } }] }, now)).toBe(true);
    // Desks, calls, configuration, the day and turn notices move phones whatever the tickets.
    expect(movesPhones({ tickets: [{ ticket: walkIn }], desks: [] }, now)).toBe(false);
    expect(movesPhones({ calls: [{ ticketId: "x", number: "A001", deskId: "d1", at: now, attempt: 1, reason: "call" }] }, now)).toBe(true);
    expect(movesPhones({ day: "2026-11-30" }, now)).toBe(true);
    expect(movesPhones({ live: true }, now)).toBe(true);
    expect(movesPhones({ droppedNotices: ["t1"] }, now)).toBe(true);
  });
});
