import { describe, expect, it } from "vitest";
import type { CallEvent, Ticket } from "../queue/model.ts";
import type { VisitRecord } from "./records.ts";
import { type VisitContext, visitUpdates } from "./visit-log.ts";

const T0 = Date.UTC(2026, 10, 30, 8, 0);
const MIN = 60_000;
const ticket: Ticket = {
  id: "t1",
  token: "x",
  day: "2026-11-30",
  number: "A001",
  matterId: "dowod",
  source: "walk-in",
  status: "waiting",
  takenAt: T0,
  reservedAt: null,
  deskId: null,
  misses: 0,
  recallAt: null,
  calledAt: null,
  startedAt: null,
  finishedAt: null,
};
const ctx = (now: number, extra: Partial<VisitContext> = {}): VisitContext => ({
  now,
  clerk: "urzednik1",
  departmentOf: (m) => (m === "dowod" ? "wso" : "wk"),
  channel: "kiosk",
  estimate: null,
  range: null,
  ...extra,
});
const call = (at: number, deskId: string, reason: CallEvent["reason"] = "call"): CallEvent => ({
  ticketId: "t1",
  number: "A001",
  deskId,
  at,
  attempt: 1,
  reason,
});

/** Applies a change and returns the stored parts, the latest last. */
function step(stored: VisitRecord[], before: Ticket | undefined, after: Ticket, calls: CallEvent[], c: VisitContext): VisitRecord[] {
  const rows = visitUpdates(before, after, stored[stored.length - 1], calls, c);
  const byPart = new Map(stored.map((r) => [r.part, r]));
  for (const r of rows) byPart.set(r.part, r);
  return [...byPart.values()].sort((a, b) => a.part - b.part);
}

describe("a ticket's visit record", () => {
  it("follows a walk-in from the kiosk to served: taken, called, started, finished, with the estimate shown", () => {
    let v = step([], undefined, ticket, [], ctx(T0, { clerk: null, estimate: 12, range: { low: 10, high: 15 } }));
    expect(v).toEqual([
      expect.objectContaining({
        part: 0,
        queuedAt: T0,
        departmentId: "wso",
        channel: "kiosk",
        estimateMinutes: 12,
        estimateRange: { low: 10, high: 15 },
        outcome: "open",
      }),
    ]);
    const called = { ...ticket, status: "called" as const, deskId: "d1", calledAt: T0 + 10 * MIN };
    v = step(v, ticket, called, [call(T0 + 10 * MIN, "d1")], ctx(T0 + 10 * MIN));
    const serving = { ...called, status: "serving" as const, startedAt: T0 + 11 * MIN };
    v = step(v, called, serving, [], ctx(T0 + 11 * MIN));
    const served = { ...serving, status: "served" as const, finishedAt: T0 + 18 * MIN };
    v = step(v, serving, served, [], ctx(T0 + 18 * MIN));
    expect(v).toEqual([
      expect.objectContaining({
        calls: [{ at: T0 + 10 * MIN, deskId: "d1", clerk: "urzednik1" }],
        startedAt: T0 + 11 * MIN,
        finishedAt: T0 + 18 * MIN,
        deskId: "d1",
        clerk: "urzednik1",
        outcome: "served",
        endedAt: T0 + 18 * MIN,
      }),
    ]);
  });

  it("three misses end it as a no-show, the alarm's recall counted without a clerk", () => {
    let v = step([], undefined, ticket, [], ctx(T0, { clerk: null }));
    let t = ticket;
    for (let i = 1; i <= 3; i++) {
      const called = { ...t, status: "called" as const, deskId: "d1", calledAt: T0 + i * MIN };
      v = step(
        v,
        t,
        called,
        [call(T0 + i * MIN, "d1", i === 2 ? "auto-recall" : "call")],
        ctx(T0 + i * MIN, { clerk: i === 2 ? null : "urzednik1" }),
      );
      t =
        i === 3
          ? { ...called, misses: 3, status: "removed" as const, finishedAt: T0 + i * MIN + 1 }
          : { ...called, misses: i, status: "missed" as const };
      v = step(v, called, t, [], ctx(T0 + i * MIN + 1));
    }
    expect(v).toHaveLength(1);
    expect(v[0]!.calls.map((c) => c.clerk)).toEqual(["urzednik1", null, "urzednik1"]);
    expect(v[0]!.outcome).toBe("no-show");
    expect(v[0]!.finishedAt).toBeNull();
  });

  it("a transfer ends the part as transferred and opens the next, waiting from the transfer, for the new matter", () => {
    let v = step([], undefined, ticket, [], ctx(T0, { clerk: null, estimate: 5, range: { low: 2, high: 8 } }));
    const serving = { ...ticket, status: "serving" as const, deskId: "d1", calledAt: T0 + 5 * MIN, startedAt: T0 + 6 * MIN };
    v = step(v, ticket, { ...serving, status: "called", startedAt: null }, [call(T0 + 5 * MIN, "d1")], ctx(T0 + 5 * MIN));
    v = step(v, { ...serving, status: "called", startedAt: null }, serving, [], ctx(T0 + 6 * MIN));
    const moved = { ...serving, matterId: "rej", deskId: null, status: "waiting" as const, calledAt: null, startedAt: null };
    v = step(v, serving, moved, [], ctx(T0 + 9 * MIN));
    expect(v.map((r) => [r.part, r.matterId, r.departmentId, r.outcome, r.queuedAt, r.estimateMinutes])).toEqual([
      [0, "dowod", "wso", "transferred", T0, 5],
      [1, "rej", "wk", "open", T0 + 9 * MIN, null],
    ]);
    expect(v[0]!.endedAt).toBe(T0 + 9 * MIN);
    // The range was shown for the ticket as taken; the part after the transfer was shown none.
    expect(v.map((r) => r.estimateRange)).toEqual([{ low: 2, high: 8 }, null]);
  });

  it("a ticket still open at the end of the day is closed", () => {
    let v = step([], undefined, ticket, [], ctx(T0, { clerk: null }));
    v = step(v, ticket, { ...ticket, status: "closed" }, [], ctx(T0 + 600 * MIN, { clerk: null }));
    expect(v[0]).toMatchObject({ outcome: "closed", endedAt: T0 + 600 * MIN });
  });
});
