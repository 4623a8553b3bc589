import { describe, expect, it } from "vitest";
import { seededRandom } from "../statistics/simulated-days.ts";
import { walkInsByPrefix } from "./intake.ts";
import { applyOutcome, type Ticket } from "./model.ts";
import { aheadOf } from "./order.ts";
import { aheadInQueue, TicketTally, takenOn, waitingTally } from "./tally.ts";
import { booking, DAY, MIN, T0, ticket } from "./test-fixtures.ts";
import { lineCalls, queueLineCalls, queueLineCallsOf } from "./wait-forecast.ts";

const counts = (m: ReadonlyMap<string, number> | null) => (m ? Object.fromEntries(m) : null);
/** A line's calls as a comparable value: per matter, sorted (the pace reads their number and the oldest). */
const sortedCalls = (m: ReadonlyMap<string, readonly number[]>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));

describe("TicketTally", () => {
  it("counts waiting tickets per matter, those for any desk, and the day's walk-ins per prefix", () => {
    const tally = TicketTally.of(DAY, [
      ticket("A001", "a", T0),
      ticket("A002", "a", T0, { deskId: "d2" }),
      ticket("A003", "a", T0, { status: "called", deskId: "d1" }),
      ticket("B001", "b", T0),
      ticket("C001", "c", T0, { status: "served" }),
      booking("R001", "a", T0, T0 + MIN),
      ticket("A099", "a", T0, { day: "2026-11-22" }),
    ]);
    expect(counts(tally.waiting)).toEqual({ a: 4, b: 1 });
    expect(counts(tally.waitingUnassigned)).toEqual({ a: 3, b: 1 });
    expect(counts(tally.takenOn(DAY))).toEqual({ A: 3, B: 1, C: 1 });
    expect(tally.takenOn("2026-11-24")).toBeNull();
  });

  it("kept through random changes, it equals the tickets counted again", () => {
    const random = seededRandom(7);
    const rand = (n: number) => Math.floor(random() * n);
    const statuses: Ticket["status"][] = ["waiting", "called", "serving", "missed", "served", "removed", "closed"];
    let state = { tickets: new Map<string, Ticket>(), desks: new Map(), tally: TicketTally.of(DAY, []) };
    for (let i = 0; i < 400; i++) {
      const id = `t${rand(60)}`;
      const old = state.tickets.get(id);
      const next = ticket(old?.number ?? `${"ABC"[rand(3)]}${String(i).padStart(3, "0")}`, old?.matterId ?? "abc"[rand(3)]!, T0, {
        id,
        status: statuses[rand(statuses.length)]!,
        deskId: rand(2) ? null : "d1",
        day: rand(10) ? DAY : "2026-11-22",
        source: rand(5) ? "walk-in" : "booking",
      });
      // A change may carry one ticket twice (its earlier row is the first's).
      const twice = rand(10) === 0 ? [{ ...next, status: "waiting" as const }, next] : [next];
      state = applyOutcome(state, { tickets: twice, desks: [], calls: [], deskId: null, ticketId: null }) as typeof state;
      const again = TicketTally.of(DAY, state.tickets.values());
      expect(counts(state.tally.waiting)).toEqual(counts(again.waiting));
      expect(counts(state.tally.waitingUnassigned)).toEqual(counts(again.waitingUnassigned));
      expect(counts(state.tally.takenOn(DAY))).toEqual(counts(walkInsByPrefix(DAY, state.tickets.values())));
    }
  });

  it("kept in place and copied, it gives the lines' calls of the last hour and the people ahead of a new walk-in as counted", () => {
    const random = seededRandom(3);
    const rand = (n: number) => Math.floor(random() * n);
    const statuses: Ticket["status"][] = ["waiting", "called", "serving", "missed", "served"];
    // As the site holds it: one map and one tally, changed in place; copies are taken along the way.
    const tickets = new Map<string, Ticket>();
    const live = TicketTally.of(DAY, []);
    const copies: { tally: TicketTally; tickets: Map<string, Ticket> }[] = [];
    for (let i = 0; i < 400; i++) {
      const now = T0 + i * MIN;
      // A new ticket, taken now, in one step of three; otherwise a change of one taken before.
      const id = rand(3) === 0 ? `t${i}` : `t${rand(i + 1)}`;
      const old = tickets.get(id);
      const status = statuses[rand(statuses.length)]!;
      const next = ticket(old?.number ?? `A${String(i).padStart(3, "0")}`, old?.matterId ?? "ab"[rand(2)]!, old?.takenAt ?? now, {
        id,
        status,
        deskId: rand(4) ? null : "d1",
        calledAt: status === "waiting" && rand(2) ? null : (old?.calledAt ?? now - rand(90) * MIN),
        ...(rand(8) === 0 ? { priority: true } : {}),
      });
      // A copy that changes no call shares the calls with the tally held in place; one that does has its own.
      if (rand(3) === 0) copies.push({ tally: live.with([]), tickets: new Map(tickets) });
      if (rand(3) === 0) copies.push({ tally: live.with([[old, next]]), tickets: new Map(tickets).set(id, next) });
      live.update(old, next);
      tickets.set(id, next);
      const state = { tickets, desks: new Map(), tally: live };
      const expected = lineCalls(tickets.values(), now);
      expect(sortedCalls(queueLineCalls(state, now))).toEqual(sortedCalls(expected));
      for (const matterId of ["a", "b", "c"])
        expect(queueLineCallsOf(state, matterId, now).sort((x, y) => x - y)).toEqual((expected.get(matterId) ?? []).sort((x, y) => x - y));
      // Every copy still reads as its own tickets, whatever changed in place since.
      for (const c of copies.slice(-5)) {
        expect(sortedCalls(queueLineCalls({ ...c, desks: new Map() }, now))).toEqual(sortedCalls(lineCalls(c.tickets.values(), now)));
      }
      // Taken just before, at, or just after the latest ticket (at the same moment, the id decides).
      const newcomer = ticket(`N${i}`, "ab"[rand(2)]!, now + rand(3) - 1, { ...(rand(6) === 0 ? { priority: true } : {}) });
      for (const order of ["off", "first", "alternate"] as const)
        expect(aheadInQueue(newcomer, state, order)).toBe(aheadOf(newcomer, tickets.values(), order));
    }
  });

  it("a queue without a tally is counted when asked", () => {
    const tickets = new Map([ticket("A001", "a", T0), ticket("A002", "a", T0, { deskId: "d1" })].map((t) => [t.id, t]));
    const state = { tickets, desks: new Map() };
    expect(counts(waitingTally(state).waiting)).toEqual({ a: 2 });
    expect(counts(waitingTally(state).waitingUnassigned)).toEqual({ a: 1 });
    expect(counts(takenOn(state, DAY))).toEqual({ A: 2 });
    // A tally of another day still has the waiting counts; the day's walk-ins are counted from the tickets.
    const other = { ...state, tally: TicketTally.of("2026-11-22", tickets.values()) };
    expect(counts(takenOn(other, DAY))).toEqual({ A: 2 });
  });
});
