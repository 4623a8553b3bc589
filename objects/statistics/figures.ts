// Every figure of a range straight from its records (today's live figures, and the reference the daily
// roll-up is checked against): totals, breakdowns and the figures by time of the day.
import type { StatisticsFigures, StatisticsTotals } from "../../protocol/statistics.ts";
import { bookingFigures } from "./bookings.ts";
import { byClerk, byDepartment, byDesk, byMatter, byPeriod } from "./breakdowns.ts";
import { clerkTimeOf, staffFigures } from "./clerk-time.ts";
import { estimateError, estimateSums } from "./estimate.ts";
import { messageFigures } from "./messages.ts";
import type { FigureOptions } from "./options.ts";
import { histogramOf } from "./percentiles.ts";
import { priorityCounts } from "./priority.ts";
import type { SiteDayFacts } from "./records.ts";
import { byHour, byWeekdayHour, waitBuckets, waitingThroughDay } from "./time-buckets.ts";
import { visitFigures, waitValues } from "./visit-figures.ts";

export function totals(facts: SiteDayFacts, options: FigureOptions): StatisticsTotals {
  const figures = visitFigures(facts.visits, options.targets);
  return {
    ...figures,
    ...staffFigures(clerkTimeOf(facts.desks, options.now), figures.served),
    bookings: bookingFigures(facts.bookings),
    messages: messageFigures(facts.messages),
    estimateError: estimateError(estimateSums(facts.visits)),
    priorityService: priorityCounts(facts.visits),
  };
}

/** The figures of all the records given (any number of days, one site). */
export function computeStatistics(facts: SiteDayFacts, options: FigureOptions): StatisticsFigures {
  return {
    groupBy: options.groupBy ?? "day",
    days: new Set(facts.visits.map((v) => v.day)).size,
    totals: totals(facts, options),
    byDepartment: byDepartment(facts.visits, options),
    byMatter: byMatter(facts.visits, options),
    byDesk: byDesk(facts, options),
    byClerk: byClerk(facts, options),
    byPeriod: byPeriod(facts, options),
    byHour: byHour(facts.visits, options.timeZone),
    byWeekdayHour: byWeekdayHour(facts.visits, options.timeZone),
    waitDistribution: waitBuckets(histogramOf(waitValues(facts.visits))),
    waitingThroughDay: waitingThroughDay(facts.visits, options.timeZone, options.now),
  };
}
