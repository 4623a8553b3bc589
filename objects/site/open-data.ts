// The daily open data a city may publish: per local day and matter, how many came, were served and did not
// show up, the wait's p50 and p90 and the share served within the matter's target. From the day roll-ups
// (objects/statistics/rollup.ts) without their clerks' rows: counts and minutes only, no person at all.
import type { SiteConfig } from "../../protocol/config.ts";
import type { OpenDataResponse, OpenDataRow } from "../../protocol/public-status.ts";
import { type DayAggregate, withoutClerks } from "../statistics/rollup.ts";
import { emptyTally, partsOf, tallyFigures } from "../statistics/tally.ts";
import type { DayAggregates } from "./day-aggregates.ts";
import { daysBetween, type FactSources, rollUp } from "./statistics-read.ts";

/**
 * One day's rows, one per matter that had anything, in the order of `configured` (the configuration's
 * matters; a matter no longer configured comes last, named by its id).
 */
export function openDataRows(agg: DayAggregate, configured: readonly { id: string; name: string }[]): OpenDataRow[] {
  const day = withoutClerks(agg);
  const order = new Map(configured.map((m, i) => [m.id, i]));
  const names = new Map(configured.map((m) => [m.id, m.name]));
  const ids = Object.keys(day.byMatter).sort(
    (a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b),
  );
  return ids.flatMap((id) => {
    const tally = day.byMatter[id] ?? emptyTally();
    if (partsOf(tally) === 0 && tally.arrived === 0) return [];
    const f = tallyFigures(tally);
    return [
      {
        date: day.day,
        matterId: id,
        matterName: names.get(id) ?? id,
        arrived: f.arrived,
        served: f.served,
        noShows: f.noShows,
        waitP50: f.waitMinutes.p50,
        waitP90: f.waitMinutes.p90,
        withinTargetShare: f.withinTargetShare,
      },
    ];
  });
}

/**
 * The open data of local days `from` to `to`: past days from their stored roll-ups, today so far. A past day
 * without a roll-up (before the site existed) has no rows: a public request never makes the object roll up
 * the past, so however its range is varied it costs at most one day's roll-up (today's).
 */
export function openData(
  src: FactSources & { aggregates: DayAggregates },
  config: SiteConfig,
  q: { from: string; to: string },
  today: string,
  now: number,
): OpenDataResponse {
  const last = q.to < today ? q.to : today;
  const rows: OpenDataRow[] = [];
  const matters = config.departments.flatMap((d) => d.matters);
  if (q.from <= last) {
    const stored = src.aggregates.between(q.from, last);
    for (const day of daysBetween(q.from, last)) {
      const agg = day !== today ? stored.get(day) : rollUp(src, config, day, now);
      if (agg) rows.push(...openDataRows(agg, matters));
    }
  }
  return { siteId: config.id, from: q.from, to: q.to, timeZone: config.timeZone, generatedAt: now, rows };
}
