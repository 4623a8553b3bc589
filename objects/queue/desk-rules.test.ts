// The clerk console's commands (R4), apart from the no-show rule (see no-show.test.ts).
import { describe, expect, it } from "vitest";
import { deskCommand } from "./desk-rules.ts";
import { booking, ctxOf, desk, deskCfg, Harness, MIN, stateOf, T0, ticket } from "./test-fixtures.ts";

/** d1 serves a then b, d2 serves b then a, d3 serves c; tickets of a and b wait. */
function office(): Harness {
  return new Harness({
    desks: [deskCfg("d1", "a", "b"), deskCfg("d2", "b", "a"), deskCfg("d3", "c")],
    matterIds: ["a", "b", "c", "d"],
    tickets: [
      ticket("A001", "a", T0 - 30 * MIN),
      ticket("A002", "a", T0 - 20 * MIN),
      ticket("B001", "b", T0 - 25 * MIN),
      ticket("B002", "b", T0 - 10 * MIN),
      ticket("B003", "b", T0 - 5 * MIN),
    ],
  });
}

describe("unknown desk", () => {
  it("refuses a desk that is not configured, or has no stored row", () => {
    const h = office();
    expect(h.error("d9", { action: "call-next" })).toBe("UNKNOWN_DESK");
    const noRow = new Harness({ desks: [deskCfg("d1", "a")], deskRows: [], tickets: [ticket("A001", "a", T0)] });
    expect(noRow.error("d1", { action: "call-next" })).toBe("UNKNOWN_DESK");
  });
});

describe("call-next", () => {
  it("calls the first client of the desk's queue and shows it on the screens", () => {
    const h = office();
    const out = h.run("d1", { action: "call-next" });
    expect(out.ticketId).toBe("A001");
    expect(out.deskId).toBe("d1");
    expect(out.calls).toEqual([{ ticketId: "A001", number: "A001", deskId: "d1", at: T0, attempt: 1, reason: "call" }]);
    expect(h.ticket("A001")).toMatchObject({ status: "called", deskId: "d1", calledAt: T0 });
    expect(h.desk("d1").ticketId).toBe("A001");
  });

  it("follows each desk's order of preference", () => {
    const h = office();
    expect(h.callNext("d2")).toBe("B001"); // prefers b, although A001 is older
    expect(h.callNext("d1")).toBe("A001");
  });

  it("never gives one client to two desks", () => {
    const h = office();
    const called = [h.callNext("d1"), h.callNext("d2")];
    h.run("d1", { action: "finish" });
    called.push(h.callNext("d1"));
    expect(called).toEqual(["A001", "B001", "A002"]);
  });

  it("calls a due reservation before earlier walk-ins", () => {
    const h = office();
    h.add(booking("A003", "a", T0 - MIN, T0));
    expect(h.callNext("d1")).toBe("A003");
  });

  it("only calls matters the desk serves; with nothing to call it answers with no ticket and changes nothing", () => {
    const h = office();
    const out = h.run("d3", { action: "call-next" });
    expect(out).toEqual({ tickets: [], desks: [], calls: [], deskId: "d3", ticketId: null });
    expect(h.desk("d3").ticketId).toBeNull();
  });

  it("refuses while the desk has a client (DESK_BUSY) or is paused (DESK_PAUSED)", () => {
    const h = office();
    h.callNext("d1");
    expect(h.error("d1", { action: "call-next" })).toBe("DESK_BUSY");
    h.run("d2", { action: "pause", reason: "break" });
    expect(h.error("d2", { action: "call-next" })).toBe("DESK_PAUSED");
  });

  it("does not change the state it was given (the object applies the outcome itself)", () => {
    const h = office();
    const before = h.state;
    const snapshot = JSON.stringify([[...before.tickets.values()], [...before.desks.values()]]);
    const r = deskCommand(before, h.ctx, "d1", { action: "call-next" }, "clerk");
    expect(r.ok).toBe(true);
    expect(JSON.stringify([[...before.tickets.values()], [...before.desks.values()]])).toBe(snapshot);
  });
});

