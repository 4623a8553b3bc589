import { describe, expect, it } from "vitest";
import type { TicketView } from "../../protocol/api.ts";
import { deskRows, totalWaiting } from "./desk-rows.ts";

const ticket = (id: string, matterId: string, status: TicketView["status"], deskId: string | null = null): TicketView => ({
  id,
  number: id.toUpperCase(),
  matterId,
  source: "walk-in",
  status,
  takenAt: "2026-11-23T10:00:00+01:00",
  deskId,
  misses: 0,
  recallAt: null,
  calledAt: null,
});

describe("desk rows of the manager's page", () => {
  const tickets = [
    ticket("a1", "a", "waiting"),
    ticket("a2", "a", "waiting"),
    ticket("b1", "b", "waiting"),
    ticket("b2", "b", "waiting", "d2"),
    ticket("a3", "a", "called", "d1"),
    ticket("a4", "a", "missed", "d1"),
    ticket("a5", "a", "served", "d1"),
  ];
  const desks = [
    { id: "d1", name: "Stanowisko 1", status: "open" as const, matterIds: ["a"], ticket: tickets[4]! },
    { id: "d2", name: "Stanowisko 2", status: "paused" as const, matterIds: ["a", "b"], ticket: null },
  ];

  it("counts for each desk the waiting tickets of its matters and those sent to it, not the missed or served", () => {
    expect(deskRows({ desks, tickets })).toEqual([
      { id: "d1", name: "Stanowisko 1", status: "open", client: "A3", waiting: 2 },
      { id: "d2", name: "Stanowisko 2", status: "paused", client: null, waiting: 4 },
    ]);
  });

  it("counts each waiting person once for the site", () => {
    expect(totalWaiting({ tickets })).toBe(4);
  });
});
