// R5, the three-strike no-show rule, step by step as the clerk and the hall see it.
import { describe, expect, it } from "vitest";
import { MAX_MISSES } from "./desk-rules.ts";
import { waitingAheadAll } from "./order.ts";
import { deskCfg, Harness, MIN, T0, ticket } from "./test-fixtures.ts";

const DELAY = 5 * MIN;

/** Desk d1 serves matter "a"; five walk-ins wait, A001 first. */
function hall(): Harness {
  return new Harness({
    desks: [deskCfg("d1", "a"), deskCfg("d2", "a")],
    tickets: [1, 2, 3, 4, 5].map((i) => ticket(`A00${i}`, "a", T0 - 60 * MIN + i * MIN)),
    recallDelayMs: DELAY,
  });
}

describe("R5: three-strike no-show", () => {
  it("walks the whole sequence: miss, next client, auto-recall, miss, next client, third call, miss → removed", () => {
    const h = hall();
    expect(MAX_MISSES).toBe(3);

    // 1. The clerk calls A001.
    expect(h.callNext("d1")).toBe("A001");
    expect(h.lastCall()).toEqual({ ticketId: "A001", number: "A001", deskId: "d1", at: h.now, attempt: 1, reason: "call" });

    // 2. Nobody comes: "Nie zgłosił się".
    h.advance(MIN);
    const miss1 = h.run("d1", { action: "no-show" });
    expect(miss1.ticketId).toBe("A001");
    expect(miss1.calls).toEqual([]);
    expect(h.ticket("A001")).toMatchObject({ status: "missed", misses: 1, deskId: "d1", recallAt: h.now + DELAY });
    expect(h.desk("d1").ticketId).toBeNull();

    // 3. The clerk moves on: the next client, not the missed one (its recall is not due).
    h.advance(MIN);
    expect(h.callNext("d1")).toBe("A002");
    expect(h.ticket("A001").status).toBe("missed");

    // 4. When that service ends, A001 is called again at the same desk, automatically.
    h.run("d1", { action: "start" });
    h.advance(MIN);
    const finish2 = h.run("d1", { action: "finish" });
    expect(h.ticket("A002").status).toBe("served");
    expect(finish2.calls).toEqual([{ ticketId: "A001", number: "A001", deskId: "d1", at: h.now, attempt: 2, reason: "auto-recall" }]);
    expect(h.ticket("A001")).toMatchObject({ status: "called", deskId: "d1", misses: 1, recallAt: null, calledAt: h.now });
    expect(h.desk("d1").ticketId).toBe("A001");

    // 5. Missed again.
    h.advance(MIN);
    h.run("d1", { action: "no-show" });
    expect(h.ticket("A001")).toMatchObject({ status: "missed", misses: 2, deskId: "d1", recallAt: h.now + DELAY });
    expect(h.desk("d1").ticketId).toBeNull();

    // 6. The next client is served, then the third call follows.
    expect(h.serveNext("d1")).toBe("A003");
    expect(h.lastCall()).toEqual({ ticketId: "A001", number: "A001", deskId: "d1", at: h.now, attempt: 3, reason: "auto-recall" });
    expect(h.ticket("A001").status).toBe("called");

    // 7. Third miss: the ticket leaves the queue.
    h.advance(MIN);
    const miss3 = h.run("d1", { action: "no-show" });
    expect(miss3.calls).toEqual([]);
    expect(h.ticket("A001")).toMatchObject({ status: "removed", misses: 3, recallAt: null, finishedAt: h.now });
    expect(h.desk("d1").ticketId).toBeNull();

    // 8. And it is never called again: not after the next services, not by the alarm, not by another desk.
    expect(h.serveNext("d1")).toBe("A004");
    expect(h.desk("d1").ticketId).toBeNull();
    h.advance(60 * MIN);
    expect(h.alarm("A001")).toBeNull();
    expect(h.serveNext("d2")).toBe("A005");
    expect(h.callNext("d1")).toBeNull();
    expect(h.callNext("d2")).toBeNull();
    expect(h.error("d1", { action: "call", ticketId: "A001" })).toBe("TICKET_CLOSED");
    expect(h.calls.filter((c) => c.ticketId === "A001").map((c) => [c.attempt, c.reason])).toEqual([
      [1, "call"],
      [2, "auto-recall"],
      [3, "auto-recall"],
    ]);
    expect(h.ticket("A001").status).toBe("removed");
  });

  it("a client who comes on the second call is served normally and not called again", () => {
    const h = hall();
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    expect(h.serveNext("d1")).toBe("A002");
    expect(h.desk("d1").ticketId).toBe("A001");
    h.run("d1", { action: "start" });
    h.run("d1", { action: "finish" });
    expect(h.ticket("A001")).toMatchObject({ status: "served", misses: 1 });
    expect(h.desk("d1").ticketId).toBeNull();
    expect(h.callNext("d1")).toBe("A003");
  });

  it("a missed ticket waits for its own desk: another desk does not call it", () => {
    const h = hall();
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    h.advance(DELAY * 2);
    expect(h.callNext("d2")).toBe("A002");
    expect(h.ticket("A001").status).toBe("missed");
  });

  it("a missed ticket is not counted among the people waiting", () => {
    const h = hall();
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    const ahead = waitingAheadAll(h.state.tickets.values());
    expect(ahead.has("A001")).toBe(false);
    expect(ahead.get("A002")).toBe(0);
  });

  it("call-next gives a missed ticket whose recall is due before the next client", () => {
    const h = hall();
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    h.advance(DELAY - 1);
    const early = h.attempt("d1", { action: "call-next" });
    expect(early.ok && early.outcome.ticketId).toBe("A002");
    h.advance(1);
    expect(h.callNext("d1")).toBe("A001");
    expect(h.lastCall()).toMatchObject({ ticketId: "A001", attempt: 2, reason: "auto-recall" });
  });

  it("with nobody else waiting, the due recall is what call-next calls", () => {
    const h = new Harness({ desks: [deskCfg("d1", "a")], tickets: [ticket("A001", "a", T0)], recallDelayMs: DELAY });
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    expect(h.callNext("d1")).toBeNull();
    expect(h.ticket("A001").status).toBe("missed");
    h.advance(DELAY);
    expect(h.callNext("d1")).toBe("A001");
    expect(h.lastCall()).toMatchObject({ attempt: 2, reason: "auto-recall" });
  });

  it("two tickets missed at one desk come back one per finished service, earliest miss first", () => {
    const h = hall();
    h.callNext("d1");
    h.run("d1", { action: "no-show" }); // A001
    h.advance(MIN);
    h.callNext("d1");
    h.run("d1", { action: "no-show" }); // A002
    h.advance(MIN);
    expect(h.serveNext("d1")).toBe("A003");
    expect(h.desk("d1").ticketId).toBe("A001");
    h.run("d1", { action: "start" });
    h.run("d1", { action: "finish" });
    expect(h.desk("d1").ticketId).toBe("A002");
    expect(h.lastCall()).toMatchObject({ ticketId: "A002", attempt: 2, reason: "auto-recall" });
  });

  it("no-show needs a called client: DESK_IDLE with none, ALREADY_SERVING once service started", () => {
    const h = hall();
    expect(h.error("d1", { action: "no-show" })).toBe("DESK_IDLE");
    h.callNext("d1");
    h.run("d1", { action: "start" });
    expect(h.error("d1", { action: "no-show" })).toBe("ALREADY_SERVING");
    expect(h.ticket("A001")).toMatchObject({ status: "serving", misses: 0 });
  });

  it("uses the configured recall delay", () => {
    const h = new Harness({ desks: [deskCfg("d1", "a")], tickets: [ticket("A001", "a", T0)], recallDelayMs: 2 * MIN });
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    expect(h.ticket("A001").recallAt).toBe(h.now + 2 * MIN);
  });
});

