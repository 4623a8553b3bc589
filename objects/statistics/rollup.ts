// The end-of-day roll-up: one day of one site's records reduced to counts, sums and histograms of whole
// minutes per department, matter, desk, clerk and hour (a few KB for a 1,000-visit day, no citizen's data:
// clerks appear by their user names, and withoutClerks drops them for open data). figuresFromAggregates
// gives exactly the figures computeStatistics gives from the raw records of the same days: every
// percentile is a nearest rank over whole minutes, and every mean a quotient of integer sums.
import type { BookingFigures, MessageFigures, PriorityCounts, StatisticsFigures, StatisticsGrouping } from "../../protocol/statistics.ts";
import { leadDaysOf } from "./bookings.ts";
import { addSpan, type ClerkTime, emptyClerkTime, mergeClerkTime, staffFigures } from "./clerk-time.ts";
import { type EstimateSums, estimateError, estimateSums } from "./estimate.ts";
import { hourOf } from "./local-clock.ts";
import { waitMinutesOf } from "./measures.ts";
import { messageFigures } from "./messages.ts";
import { type FigureOptions, targetMinutes } from "./options.ts";
import { addToHistogram, type Histogram, histogramPercentile, mergeHistograms } from "./percentiles.ts";
import { periodOf, weekdayOf } from "./periods.ts";
import { addPriorityCounts, emptyPriorityCounts, priorityCounts } from "./priority.ts";
import type { SiteDayFacts } from "./records.ts";
import { addPart, emptyTally, mergeTally, partsOf, tallyFigures, type VisitTally } from "./tally.ts";
import {
  daysPerWeekday,
  foldWaiting,
  type HourTally,
  hourRow,
  QUARTERS,
  waitBuckets,
  waitingCounts,
  waitingRows,
  weekdayHourRows,
} from "./time-buckets.ts";

export const AGGREGATE_VERSION = 1;

/** A desk's or a clerk's tally: its parts and its time. */
export interface StaffTally {
  visits: VisitTally;
  time: ClerkTime;
}

export interface BookingTally {
  made: number;
  cancelled: number;
  kept: number;
  missed: number;
  pending: number;
  leadDays: Histogram;
}

export interface DayAggregate {
  version: typeof AGGREGATE_VERSION;
  /** The office's local date. */
  day: string;
  total: VisitTally;
  time: ClerkTime;
  /** How many desk spans the day had (a day with desks open and nobody coming still has a period row). */
  deskSpans: number;
  byDepartment: Record<string, VisitTally>;
  byMatter: Record<string, VisitTally>;
  byDesk: Record<string, StaffTally>;
  byClerk: Record<string, StaffTally>;
  /** Local hours 0–23 that had anything. */
  byHour: Record<string, HourTally>;
  estimate: EstimateSums;
  /** Priority and interpreter tickets (absent from days rolled up before they were counted). */
  priorityService?: PriorityCounts;
  bookings: BookingTally;
  messages: MessageFigures;
  /** People waiting every quarter hour, from quarter `from` on (trailing and leading zeros left out). */
  waiting: { from: number; counts: number[] };
}

function staffTally(map: Record<string, StaffTally>, key: string): StaffTally {
  let t = map[key];
  if (!t) {
    t = { visits: emptyTally(), time: emptyClerkTime() };
    map[key] = t;
  }
  return t;
}

function visitTally(map: Record<string, VisitTally>, key: string): VisitTally {
  let t = map[key];
  if (!t) {
    t = emptyTally();
    map[key] = t;
  }
  return t;
}

function hourTally(map: Record<string, HourTally>, hour: number): HourTally {
  let t = map[hour];
  if (!t) {
    t = { arrived: 0, served: 0, wait: [] };
    map[hour] = t;
  }
  return t;
}

function trimmed(counts: number[]): { from: number; counts: number[] } {
  const first = counts.findIndex((n) => n > 0);
  if (first < 0) return { from: 0, counts: [] };
  let last = counts.length - 1;
  while ((counts[last] ?? 0) === 0) last--;
  return { from: first, counts: counts.slice(first, last + 1) };
}

