import { describe, expect, it } from "vitest";
import type { FaultRow } from "./table.mjs";
import { cell, formatTable, summary } from "./table.mjs";

const burst: FaultRow = { fault: "ticket burst", expected: "one ticket per key", observed: "60 of 60", lost: 0, doubled: 0, passed: true };
const rows: FaultRow[] = [
  burst,
  { fault: "disk full", expected: "503", observed: "not run: needs root to mount a tmpfs", lost: null, doubled: null, passed: false },
];

describe("the fault table", () => {
  it("has the five columns and a verdict, one line per fault, aligned", () => {
    const lines = formatTable(rows).split("\n");
    expect(lines[0]).toMatch(/^\| fault +\| expected +\| observed +\| lost \| doubled \| passed \|$/);
    expect(lines[1]).toMatch(/^\|-+(\|-+){5}\|$/);
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });

  it("shows a row not run with dashes, and as not passed", () => {
    const line = formatTable(rows).split("\n")[3];
    expect(line).toContain("not run: needs root to mount a tmpfs");
    expect(line).toMatch(/\| – +\| – +\| NO +\|$/);
  });

  it("keeps every cell on one line and escapes pipes", () => {
    expect(cell("a | b\n  c")).toBe("a \\| b c");
  });

  it("sums up the passed rows and the lost and doubled", () => {
    expect(summary([...rows, { ...burst, lost: 2, doubled: 1, passed: false }])).toBe("1 of 3 faults passed; lost 2, doubled 1 in all.");
  });
});
