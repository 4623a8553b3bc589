import { describe, expect, it } from "vitest";
import type { ContinuityTicket, OfflineDeskAction, OfflineIssue } from "../../protocol/continuity.ts";
import type { Ticket } from "../queue/model.ts";
import { DAY, desk, MIN, T0, ticket } from "../queue/test-fixtures.ts";
import { applyEntry, consecutive, desksLeftBehind, type ReplayBounds, settle, unapplied } from "./reconcile.ts";

/** A ticket as the agent records it (no e-ticket secret). */
function row(t: Ticket, over: Partial<ContinuityTicket> = {}): ContinuityTicket {
  const { token: _token, priority: _p, interpreter: _i, ...rest } = t;
  return { ...rest, ...over };
}

function deskEntry(seq: number, over: Partial<OfflineDeskAction>): OfflineDeskAction {
  return {
    type: "desk",
    seq,
    at: T0 + 10 * MIN,
    deskId: "d1",
    command: { action: "call-next" },
    by: "urzednik1",
    tickets: [],
    desks: [],
    calls: [],
    ...over,
  };
}

/** The site of these tests: matter m1 (A), desks d1..d4, the agent's block A500..A999 of DAY, secrets "demo.…". */
const bounds: ReplayBounds = {
  numbers: (day, matterId) => (day === DAY && matterId === "m1" ? { first: 500, last: 999 } : null),
  prefixOf: (matterId) => (matterId === "m1" ? "A" : undefined),
  hasDesk: (deskId) => ["d1", "d2", "d3", "d4"].includes(deskId),
  tokenFree: (token) => token.startsWith("demo.") && token !== "demo.takentakentakentakent",
};

const lookup = (...ts: Ticket[]) => {
  const m = new Map(ts.map((t) => [t.id, t]));
  return (id: string) => m.get(id);
};

describe("an offline row against the cloud's ticket", () => {
  const waiting = ticket("A001", "m1", T0);
  const calledOffline = row(waiting, { status: "called", deskId: "d1", calledAt: T0 + 10 * MIN });

  it("writes the hall's row when the cloud did not touch the ticket (its secret and flags kept)", () => {
    const flagged = { ...waiting, priority: true };
    const s = settle(flagged, calledOffline);
    expect(s.rule).toBeNull();
    expect(s.ticket).toMatchObject({ status: "called", deskId: "d1", token: waiting.token, priority: true });
  });

  it("ended online and only called offline: the online end stands", () => {
    const removed = { ...waiting, status: "removed" as const, finishedAt: T0 + 5 * MIN };
    expect(settle(removed, calledOffline)).toEqual({ ticket: null, rule: "ended-online-stands" });
    expect(settle(removed, row(waiting, { status: "missed", misses: 1, deskId: "d1" }))).toEqual({
      ticket: null,
      rule: "ended-online-stands",
    });
  });

  it("ended online but served offline: the offline record wins", () => {
    const removed = { ...waiting, status: "removed" as const, finishedAt: T0 + 5 * MIN };
    const served = row(waiting, { status: "served", deskId: "d1", calledAt: T0 + MIN, startedAt: T0 + 2 * MIN, finishedAt: T0 + 9 * MIN });
    const s = settle(removed, served);
    expect(s.rule).toBe("served-offline-wins");
    expect(s.ticket).toMatchObject({ status: "served", finishedAt: T0 + 9 * MIN, token: waiting.token });
  });

  it("changed online and offline while still in the queue: the hall's state wins", () => {
    const recalledOnline = { ...waiting, status: "called" as const, deskId: "d2", calledAt: T0 + 12 * MIN };
    const s = settle(recalledOnline, calledOffline);
    expect(s.rule).toBe("hall-wins");
    expect(s.ticket).toMatchObject({ deskId: "d1", calledAt: T0 + 10 * MIN });
  });

  it("nothing to write when the cloud holds the same state, or does not know the ticket", () => {
    expect(settle(waiting, row(waiting))).toEqual({ ticket: null, rule: null });
    expect(settle(undefined, calledOffline)).toEqual({ ticket: null, rule: null });
  });
});

