// The statistics capability's daily roll-ups: at the end of each local day the site object rolls the day's
// visits, desk spans, bookings and messages into one DayAggregate (objects/statistics/rollup.ts: counts and
// whole-minute histograms, no personal data), so reports over months read a row per day, not every visit.
// Kept like the visits, apart from the personal-data purge.

import { zonedInstant } from "../queue/time.ts";
import type { DayAggregate } from "../statistics/rollup.ts";
import { AGGREGATE_VERSION } from "../statistics/rollup.ts";

export const DAY_AGGREGATES_MIGRATION = `
  CREATE TABLE IF NOT EXISTS day_aggregates (day TEXT PRIMARY KEY, version INTEGER NOT NULL, aggregate TEXT NOT NULL);
`;

export class DayAggregates {
  constructor(private readonly sql: SqlStorage) {}

  put(agg: DayAggregate): void {
    this.sql.exec(
      "INSERT INTO day_aggregates (day, version, aggregate) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET version = excluded.version, aggregate = excluded.aggregate",
      agg.day,
      agg.version,
      JSON.stringify(agg),
    );
  }

  /**
   * Deletes the statistics of local days before `day`: roll-ups, visits, and the desks' pauses and console
   * sessions that began before that day's local midnight.
   */
  purgeBefore(sql: SqlStorage, day: string, timeZone: string): void {
    const start = zonedInstant(day, 0, timeZone);
    this.sql.exec("DELETE FROM day_aggregates WHERE day < ?", day);
    sql.exec("DELETE FROM visits WHERE day < ?", day);
    sql.exec("DELETE FROM desk_pauses WHERE started_at < ? AND ended_at IS NOT NULL", start);
    sql.exec("DELETE FROM console_sessions WHERE from_at < ? AND to_at IS NOT NULL", start);
  }

  /** The stored roll-ups of this version for local days `from` to `to`, by day. */
  between(from: string, to: string): Map<string, DayAggregate> {
    return new Map(
      this.sql
        .exec<{ day: string; aggregate: string }>(
          "SELECT day, aggregate FROM day_aggregates WHERE day >= ? AND day <= ? AND version = ?",
          from,
          to,
          AGGREGATE_VERSION,
        )
        .toArray()
        .map((r) => [r.day, JSON.parse(r.aggregate) as DayAggregate]),
    );
  }
}
