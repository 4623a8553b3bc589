// The statistics' groupings and tables, with no zod: the manager page imports them at run time
// (protocol/statistics.ts builds the schemas from them).
export const STATISTICS_GROUPINGS = ["day", "week", "month"] as const;

/** The tables of the answer, each one CSV on its own (&table=…), all of them in one file otherwise. */
export const STATISTICS_TABLES = [
  "totals",
  "byDepartment",
  "byMatter",
  "byDesk",
  "byClerk",
  "byPeriod",
  "byHour",
  "byWeekdayHour",
  "waitDistribution",
  "waitingThroughDay",
] as const;
