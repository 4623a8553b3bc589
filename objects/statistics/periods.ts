// Local dates into the periods byPeriod groups by: the day itself, its ISO week (2026-W49) or its month
// (2026-11); and the weekday of a date (1 = Monday … 7 = Sunday).

import { assertNever } from "../../protocol/live.ts";
import type { StatisticsGrouping } from "../../protocol/statistics.ts";

const DAY_MS = 86_400_000;

function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function weekdayOf(day: string): number {
  const d = utcDate(day).getUTCDay();
  return d === 0 ? 7 : d;
}

/** ISO 8601 week: the week belongs to the year of its Thursday. */
export function isoWeekOf(day: string): string {
  const date = utcDate(day);
  const thursday = new Date(date.getTime() + (4 - weekdayOf(day)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function periodOf(day: string, groupBy: StatisticsGrouping): string {
  switch (groupBy) {
    case "day":
      return day;
    case "week":
      return isoWeekOf(day);
    case "month":
      return day.slice(0, 7);
    default:
      return assertNever(groupBy);
  }
}