/** One day's records (the visits of `day`, the desk spans, bookings and messages counted for it) rolled up. */
export function rollUpDay(day: string, facts: SiteDayFacts, options: FigureOptions): DayAggregate {
  const agg: DayAggregate = {
    version: AGGREGATE_VERSION,
    day,
    total: emptyTally(),
    time: emptyClerkTime(),
    deskSpans: facts.desks.length,
    byDepartment: {},
    byMatter: {},
    byDesk: {},
    byClerk: {},
    byHour: {},
    estimate: estimateSums(facts.visits),
    priorityService: priorityCounts(facts.visits),
    bookings: { made: 0, cancelled: 0, kept: 0, missed: 0, pending: 0, leadDays: [] },
    messages: messageFigures(facts.messages),
    waiting: trimmed(waitingCounts(facts.visits, day, options.timeZone, options.now)),
  };
  for (const v of facts.visits) {
    const target = targetMinutes(options.targets, v.matterId);
    addPart(agg.total, v, target);
    addPart(visitTally(agg.byDepartment, v.departmentId), v, target);
    addPart(visitTally(agg.byMatter, v.matterId), v, target);
    if (v.deskId !== null) addPart(staffTally(agg.byDesk, v.deskId).visits, v, target);
    if (v.clerk !== null) addPart(staffTally(agg.byClerk, v.clerk).visits, v, target);
    if (v.part === 0) hourTally(agg.byHour, hourOf(v.queuedAt, options.timeZone)).arrived += 1;
    if (v.outcome === "served" && v.startedAt !== null) hourTally(agg.byHour, hourOf(v.startedAt, options.timeZone)).served += 1;
    const wait = waitMinutesOf(v);
    if (wait !== null) addToHistogram(hourTally(agg.byHour, hourOf(v.queuedAt, options.timeZone)).wait, wait);
  }
  for (const s of facts.desks) {
    addSpan(agg.time, s, options.now);
    addSpan(staffTally(agg.byDesk, s.deskId).time, s, options.now);
    if (s.clerk !== null) addSpan(staffTally(agg.byClerk, s.clerk).time, s, options.now);
  }
  for (const b of facts.bookings) {
    agg.bookings.made += 1;
    agg.bookings[b.outcome] += 1;
    addToHistogram(agg.bookings.leadDays, leadDaysOf(b));
  }
  return agg;
}

/** The same day without the clerks' rows: what a city may publish as open data. */
export function withoutClerks(agg: DayAggregate): DayAggregate {
  return { ...agg, byClerk: {} };
}

function mergeVisitMaps(into: Record<string, VisitTally>, from: Record<string, VisitTally>): void {
  for (const [k, t] of Object.entries(from)) mergeTally(visitTally(into, k), t);
}

function mergeStaffMaps(into: Record<string, StaffTally>, from: Record<string, StaffTally>): void {
  for (const [k, t] of Object.entries(from)) {
    const s = staffTally(into, k);
    mergeTally(s.visits, t.visits);
    mergeClerkTime(s.time, t.time);
  }
}

function bookingFiguresOf(t: BookingTally): BookingFigures {
  return {
    made: t.made,
    cancelled: t.cancelled,
    kept: t.kept,
    missed: t.missed,
    pending: t.pending,
    leadTimeDays: { p50: histogramPercentile(t.leadDays, 50), p90: histogramPercentile(t.leadDays, 90) },
  };
}

function staffRowsOf(map: Record<string, StaffTally>) {
  return Object.keys(map)
    .sort()
    .map((id) => {
      const t = map[id] ?? { visits: emptyTally(), time: emptyClerkTime() };
      return { id, ...tallyFigures(t.visits), ...staffFigures(t.time, t.visits.served) };
    });
}

