// Statistics: what the site object records (records.ts), every figure as a pure function over it, the
// end-of-day roll-up that answers long ranges exactly as the raw records would, and the CSV export.
//
// A range's answer: past days from their stored aggregates, today rolled up on the fly (with `now`):
//   figuresFromAggregates([...storedDays, rollUpDay(today, todaysFacts, { timeZone, targets, now })], { groupBy })
// then withNames(…) from the configuration, the site and range added, and statisticsCsv(…) for &format=csv.

export { statisticsCsv, statisticsCsvFileName } from "./csv.ts";
export { computeStatistics, totals } from "./figures.ts";
export { type FigureNames, withNames } from "./names.ts";
export { DEFAULT_TARGET_MINUTES, type FigureOptions } from "./options.ts";
export type * from "./records.ts";
export { AGGREGATE_VERSION, type DayAggregate, figuresFromAggregates, rollUpDay, withoutClerks } from "./rollup.ts";
export { simulateDay, simulateDays } from "./simulated-days.ts";
