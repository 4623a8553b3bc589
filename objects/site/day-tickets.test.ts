import { describe, expect, it } from "vitest";
import { T0, ticket } from "../queue/test-fixtures.ts";
import { DayTickets } from "./day-tickets.ts";

describe("the site's tickets, read at the first look", () => {
  it("are read once, at the first look, and then followed", () => {
    let stored = [ticket("A001", "a", T0), ticket("A002", "a", T0 + 1)];
    let reads = 0;
    const tickets = DayTickets.later(() => {
      reads++;
      return stored;
    });
    expect(tickets.loaded).toBe(false);
    // A ticket written before the first look is in the rows the look reads; memory's own copy is dropped.
    const third = ticket("A003", "a", T0 + 2);
    stored = [...stored, third];
    tickets.set({ ...third, status: "called" });
    expect(reads).toBe(0);
    expect(tickets.get("A003")).toBe(third);
    expect(reads).toBe(1);
    expect(tickets.loaded).toBe(true);
    // Once read, memory follows the writes; the rows are not read again.
    const called = { ...third, status: "called" as const };
    tickets.set(called);
    expect(tickets.get("A003")).toBe(called);
    expect([...tickets.keys()]).toEqual(["A001", "A002", "A003"]);
    expect(tickets.size).toBe(3);
    expect(reads).toBe(1);
  });

  it("read like a map, whichever way they are looked at first", () => {
    const stored = [ticket("A001", "a", T0), ticket("B001", "b", T0 + 1)];
    const looks: ((t: DayTickets) => unknown)[] = [
      (t) => t.size,
      (t) => t.has("B001"),
      (t) => [...t.values()].map((x) => x.id),
      (t) => [...t].map(([id]) => id),
      (t) => [...t.entries()].map(([id]) => id),
      (t) => {
        const ids: string[] = [];
        t.forEach((_, id) => ids.push(id));
        return ids;
      },
    ];
    const expected = [2, true, ["A001", "B001"], ["A001", "B001"], ["A001", "B001"], ["A001", "B001"]];
    looks.forEach((look, i) => {
      expect(look(DayTickets.later(() => stored))).toEqual(expected[i]);
    });
  });
});
