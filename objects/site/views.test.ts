// The e-ticket's view: while the ticket waits near its turn, the numbers served now at the desks that serve its matter.
import { describe, expect, it } from "vitest";
import type { TicketStatus } from "../../protocol/api.ts";
import { SiteConfig } from "../../protocol/config.ts";
import { registryOfficeConfig } from "../../test/site-config.ts";
import type { Desk, Ticket } from "../queue/model.ts";
import { indexSite } from "./site-index.ts";
import { ETICKET_SERVING_AHEAD, ViewBuilder } from "./views.ts";

const config = SiteConfig.parse(registryOfficeConfig("views"));

function ticket(id: string, number: string, matterId: string, status: TicketStatus, deskId: string | null = null): Ticket {
  return {
    id,
    token: `t-${id}`,
    day: "2026-11-24",
    number,
    matterId,
    source: "walk-in",
    status,
    takenAt: Number(number.slice(1)),
    reservedAt: null,
    deskId,
    misses: 0,
    recallAt: null,
    calledAt: deskId ? 1 : null,
    startedAt: status === "serving" ? 2 : null,
    finishedAt: null,
  };
}

function views(tickets: Ticket[], desks: Desk[]): ViewBuilder {
  return new ViewBuilder(
    indexSite(config),
    { tickets: new Map(tickets.map((t) => [t.id, t])), desks: new Map(desks.map((d) => [d.id, d])) },
    new Map(),
    { now: 0, closesAt: null, bookingsDue: new Map() },
  );
}

describe("the e-ticket's numbers served now", () => {
  const tickets = [
    ticket("1", "A001", "akt", "serving", "d1"),
    ticket("2", "S001", "slub", "called", "d2"),
    ticket("3", "S002", "slub", "serving", "d3"),
    ticket("4", "A002", "akt", "waiting"),
    ticket("5", "S003", "slub", "waiting"),
    ticket("6", "A000", "akt", "served"),
  ];
  const desks: Desk[] = [
    { id: "d1", status: "open", ticketId: "1" },
    { id: "d2", status: "open", ticketId: "2" },
    { id: "d3", status: "open", ticketId: "3" },
  ];

  it("names what the desks of the ticket's matter call or serve, in the desks' order", () => {
    const v = views(tickets, desks);
    expect(v.eticket(tickets[3]!).servingNow).toEqual(["A001", "S001"]);
    expect(v.eticket(tickets[4]!).servingNow).toEqual(["S001", "S002"]);
  });

  it("is empty while nobody is at those desks, and left out once the ticket no longer waits", () => {
    expect(views(tickets, [{ id: "d1", status: "open", ticketId: null }]).eticket(tickets[3]!).servingNow).toEqual([]);
    const v = views(tickets, desks);
    expect(v.eticket(tickets[0]!).servingNow).toBeUndefined();
    expect(v.eticket(tickets[5]!)).not.toHaveProperty("servingNow");
  });
});

describe("the e-ticket far back in the line", () => {
  // A line of 12 behind A001 (being served at d1): A010 is first, A021 has 11 people ahead.
  const line = Array.from({ length: 12 }, (_, i) => ticket(`w${i}`, `A0${10 + i}`, "akt", "waiting"));
  const missed = { ...ticket("m", "A005", "akt", "missed"), misses: 1, recallAt: 60_000 };
  const v = views([ticket("1", "A001", "akt", "serving", "d1"), ...line, missed], [{ id: "d1", status: "open", ticketId: "1" }]);

  it(`names the numbers served now once at most ${ETICKET_SERVING_AHEAD} people are ahead, and while a missed ticket waits to be called again`, () => {
    expect(v.eticket(line[10]!)).toMatchObject({ waitingAhead: ETICKET_SERVING_AHEAD, servingNow: ["A001"] });
    expect(v.eticket(missed).servingNow).toEqual(["A001"]);
  });

  it("leaves them out further back, where its place and its wait say more (a call elsewhere leaves its view as it was)", () => {
    const far = v.eticket(line[11]!);
    expect(far.waitingAhead).toBe(ETICKET_SERVING_AHEAD + 1);
    expect(far).not.toHaveProperty("servingNow");
    const nobodyServed = views([...line, missed], [{ id: "d1", status: "open", ticketId: null }]);
    expect(nobodyServed.eticket(line[11]!)).toEqual(far);
  });
});

describe("the wait range a new ticket would be shown", () => {
  const waiting = (n: number, matterId: string, letter: string): Ticket[] =>
    Array.from({ length: n }, (_, i) => ticket(`${letter}${i}`, `${letter}${String(i + 1).padStart(3, "0")}`, matterId, "waiting"));
  const open: Desk[] = ["d1", "d2", "d3"].map((id) => ({ id, status: "open", ticketId: null }));

  it("grows with the people waiting for the matter", () => {
    const few = views(waiting(2, "slub", "S"), open).newTicketRange("slub");
    const many = views(waiting(8, "slub", "S"), open).newTicketRange("slub");
    expect(many.low).toBeGreaterThan(few.low);
    expect(many.high).toBeGreaterThan(few.high);
  });

  it("is longer when the matter's own desk is on a break and only a shared desk serves it", () => {
    const tickets = waiting(6, "slub", "S");
    const both = views(tickets, open).newTicketRange("slub");
    const paused: Desk[] = open.map((d) => (d.id === "d3" ? { ...d, status: "paused" } : d));
    expect(views(tickets, paused).newTicketRange("slub").low).toBeGreaterThan(both.low);
  });

  it("matches the range the ticket shows once taken", () => {
    const tickets = waiting(5, "akt", "A");
    const before = views(tickets, open).newTicketRange("akt");
    const taken = ticket("new", "A006", "akt", "waiting");
    expect(views([...tickets, taken], open).range(taken)).toEqual(before);
  });
});
