import { describe, expect, it } from "vitest";
import { alarmRecall, endOfDay } from "./desk-rules.ts";
import { applyOutcome } from "./model.ts";
import { booking, ctxOf, DAY, desk, deskCfg, MIN, stateOf, T0, ticket } from "./test-fixtures.ts";

const NOW = T0 + 9 * 60 * MIN; // 18:00 local

function eveningState() {
  return stateOf(
    [
      ticket("A001", "a", T0, { status: "served", calledAt: T0, startedAt: T0, finishedAt: T0 + 5 * MIN }),
      ticket("A002", "a", T0, { status: "removed", misses: 3, finishedAt: T0 + 30 * MIN }),
      ticket("A003", "a", T0, { status: "called", deskId: "d1", calledAt: NOW - MIN }),
      ticket("A004", "a", T0, { status: "serving", deskId: "d2", calledAt: NOW - 9 * MIN, startedAt: NOW - 8 * MIN }),
      ticket("A005", "a", T0, { status: "missed", deskId: "d1", misses: 1, recallAt: NOW + 5 * MIN }),
      ticket("A006", "a", T0),
      ticket("A007", "a", T0, { deskId: "d2" }),
      ticket("A000", "a", T0 - 24 * 60 * MIN, { day: "2026-11-22" }),
      ticket("A008", "a", T0, { status: "closed", finishedAt: T0 }),
      booking("B001", "b", NOW, NOW + 15 * 60 * MIN, { day: "2026-11-24" }),
    ],
    [
      desk("d1", { ticketId: "A003" }),
      desk("d2", { ticketId: "A004" }),
      desk("d3", { status: "paused", pause: { reason: "training", since: T0 } }),
      desk("d4"),
    ],
  );
}

describe("endOfDay", () => {
  it("closes tickets still waiting or missed", () => {
    const after = applyOutcome(eveningState(), endOfDay(eveningState(), NOW, DAY));
    for (const id of ["A005", "A006", "A007"]) {
      expect(after.tickets.get(id)).toMatchObject({ status: "closed", finishedAt: NOW, recallAt: null });
    }
  });

  it("counts a client called to or served at a desk as served", () => {
    const after = applyOutcome(eveningState(), endOfDay(eveningState(), NOW, DAY));
    expect(after.tickets.get("A003")).toMatchObject({ status: "served", finishedAt: NOW });
    expect(after.tickets.get("A004")).toMatchObject({ status: "served", finishedAt: NOW, startedAt: NOW - 8 * MIN });
  });

  it("leaves tickets already served, removed or closed as they were", () => {
    const state = eveningState();
    const out = endOfDay(state, NOW, DAY);
    const changed = new Set(out.tickets.map((t) => t.id));
    for (const id of ["A001", "A002", "A008"]) expect(changed.has(id)).toBe(false);
    const after = applyOutcome(state, out);
    expect(after.tickets.get("A001")).toEqual(state.tickets.get("A001"));
    expect(after.tickets.get("A002")?.status).toBe("removed");
  });

  it("also closes a ticket left open from an earlier day, but not a booking for a later day", () => {
    const after = applyOutcome(eveningState(), endOfDay(eveningState(), NOW, DAY));
    expect(after.tickets.get("A000")?.status).toBe("closed");
    expect(after.tickets.get("B001")?.status).toBe("waiting");
  });

  it("frees every desk and reopens paused ones; desks already open and idle are not rewritten", () => {
    const state = eveningState();
    const out = endOfDay(state, NOW, DAY);
    expect(out.desks.map((d) => d.id).sort()).toEqual(["d1", "d2", "d3"]);
    const after = applyOutcome(state, out);
    // A reopened desk keeps no pause (its reason ends with it).
    for (const d of after.desks.values()) expect(d).toStrictEqual({ id: d.id, status: "open", ticketId: null });
    expect(out.calls).toEqual([]);
    expect(out.deskId).toBeNull();
    expect(out.ticketId).toBeNull();
  });

  it("nothing from the closed day is called afterwards", () => {
    const state = eveningState();
    const after = applyOutcome(state, endOfDay(state, NOW, DAY));
    const ctx = ctxOf([deskCfg("d1", "a"), deskCfg("d2", "a"), deskCfg("d3", "a"), deskCfg("d4", "a", "b")], { now: NOW + 60 * MIN });
    expect(alarmRecall(after, ctx, "A005")).toBeNull();
    const open = [...after.tickets.values()].filter((t) => ["waiting", "called", "serving", "missed"].includes(t.status));
    expect(open.map((t) => t.id)).toEqual(["B001"]);
  });

  it("does nothing on a quiet evening", () => {
    const state = stateOf([ticket("A001", "a", T0, { status: "served" })], [desk("d1")]);
    expect(endOfDay(state, NOW, DAY)).toEqual({ tickets: [], desks: [], calls: [], deskId: null, ticketId: null });
  });
});