describe("an offline entry applied", () => {
  it("an issue inserts the ticket as printed, with the wait shown; once only", () => {
    const issued: OfflineIssue = {
      type: "issue",
      seq: 1,
      at: T0,
      kioskId: "k1",
      ticket: { ...row(ticket("A500", "m1", T0)), id: "tk_off1", token: "demo.abcdefghijklmnopqrstuv" },
      estimate: { minutes: 10, low: 5, high: 15 },
    };
    const applied = applyEntry(issued, lookup(), bounds);
    expect(applied.tickets).toEqual([
      { ticket: expect.objectContaining({ id: "tk_off1", number: "A500", token: "demo.abcdefghijklmnopqrstuv" }), kioskId: "k1" },
    ]);
    expect(applied.estimates).toEqual([{ ticketId: "tk_off1", minutes: 10, low: 5, high: 15 }]);
    expect(applyEntry(issued, lookup(applied.tickets[0]!.ticket), bounds).tickets).toEqual([]);
  });

  it("a desk left pointing at a ticket whose online end stands is freed, and its offline call not recorded", () => {
    const t = ticket("A001", "m1", T0);
    const removed = { ...t, status: "removed" as const, finishedAt: T0 + 5 * MIN };
    const entry = deskEntry(4, {
      tickets: [row(t, { status: "called", deskId: "d1", calledAt: T0 + 10 * MIN })],
      desks: [desk("d1", { ticketId: t.id })],
      calls: [{ ticketId: t.id, number: t.number, deskId: "d1", at: T0 + 10 * MIN, attempt: 1, reason: "call" }],
    });
    const applied = applyEntry(entry, lookup(removed), bounds);
    expect(applied.tickets).toEqual([]);
    expect(applied.desks).toEqual([desk("d1", { ticketId: null })]);
    expect(applied.calls).toEqual([]);
    expect(applied.conflicts).toEqual([
      { seq: 4, ticketId: t.id, rule: "ended-online-stands" },
      { seq: 4, ticketId: t.id, rule: "desk-freed" },
    ]);
  });

  it("a plain offline call is applied whole", () => {
    const t = ticket("A001", "m1", T0);
    const call = { ticketId: t.id, number: t.number, deskId: "d1", at: T0 + 10 * MIN, attempt: 1, reason: "call" as const };
    const applied = applyEntry(
      deskEntry(1, {
        tickets: [row(t, { status: "called", deskId: "d1", calledAt: call.at })],
        desks: [desk("d1", { ticketId: t.id })],
        calls: [call],
      }),
      lookup(t),
      bounds,
    );
    expect(applied.tickets.map((w) => w.ticket.status)).toEqual(["called"]);
    expect(applied.desks).toEqual([desk("d1", { ticketId: t.id })]);
    expect(applied.calls).toEqual([call]);
    expect(applied.conflicts).toEqual([]);
    expect(DAY).toBe(t.day);
  });
});

