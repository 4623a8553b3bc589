import { describe, expect, it } from "vitest";
import { servedAt } from "./desk-day.ts";
import { DAY, T0, ticket } from "./test-fixtures.ts";

describe("servedAt: the console's count of clients served today", () => {
  it("counts the desk's finished services of the day, not other desks', other days' or unfinished ones", () => {
    const tickets = [
      ticket("A001", "a", T0, { status: "served", deskId: "d1" }),
      ticket("A002", "a", T0 + 1, { status: "served", deskId: "d1" }),
      ticket("A003", "a", T0 + 2, { status: "served", deskId: "d2" }),
      ticket("A004", "a", T0 + 3, { status: "serving", deskId: "d1" }),
      ticket("A005", "a", T0 + 4, { status: "removed", deskId: "d1", misses: 3 }),
      ticket("A006", "a", T0 + 5, { status: "served", deskId: "d1", day: "2026-11-22" }),
    ];
    expect(servedAt("d1", DAY, tickets)).toBe(2);
    expect(servedAt("d2", DAY, tickets)).toBe(1);
    expect(servedAt("d3", DAY, tickets)).toBe(0);
  });
});
