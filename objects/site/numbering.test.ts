import { describe, expect, it } from "vitest";
import { NumberingMemory } from "./numbering.ts";

const block = (first: number, last: number) => ({ agent: "agent-1", day: "2026-11-30", matterId: "rej", first, last });

describe("numbering in memory", () => {
  it("reads a counter and the agent's blocks from storage once, then follows the rows each change writes", () => {
    const reads = { counter: 0, blocks: 0 };
    let stored = [block(500, 999)];
    const numbering = new NumberingMemory({
      queue: {
        counter: () => {
          reads.counter++;
          return 7;
        },
      },
      continuity: {
        blocksOn: () => {
          reads.blocks++;
          return stored;
        },
      },
    });
    expect(numbering.counter("2026-11-30", "rej")).toBe(7);
    expect(numbering.counter("2026-11-30", "rej")).toBe(7);
    expect(numbering.blocksOn("2026-11-30", "rej")).toEqual([block(500, 999)]);
    expect(numbering.blocksOn("2026-11-30", "rej")).toEqual([block(500, 999)]);
    expect(reads).toEqual({ counter: 1, blocks: 1 });

    numbering.apply({ counters: [{ day: "2026-11-30", matterId: "rej", value: 8 }] });
    expect(numbering.counter("2026-11-30", "rej")).toBe(8);
    // Another change of continuity: the blocks are read again.
    stored = [block(500, 999), block(1000, 1499)];
    numbering.apply({ continuity: { blocks: [] } });
    expect(numbering.blocksOn("2026-11-30", "rej")).toHaveLength(2);
    expect(reads).toEqual({ counter: 1, blocks: 2 });
  });

  it("forgets the days before a new one", () => {
    let reads = 0;
    const numbering = new NumberingMemory({
      queue: {
        counter: () => {
          reads++;
          return 0;
        },
      },
      continuity: { blocksOn: () => [] },
    });
    numbering.apply({ counters: [{ day: "2026-11-29", matterId: "rej", value: 40 }] });
    numbering.forgetBefore("2026-11-30");
    expect(numbering.counter("2026-11-29", "rej")).toBe(0);
    expect(reads).toBe(1);
  });
});
