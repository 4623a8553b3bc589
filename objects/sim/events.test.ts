import { describe, expect, it } from "vitest";
import { EventQueue } from "./events.ts";

describe("EventQueue", () => {
  it("gives events in time order, and those of one instant in the order they were scheduled", () => {
    const q = new EventQueue<string>();
    for (const [at, e] of [
      [30, "c"],
      [10, "a1"],
      [20, "b"],
      [10, "a2"],
      [10, "a3"],
      [5, "first"],
    ] as const)
      q.push(at, e);
    const out: string[] = [];
    for (let x = q.pop(); x; x = q.pop()) out.push(x.event);
    expect(out).toEqual(["first", "a1", "a2", "a3", "b", "c"]);
    expect(q.size).toBe(0);
  });
});
