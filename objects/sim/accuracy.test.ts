import { describe, expect, it } from "vitest";
import { accuracy, targetsHeld } from "./accuracy.ts";
import { benchRows, benchTable, verdicts } from "./bench.ts";
import type { DayRecord, TicketRecord } from "./record.ts";

function shown(single: number, low: number, high: number, waitMinutes: number): TicketRecord {
  return {
    id: `t${low}-${high}-${waitMinutes}`,
    number: "A001",
    matterId: "dow",
    source: "walk-in",
    priority: false,
    takenAt: 0,
    ahead: 1,
    single,
    range: { low, high },
    rangeInput: {
      ahead: 1,
      serviceMinutes: 10,
      observedMs: [],
      deskShare: 1,
      pausedDeskShare: 0,
      bookingsDueInMinutes: [],
      minutesToClose: null,
    },
    calledAt: waitMinutes * 60_000,
    waitMinutes,
    outcome: "served",
    misses: 0,
    transferredTo: null,
  };
}

const tickets = [shown(5, 10, 20, 14.6), shown(5, 10, 20, 20.4), shown(10, 0, 5, 12), shown(12, 5, 15, 12.2)];

describe("accuracy", () => {
  it("counts a wait inside its range by whole minutes, and a single number right only in its very minute", () => {
    const a = accuracy(tickets);
    expect(a.tickets).toBe(4);
    expect(a.range.inside).toBe(0.75); // 15, 20 and 12 inside; 12 is not in 0-5
    expect(a.single.sameMinute).toBe(0.25); // only 12.2 → 12
    expect(a.range.medianWidth).toBe(10);
    expect(a.range.midpointMae).toBeCloseTo((0.4 + 5.4 + 9.5 + 2.2) / 4);
    expect(a.single.mae).toBeCloseTo((9.6 + 15.4 + 2 + 0.2) / 4);
  });

  it("holds the targets only between 80 % and 92 % inside and with the midpoint's error 30 % below today's", () => {
    const a = accuracy(tickets);
    expect(targetsHeld(a)).toEqual({ inside: false, mae: true });
    expect(targetsHeld({ ...a, range: { ...a.range, inside: 0.85 } })).toEqual({ inside: true, mae: true });
    expect(targetsHeld({ ...a, range: { ...a.range, inside: 0.95 } }).inside).toBe(false);
    expect(targetsHeld({ ...a, range: { ...a.range, midpointMae: 0.8 * a.single.mae } }).mae).toBe(false);
  });
});

describe("benchTable", () => {
  it("prints all days first, then one row per day shape, and a verdict per target", () => {
    const day = (shape: DayRecord["shape"]): DayRecord => ({
      shape,
      seed: 1,
      date: "2026-11-24",
      openAt: 0,
      closeAt: 0,
      endedAt: 0,
      tickets,
      refused: 0,
      noShows: 0,
      transfers: 0,
      desks: [],
    });
    const rows = benchRows([day("quiet"), day("normal"), day("normal")]);
    const lines = benchTable(rows).split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^\| \*\*all days \(3\)\*\* \| 12 \| 25\.0 % \|/);
    expect(lines[3]).toMatch(/^\| quiet \(1\) \| 4 \|/);
    expect(lines[4]).toMatch(/^\| normal \(2\) \| 8 \|.* 75\.0 % \|/);
    expect(verdicts(rows.all.accuracy).map((v) => v.pass)).toEqual([false, true]);
  });
});
