import { describe, expect, it } from "vitest";
import { deskSpans } from "./desk-spans.ts";
import type { VisitRecord } from "./records.ts";

const M = 60_000;
const visit = (deskId: string, calledAt: number, endedAt: number | null): VisitRecord => ({
  ticketId: `t${calledAt}`,
  part: 0,
  day: "2026-11-30",
  departmentId: "wk",
  matterId: "rej",
  channel: "kiosk",
  queuedAt: 0,
  slotAt: null,
  estimateMinutes: null,
  estimateRange: null,
  calls: [{ at: calledAt, deskId, clerk: "anna" }],
  startedAt: calledAt,
  finishedAt: endedAt,
  deskId,
  clerk: "anna",
  outcome: endedAt === null ? "open" : "served",
  endedAt,
});

describe("what a desk did", () => {
  it("a clerk signed in 0-60: serving 10-20, a break 30-40 (training), idle between; nothing before or after", () => {
    const spans = deskSpans(
      ["d1"],
      [{ deskId: "d1", reason: "training", from: 30 * M, to: 40 * M }],
      [visit("d1", 10 * M, 20 * M)],
      [{ deskId: "d1", clerk: "anna", from: 0, to: 60 * M }],
      0,
      90 * M,
    );
    expect(spans.map((s) => [s.state, s.reason, s.from / M, (s.to ?? 0) / M, s.clerk])).toEqual([
      ["idle", null, 0, 10, "anna"],
      ["serving", null, 10, 20, "anna"],
      ["idle", null, 20, 30, "anna"],
      ["break", "training", 30, 40, "anna"],
      ["idle", null, 40, 60, "anna"],
    ]);
  });

  it("a client still at the desk, and a break still going, run to the end of the stretch; another desk with nobody is left out", () => {
    const spans = deskSpans(
      ["d1", "d2"],
      [{ deskId: "d1", reason: "break", from: 50 * M, to: null }],
      [visit("d1", 10 * M, null)],
      [],
      0,
      60 * M,
    );
    expect(spans.map((s) => [s.deskId, s.state, s.from / M, (s.to ?? 0) / M, s.clerk])).toEqual([
      ["d1", "serving", 10, 50, null],
      ["d1", "break", 50, 60, null],
    ]);
  });
});