describe("call a specific ticket", () => {
  it("calls the chosen ticket out of turn", () => {
    const h = office();
    const out = h.run("d1", { action: "call", ticketId: "B003" });
    expect(out.ticketId).toBe("B003");
    expect(out.calls).toEqual([{ ticketId: "B003", number: "B003", deskId: "d1", at: T0, attempt: 1, reason: "call" }]);
    expect(h.ticket("B003").status).toBe("called");
    expect(h.callNext("d2")).toBe("B001");
  });

  it("refuses a matter the desk does not serve (MATTER_NOT_SERVED)", () => {
    const h = office();
    expect(h.error("d3", { action: "call", ticketId: "A001" })).toBe("MATTER_NOT_SERVED");
  });

  it("refuses an unknown ticket (UNKNOWN_TICKET)", () => {
    expect(office().error("d1", { action: "call", ticketId: "Z999" })).toBe("UNKNOWN_TICKET");
  });

  it("refuses a served, removed or closed ticket (TICKET_CLOSED)", () => {
    const h = office();
    h.add(
      ticket("A010", "a", T0, { status: "served" }),
      ticket("A011", "a", T0, { status: "removed", misses: 3 }),
      ticket("A012", "a", T0, { status: "closed" }),
    );
    for (const id of ["A010", "A011", "A012"]) expect(h.error("d1", { action: "call", ticketId: id })).toBe("TICKET_CLOSED");
  });

  it("refuses a ticket already at another desk or sent to another desk (TICKET_NOT_WAITING)", () => {
    const h = office();
    h.callNext("d2"); // B001 at d2
    expect(h.error("d1", { action: "call", ticketId: "B001" })).toBe("TICKET_NOT_WAITING");
    h.run("d2", { action: "start" });
    expect(h.error("d1", { action: "call", ticketId: "B001" })).toBe("TICKET_NOT_WAITING");
    h.add(ticket("A020", "a", T0, { deskId: "d2" }));
    expect(h.error("d1", { action: "call", ticketId: "A020" })).toBe("TICKET_NOT_WAITING");
    h.add(ticket("A021", "a", T0, { status: "missed", deskId: "d2", misses: 1, recallAt: T0 }));
    expect(h.error("d1", { action: "call", ticketId: "A021" })).toBe("TICKET_NOT_WAITING");
  });

  it("calls a ticket sent to this desk even of a matter it does not serve", () => {
    const h = office();
    h.add(ticket("A030", "a", T0, { deskId: "d3" }));
    expect(h.run("d3", { action: "call", ticketId: "A030" }).ticketId).toBe("A030");
  });

  it("calls back a ticket this desk marked as missed, as its next attempt", () => {
    const h = office();
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    h.run("d1", { action: "call", ticketId: "A001" });
    expect(h.ticket("A001")).toMatchObject({ status: "called", misses: 1, recallAt: null });
    expect(h.lastCall()).toMatchObject({ ticketId: "A001", attempt: 2 });
  });

  it("refuses while the desk is busy or paused", () => {
    const h = office();
    h.callNext("d1");
    expect(h.error("d1", { action: "call", ticketId: "A002" })).toBe("DESK_BUSY");
    h.run("d2", { action: "pause", reason: "break" });
    expect(h.error("d2", { action: "call", ticketId: "B002" })).toBe("DESK_PAUSED");
  });
});

describe("recall", () => {
  it("calls the same ticket again: a new call on the screens, same client", () => {
    const h = office();
    h.callNext("d1");
    h.advance(MIN);
    const out = h.run("d1", { action: "recall" });
    expect(out.ticketId).toBe("A001");
    expect(out.calls).toEqual([{ ticketId: "A001", number: "A001", deskId: "d1", at: T0 + MIN, attempt: 1, reason: "recall" }]);
    expect(h.ticket("A001")).toMatchObject({ status: "called", calledAt: T0 + MIN, misses: 0 });
    expect(h.desk("d1").ticketId).toBe("A001");
    expect(h.calls).toHaveLength(2);
  });

  it("refuses with DESK_IDLE without a client and ALREADY_SERVING once service started", () => {
    const h = office();
    expect(h.error("d1", { action: "recall" })).toBe("DESK_IDLE");
    h.callNext("d1");
    h.run("d1", { action: "start" });
    expect(h.error("d1", { action: "recall" })).toBe("ALREADY_SERVING");
  });
});

