import { describe, expect, it } from "vitest";
import type { TicketStatus } from "../../protocol/api.ts";
import { aheadOf, aheadOfNewWalkIn, compareInMatter, deskMayTake, deskQueue, missedAtDesk, waitingAheadAll } from "./order.ts";
import { booking, deskCfg, MIN, SEC, T0, ticket } from "./test-fixtures.ts";

const numbers = (ts: { number: string }[]): string[] => ts.map((t) => t.number);

describe("deskQueue: what call-next takes", () => {
  it("offers only the matters the desk serves", () => {
    const d = deskCfg("d1", "a");
    const q = deskQueue(d, [ticket("A001", "a", T0 + 2 * MIN), ticket("C001", "c", T0), ticket("A002", "a", T0 + 3 * MIN)]);
    expect(numbers(q)).toEqual(["A001", "A002"]);
  });

  it("follows the desk's order of preference: a desk preferring B calls B first even when A is older", () => {
    const tickets = [ticket("A001", "a", T0), ticket("B001", "b", T0 + 10 * MIN), ticket("A002", "a", T0 + MIN)];
    expect(numbers(deskQueue(deskCfg("d1", "b", "a"), tickets))).toEqual(["B001", "A001", "A002"]);
    expect(numbers(deskQueue(deskCfg("d2", "a", "b"), tickets))).toEqual(["A001", "A002", "B001"]);
  });

  it("takes walk-ins in the order they took their tickets", () => {
    const tickets = [ticket("A003", "a", T0 + 3 * MIN), ticket("A001", "a", T0 + MIN), ticket("A002", "a", T0 + 2 * MIN)];
    expect(numbers(deskQueue(deskCfg("d1", "a"), tickets))).toEqual(["A001", "A002", "A003"]);
  });

  it("puts reservations ahead of walk-ins, by reserved time, even when checked in later", () => {
    const tickets = [
      ticket("A001", "a", T0),
      ticket("A002", "a", T0 + MIN),
      booking("A003", "a", T0 + 20 * MIN, T0 + 30 * MIN),
      booking("A004", "a", T0 + 25 * MIN, T0 + 15 * MIN),
    ];
    expect(numbers(deskQueue(deskCfg("d1", "a"), tickets))).toEqual(["A004", "A003", "A001", "A002"]);
  });

  it("treats a booking without a reserved time like a walk-in", () => {
    const tickets = [
      ticket("A001", "a", T0 + MIN),
      booking("A002", "a", T0 + 2 * MIN, T0),
      ticket("A000", "a", T0),
      ticket("A005", "a", T0 + 30 * SEC, { source: "booking", reservedAt: null }),
    ];
    expect(numbers(deskQueue(deskCfg("d1", "a"), tickets))).toEqual(["A002", "A000", "A005", "A001"]);
  });

  it("leaves out tickets that are not waiting", () => {
    const statuses: TicketStatus[] = ["called", "serving", "missed", "served", "removed", "closed"];
    const tickets = statuses.map((status, i) => ticket(`A10${i}`, "a", T0 + i, { status, deskId: status === "missed" ? "d1" : null }));
    expect(deskQueue(deskCfg("d1", "a"), [...tickets, ticket("A200", "a", T0 + 100)]).map((t) => t.number)).toEqual(["A200"]);
  });

  it("a ticket transferred to a desk is taken only by that desk, and first", () => {
    const sent = ticket("A005", "a", T0 + 30 * MIN, { deskId: "d2" });
    const others = [ticket("A001", "a", T0), ticket("B001", "b", T0)];
    expect(numbers(deskQueue(deskCfg("d1", "a", "b"), [sent, ...others]))).toEqual(["A001", "B001"]);
    expect(numbers(deskQueue(deskCfg("d2", "a", "b"), [sent, ...others]))).toEqual(["A005", "A001", "B001"]);
  });

  it("a desk takes a ticket sent to it even for a matter it does not serve", () => {
    const sent = ticket("C001", "c", T0 + 30 * MIN, { deskId: "d2" });
    expect(numbers(deskQueue(deskCfg("d2", "a"), [ticket("A001", "a", T0), sent]))).toEqual(["C001", "A001"]);
  });
});

describe("deskMayTake", () => {
  it("is true for a waiting ticket of a served matter only", () => {
    const d = deskCfg("d1", "a");
    expect(deskMayTake(d, ticket("A001", "a", T0))).toBe(true);
    expect(deskMayTake(d, ticket("B001", "b", T0))).toBe(false);
    expect(deskMayTake(d, ticket("A002", "a", T0, { status: "called", deskId: "d2" }))).toBe(false);
    expect(deskMayTake(d, ticket("A003", "a", T0, { deskId: "d2" }))).toBe(false);
    expect(deskMayTake(d, ticket("B004", "b", T0, { deskId: "d1" }))).toBe(true);
  });
});

