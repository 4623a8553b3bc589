// Priority tickets in the call order (issue 14): "first" and "alternate", bookings due ahead of both,
// and people-ahead counts that follow exactly what "call next" takes.
import { describe, expect, it } from "vitest";
import type { Ticket } from "./model.ts";
import {
  aheadOf,
  aheadOfNewWalkIn,
  deskQueue,
  lineOrder,
  type PriorityOrder,
  priorityNextByMatter,
  priorityOrderOf,
  waitingAheadAll,
} from "./order.ts";
import { booking, deskCfg, MIN, T0, ticket } from "./test-fixtures.ts";

const numbers = (ts: { number: string }[]): string[] => ts.map((t) => t.number);
const prio = (number: string, matterId: string, takenAt: number, over: Partial<Ticket> = {}): Ticket =>
  ticket(number, matterId, takenAt, { priority: true, ...over });

/** Every waiting ticket's count, by waitingAheadAll and aheadOf alike, must be its place in the desk's queue. */
function expectCountsFollowQueue(tickets: Ticket[], order: PriorityOrder, matters: string[] = ["a"]): void {
  const queue = deskQueue(deskCfg("dx", ...matters), tickets, order).filter((t) => t.matterId === matters[0]);
  const all = waitingAheadAll(tickets, order);
  queue.forEach((t, i) => {
    expect(all.get(t.id), `${t.number} in waitingAheadAll`).toBe(i);
    expect(aheadOf(t, tickets, order), `${t.number} by aheadOf`).toBe(i);
  });
}

describe("priorityOrderOf", () => {
  it("is off while the site has priority off, whatever its mode", () => {
    expect(priorityOrderOf({ enabled: false, mode: "alternate" })).toBe("off");
    expect(priorityOrderOf({ enabled: true, mode: "first" })).toBe("first");
    expect(priorityOrderOf({ enabled: true, mode: "alternate" })).toBe("alternate");
  });
});

describe("priority mode 'first'", () => {
  const tickets = [
    ticket("A001", "a", T0),
    ticket("A002", "a", T0 + MIN),
    prio("A003", "a", T0 + 2 * MIN),
    prio("A004", "a", T0 + 3 * MIN),
  ];

  it("calls priority walk-ins before the normal walk-ins of their matter, each group by time taken", () => {
    expect(numbers(deskQueue(deskCfg("d1", "a"), tickets, "first"))).toEqual(["A003", "A004", "A001", "A002"]);
  });

  it("keeps bookings due first, by their reserved time: priority goes ahead of walk-ins only", () => {
    const withBooking = [...tickets, booking("A010", "a", T0 + 5 * MIN, T0 + 4 * MIN)];
    expect(numbers(deskQueue(deskCfg("d1", "a"), withBooking, "first"))).toEqual(["A010", "A003", "A004", "A001", "A002"]);
    expectCountsFollowQueue(withBooking, "first");
  });

  it("does not move a priority ticket ahead of another matter the desk prefers", () => {
    const two = [...tickets, ticket("B001", "b", T0 + 9 * MIN)];
    expect(numbers(deskQueue(deskCfg("d1", "b", "a"), two, "first"))).toEqual(["B001", "A003", "A004", "A001", "A002"]);
  });

  it("gives people-ahead counts in the same order", () => {
    const ahead = waitingAheadAll(tickets, "first");
    expect(Object.fromEntries(ahead)).toEqual({ A003: 0, A004: 1, A001: 2, A002: 3 });
    expectCountsFollowQueue(tickets, "first");
  });

  it("puts priority first among tickets handed to one desk", () => {
    const handed = [ticket("A001", "a", T0, { deskId: "d1" }), prio("B001", "b", T0 + MIN, { deskId: "d1" }), ticket("A002", "a", T0)];
    expect(numbers(deskQueue(deskCfg("d1", "a"), handed, "first"))).toEqual(["B001", "A001", "A002"]);
    expect(aheadOf(handed[0]!, handed, "first")).toBe(1);
    expect(waitingAheadAll(handed, "first").get("A001")).toBe(1);
  });
});

describe("priority off", () => {
  it("orders a priority ticket by the time it was taken, as any other", () => {
    const tickets = [ticket("A001", "a", T0), prio("A002", "a", T0 + MIN)];
    expect(numbers(deskQueue(deskCfg("d1", "a"), tickets, "off"))).toEqual(["A001", "A002"]);
    expect(numbers(deskQueue(deskCfg("d1", "a"), tickets))).toEqual(["A001", "A002"]);
    expectCountsFollowQueue(tickets, "off");
  });
});

