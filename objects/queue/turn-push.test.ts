// When the e-ticket's browser notifications are due: "near" once, "called" once per call.
import { describe, expect, it } from "vitest";
import type { Ticket } from "./model.ts";
import { MIN, T0, ticket } from "./test-fixtures.ts";
import { type PushWatch, turnPushMoments } from "./turn-push.ts";

const byId = (...ts: Ticket[]) => new Map(ts.map((t) => [t.id, t]));
const watch = (ticketId: string, ahead: number, more: Partial<PushWatch> = {}): PushWatch => ({
  id: `w-${ticketId}`,
  ticketId,
  ahead,
  nearSent: false,
  calledAt: null,
  ...more,
});

describe("turnPushMoments", () => {
  const line = [0, 1, 2, 3].map((i) => ticket(`A00${i + 1}`, "a", T0 + i * MIN));

  it("tells once that the turn is near, with the people ahead, when N or fewer wait in front", () => {
    expect(turnPushMoments([watch("A004", 2)], byId(...line), "off")).toEqual([]);
    const oneServed = byId({ ...line[0]!, status: "served" }, line[1]!, line[2]!, line[3]!);
    expect(turnPushMoments([watch("A004", 2)], oneServed, "off")).toEqual([{ id: "w-A004", ticketId: "A004", kind: "near", ahead: 2 }]);
    expect(turnPushMoments([watch("A004", 2, { nearSent: true })], oneServed, "off")).toEqual([]);
  });

  it("tells of each call to a desk once, a recall after a miss again", () => {
    const called = { ...line[0]!, status: "called" as const, deskId: "d2", calledAt: T0 + 5 * MIN };
    expect(turnPushMoments([watch("A001", 3)], byId(called), "off")).toEqual([
      { id: "w-A001", ticketId: "A001", kind: "called", deskId: "d2", calledAt: T0 + 5 * MIN },
    ]);
    expect(turnPushMoments([watch("A001", 3, { calledAt: T0 + 5 * MIN })], byId(called), "off")).toEqual([]);
    const recalled = { ...called, calledAt: T0 + 9 * MIN };
    expect(turnPushMoments([watch("A001", 3, { calledAt: T0 + 5 * MIN })], byId(recalled), "off")).toHaveLength(1);
  });

  it("is silent while a ticket is missed or served, and for tickets gone from the queue", () => {
    const missed = { ...line[0]!, status: "missed" as const, deskId: "d1", misses: 1 };
    const serving = { ...line[1]!, status: "serving" as const, deskId: "d1", calledAt: T0 };
    const removed = { ...line[2]!, status: "removed" as const };
    expect(
      turnPushMoments([watch("A001", 5), watch("A002", 5), watch("A003", 5), watch("X999", 5)], byId(missed, serving, removed), "off"),
    ).toEqual([]);
  });
});

describe("turnPushMoments with priority service", () => {
  it("counts the people ahead in the order the desks call them: a priority ticket is near at once", () => {
    const normal = [0, 1, 2].map((i) => ticket(`A00${i + 1}`, "a", T0 + i * MIN));
    const priority = ticket("A004", "a", T0 + 3 * MIN, { priority: true });
    const tickets = byId(...normal, priority);
    expect(turnPushMoments([watch("A004", 0)], tickets, "first")).toEqual([{ id: "w-A004", ticketId: "A004", kind: "near", ahead: 0 }]);
    // Without priority service the same ticket waits behind the three.
    expect(turnPushMoments([watch("A004", 0)], tickets, "off")).toEqual([]);
  });
});
