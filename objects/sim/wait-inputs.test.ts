import { describe, expect, it } from "vitest";
import { booking, desk, MIN, stateOf, T0, ticket } from "../queue/test-fixtures.ts";
import { type SiteKnowledge, waitInputs } from "./wait-inputs.ts";

const configs = [
  { id: "d1", matterIds: ["dow", "mel"] },
  { id: "d2", matterIds: ["dow"] },
  { id: "d3", matterIds: ["mel", "dow", "inf"] },
];

function site(over: Partial<SiteKnowledge> = {}): SiteKnowledge {
  return {
    now: T0,
    configs,
    state: stateOf([], [desk("d1"), desk("d2", { ticketId: "X" }), desk("d3", { status: "paused" })]),
    serviceMinutes: () => 10,
    durations: new Map([["dow", [5 * MIN, 6 * MIN]]]),
    upcomingBookings: [
      { matterId: "dow", at: T0 + 20 * MIN },
      { matterId: "mel", at: T0 + 5 * MIN },
      { matterId: "dow", at: T0 - MIN },
    ],
    closeAt: T0 + 90 * MIN,
    firstCalls: new Map([["dow", [T0 - 70 * MIN, T0 - 30 * MIN, T0 - 10 * MIN]]]),
    ...over,
  };
}

describe("waitInputs", () => {
  it("counts a desk of k matters as 1/k, apart for desks on a break, and whole desks for today's number", () => {
    const { range, single } = waitInputs(site(), ticket("D001", "dow", T0), 3);
    expect(range.deskShare).toBeCloseTo(0.5 + 1);
    expect(range.pausedDeskShare).toBeCloseTo(1 / 3);
    expect(single.openDesks).toBe(2);
    expect(range.idleDesks).toBe(1);
    expect(range.ahead).toBe(3);
    expect(single.ahead).toBe(3);
  });

  it("hands over the bookings still to join, the time to closing, the day's durations and the last hour's calls", () => {
    const { range } = waitInputs(site(), ticket("D001", "dow", T0), 0);
    expect(range.bookingsDueInMinutes).toEqual([20]);
    expect(range.minutesToClose).toBe(90);
    expect(range.observedMs).toEqual([5 * MIN, 6 * MIN]);
    expect(range.calledMinutesAgo).toEqual([30, 10]);
  });

  it("lets no later booking go ahead of a booked ticket", () => {
    const { range } = waitInputs(site(), booking("D002", "dow", T0, T0), 0);
    expect(range.bookingsDueInMinutes).toEqual([]);
  });
});
