// The statistics API's wire contract: GET /api/v1/sites/{siteId}/statistics?from=…&to=… answers how the
// days went at a site (JSON, or CSV with &format=csv). Figures with no data are null, never 0: a range
// with no called ticket has no wait p50. Minutes are whole minutes, shares are fractions 0…1.
//
// Definitions (objects/statistics computes them):
// - A visit has one part per queue it waited in: a transfer ends a part and begins the next.
// - arrived: tickets taken (parts 0); transferred-in parts are not arrivals but are waited for and served.
// - served, noShows (removed after three misses), cancelled, left, closed, open, transferred: parts by how
//   they ended; arrived = served + noShows + cancelled + left + closed + open.
// - noShowShare: noShows ÷ parts that ended (served, no-show, cancelled, left, closed).
// - wait: first call − queuedAt of each called part, in whole minutes (rounded down); service:
//   finishedAt − startedAt, whole minutes. Percentiles are nearest-rank: the value at rank ⌈p·n/100⌉ of
//   the n values sorted, so every percentile is a minute that some part really waited.
// - withinTargetShare: called parts whose wait was within their matter's target (default 15 minutes).
// - clerkMinutes: a desk's time with a clerk signed in, serving, idle and on a break;
//   ticketsPerClerkHour: served ÷ hours serving or idle (breaks left out).
// - estimateError: the wait shown at issue against the real wait (part 0, called): mean |real − shown| and
//   mean (real − shown), positive when people waited longer than they were told.
// - withinRangeShare: called tickets (part 0) shown a wait range at issue whose real wait, in whole
//   minutes, was inside it (low ≤ wait ≤ high) ÷ those called tickets shown a range.
// - priorityService: tickets taken (parts 0) that were priority tickets, and that asked for the site's
//   PJM interpreter.
import { z } from "zod";
import { CalendarDate } from "./config.ts";

const DateText = CalendarDate;

export { STATISTICS_GROUPINGS, STATISTICS_TABLES } from "./statistics-words.ts";

import { STATISTICS_GROUPINGS, STATISTICS_TABLES } from "./statistics-words.ts";
export const StatisticsGrouping = z.enum(STATISTICS_GROUPINGS);
export type StatisticsGrouping = z.infer<typeof StatisticsGrouping>;

export const StatisticsTable = z.enum(STATISTICS_TABLES);
export type StatisticsTable = z.infer<typeof StatisticsTable>;

const QueryFields = {
  from: DateText,
  to: DateText,
  format: z.enum(["json", "csv"]).optional().describe("json (the default) or csv"),
  groupBy: StatisticsGrouping.optional().describe("byPeriod's rows: day (the default), week (ISO) or month"),
  table: StatisticsTable.optional().describe("CSV only: one table (all of them by default)"),
  lang: z.enum(["pl", "en"]).optional().describe("CSV column headers: Polish (the default) or English"),
};

/** from ≤ to, at most 366 days. */
function inRange<T extends { from: string; to: string }>(schema: z.ZodType<T>) {
  return schema
    .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 365 * 86_400_000, { message: "at most 366 days", path: ["to"] });
}

/** ?from=…&to=…: local dates of the site, both included, at most 366 days. */
export const StatisticsQuery = inRange(z.strictObject(QueryFields));
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

/** The organisation-wide form: the same range for every site of the organisation (?org= for the operator). */
export const OrganisationStatisticsQuery = inRange(
  z.strictObject({
    from: DateText,
    to: DateText,
    org: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
      .optional()
      .describe("The organisation: required of the operator; an administrator's own when absent"),
  }),
);
export type OrganisationStatisticsQuery = z.infer<typeof OrganisationStatisticsQuery>;

const Count = z.number().int().min(0);
const Minutes = z.number().int().min(0);
/** A fraction 0…1 (4 decimals), null when its denominator is 0. */
const Share = z.number().min(0).max(1).nullable();

export const WaitMinutes = z.object({ p50: Minutes.nullable(), p90: Minutes.nullable(), max: Minutes.nullable() });
export const ServiceMinutes = z.object({ p50: Minutes.nullable(), p90: Minutes.nullable() });

/** The figures of any set of visit parts: the whole site, a department, a matter, a desk, a clerk, a day. */
export const VisitFigures = z.object({
  arrived: Count,
  served: Count,
  noShows: Count,
  noShowShare: Share,
  cancelled: Count,
  left: Count,
  closed: Count.describe("Still open when the day was closed"),
  open: Count.describe("Still waiting or being served (today)"),
  transferred: Count.describe("Parts sent on to another matter or desk"),
  waitMinutes: WaitMinutes,
  serviceMinutes: ServiceMinutes,
  withinTargetShare: Share,
  withinRangeShare: Share.describe("Called tickets whose wait fell inside the range shown at issue (whole minutes, both ends included)"),
});
export type VisitFigures = z.infer<typeof VisitFigures>;

export const ClerkMinutes = z.object({
  serving: Minutes,
  idle: Minutes,
  break: Minutes,
  /** The breaks by their reason: przerwa, szkolenie, inne. */
  breakReasons: z.object({ break: Minutes, training: Minutes, other: Minutes }),
});
export type ClerkMinutes = z.infer<typeof ClerkMinutes>;