describe("alarmRecall: the missed ticket's desk has nobody else", () => {
  function missedAtIdleDesk(): Harness {
    const h = new Harness({
      desks: [deskCfg("d1", "a")],
      tickets: [ticket("A001", "a", T0), ticket("A002", "a", T0 + MIN)],
      recallDelayMs: DELAY,
    });
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    return h;
  }

  it("calls the ticket again when the recall is due and the desk is idle", () => {
    const h = missedAtIdleDesk();
    h.advance(DELAY);
    const out = h.alarm("A001");
    expect(out).not.toBeNull();
    expect(out?.calls).toEqual([{ ticketId: "A001", number: "A001", deskId: "d1", at: h.now, attempt: 2, reason: "auto-recall" }]);
    expect(out?.ticketId).toBe("A001");
    expect(out?.deskId).toBe("d1");
    expect(h.ticket("A001")).toMatchObject({ status: "called", deskId: "d1", recallAt: null, calledAt: h.now });
    expect(h.desk("d1").ticketId).toBe("A001");
  });

  it("is idempotent: a second run does not call twice", () => {
    const h = missedAtIdleDesk();
    h.advance(DELAY);
    expect(h.alarm("A001")).not.toBeNull();
    expect(h.alarm("A001")).toBeNull();
    expect(h.calls.filter((c) => c.ticketId === "A001")).toHaveLength(2);
  });

  it("does nothing before the recall is due", () => {
    const h = missedAtIdleDesk();
    h.advance(DELAY - 1);
    expect(h.alarm("A001")).toBeNull();
    expect(h.ticket("A001").status).toBe("missed");
  });

  it("does nothing while the desk has a client", () => {
    const h = missedAtIdleDesk();
    h.callNext("d1");
    h.advance(DELAY);
    expect(h.alarm("A001")).toBeNull();
    expect(h.ticket("A001").status).toBe("missed");
    expect(h.desk("d1").ticketId).toBe("A002");
  });

  it("does nothing while the desk is paused, and calls once it is back", () => {
    const h = missedAtIdleDesk();
    h.run("d1", { action: "pause", reason: "break" });
    h.advance(DELAY);
    expect(h.alarm("A001")).toBeNull();
    expect(h.ticket("A001").status).toBe("missed");
    h.run("d1", { action: "resume" });
    expect(h.alarm("A001")?.calls).toHaveLength(1);
  });

  it("does nothing for a ticket that is no longer missed", () => {
    const h = missedAtIdleDesk();
    expect(h.serveNext("d1")).toBe("A002"); // finishing A002 recalls A001
    expect(h.ticket("A001").status).toBe("called");
    h.advance(DELAY);
    expect(h.alarm("A001")).toBeNull();
    expect(h.alarm("A002")).toBeNull();
    expect(h.alarm("nope")).toBeNull();
  });

  it("can drive all three calls when nobody else waits", () => {
    const h = new Harness({ desks: [deskCfg("d1", "a")], tickets: [ticket("A001", "a", T0)], recallDelayMs: DELAY });
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    h.advance(DELAY);
    expect(h.alarm("A001")?.calls[0]).toMatchObject({ attempt: 2, reason: "auto-recall" });
    h.run("d1", { action: "no-show" });
    expect(h.ticket("A001").misses).toBe(2);
    h.advance(DELAY);
    expect(h.alarm("A001")?.calls[0]).toMatchObject({ attempt: 3, reason: "auto-recall" });
    h.run("d1", { action: "no-show" });
    expect(h.ticket("A001")).toMatchObject({ status: "removed", misses: 3 });
    h.advance(DELAY);
    expect(h.alarm("A001")).toBeNull();
  });

  it("calls the desk's earliest missed ticket first", () => {
    const h = new Harness({
      desks: [deskCfg("d1", "a")],
      tickets: [ticket("A001", "a", T0), ticket("A002", "a", T0 + MIN)],
      recallDelayMs: DELAY,
    });
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    h.advance(MIN);
    h.callNext("d1");
    h.run("d1", { action: "no-show" });
    h.advance(DELAY);
    expect(h.alarm("A002")?.ticketId).toBe("A001");
    expect(h.ticket("A002").status).toBe("missed");
  });
});