describe("start and finish", () => {
  it("start marks the called client as being served", () => {
    const h = office();
    h.callNext("d1");
    h.advance(2 * MIN);
    const out = h.run("d1", { action: "start" });
    expect(out.ticketId).toBe("A001");
    expect(out.calls).toEqual([]);
    expect(h.ticket("A001")).toMatchObject({ status: "serving", startedAt: T0 + 2 * MIN });
  });

  it("start refuses with DESK_IDLE without a client and ALREADY_SERVING the second time", () => {
    const h = office();
    expect(h.error("d1", { action: "start" })).toBe("DESK_IDLE");
    h.callNext("d1");
    h.run("d1", { action: "start" });
    expect(h.error("d1", { action: "start" })).toBe("ALREADY_SERVING");
  });

  it("finish marks the client served and frees the desk", () => {
    const h = office();
    h.callNext("d1");
    h.advance(MIN);
    h.run("d1", { action: "start" });
    h.advance(7 * MIN);
    const out = h.run("d1", { action: "finish" });
    expect(out.ticketId).toBe("A001");
    expect(out.calls).toEqual([]);
    expect(h.ticket("A001")).toMatchObject({ status: "served", startedAt: T0 + MIN, finishedAt: T0 + 8 * MIN });
    expect(h.desk("d1").ticketId).toBeNull();
    expect(h.callNext("d1")).toBe("A002");
  });

  it("finish without start still serves the client (service from now)", () => {
    const h = office();
    h.callNext("d1");
    h.advance(MIN);
    h.run("d1", { action: "finish" });
    expect(h.ticket("A001")).toMatchObject({ status: "served", startedAt: T0 + MIN, finishedAt: T0 + MIN });
  });

  it("finish refuses with DESK_IDLE without a client", () => {
    expect(office().error("d1", { action: "finish" })).toBe("DESK_IDLE");
  });
});

describe("pause and resume", () => {
  it("pauses an idle desk and resumes it", () => {
    const h = office();
    const out = h.run("d1", { action: "pause", reason: "break" });
    expect(out.desks).toEqual([{ id: "d1", status: "paused", ticketId: null, pause: { reason: "break", since: h.now } }]);
    expect(h.desk("d1").status).toBe("paused");
    h.run("d1", { action: "resume" });
    expect(h.desk("d1").status).toBe("open");
    expect(h.callNext("d1")).toBe("A001");
  });

  it("keeps the reason of the pause and when it began, until the desk resumes", () => {
    const h = office();
    h.run("d1", { action: "pause", reason: "training" });
    expect(h.desk("d1").pause).toEqual({ reason: "training", since: h.now });
    h.run("d1", { action: "resume" });
    expect(h.desk("d1")).toEqual({ id: "d1", status: "open", ticketId: null });
    expect("pause" in h.desk("d1")).toBe(false);
  });

  it("a paused desk calls nobody; the other desks go on", () => {
    const h = office();
    h.run("d1", { action: "pause", reason: "break" });
    expect(h.error("d1", { action: "call-next" })).toBe("DESK_PAUSED");
    expect(h.callNext("d2")).toBe("B001");
  });

  it("refuses to pause a desk with a client (DESK_BUSY) or one already paused (DESK_PAUSED)", () => {
    const h = office();
    h.callNext("d1");
    expect(h.error("d1", { action: "pause", reason: "break" })).toBe("DESK_BUSY");
    h.run("d2", { action: "pause", reason: "break" });
    expect(h.error("d2", { action: "pause", reason: "break" })).toBe("DESK_PAUSED");
  });

  it("refuses to resume a desk that is not paused (DESK_NOT_PAUSED)", () => {
    expect(office().error("d1", { action: "resume" })).toBe("DESK_NOT_PAUSED");
  });
});