/** The figures of a range from its days' aggregates (of one site, or of several added together). */
export function figuresFromAggregates(
  aggregates: readonly DayAggregate[],
  options: { groupBy?: StatisticsGrouping } = {},
): StatisticsFigures {
  const grouping = options.groupBy ?? "day";
  const total = emptyTally();
  const time = emptyClerkTime();
  const byDepartment: Record<string, VisitTally> = {};
  const byMatter: Record<string, VisitTally> = {};
  const byDesk: Record<string, StaffTally> = {};
  const byClerk: Record<string, StaffTally> = {};
  const byPeriod: Record<string, StaffTally> = {};
  const byHour: Record<string, HourTally> = {};
  const weekdayHour = new Map<string, number>();
  const estimate: EstimateSums = { count: 0, sumAbs: 0, sum: 0 };
  const priorityService = emptyPriorityCounts();
  const bookings: BookingTally = { made: 0, cancelled: 0, kept: 0, missed: 0, pending: 0, leadDays: [] };
  const messages: MessageFigures = { sms: { sent: 0, failed: 0 }, email: { sent: 0, failed: 0 } };
  const waitingByDay = new Map<string, number[]>();
  const daysWithVisits = new Set<string>();

  for (const a of aggregates) {
    mergeTally(total, a.total);
    mergeClerkTime(time, a.time);
    mergeVisitMaps(byDepartment, a.byDepartment);
    mergeVisitMaps(byMatter, a.byMatter);
    mergeStaffMaps(byDesk, a.byDesk);
    mergeStaffMaps(byClerk, a.byClerk);
    if (partsOf(a.total) > 0 || a.deskSpans > 0) {
      const period = staffTally(byPeriod, periodOf(a.day, grouping));
      mergeTally(period.visits, a.total);
      mergeClerkTime(period.time, a.time);
    }
    for (const [hour, h] of Object.entries(a.byHour)) {
      const into = hourTally(byHour, Number(hour));
      into.arrived += h.arrived;
      into.served += h.served;
      mergeHistograms(into.wait, h.wait);
      const key = `${weekdayOf(a.day)}:${hour}`;
      weekdayHour.set(key, (weekdayHour.get(key) ?? 0) + h.arrived);
    }
    estimate.count += a.estimate.count;
    estimate.sumAbs += a.estimate.sumAbs;
    estimate.sum += a.estimate.sum;
    addPriorityCounts(priorityService, a.priorityService);
    bookings.made += a.bookings.made;
    bookings.cancelled += a.bookings.cancelled;
    bookings.kept += a.bookings.kept;
    bookings.missed += a.bookings.missed;
    bookings.pending += a.bookings.pending;
    mergeHistograms(bookings.leadDays, a.bookings.leadDays);
    messages.sms.sent += a.messages.sms.sent;
    messages.sms.failed += a.messages.sms.failed;
    messages.email.sent += a.messages.email.sent;
    messages.email.failed += a.messages.email.failed;
    if (partsOf(a.total) > 0) {
      daysWithVisits.add(a.day);
      const counts = waitingByDay.get(a.day) ?? new Array<number>(QUARTERS).fill(0);
      a.waiting.counts.forEach((n, i) => {
        counts[a.waiting.from + i] = (counts[a.waiting.from + i] ?? 0) + n;
      });
      waitingByDay.set(a.day, counts);
    }
  }

  const totalFigures = tallyFigures(total);
  const { sums, maxes } = foldWaiting(waitingByDay.values());
  return {
    groupBy: grouping,
    days: daysWithVisits.size,
    totals: {
      ...totalFigures,
      ...staffFigures(time, total.served),
      bookings: bookingFiguresOf(bookings),
      messages,
      estimateError: estimateError(estimate),
      priorityService,
    },
    byDepartment: Object.keys(byDepartment)
      .sort()
      .map((id) => ({ id, ...tallyFigures(byDepartment[id] ?? emptyTally()) })),
    byMatter: Object.keys(byMatter)
      .sort()
      .map((id) => ({ id, ...tallyFigures(byMatter[id] ?? emptyTally()) })),
    byDesk: staffRowsOf(byDesk),
    byClerk: staffRowsOf(byClerk),
    byPeriod: staffRowsOf(byPeriod).map(({ id, ...rest }) => ({ period: id, ...rest })),
    byHour: Array.from({ length: 24 }, (_, hour) => hourRow(hour, byHour[hour])),
    byWeekdayHour: weekdayHourRows((w, h) => weekdayHour.get(`${w}:${h}`) ?? 0, daysPerWeekday(daysWithVisits)),
    waitDistribution: waitBuckets(total.wait),
    waitingThroughDay: waitingRows(sums, maxes, daysWithVisits.size),
  };
}
