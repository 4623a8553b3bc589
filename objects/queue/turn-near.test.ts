// When an e-ticket holder's "tell me when N are ahead" request is due, and which tickets may make one.
import { describe, expect, it } from "vitest";
import type { Ticket } from "./model.ts";
import { booking, MIN, T0, ticket } from "./test-fixtures.ts";
import { turnNearDecisions, turnNoticeRefusal } from "./turn-near.ts";

const byId = (...ts: Ticket[]) => new Map(ts.map((t) => [t.id, t]));

describe("turnNearDecisions", () => {
  const line = [0, 1, 2, 3, 4].map((i) => ticket(`A00${i + 1}`, "a", T0 + i * MIN));

  it("sends once a waiting ticket has at most N people ahead, telling how many", () => {
    const tickets = byId(...line);
    // A005 has 4 ahead.
    expect(turnNearDecisions([{ ticketId: "A005", ahead: 3 }], tickets)).toEqual({ send: [], drop: [] });
    expect(turnNearDecisions([{ ticketId: "A005", ahead: 4 }], tickets)).toEqual({ send: [{ ticketId: "A005", ahead: 4 }], drop: [] });
    const twoServed = byId(...line.map((t, i) => (i < 2 ? { ...t, status: "served" as const } : t)));
    expect(turnNearDecisions([{ ticketId: "A005", ahead: 3 }], twoServed).send).toEqual([{ ticketId: "A005", ahead: 2 }]);
  });

  it("counts only the ticket's own line: other matters do not count, a booking that joined ahead does", () => {
    const other = ticket("B001", "b", T0 - MIN);
    expect(turnNearDecisions([{ ticketId: "A002", ahead: 1 }], byId(line[0]!, line[1]!, other)).send).toEqual([
      { ticketId: "A002", ahead: 1 },
    ]);
    const booked = booking("R001", "a", T0 + 10 * MIN, T0 + 10 * MIN);
    expect(turnNearDecisions([{ ticketId: "A002", ahead: 1 }], byId(line[0]!, line[1]!, booked)).send).toEqual([]);
  });

  it("sends with 0 ahead when the ticket is called or served before its threshold was reached", () => {
    const called = { ...line[4]!, status: "called" as const, deskId: "d1" };
    expect(turnNearDecisions([{ ticketId: "A005", ahead: 1 }], byId(called)).send).toEqual([{ ticketId: "A005", ahead: 0 }]);
    const serving = { ...line[4]!, status: "serving" as const, deskId: "d1" };
    expect(turnNearDecisions([{ ticketId: "A005", ahead: 1 }], byId(serving)).send).toEqual([{ ticketId: "A005", ahead: 0 }]);
  });

  it("waits while a ticket is missed, and drops requests of tickets that left the queue", () => {
    const missed = { ...line[0]!, status: "missed" as const, deskId: "d1", misses: 1, recallAt: T0 + 2 * MIN };
    const removed = { ...line[1]!, status: "removed" as const };
    const closed = { ...line[2]!, status: "closed" as const };
    const served = { ...line[3]!, status: "served" as const };
    const d = turnNearDecisions(
      ["A001", "A002", "A003", "A004", "gone"].map((ticketId) => ({ ticketId, ahead: 5 })),
      byId(missed, removed, closed, served),
    );
    expect(d).toEqual({ send: [], drop: ["A002", "A003", "A004", "gone"] });
  });

  it("answers several requests at once", () => {
    const d = turnNearDecisions(
      line.map((t) => ({ ticketId: t.id, ahead: 2 })),
      byId(...line),
    );
    expect(d.send).toEqual([
      { ticketId: "A001", ahead: 0 },
      { ticketId: "A002", ahead: 1 },
      { ticketId: "A003", ahead: 2 },
    ]);
  });
});

describe("turnNoticeRefusal", () => {
  it("takes requests of waiting and missed tickets only", () => {
    const t = ticket("A001", "a", T0);
    const statuses = ["waiting", "missed", "called", "serving", "served", "removed", "closed"] as const;
    expect(statuses.map((status) => turnNoticeRefusal({ ...t, status }))).toEqual([
      null,
      null,
      "TICKET_NOT_WAITING",
      "TICKET_NOT_WAITING",
      "TICKET_CLOSED",
      "TICKET_CLOSED",
      "TICKET_CLOSED",
    ]);
  });
});