describe("priority mode 'alternate'", () => {
  const waiting = [
    ticket("A001", "a", T0),
    ticket("A002", "a", T0 + MIN),
    ticket("A003", "a", T0 + 2 * MIN),
    prio("A004", "a", T0 + 3 * MIN),
    prio("A005", "a", T0 + 4 * MIN),
  ];

  it("starts with a priority ticket when the matter has no call yet, then alternates while both wait", () => {
    expect(numbers(deskQueue(deskCfg("d1", "a"), waiting, "alternate"))).toEqual(["A004", "A001", "A005", "A002", "A003"]);
    expectCountsFollowQueue(waiting, "alternate");
  });

  it("after a priority call, a normal ticket is next", () => {
    const called = prio("A000", "a", T0 - MIN, { status: "serving", deskId: "d2", calledAt: T0 + 5 * MIN });
    const tickets = [...waiting, called];
    expect(priorityNextByMatter(tickets).get("a")).toBe(false);
    expect(numbers(deskQueue(deskCfg("d1", "a"), tickets, "alternate"))).toEqual(["A001", "A004", "A002", "A005", "A003"]);
    expectCountsFollowQueue(tickets, "alternate");
  });

  it("after a normal call, a priority ticket is next (the latest call of the matter decides)", () => {
    const tickets = [
      ...waiting,
      prio("A100", "a", T0 - 3 * MIN, { status: "served", deskId: "d2", calledAt: T0 + 5 * MIN }),
      ticket("A101", "a", T0 - 2 * MIN, { status: "served", deskId: "d2", calledAt: T0 + 6 * MIN }),
      // Another matter's calls do not count.
      prio("B001", "b", T0, { status: "served", deskId: "d2", calledAt: T0 + 7 * MIN }),
    ];
    expect(numbers(deskQueue(deskCfg("d1", "a"), tickets, "alternate"))).toEqual(["A004", "A001", "A005", "A002", "A003"]);
    expectCountsFollowQueue(tickets, "alternate");
  });

  it("calls the normal tickets in order when no priority ticket waits, and priority ones when only they wait", () => {
    const normal = waiting.filter((t) => !t.priority);
    expect(numbers(lineOrder(normal, "alternate", true))).toEqual(["A001", "A002", "A003"]);
    const onlyPriority = waiting.filter((t) => t.priority);
    expect(numbers(lineOrder(onlyPriority, "alternate", false))).toEqual(["A004", "A005"]);
  });

  it("keeps bookings due ahead of the alternation", () => {
    const tickets = [...waiting, booking("A050", "a", T0 + 8 * MIN, T0 + 7 * MIN)];
    expect(numbers(deskQueue(deskCfg("d1", "a"), tickets, "alternate"))[0]).toBe("A050");
    expectCountsFollowQueue(tickets, "alternate");
  });

  it("counts people ahead for a desk serving two matters, each matter with its own alternation", () => {
    const tickets = [
      ...waiting,
      ticket("B001", "b", T0),
      prio("B002", "b", T0 + MIN),
      prio("B000", "b", T0 - 5 * MIN, { status: "served", deskId: "d3", calledAt: T0 + 2 * MIN }),
    ];
    expect(numbers(deskQueue(deskCfg("d1", "b", "a"), tickets, "alternate"))).toEqual([
      "B001",
      "B002",
      "A004",
      "A001",
      "A005",
      "A002",
      "A003",
    ]);
    expectCountsFollowQueue(tickets, "alternate", ["a", "b"]);
    expectCountsFollowQueue(tickets, "alternate", ["b", "a"]);
  });
});

describe("aheadOfNewWalkIn: the place of a ticket not taken yet (the closing cut-off's forecast)", () => {
  const line = [
    ticket("A001", "a", T0),
    ticket("A002", "a", T0 + MIN),
    ticket("A003", "a", T0 + 2 * MIN),
    prio("A004", "a", T0 + 3 * MIN),
    booking("A010", "a", T0 + 4 * MIN, T0 + 5 * MIN),
    ticket("B001", "b", T0),
  ];
  const now = T0 + 10 * MIN;

  it("puts a new priority ticket behind the bookings due and the priority tickets waiting, ahead of normal walk-ins ('first')", () => {
    expect(aheadOfNewWalkIn("a", true, now, line, "first")).toBe(2);
    expect(aheadOfNewWalkIn("a", false, now, line, "first")).toBe(5);
    // It is exactly the place the ticket gets once taken.
    const taken = [...line, prio("A011", "a", now)];
    expect(waitingAheadAll(taken, "first").get("A011")).toBe(2);
  });

  it("in 'alternate', a new priority ticket takes its turn every second walk-in call", () => {
    const taken = [...line, prio("A011", "a", now)];
    expect(aheadOfNewWalkIn("a", true, now, line, "alternate")).toBe(waitingAheadAll(taken, "alternate").get("A011"));
    expect(aheadOfNewWalkIn("a", true, now, line, "alternate")).toBeLessThan(5);
  });

  it("with priority off, the flag changes nothing: behind everyone of the matter", () => {
    expect(aheadOfNewWalkIn("a", true, now, line, "off")).toBe(5);
  });
});