/** Figures of the people at the desks: their time and how many they served per hour at work. */
export const StaffFigures = z.object({
  clerkMinutes: ClerkMinutes,
  ticketsPerClerkHour: z.number().min(0).nullable(),
});
export type StaffFigures = z.infer<typeof StaffFigures>;

export const BookingFigures = z.object({
  made: Count,
  cancelled: Count,
  kept: Count,
  missed: Count,
  pending: Count,
  /** Days from making a booking to its slot (whole days, nearest-rank). */
  leadTimeDays: z.object({ p50: Count.nullable(), p90: Count.nullable() }),
});
export type BookingFigures = z.infer<typeof BookingFigures>;

const Delivery = z.object({ sent: Count, failed: Count });
export const MessageFigures = z.object({ sms: Delivery, email: Delivery });
export type MessageFigures = z.infer<typeof MessageFigures>;

export const EstimateError = z.object({
  /** Tickets whose shown wait is compared (part 0, called, shown a wait). */
  count: Count,
  meanAbsMinutes: z.number().min(0).nullable(),
  /** Positive: people waited longer than they were shown. */
  bias: z.number().nullable(),
});
export type EstimateError = z.infer<typeof EstimateError>;

/** Priority service: tickets taken as priority tickets, and tickets that asked for the PJM interpreter. */
export const PriorityCounts = z.object({ priority: Count, interpreter: Count });
export type PriorityCounts = z.infer<typeof PriorityCounts>;

export const StatisticsTotals = VisitFigures.extend(StaffFigures.shape).extend({
  bookings: BookingFigures,
  messages: MessageFigures,
  estimateError: EstimateError,
  priorityService: PriorityCounts,
});
export type StatisticsTotals = z.infer<typeof StatisticsTotals>;

/** A department's or a matter's row; `name` is filled in from the site's configuration when known. */
export const GroupRow = VisitFigures.extend({ id: z.string(), name: z.string().optional() });
export type GroupRow = z.infer<typeof GroupRow>;
/** A desk's or a clerk's row (a clerk by their user name). */
export const StaffRow = GroupRow.extend(StaffFigures.shape);
export type StaffRow = z.infer<typeof StaffRow>;
/** A day (2026-11-30), an ISO week (2026-W49) or a month (2026-11). */
export const PeriodRow = VisitFigures.extend(StaffFigures.shape).extend({ period: z.string() });
export type PeriodRow = z.infer<typeof PeriodRow>;

/** Hour of the day 0–23 (local): arrivals by the hour taken, served by the hour service began, waits by the hour queued. */
export const HourRow = z.object({
  hour: z.number().int().min(0).max(23),
  arrived: Count,
  served: Count,
  waitMinutes: WaitMinutes,
});
export type HourRow = z.infer<typeof HourRow>;

/** One cell of the weekday × hour heat map (1 = Monday … 7 = Sunday): tickets taken, and per day of that weekday in the range. */
export const WeekdayHourRow = z.object({
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  arrived: Count,
  /** arrived ÷ days of that weekday with visits (1 decimal), null when there was none. */
  perDay: z.number().min(0).nullable(),
});
export type WeekdayHourRow = z.infer<typeof WeekdayHourRow>;

/** Called parts by their wait: [fromMinutes, toMinutes) in whole minutes; toMinutes null for the last bucket. */
export const WaitBucketRow = z.object({
  fromMinutes: Minutes,
  toMinutes: Minutes.nullable(),
  count: Count,
  share: Share,
});
export type WaitBucketRow = z.infer<typeof WaitBucketRow>;

/** People waiting at a time of the day (every 15 minutes, local), over the days with visits. */
export const WaitingRow = z.object({
  time: z.string().regex(/^\d{2}:\d{2}$/),
  /** Mean over the days with visits (1 decimal). */
  mean: z.number().min(0),
  max: Count,
});
export type WaitingRow = z.infer<typeof WaitingRow>;

/** What the figures functions compute; the route adds the site, the range and when it was computed. */
export const StatisticsFigures = z.object({
  groupBy: StatisticsGrouping,
  /** Days with at least one visit. */
  days: Count,
  totals: StatisticsTotals,
  byDepartment: z.array(GroupRow),
  byMatter: z.array(GroupRow),
  byDesk: z.array(StaffRow),
  byClerk: z.array(StaffRow),
  byPeriod: z.array(PeriodRow),
  byHour: z.array(HourRow).length(24),
  byWeekdayHour: z.array(WeekdayHourRow).length(168),
  waitDistribution: z.array(WaitBucketRow),
  waitingThroughDay: z.array(WaitingRow),
});
export type StatisticsFigures = z.infer<typeof StatisticsFigures>;

export const StatisticsResponse = StatisticsFigures.extend({
  siteId: z.string(),
  from: DateText,
  to: DateText,
  timeZone: z.string(),
  /** When the answer was computed (ms since the epoch); today's figures are live. */
  generatedAt: z.number().int(),
});
export type StatisticsResponse = z.infer<typeof StatisticsResponse>;

/** The organisation-wide form: every site's totals side by side, for the same range. */
export const OrganisationStatisticsResponse = z.object({
  organisationId: z.string(),
  from: DateText,
  to: DateText,
  generatedAt: z.number().int(),
  sites: z.array(z.object({ siteId: z.string(), name: z.string().optional(), days: Count, totals: StatisticsTotals })),
});
export type OrganisationStatisticsResponse = z.infer<typeof OrganisationStatisticsResponse>;
