// The end-of-day roll-up answers exactly as the raw records of the same days: on simulated weeks across
// the change to winter time, grouped by day, week and month, after a round trip through JSON as stored.
import { describe, expect, it } from "vitest";
import { StatisticsFigures } from "../../protocol/statistics.ts";
import { computeStatistics } from "./figures.ts";
import { withNames } from "./names.ts";
import type { FigureOptions } from "./options.ts";
import type { SiteDayFacts } from "./records.ts";
import { type DayAggregate, figuresFromAggregates, rollUpDay, withoutClerks } from "./rollup.ts";
import { simulateDay, simulateDays } from "./simulated-days.ts";
import { DAY, HAND_DAY, TARGETS, TIME_ZONE } from "./test-day.ts";

const OPTIONS: FigureOptions = { timeZone: TIME_ZONE, targets: { dowody: 10, prawo_jazdy: 20 } };

function concat(days: readonly { facts: SiteDayFacts }[]): SiteDayFacts {
  return {
    visits: days.flatMap((d) => d.facts.visits),
    desks: days.flatMap((d) => d.facts.desks),
    bookings: days.flatMap((d) => d.facts.bookings),
    messages: days.flatMap((d) => d.facts.messages),
  };
}

/** As the site object keeps it: JSON in a row. */
const stored = (a: DayAggregate): DayAggregate => JSON.parse(JSON.stringify(a));

describe("the daily roll-up", () => {
  // 2026-10-19 … 2026-11-13: four working weeks, Warsaw moves from UTC+2 to UTC+1 on 2026-10-25
  const days = simulateDays("2026-10-19", 26, 80, 7);

  it("gives the same figures as the raw records, by day, week and month", () => {
    expect(days.length).toBe(20);
    const aggregates = days.map((d) => stored(rollUpDay(d.day, d.facts, OPTIONS)));
    for (const groupBy of ["day", "week", "month"] as const) {
      const raw = computeStatistics(concat(days), { ...OPTIONS, groupBy });
      const rolled = figuresFromAggregates(aggregates, { groupBy });
      expect(rolled).toEqual(raw);
      expect(StatisticsFigures.parse(rolled)).toEqual(rolled);
    }
    const raw = computeStatistics(concat(days), OPTIONS);
    // the simulation has every kind of outcome, so the comparison covers them all
    expect(raw.totals.noShows).toBeGreaterThan(0);
    expect(raw.totals.transferred).toBeGreaterThan(0);
    expect(raw.totals.closed + raw.totals.left + raw.totals.cancelled).toBeGreaterThan(0);
    expect(raw.byPeriod.map((p) => p.period)).toHaveLength(20);
    expect(computeStatistics(concat(days), { ...OPTIONS, groupBy: "week" }).byPeriod.map((p) => p.period)).toEqual([
      "2026-W43",
      "2026-W44",
      "2026-W45",
      "2026-W46",
    ]);
  });

  it("gives the hand-computed day's figures from its aggregate", () => {
    const options = { timeZone: TIME_ZONE, targets: TARGETS };
    expect(figuresFromAggregates([stored(rollUpDay(DAY, HAND_DAY, options))])).toEqual(computeStatistics(HAND_DAY, options));
  });

  it("counts priority and interpreter tickets of the hand-computed day, and none for a day rolled up before they were kept", () => {
    const options = { timeZone: TIME_ZONE, targets: TARGETS };
    const hand = stored(rollUpDay(DAY, HAND_DAY, options));
    const { priorityService: _kept, ...older } = stored(rollUpDay("2026-11-27", HAND_DAY, options));
    expect(figuresFromAggregates([hand]).totals.priorityService).toEqual({ priority: 2, interpreter: 2 });
    expect(figuresFromAggregates([hand, older]).totals.priorityService).toEqual({ priority: 2, interpreter: 2 });
  });

  it("adds up in any order, and a day with nobody adds nothing but its desks' time", () => {
    const aggregates = days.map((d) => rollUpDay(d.day, d.facts, OPTIONS));
    const empty = rollUpDay("2026-11-14", { visits: [], desks: [], bookings: [], messages: [] }, OPTIONS);
    expect(figuresFromAggregates([...aggregates].reverse().concat(empty))).toEqual(figuresFromAggregates(aggregates));
  });

  it("stays small: a 1,000-visit day in a few KB of JSON, without any citizen's data", () => {
    const facts = simulateDay("2026-11-30", 1000, 42);
    const json = JSON.stringify(rollUpDay("2026-11-30", facts, OPTIONS));
    expect(json.length).toBeLessThan(12_000);
    // clerks only by their user names, and withoutClerks drops even those for open data
    const open = JSON.stringify(withoutClerks(rollUpDay("2026-11-30", facts, OPTIONS)));
    for (const clerk of ["a.nowak", "b.kowalska"]) expect(open).not.toContain(clerk);
    expect(open).not.toContain("2026-11-30-1"); // no ticket ids
  });
});

describe("a range with today", () => {
  it("is the stored days plus today rolled up on the fly, named from the configuration", () => {
    const past = simulateDays("2026-11-23", 5, 40, 11).map((d) => stored(rollUpDay(d.day, d.facts, OPTIONS)));
    const now = Date.parse("2026-11-30T10:00:00+01:00");
    const today = simulateDay("2026-11-30", 60, 5);
    const live = { ...today, visits: today.visits.filter((v) => v.queuedAt <= now) };
    const figures = withNames(figuresFromAggregates([...past, rollUpDay("2026-11-30", live, { ...OPTIONS, now })]), {
      matters: { dowody: "Dowody osobiste" },
    });
    expect(figures.byPeriod.map((p) => p.period)).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-30",
    ]);
    expect(figures.byMatter.find((m) => m.id === "dowody")?.name).toBe("Dowody osobiste");
    expect(figures.byMatter.find((m) => m.id === "meldunek")?.name).toBeUndefined();
    // nobody is counted waiting after 10:00 today
    expect(figuresFromAggregates([rollUpDay("2026-11-30", live, { ...OPTIONS, now })]).waitingThroughDay.at(-1)?.time).toBe("10:00");
  });
});