describe("an entry naming what the site does not know", () => {
  const issue = (over: Partial<OfflineIssue["ticket"]>): OfflineIssue => ({
    type: "issue",
    seq: 1,
    at: T0,
    kioskId: "k1",
    ticket: { ...row(ticket("A500", "m1", T0)), id: "tk_off1", token: "demo.abcdefghijklmnopqrstuv", ...over },
    estimate: { minutes: 10, low: 5, high: 15 },
  });

  it("a walk-in that could not have been issued offline is not inserted", () => {
    const refused: Partial<OfflineIssue["ticket"]>[] = [
      { number: "A001" }, // below the agent's block: a number the cloud gives out
      { number: "A1000" }, // above it
      { number: "B500" }, // not the matter's prefix
      { matterId: "gone" }, // no such matter
      { day: "2019-01-01" }, // a day far off
      { token: "other.abcdefghijklmnopqrstuv" }, // an e-ticket secret of another site
      { token: "demo.takentakentakentakent" }, // …or one already given
      { status: "served", deskId: "d1", calledAt: T0, startedAt: T0, finishedAt: T0 + MIN }, // not a new ticket
    ];
    for (const over of refused) expect(applyEntry(issue(over), lookup(), bounds).tickets).toEqual([]);
    expect(applyEntry(issue({}), lookup(), bounds).tickets).toHaveLength(1);
  });

  it("an offline row never renames a ticket, moves it to an unknown matter or desk, and a call names its ticket's number", () => {
    const t = ticket("A001", "m1", T0);
    const renamed = applyEntry(
      deskEntry(1, {
        tickets: [row(t, { status: "called", deskId: "d1", calledAt: T0 + MIN, number: "A777", day: "2030-01-01", takenAt: 0 })],
        desks: [desk("d1", { ticketId: t.id }), desk("d2", { ticketId: "tk_nobody" })],
        calls: [
          { ticketId: t.id, number: "A777", deskId: "d1", at: T0 + MIN, attempt: 1, reason: "call" },
          { ticketId: t.id, number: t.number, deskId: "d9", at: T0 + MIN, attempt: 1, reason: "call" },
        ],
      }),
      lookup(t),
      bounds,
    );
    expect(renamed.tickets.map((w) => w.ticket)).toEqual([
      expect.objectContaining({ number: "A001", day: DAY, takenAt: T0, status: "called" }),
    ]);
    expect(renamed.desks).toEqual([desk("d1", { ticketId: t.id }), desk("d2")]);
    expect(renamed.calls).toEqual([]);
    const elsewhere = (over: Partial<ContinuityTicket>) =>
      applyEntry(deskEntry(2, { tickets: [row(t, { status: "called", calledAt: T0 + MIN, ...over })] }), lookup(t), bounds).tickets;
    expect(elsewhere({ deskId: "d9" })).toEqual([]);
    // Times that do not read as one service would teach the statistics and the estimates a false duration.
    const served = { status: "served" as const, deskId: "d1", calledAt: T0 + MIN, startedAt: T0 + 2 * MIN, finishedAt: T0 + 9 * MIN };
    expect(elsewhere(served)).toHaveLength(1);
    expect(elsewhere({ ...served, finishedAt: T0 })).toEqual([]);
    expect(elsewhere({ ...served, startedAt: T0 - 2 * 24 * 60 * MIN, calledAt: T0 - 2 * 24 * 60 * MIN })).toEqual([]);
    expect(elsewhere({ ...served, finishedAt: T0 + 60 * MIN })).toEqual([]);
    expect(elsewhere({ deskId: "d1", matterId: "gone" })).toEqual([]);
  });
});

describe("the cloud's desks after a replay", () => {
  it("a desk still holding a ticket the hall called elsewhere, or ended, is freed; the others stay", () => {
    const t = ticket("A001", "m1", T0, { status: "called", deskId: "d1", calledAt: T0 + 10 * MIN });
    const u = ticket("A002", "m1", T0, { status: "served", deskId: "d3", finishedAt: T0 + 9 * MIN });
    const rows = new Map([
      [t.id, t],
      [u.id, u],
    ]);
    const cloud = [
      desk("d1", { ticketId: t.id }),
      desk("d2", { ticketId: t.id }),
      desk("d3", { ticketId: u.id }),
      desk("d4", { ticketId: "other" }),
    ];
    expect(desksLeftBehind(cloud, rows, new Set())).toEqual([desk("d2"), desk("d3")]);
    expect(desksLeftBehind(cloud, rows, new Set(["d2"]))).toEqual([desk("d3")]);
  });
});

describe("the order of a replay", () => {
  it("entries of one request follow each other", () => {
    expect(consecutive([{ seq: 3 }, { seq: 4 }, { seq: 5 }])).toBe(true);
    expect(consecutive([{ seq: 3 }, { seq: 5 }])).toBe(false);
    expect(consecutive([{ seq: 3 }, { seq: 3 }])).toBe(false);
  });

  it("skips what was applied, and refuses a gap", () => {
    const batch = [{ seq: 3 }, { seq: 4 }, { seq: 5 }];
    expect(unapplied(batch, 2)).toEqual(batch);
    expect(unapplied(batch, 4)).toEqual([{ seq: 5 }]);
    expect(unapplied(batch, 5)).toEqual([]);
    expect(unapplied(batch, 1)).toBeNull();
  });
});