describe("transfer to another matter", () => {
  it("sends the current client to the other matter's queue, keeping number and original time", () => {
    const h = new Harness({
      desks: [deskCfg("d1", "a"), deskCfg("d2", "b")],
      tickets: [ticket("B001", "b", T0 - 40 * MIN), ticket("A001", "a", T0 - 30 * MIN), ticket("B002", "b", T0 - 10 * MIN)],
    });
    h.callNext("d1");
    h.run("d1", { action: "start" });
    h.advance(5 * MIN);
    const out = h.run("d1", { action: "transfer", ticketId: "A001", matterId: "b" });
    expect(out.ticketId).toBe("A001");
    expect(out.calls).toEqual([]);
    expect(h.ticket("A001")).toMatchObject({
      number: "A001",
      matterId: "b",
      status: "waiting",
      deskId: null,
      takenAt: T0 - 30 * MIN,
      calledAt: null,
      startedAt: null,
    });
    expect(h.desk("d1").ticketId).toBeNull();
    // It stands where it would have stood: after B001 (earlier), ahead of B002 (later).
    expect(h.serveNext("d2")).toBe("B001");
    expect(h.serveNext("d2")).toBe("A001");
    expect(h.serveNext("d2")).toBe("B002");
  });

  it("the desk that sent the client on no longer takes it if it does not serve the new matter", () => {
    const h = new Harness({ desks: [deskCfg("d1", "a"), deskCfg("d2", "b")], tickets: [ticket("A001", "a", T0)] });
    h.callNext("d1");
    h.run("d1", { action: "transfer", ticketId: "A001", matterId: "b" });
    expect(h.callNext("d1")).toBeNull();
  });

  it("a manager can move a waiting ticket, too", () => {
    const h = office();
    h.run("d1", { action: "transfer", ticketId: "A002", matterId: "c" }, "manager");
    expect(h.ticket("A002")).toMatchObject({ matterId: "c", status: "waiting" });
    expect(h.callNext("d3")).toBe("A002");
  });

  it("refuses an unknown matter (UNKNOWN_MATTER) and the matter it already has (TRANSFER_TARGET_INVALID)", () => {
    const h = office();
    h.callNext("d1");
    expect(h.error("d1", { action: "transfer", ticketId: "A001", matterId: "zzz" })).toBe("UNKNOWN_MATTER");
    expect(h.error("d1", { action: "transfer", ticketId: "A001", matterId: "a" })).toBe("TRANSFER_TARGET_INVALID");
  });

  it("moving a ticket that was sent to a desk to a matter lets every desk of that matter take it", () => {
    const h = office();
    h.add(ticket("A050", "a", T0 - 60 * MIN, { deskId: "d3" }));
    h.run("d1", { action: "transfer", ticketId: "A050", matterId: "a" }, "manager");
    expect(h.ticket("A050").deskId).toBeNull();
    expect(h.callNext("d1")).toBe("A050");
  });
});

describe("transfer to another desk", () => {
  it("sends the current client to that desk only, which takes it first", () => {
    const h = new Harness({
      desks: [deskCfg("d1", "a"), deskCfg("d2", "a"), deskCfg("d3", "a")],
      tickets: [ticket("A001", "a", T0 - 30 * MIN), ticket("A002", "a", T0 - 20 * MIN), ticket("A003", "a", T0 - 10 * MIN)],
    });
    h.callNext("d1");
    h.run("d1", { action: "start" });
    h.run("d1", { action: "transfer", ticketId: "A001", deskId: "d3" });
    expect(h.ticket("A001")).toMatchObject({
      number: "A001",
      status: "waiting",
      deskId: "d3",
      matterId: "a",
      takenAt: T0 - 30 * MIN,
      startedAt: null,
      calledAt: null,
    });
    expect(h.desk("d1").ticketId).toBeNull();
    expect(h.callNext("d1")).toBe("A002");
    expect(h.callNext("d2")).toBe("A003");
    expect(h.callNext("d3")).toBe("A001");
  });

  it("a ticket sent to a desk goes ahead of that desk's own queue, even an older ticket", () => {
    const h = new Harness({
      desks: [deskCfg("d1", "a"), deskCfg("d2", "b")],
      tickets: [ticket("B001", "b", T0 - 60 * MIN), ticket("A001", "a", T0 - 10 * MIN)],
    });
    h.callNext("d1");
    h.run("d1", { action: "transfer", ticketId: "A001", deskId: "d2" });
    expect(h.callNext("d2")).toBe("A001");
  });

  it("a paused or busy target desk keeps the ticket waiting for it", () => {
    const h = new Harness({
      desks: [deskCfg("d1", "a"), deskCfg("d2", "a")],
      tickets: [ticket("A001", "a", T0), ticket("A002", "a", T0 + MIN)],
    });
    h.run("d2", { action: "pause", reason: "break" });
    h.callNext("d1");
    h.run("d1", { action: "transfer", ticketId: "A001", deskId: "d2" });
    expect(h.callNext("d1")).toBe("A002");
    h.run("d1", { action: "finish" });
    expect(h.callNext("d1")).toBeNull();
    h.run("d2", { action: "resume" });
    expect(h.callNext("d2")).toBe("A001");
  });

  it("refuses its own desk for the current client and the desk a waiting ticket already goes to", () => {
    const h = office();
    h.callNext("d1");
    expect(h.error("d1", { action: "transfer", ticketId: "A001", deskId: "d1" })).toBe("TRANSFER_TARGET_INVALID");
    h.add(ticket("A040", "a", T0, { deskId: "d2" }));
    expect(h.error("d1", { action: "transfer", ticketId: "A040", deskId: "d2" }, "manager")).toBe("TRANSFER_TARGET_INVALID");
  });

  it("refuses an unknown target desk (UNKNOWN_DESK)", () => {
    const h = office();
    h.callNext("d1");
    expect(h.error("d1", { action: "transfer", ticketId: "A001", deskId: "d9" })).toBe("UNKNOWN_DESK");
    expect(h.desk("d1").ticketId).toBe("A001");
  });

  it("a manager moves a waiting ticket without touching the desk's own client", () => {
    const h = office();
    h.callNext("d1");
    h.run("d1", { action: "transfer", ticketId: "A002", deskId: "d3" }, "manager");
    expect(h.desk("d1").ticketId).toBe("A001");
    expect(h.ticket("A001").status).toBe("called");
    expect(h.callNext("d3")).toBe("A002");
  });
});

