// Figures by the time of the day, from the records: by hour (arrivals by the hour taken, served by the hour
// service began, waits by the hour queued), the weekday × hour heat map of arrivals, the waits in buckets,
// and how many people were waiting every 15 minutes of the day.
import type { HourRow, WaitBucketRow, WaitingRow, WeekdayHourRow } from "../../protocol/statistics.ts";
import { groupBy } from "./group-by.ts";
import { hourOf, instantOf } from "./local-clock.ts";
import { type Histogram, histogramMax, histogramPercentile, maxOf, percentile, roundTo, share } from "./percentiles.ts";
import { weekdayOf } from "./periods.ts";
import type { VisitRecord } from "./records.ts";
import { waitValues } from "./visit-figures.ts";

/** [from, to) minutes; the last bucket has no end. */
export const WAIT_BUCKETS: readonly (readonly [number, number | null])[] = [
  [0, 5],
  [5, 10],
  [10, 15],
  [15, 30],
  [30, 60],
  [60, null],
];

export const QUARTER_MINUTES = 15;
export const QUARTERS = 1440 / QUARTER_MINUTES;

/** Per hour: arrived, served and the waits' histogram (whole minutes). */
export interface HourTally {
  arrived: number;
  served: number;
  wait: Histogram;
}

export function hourRow(hour: number, t: HourTally | undefined): HourRow {
  const wait = t?.wait ?? [];
  return {
    hour,
    arrived: t?.arrived ?? 0,
    served: t?.served ?? 0,
    waitMinutes: {
      p50: histogramPercentile(wait, 50),
      p90: histogramPercentile(wait, 90),
      max: histogramMax(wait),
    },
  };
}

/** The 24 hours of the day, straight from the records. */
export function byHour(parts: readonly VisitRecord[], timeZone: string): HourRow[] {
  const queuedIn = groupBy(parts, (v) => String(hourOf(v.queuedAt, timeZone)));
  const servedIn = groupBy(
    parts.filter((v) => v.outcome === "served"),
    (v) => (v.startedAt === null ? null : String(hourOf(v.startedAt, timeZone))),
  );
  return Array.from({ length: 24 }, (_, hour) => {
    const queued = queuedIn.get(String(hour)) ?? [];
    const waits = waitValues(queued);
    return {
      hour,
      arrived: queued.filter((v) => v.part === 0).length,
      served: servedIn.get(String(hour))?.length ?? 0,
      waitMinutes: { p50: percentile(waits, 50), p90: percentile(waits, 90), max: maxOf(waits) },
    };
  });
}

/** 7 × 24 cells (Monday first) from arrivals per weekday and hour and the days of each weekday with visits. */
export function weekdayHourRows(arrived: (weekday: number, hour: number) => number, daysOfWeekday: number[]): WeekdayHourRow[] {
  const rows: WeekdayHourRow[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const days = daysOfWeekday[weekday] ?? 0;
    for (let hour = 0; hour < 24; hour++) {
      const n = arrived(weekday, hour);
      rows.push({ weekday, hour, arrived: n, perDay: days === 0 ? null : roundTo(n / days, 1) });
    }
  }
  return rows;
}

/** How many distinct days of each weekday (index 1…7) are among `days`. */
export function daysPerWeekday(days: Iterable<string>): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const d of new Set(days)) counts[weekdayOf(d)] = (counts[weekdayOf(d)] ?? 0) + 1;
  return counts;
}

export function byWeekdayHour(parts: readonly VisitRecord[], timeZone: string): WeekdayHourRow[] {
  const cells = new Map<string, number>();
  for (const v of parts) {
    if (v.part !== 0) continue;
    const key = `${weekdayOf(v.day)}:${hourOf(v.queuedAt, timeZone)}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  return weekdayHourRows((w, h) => cells.get(`${w}:${h}`) ?? 0, daysPerWeekday(parts.map((v) => v.day)));
}

/** The buckets of a histogram of whole-minute waits, each with its share of all. */
export function waitBuckets(wait: readonly number[]): WaitBucketRow[] {
  const total = wait.reduce((a, b) => a + b, 0);
  return WAIT_BUCKETS.map(([from, to]) => {
    const count = wait.reduce((sum, c, m) => (m >= from && (to === null || m < to) ? sum + c : sum), 0);
    return { fromMinutes: from, toMinutes: to, count, share: share(count, total) };
  });
}

/**
 * People waiting at each quarter hour of one local day (96 counts): a part waits from queuedAt until its
 * first call, or until it ended uncalled (cancelled, left, closed); one still open waits on. Instants
 * after `now` (live) are not counted.
 */
export function waitingCounts(parts: readonly VisitRecord[], day: string, timeZone: string, now?: number): number[] {
  const counts: number[] = [];
  for (let q = 0; q < QUARTERS; q++) {
    const t = instantOf(day, q * QUARTER_MINUTES, timeZone);
    if (now !== undefined && t > now) {
      counts.push(0);
      continue;
    }
    let n = 0;
    for (const v of parts) {
      const end = v.calls[0]?.at ?? v.endedAt ?? Number.POSITIVE_INFINITY;
      if (v.queuedAt <= t && t < end) n += 1;
    }
    counts.push(n);
  }
  return counts;
}

/** Rows from the first to the last quarter anyone waited: mean over `days` days (1 decimal) and max. */
export function waitingRows(sums: readonly number[], maxes: readonly number[], days: number): WaitingRow[] {
  const busy = maxes.flatMap((m, q) => (m > 0 ? [q] : []));
  const first = busy[0];
  const last = busy[busy.length - 1];
  if (first === undefined || last === undefined || days === 0) return [];
  const rows: WaitingRow[] = [];
  for (let q = first; q <= last; q++) {
    const minutes = q * QUARTER_MINUTES;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    rows.push({ time, mean: roundTo((sums[q] ?? 0) / days, 1), max: maxes[q] ?? 0 });
  }
  return rows;
}

/** Sums and maxima of per-day waiting counts. */
export function foldWaiting(perDay: Iterable<readonly number[]>): { sums: number[]; maxes: number[] } {
  const sums = new Array<number>(QUARTERS).fill(0);
  const maxes = new Array<number>(QUARTERS).fill(0);
  for (const counts of perDay) {
    counts.forEach((n, q) => {
      sums[q] = (sums[q] ?? 0) + n;
      maxes[q] = Math.max(maxes[q] ?? 0, n);
    });
  }
  return { sums, maxes };
}

export function waitingThroughDay(parts: readonly VisitRecord[], timeZone: string, now?: number): WaitingRow[] {
  const byDay = new Map<string, VisitRecord[]>();
  for (const v of parts) {
    const list = byDay.get(v.day);
    if (list) list.push(v);
    else byDay.set(v.day, [v]);
  }
  const { sums, maxes } = foldWaiting([...byDay].map(([day, ps]) => waitingCounts(ps, day, timeZone, now)));
  return waitingRows(sums, maxes, byDay.size);
}
