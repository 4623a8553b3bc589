import { describe, expect, it } from "vitest";
import { seededRandom } from "../statistics/simulated-days.ts";
import { applyOutcome, type Desk, stateAfter, type Ticket } from "./model.ts";
import { TicketTally } from "./tally.ts";
import { DAY, T0, ticket } from "./test-fixtures.ts";
import { TicketsAfter } from "./tickets-after.ts";

const counts = (m: ReadonlyMap<string, number> | null) => (m ? Object.fromEntries(m) : null);

describe("the tickets after a change, read through the tickets before", () => {
  it("read like the copy with the changed tickets set in order: a changed one in its place, a new one last", () => {
    const before = new Map(["A001", "A002", "A003"].map((n) => [n, ticket(n, "a", T0)]));
    const called = { ...before.get("A002")!, status: "called" as const, calledAt: T0 + 1 };
    const newcomer = ticket("A004", "a", T0 + 2);
    const after = new TicketsAfter(before, [called, newcomer]);
    expect([...after.values()].map((t) => `${t.number}:${t.status}`)).toEqual([
      "A001:waiting",
      "A002:called",
      "A003:waiting",
      "A004:waiting",
    ]);
    expect([...after.keys()]).toEqual(["A001", "A002", "A003", "A004"]);
    expect(after.size).toBe(4);
    expect(after.get("A002")).toBe(called);
    expect(after.get("A004")).toBe(newcomer);
    expect(after.has("A004")).toBe(true);
    expect(after.has("A005")).toBe(false);
    // Its iterator is an iterator as a map's is (same prototype above its own), and iterates itself.
    const it = after.values();
    expect(it[Symbol.iterator]()).toBe(it);
    expect(Object.getPrototypeOf(it)).toBe(Object.getPrototypeOf(Object.getPrototypeOf(before.values())));
    // The tickets before are as they were.
    expect(before.size).toBe(3);
    expect(before.get("A002")?.status).toBe("waiting");
  });

  it("through random changes, it equals the copy applyOutcome makes, tally included", () => {
    const random = seededRandom(11);
    const rand = (n: number) => Math.floor(random() * n);
    const statuses: Ticket["status"][] = ["waiting", "called", "serving", "missed", "served", "removed"];
    let state = { tickets: new Map<string, Ticket>(), desks: new Map<string, Desk>(), tally: TicketTally.of(DAY, []) };
    for (let i = 0; i < 300; i++) {
      const changes: Ticket[] = [];
      for (let k = rand(4); k >= 0; k--) {
        const id = `t${rand(50)}`;
        const old = changes.findLast((t) => t.id === id) ?? state.tickets.get(id);
        changes.push(
          ticket(old?.number ?? `A${String(i).padStart(3, "0")}`, old?.matterId ?? "ab"[rand(2)]!, T0 + i, {
            id,
            status: statuses[rand(statuses.length)]!,
            deskId: rand(3) ? null : "d1",
          }),
        );
      }
      const desks: Desk[] = rand(4) ? [] : [{ id: `d${rand(3)}`, status: rand(2) ? "open" : "paused", ticketId: null }];
      const outcome = { tickets: changes, desks, calls: [], deskId: null, ticketId: null };
      const viewed = stateAfter(state, outcome);
      const copied = applyOutcome(state, outcome) as typeof state;
      expect([...viewed.tickets.entries()]).toEqual([...copied.tickets.entries()]);
      expect(viewed.tickets.size).toBe(copied.tickets.size);
      for (const t of changes) expect(viewed.tickets.get(t.id)).toBe(copied.tickets.get(t.id));
      expect([...viewed.desks.entries()]).toEqual([...copied.desks.entries()]);
      expect(counts(viewed.tally?.waiting ?? null)).toEqual(counts(copied.tally.waiting));
      expect(counts(viewed.tally?.waitingUnassigned ?? null)).toEqual(counts(copied.tally.waitingUnassigned));
      expect(counts(viewed.tally?.takenOn(DAY) ?? null)).toEqual(counts(copied.tally.takenOn(DAY)));
      state = copied;
    }
  });

  it("a new ticket's picture reads nothing of the tickets before until asked for them", () => {
    const before = new Map(["A001", "A002"].map((n) => [n, ticket(n, "a", T0)]));
    let looks = 0;
    const watched: ReadonlyMap<string, Ticket> = new Proxy(before, {
      get(map, key) {
        looks++;
        const v = Reflect.get(map, key, map);
        return typeof v === "function" ? v.bind(map) : v;
      },
    });
    const newcomer = ticket("A003", "a", T0 + 1);
    const state = { tickets: watched, desks: new Map<string, Desk>(), tally: TicketTally.of(DAY, before.values()) };
    const after = stateAfter(state, { tickets: [newcomer], fresh: true });
    expect(after.tickets.get("A003")).toBe(newcomer);
    expect(after.tally?.waiting.get("a")).toBe(3);
    expect(looks).toBe(0);
    // Asked for all of them, it reads them: the newcomer last.
    expect([...after.tickets.keys()]).toEqual(["A001", "A002", "A003"]);
    expect(after.tickets.size).toBe(3);
    expect(looks).toBeGreaterThan(0);
  });
});
