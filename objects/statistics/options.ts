// What the figures need beside the records: the office's time zone (hours, weekdays, times of the day), the
// matters' service-level targets, and for today's live figures the present moment.
import type { StatisticsGrouping } from "../../protocol/statistics.ts";

export const DEFAULT_TARGET_MINUTES = 15;

export interface FigureOptions {
  timeZone: string;
  /** Minutes a citizen of a matter should wait at most, by matter id; a matter not listed: 15. */
  targets?: Readonly<Record<string, number>>;
  /** Open desk spans end here (live figures); without it they count up to their last known moment, i.e. not at all. */
  now?: number;
  /** byPeriod's rows (day by default). */
  groupBy?: StatisticsGrouping;
}

export function targetMinutes(targets: FigureOptions["targets"], matterId: string): number {
  return targets?.[matterId] ?? DEFAULT_TARGET_MINUTES;
}