describe("R5 when the next client is sent elsewhere", () => {
  it("transferring the next client away also brings the missed ticket back to the desk", () => {
    const h = new Harness({ desks: [deskCfg("d1", "a", "b")], tickets: [ticket("A001", "a", T0), ticket("A002", "a", T0 + MIN)] });
    h.run("d1", { action: "call-next" });
    h.run("d1", { action: "no-show" });
    h.run("d1", { action: "call-next" });
    expect(h.desk("d1").ticketId).toBe("A002");
    h.run("d1", { action: "transfer", ticketId: "A002", matterId: "b" });
    expect(h.desk("d1").ticketId).toBe("A001");
    expect(h.ticket("A001").status).toBe("called");
    expect(h.calls.at(-1)).toMatchObject({ number: "A001", attempt: 2, reason: "auto-recall" });
  });

  it("a clerk calling a missed ticket early is a plain call, not the automatic recall", () => {
    const h = new Harness({ desks: [deskCfg("d1", "a")], tickets: [ticket("A001", "a", T0)] });
    h.run("d1", { action: "call-next" });
    h.run("d1", { action: "no-show" });
    h.run("d1", { action: "call", ticketId: "A001" });
    expect(h.calls.at(-1)).toMatchObject({ number: "A001", attempt: 2, reason: "call" });
  });

  it("sending the current client back to its own matter is refused", () => {
    const h = new Harness({ desks: [deskCfg("d1", "a")], tickets: [ticket("A001", "a", T0)] });
    h.run("d1", { action: "call-next" });
    expect(h.error("d1", { action: "transfer", ticketId: "A001", matterId: "a" })).toBe("TRANSFER_TARGET_INVALID");
    expect(h.desk("d1").ticketId).toBe("A001");
  });
});
