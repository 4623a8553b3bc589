// Every figure of the small day in test-day.ts, against the answer computed by hand.
import { describe, expect, it } from "vitest";
import { StatisticsFigures } from "../../protocol/statistics.ts";
import { computeStatistics } from "./figures.ts";
import { HAND_DAY, TARGETS, TIME_ZONE } from "./test-day.ts";

const figures = computeStatistics(HAND_DAY, { timeZone: TIME_ZONE, targets: TARGETS });
const row = <T extends { id: string }>(rows: T[], id: string): T | undefined => rows.find((r) => r.id === id);

describe("the figures of a small day computed by hand", () => {
  it("fit the API's schema", () => {
    expect(StatisticsFigures.parse(figures)).toEqual(figures);
    expect(figures.days).toBe(1);
  });

  it("count tickets by how they ended", () => {
    const t = figures.totals;
    expect(t.arrived).toBe(9); // T1…T9 (T5's second part is no new arrival)
    expect(t.served).toBe(6); // T1, T2, T3, T5 p1, T8, T9
    expect(t.noShows).toBe(1); // T4, after three calls
    expect(t.cancelled).toBe(1); // T6
    expect(t.left).toBe(1); // T7
    expect(t.transferred).toBe(1); // T5 p0
    expect([t.closed, t.open]).toEqual([0, 0]);
    expect(t.served + t.noShows + t.cancelled + t.left + t.closed + t.open).toBe(t.arrived);
    expect(t.noShowShare).toBe(0.1111); // 1 ÷ (6 served + 1 no-show + 1 cancelled + 1 left) = 1/9
  });

  it("give the waits and services as nearest-rank percentiles of whole minutes", () => {
    // waits of the 8 called parts: T1 4, T2 13, T3 6, T4 12, T5p0 8, T5p1 13, T8 20, T9 2
    // sorted 2 4 6 8 12 13 13 20: p50 = rank ⌈0.5·8⌉ = 4 → 8; p90 = rank ⌈7.2⌉ = 8 → 20; max 20
    expect(figures.totals.waitMinutes).toEqual({ p50: 8, p90: 20, max: 20 });
    // services: T1 10, T2 6, T3 20, T5p0 11, T5p1 10, T8 18, T9 5
    // sorted 5 6 10 10 11 18 20: p50 = rank ⌈3.5⌉ = 4 → 10; p90 = rank ⌈6.3⌉ = 7 → 20
    expect(figures.totals.serviceMinutes).toEqual({ p50: 10, p90: 20 });
  });

  it("judge each called part against its matter's target", () => {
    // A and C 15 min, B 10 min: T5p1 (B, 13) and T8 (A, 20) missed it; 6 of 8 within
    expect(figures.totals.withinTargetShare).toBe(0.75);
  });

  it("add up the clerks' time and tickets per clerk hour", () => {
    // serving: anna 35 + 20, bartek 46 = 101; idle: anna 10 + 10, bartek 32 = 52 (d2 with nobody signed in
    // does not count); breaks: anna's training 20, bartek's break 12 = 32
    expect(figures.totals.clerkMinutes).toEqual({ serving: 101, idle: 52, break: 32, breakReasons: { break: 12, training: 20, other: 0 } });
    // 6 served ÷ (153 min ÷ 60) = 6 ÷ 2.55 = 2.3529…
    expect(figures.totals.ticketsPerClerkHour).toBe(2.35);
  });

  it("count the bookings and how far ahead they were made", () => {
    // lead days: kept 11-25 10:00 → 11-30 08:30 = 4 d 22.5 h → 4; missed 11-29 12:00 → 11-30 10:00 = 22 h → 0;
    // cancelled 11-20 09:00 → 11-30 09:00 = 10; sorted 0 4 10: p50 rank 2 → 4, p90 rank ⌈2.7⌉ = 3 → 10
    expect(figures.totals.bookings).toEqual({ made: 3, cancelled: 1, kept: 1, missed: 1, pending: 0, leadTimeDays: { p50: 4, p90: 10 } });
  });

  it("count messages sent and failed, leaving the pending one out", () => {
    expect(figures.totals.messages).toEqual({ sms: { sent: 2, failed: 1 }, email: { sent: 1, failed: 0 } });
  });

  it("measure the shown wait against the real one", () => {
    // real − shown: T1 4−5 = −1, T2 13−10 = 3, T3 6−0 = 6, T4 12−10 = 2, T5 8−15 = −7, T8 20−10 = 10, T9 2−5 = −3
    // (T6 and T7 were never called): mean |·| = 32 ÷ 7 = 4.57 → 4.6; bias = 10 ÷ 7 = 1.43 → 1.4
    expect(figures.totals.estimateError).toEqual({ count: 7, meanAbsMinutes: 4.6, bias: 1.4 });
  });

  it("count the waits that fell inside the range shown, per matter", () => {
    // real wait in the range shown (both ends in): T1 4 in 2–8 ✓, T2 13 in 5–15 ✓, T3 6 in 0–1 ✗,
    // T4 12 in 5–15 ✓, T5 8 in 10–20 ✗, T8 20 in 5–15 ✗, T9 2 in 2–8 ✓ (T6, T7 never called; T5 p1 shown none)
    expect(figures.totals.withinRangeShare).toBe(0.5714); // 4 of 7
    expect(figures.byMatter.map((r) => [r.id, r.withinRangeShare])).toEqual([
      ["A", 0.75], // T1 T2 T4 in, T8 out
      ["B", 0], // T3 out
      ["C", 0.5], // T9 in, T5 out
    ]);
    expect(figures.byDepartment.map((r) => [r.id, r.withinRangeShare])).toEqual([
      ["D1", 0.6],
      ["D2", 0.5],
    ]);
    const none = computeStatistics(
      { ...HAND_DAY, visits: HAND_DAY.visits.map((v) => ({ ...v, estimateRange: null })) },
      { timeZone: TIME_ZONE },
    );
    expect(none.totals.withinRangeShare).toBeNull();
  });

  it("count priority tickets and interpreter requests once per ticket, whatever its transfers", () => {
    // priority: T2, T5 (its part 1 is the same ticket) = 2; interpreter: T5, T8 = 2
    expect(figures.totals.priorityService).toEqual({ priority: 2, interpreter: 2 });
  });

  it("split by department and matter, a transferred part counting where it was sent", () => {
    const d1 = row(figures.byDepartment, "D1");
    // D1 = A and B: T1 T2 T4 T7 T8 T3 (arrived 6) and T5 p1; served T1 T2 T8 T3 T5p1
    expect(d1).toMatchObject({ arrived: 6, served: 5, noShows: 1, left: 1, cancelled: 0, transferred: 0 });
    expect(d1?.noShowShare).toBe(0.1429); // 1 ÷ (5 + 1 + 1)
    // waits 4 13 12 20 6 13 → 4 6 12 13 13 20: p50 rank 3 → 12, p90 rank ⌈5.4⌉ = 6 → 20
    // services 10 6 18 20 10 → 6 10 10 18 20: p50 rank ⌈2.5⌉ = 3 → 10, p90 rank 5 → 20
    expect(d1?.waitMinutes).toEqual({ p50: 12, p90: 20, max: 20 });
    expect(d1?.serviceMinutes).toEqual({ p50: 10, p90: 20 });
    expect(d1?.withinTargetShare).toBe(0.6667); // T8 (20 > 15) and T5p1 (13 > 10) missed: 4 of 6
    const d2 = row(figures.byDepartment, "D2");
    // D2 = C: T5 p0 (transferred), T6 (cancelled), T9 (served); waits 8, 2; services 11, 5
    expect(d2).toMatchObject({ arrived: 3, served: 1, cancelled: 1, transferred: 1, noShowShare: 0, withinTargetShare: 1 });
    expect(d2?.waitMinutes).toEqual({ p50: 2, p90: 8, max: 8 });
    expect(d2?.serviceMinutes).toEqual({ p50: 5, p90: 11 });

    expect(figures.byMatter.map((r) => r.id)).toEqual(["A", "B", "C"]);
    const a = row(figures.byMatter, "A");
    // A: T1 T2 T4 T7 T8; waits 4 12 13 20 → p50 rank 2 → 12; services 6 10 18 → p50 10, p90 18; 3 of 4 within
    expect(a).toMatchObject({ arrived: 5, served: 3, noShows: 1, left: 1, noShowShare: 0.2, withinTargetShare: 0.75 });
    expect(a?.waitMinutes).toEqual({ p50: 12, p90: 20, max: 20 });
    expect(a?.serviceMinutes).toEqual({ p50: 10, p90: 18 });
    const b = row(figures.byMatter, "B");
    // B: T3 (arrived) and T5 p1 (transferred in); waits 6, 13; services 20, 10; T5p1 over B's 10 minutes
    expect(b).toMatchObject({ arrived: 1, served: 2, noShowShare: 0, withinTargetShare: 0.5 });
    expect(b?.waitMinutes).toEqual({ p50: 6, p90: 13, max: 13 });
    expect(b?.serviceMinutes).toEqual({ p50: 10, p90: 20 });
  });

  it("split by desk and clerk, with each one's time", () => {
    const d1 = row(figures.byDesk, "d1");
    // d1: T1 T2 T4 T5p0 T8; waits 4 8 12 13 20 → p50 rank 3 → 12, p90 rank 5 → 20; services 6 10 11 18 → p50 10, p90 18
    expect(d1).toMatchObject({ arrived: 5, served: 3, noShows: 1, transferred: 1 });
    expect(d1?.waitMinutes).toEqual({ p50: 12, p90: 20, max: 20 });
    expect(d1?.serviceMinutes).toEqual({ p50: 10, p90: 18 });
    // serving 35 + 20, idle 10 + 10, training 20; 3 served ÷ (75 min ÷ 60) = 2.4
    expect(d1?.clerkMinutes).toEqual({ serving: 55, idle: 20, break: 20, breakReasons: { break: 0, training: 20, other: 0 } });
    expect(d1?.ticketsPerClerkHour).toBe(2.4);
    const d2 = row(figures.byDesk, "d2");
    // d2: T3, T5p1, T9; waits 2 6 13; services 5 10 20; 3 served ÷ (78 min ÷ 60) = 2.307…
    expect(d2).toMatchObject({ arrived: 2, served: 3, waitMinutes: { p50: 6, p90: 13, max: 13 }, serviceMinutes: { p50: 10, p90: 20 } });
    expect(d2?.clerkMinutes).toEqual({ serving: 46, idle: 32, break: 12, breakReasons: { break: 12, training: 0, other: 0 } });
    expect(d2?.ticketsPerClerkHour).toBe(2.31);
    // one clerk per desk this day: the clerks' rows are the desks' rows under their names
    expect(figures.byClerk.map((r) => r.id)).toEqual(["anna", "bartek"]);
    expect({ ...row(figures.byClerk, "anna"), id: "d1" }).toEqual(d1);
    expect({ ...row(figures.byClerk, "bartek"), id: "d2" }).toEqual(d2);
  });

  it("give one period row for the day, equal to the totals", () => {
    expect(figures.byPeriod).toHaveLength(1);
    const { period, ...day } = figures.byPeriod[0] ?? { period: "" };
    expect(period).toBe("2026-11-30");
    const { bookings: _b, messages: _m, estimateError: _e, priorityService: _p, ...visitTotals } = figures.totals;
    expect(day).toEqual(visitTotals);
  });

  it("split by the hour of the day in the office's time zone", () => {
    const h8 = figures.byHour[8];
    // taken 08:00–08:59: T1…T8 = 8; service begun 08:xx: T1 T2 T3 T5p1 = 4;
    // waits of parts queued 08:xx: 4 6 8 12 13 13 20 → p50 rank 4 → 12, p90 rank 7 → 20
    expect(h8).toEqual({ hour: 8, arrived: 8, served: 4, waitMinutes: { p50: 12, p90: 20, max: 20 } });
    // T9 taken 09:10, called after 2 minutes; T8 and T9 begun 09:xx
    expect(figures.byHour[9]).toEqual({ hour: 9, arrived: 1, served: 2, waitMinutes: { p50: 2, p90: 2, max: 2 } });
    expect(figures.byHour.filter((h) => h.arrived > 0).map((h) => h.hour)).toEqual([8, 9]);
    expect(figures.byHour[7]).toEqual({ hour: 7, arrived: 0, served: 0, waitMinutes: { p50: null, p90: null, max: null } });
  });

  it("fill the weekday × hour heat map (2026-11-30 is a Monday)", () => {
    const cell = (w: number, h: number) => figures.byWeekdayHour.find((c) => c.weekday === w && c.hour === h);
    expect(cell(1, 8)).toEqual({ weekday: 1, hour: 8, arrived: 8, perDay: 8 });
    expect(cell(1, 9)).toEqual({ weekday: 1, hour: 9, arrived: 1, perDay: 1 });
    expect(cell(1, 10)).toEqual({ weekday: 1, hour: 10, arrived: 0, perDay: 0 });
    // no Tuesday in the range: no figure, not 0
    expect(cell(2, 8)).toEqual({ weekday: 2, hour: 8, arrived: 0, perDay: null });
  });

  it("put the waits in buckets", () => {
    // 2 4 | 6 8 | 12 13 13 | 20 of 8
    expect(figures.waitDistribution).toEqual([
      { fromMinutes: 0, toMinutes: 5, count: 2, share: 0.25 },
      { fromMinutes: 5, toMinutes: 10, count: 2, share: 0.25 },
      { fromMinutes: 10, toMinutes: 15, count: 3, share: 0.375 },
      { fromMinutes: 15, toMinutes: 30, count: 1, share: 0.125 },
      { fromMinutes: 30, toMinutes: 60, count: 0, share: 0 },
      { fromMinutes: 60, toMinutes: null, count: 0, share: 0 },
    ]);
  });

  it("count the people waiting every quarter hour", () => {
    // waiting from queued until the first call (or until cancelled or gone):
    // 08:00 T1 · 08:15 T4 (T2 called at 08:15 exactly) · 08:30 T3 (T5 called 08:28)
    // 08:45 T5p1 T6 T7 T8 · 09:00 T8 (T7 gone at 09:00) · 09:15 nobody (T9 called 09:12)
    expect(figures.waitingThroughDay).toEqual([
      { time: "08:00", mean: 1, max: 1 },
      { time: "08:15", mean: 1, max: 1 },
      { time: "08:30", mean: 1, max: 1 },
      { time: "08:45", mean: 4, max: 4 },
      { time: "09:00", mean: 1, max: 1 },
    ]);
  });

  it("have no figure but counts for a range without visits", () => {
    const empty = computeStatistics({ visits: [], desks: [], bookings: [], messages: [] }, { timeZone: TIME_ZONE });
    expect(empty.totals).toMatchObject({ arrived: 0, noShowShare: null, withinTargetShare: null, ticketsPerClerkHour: null });
    expect(empty.totals.waitMinutes).toEqual({ p50: null, p90: null, max: null });
    expect(empty.totals.estimateError).toEqual({ count: 0, meanAbsMinutes: null, bias: null });
    expect(empty.byHour).toHaveLength(24);
    expect(empty.waitingThroughDay).toEqual([]);
    expect(empty.days).toBe(0);
  });
});