describe("transfer errors", () => {
  it("UNKNOWN_TICKET, TICKET_CLOSED, TICKET_NOT_WAITING", () => {
    const h = office();
    h.add(ticket("A090", "a", T0, { status: "served" }));
    expect(h.error("d1", { action: "transfer", ticketId: "Z999", matterId: "b" })).toBe("UNKNOWN_TICKET");
    expect(h.error("d1", { action: "transfer", ticketId: "A090", matterId: "b" })).toBe("TICKET_CLOSED");
    expect(h.error("d1", { action: "transfer", ticketId: "A090", deskId: "d2" })).toBe("TICKET_CLOSED");
    h.callNext("d2"); // B001 is the client of d2, not of d1
    expect(h.error("d1", { action: "transfer", ticketId: "B001", matterId: "c" })).toBe("TICKET_NOT_WAITING");
    expect(h.error("d1", { action: "transfer", ticketId: "B001", deskId: "d3" })).toBe("TICKET_NOT_WAITING");
    expect(h.ticket("B001")).toMatchObject({ status: "called", deskId: "d2" });
  });
});

describe("a clerk acts only within their desk", () => {
  /** d1 and d2 both serve a; A001 and A002 wait in the common queue. */
  function twoDesks(): Harness {
    return new Harness({
      desks: [deskCfg("d1", "a"), deskCfg("d2", "a"), deskCfg("d3", "c")],
      matterIds: ["a", "c"],
      tickets: [ticket("A001", "a", T0 - 30 * MIN), ticket("A002", "a", T0 - 20 * MIN)],
    });
  }

  it("refuses a ticket sent to another desk (DESK_FORBIDDEN), leaving it where it was", () => {
    const h = twoDesks();
    h.add(ticket("A040", "a", T0, { deskId: "d2" }));
    expect(h.error("d1", { action: "transfer", ticketId: "A040", deskId: "d1" })).toBe("DESK_FORBIDDEN");
    expect(h.error("d1", { action: "transfer", ticketId: "A040", deskId: "d3" })).toBe("DESK_FORBIDDEN");
    expect(h.error("d1", { action: "transfer", ticketId: "A040", matterId: "c" })).toBe("DESK_FORBIDDEN");
    expect(h.ticket("A040")).toMatchObject({ status: "waiting", deskId: "d2", matterId: "a" });
    expect(h.callNext("d2")).toBe("A040");
  });

  it("refuses a waiting ticket of the common queue: another desk's next client", () => {
    const h = twoDesks();
    expect(h.error("d1", { action: "transfer", ticketId: "A002", deskId: "d1" })).toBe("DESK_FORBIDDEN");
    expect(h.error("d1", { action: "transfer", ticketId: "A001", matterId: "c" })).toBe("DESK_FORBIDDEN");
    expect(h.ticket("A001")).toMatchObject({ status: "waiting", deskId: null, matterId: "a" });
  });

  it("refuses another desk's missed ticket, and another desk's client stays not waiting (409)", () => {
    const h = twoDesks();
    h.callNext("d2");
    h.run("d2", { action: "no-show" });
    expect(h.ticket("A001")).toMatchObject({ status: "missed", deskId: "d2" });
    expect(h.error("d1", { action: "transfer", ticketId: "A001", deskId: "d1" })).toBe("DESK_FORBIDDEN");
    h.callNext("d2");
    expect(h.error("d1", { action: "transfer", ticketId: "A002", deskId: "d1" })).toBe("TICKET_NOT_WAITING");
  });

  it("lets the clerk send on their client, the ticket they missed and a ticket sent to their desk", () => {
    const h = twoDesks();
    h.add(ticket("A040", "a", T0, { deskId: "d1" }));
    expect(h.callNext("d1")).toBe("A040");
    h.run("d1", { action: "transfer", ticketId: "A040", deskId: "d2" });
    expect(h.ticket("A040")).toMatchObject({ status: "waiting", deskId: "d2" });
    h.add(ticket("A041", "a", T0, { deskId: "d1" }));
    h.run("d1", { action: "transfer", ticketId: "A041", matterId: "c" });
    expect(h.ticket("A041")).toMatchObject({ status: "waiting", deskId: null, matterId: "c" });
    expect(h.callNext("d1")).toBe("A001");
    h.run("d1", { action: "no-show" });
    h.run("d1", { action: "transfer", ticketId: "A001", deskId: "d2" });
    // The missed ticket waits for d2 now, with its misses and without the recall at d1.
    expect(h.ticket("A001")).toMatchObject({ status: "waiting", deskId: "d2", misses: 1, recallAt: null });
  });

  it("a manager moves any waiting or missed ticket, of any desk", () => {
    const h = twoDesks();
    h.add(ticket("A040", "a", T0, { deskId: "d2" }));
    h.run("d1", { action: "transfer", ticketId: "A040", deskId: "d3" }, "manager");
    expect(h.ticket("A040")).toMatchObject({ status: "waiting", deskId: "d3" });
    h.run("d1", { action: "transfer", ticketId: "A002", matterId: "c" }, "manager");
    expect(h.ticket("A002")).toMatchObject({ status: "waiting", matterId: "c" });
    h.callNext("d2");
    h.run("d2", { action: "no-show" });
    h.run("d1", { action: "transfer", ticketId: "A001", deskId: "d1" }, "manager");
    expect(h.ticket("A001")).toMatchObject({ status: "waiting", deskId: "d1", recallAt: null });
    expect(h.callNext("d1")).toBe("A001");
  });

  it("call: a desk calls only its own queue, never another desk's sent or missed ticket", () => {
    const h = twoDesks();
    h.add(ticket("A040", "a", T0, { deskId: "d2" }));
    expect(h.error("d1", { action: "call", ticketId: "A040" })).toBe("TICKET_NOT_WAITING");
    expect(h.error("d1", { action: "call", ticketId: "A040" }, "manager")).toBe("TICKET_NOT_WAITING");
    h.callNext("d2"); // A040, sent to d2, goes first
    h.run("d2", { action: "finish" });
    expect(h.callNext("d2")).toBe("A001");
    h.run("d2", { action: "no-show" });
    expect(h.error("d1", { action: "call", ticketId: "A001" })).toBe("TICKET_NOT_WAITING");
    expect(h.error("d3", { action: "call", ticketId: "A002" })).toBe("MATTER_NOT_SERVED");
    expect(h.ticket("A001")).toMatchObject({ status: "missed", deskId: "d2" });
  });
});

describe("pure function over plain data", () => {
  it("works on a state built by hand", () => {
    const state = stateOf([ticket("A001", "a", T0)], [desk("d1")]);
    const r = deskCommand(state, ctxOf([deskCfg("d1", "a")]), "d1", { action: "call-next" }, "clerk");
    expect(r).toMatchObject({ ok: true, outcome: { ticketId: "A001", deskId: "d1" } });
    expect(state.tickets.get("A001")?.status).toBe("waiting");
  });
});