describe("compareInMatter", () => {
  it("orders due reservations, then walk-ins, with a stable tie-break on id", () => {
    const w1 = ticket("A001", "a", T0);
    const w2 = ticket("A002", "a", T0);
    const b = booking("A003", "a", T0 + 60 * MIN, T0 + 60 * MIN);
    expect(compareInMatter(b, w1)).toBeLessThan(0);
    expect(compareInMatter(w1, b)).toBeGreaterThan(0);
    expect(compareInMatter(w1, w2)).toBeLessThan(0);
    expect(compareInMatter(w2, w1)).toBeGreaterThan(0);
    expect(compareInMatter(w1, w1)).toBe(0);
  });

  it("walk-ins taken in the same millisecond go in the order of their numbers, whatever their random ids", () => {
    const first = ticket("A999", "a", T0, { id: "tk_zzz" });
    const second = ticket("A1000", "a", T0, { id: "tk_aaa" });
    expect(deskQueue(deskCfg("d1", "a"), [second, first]).map((t) => t.number)).toEqual(["A999", "A1000"]);
    expect(aheadOf(second, [first, second])).toBe(1);
    expect(aheadOf(first, [first, second])).toBe(0);
    // A walk-in about to be taken in that same millisecond stands behind both, priority or not.
    expect(aheadOfNewWalkIn("a", false, T0, [first, second])).toBe(2);
    const prio = ticket("A1001", "a", T0, { id: "tk_mmm", priority: true });
    expect(aheadOfNewWalkIn("a", true, T0, [prio], "first")).toBe(1);
  });
});

describe("missedAtDesk", () => {
  it("lists the desk's missed tickets, earliest recall first", () => {
    const tickets = [
      ticket("A002", "a", T0 + MIN, { status: "missed", deskId: "d1", misses: 1, recallAt: T0 + 20 * MIN }),
      ticket("A001", "a", T0, { status: "missed", deskId: "d1", misses: 1, recallAt: T0 + 10 * MIN }),
      ticket("A003", "a", T0, { status: "missed", deskId: "d2", misses: 1, recallAt: T0 }),
      ticket("A004", "a", T0, { deskId: "d1" }),
    ];
    expect(numbers(missedAtDesk("d1", tickets))).toEqual(["A001", "A002"]);
    expect(numbers(missedAtDesk("d2", tickets))).toEqual(["A003"]);
    expect(missedAtDesk("d3", tickets)).toEqual([]);
  });
});

describe("waitingAheadAll", () => {
  it("counts the people ahead in the same matter", () => {
    const ahead = waitingAheadAll([
      ticket("A001", "a", T0),
      ticket("A002", "a", T0 + MIN),
      ticket("A003", "a", T0 + 2 * MIN),
      ticket("B001", "b", T0 - MIN),
    ]);
    expect(Object.fromEntries(ahead)).toEqual({ A001: 0, A002: 1, A003: 2, B001: 0 });
  });

  it("does not count tickets already called, served or missed, and gives them no position", () => {
    const ahead = waitingAheadAll([
      ticket("A001", "a", T0, { status: "called", deskId: "d1" }),
      ticket("A002", "a", T0 + MIN, { status: "missed", deskId: "d1", misses: 1 }),
      ticket("A003", "a", T0 + 2 * MIN, { status: "served" }),
      ticket("A004", "a", T0 + 3 * MIN),
      ticket("A005", "a", T0 + 4 * MIN),
    ]);
    expect(Object.fromEntries(ahead)).toEqual({ A004: 0, A005: 1 });
  });

  it("counts a reservation ahead of earlier walk-ins", () => {
    const ahead = waitingAheadAll([
      ticket("A001", "a", T0),
      ticket("A002", "a", T0 + MIN),
      booking("A003", "a", T0 + 5 * MIN, T0 + 10 * MIN),
    ]);
    expect(Object.fromEntries(ahead)).toEqual({ A003: 0, A001: 1, A002: 2 });
  });

  it("counts a ticket sent to a desk among that desk's hand-overs only", () => {
    const ahead = waitingAheadAll([
      ticket("A001", "a", T0),
      ticket("A002", "a", T0 + 5 * MIN, { deskId: "d2" }),
      ticket("B001", "b", T0 + 6 * MIN, { deskId: "d2" }),
      ticket("A003", "a", T0 + 7 * MIN),
    ]);
    expect(Object.fromEntries(ahead)).toEqual({ A001: 0, A003: 1, A002: 0, B001: 1 });
  });
});

describe("aheadOf", () => {
  it("gives every waiting ticket the same count as waitingAheadAll", () => {
    const tickets = [
      ticket("A001", "a", T0),
      ticket("A002", "a", T0 + MIN),
      ticket("B001", "b", T0 + 2 * MIN),
      booking("A003", "a", T0 + 3 * MIN, T0 - MIN),
      ticket("A004", "a", T0 + 4 * MIN, { deskId: "d2" }),
      ticket("A005", "a", T0 + 5 * MIN),
      ticket("A006", "a", T0 + 6 * MIN, { status: "called", deskId: "d1" }),
    ];
    const all = waitingAheadAll(tickets);
    for (const t of tickets.filter((x) => x.status === "waiting")) expect(aheadOf(t, tickets)).toBe(all.get(t.id));
    expect(aheadOf(tickets[5]!, tickets)).toBe(3);
  });
});
