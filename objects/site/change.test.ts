import { describe, expect, it } from "vitest";
import { ticket } from "../queue/test-fixtures.ts";
import { type Change, isVisible, merge, movesPhones, onlyCounts } from "./change.ts";
import { clearTimer, setTimer } from "./scheduler.ts";

/** Whether a change moves the phones of a site without priority service. */
const movesPhonesOff = (c: Change, now: number) => movesPhones(c, now, "off");

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
    expect(movesPhonesOff({ tickets: [{ ticket: walkIn, kioskId: "k1" }], jobs: [] }, now)).toBe(false);
    expect(movesPhonesOff({ acks: ["job_1"] }, now)).toBe(false);
    // A priority walk-in goes ahead of others; a ticket taken earlier is one that moved (called, transferred).
    expect(movesPhonesOff({ tickets: [{ ticket: { ...walkIn, priority: true } }] }, now)).toBe(true);
    expect(movesPhonesOff({ tickets: [{ ticket: walkIn }] }, now + 1)).toBe(true);
    expect(movesPhonesOff({ tickets: [{ ticket: { ...walkIn, source: "booking" } }] }, now)).toBe(true);
    expect(movesPhonesOff({ tickets: [{ ticket: { ...walkIn, status: "called", calledAt: now } }] }, now)).toBe(true);
    // Desks, calls, configuration, the day and turn notices move phones whatever the tickets.
    expect(movesPhonesOff({ tickets: [{ ticket: walkIn }], desks: [] }, now)).toBe(false);
    expect(movesPhonesOff({ calls: [{ ticketId: "x", number: "A001", deskId: "d1", at: now, attempt: 1, reason: "call" }] }, now)).toBe(
      true,
    );
    expect(movesPhonesOff({ day: "2026-11-30" }, now)).toBe(true);
    expect(movesPhonesOff({ live: true }, now)).toBe(true);
    expect(movesPhonesOff({ droppedNotices: ["t1"] }, now)).toBe(true);
    // With priority service first, a plain walk-in still goes behind every priority ticket; when the two
    // alternate, it may take the normal turn ahead of a priority ticket's.
    expect(movesPhones({ tickets: [{ ticket: walkIn }] }, now, "first")).toBe(false);
    expect(movesPhones({ tickets: [{ ticket: walkIn }] }, now, "alternate")).toBe(true);
    expect(movesPhones({ acks: ["job_1"] }, now, "alternate")).toBe(false);
  });

  it("only adds to the hall's counts when it issues plain walk-ins (printed or not) and nothing else a screen shows", () => {
    const now = 1_000;
    const walkIn = { ticket: ticket("A001", "m1", now) };
    expect(onlyCounts({ tickets: [walkIn], counters: [] }, now, "off")).toBe(true);
    // A kiosk's walk-in with its print job (the agent gets the job at once: LiveHub); not a call, a desk, a priority ticket.
    expect(onlyCounts({ tickets: [{ ...walkIn, kioskId: "k1" }], jobs: [{ id: "j1" } as never] }, now, "off")).toBe(true);
    expect(onlyCounts({ tickets: [walkIn], desks: [{ id: "d1" } as never] }, now, "off")).toBe(false);
    expect(onlyCounts({ tickets: [{ ticket: { ...walkIn.ticket, priority: true } }] }, now, "off")).toBe(false);
    expect(onlyCounts({ tickets: [walkIn] }, now, "alternate")).toBe(false);
    expect(onlyCounts({ acks: ["job_1"] }, now, "off")).toBe(false);
    expect(onlyCounts({}, now, "off")).toBe(false);
  });
});
