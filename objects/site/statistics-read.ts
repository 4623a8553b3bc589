// A site's statistics facts for a range of its local days, read from its rows: the visits, what each desk
// did (pauses, visits and console sessions as spans), the bookings made for those days and the messages
// sent in them. Read only: the figures are computed from these by objects/statistics/.
import type { SiteConfig } from "../../protocol/config.ts";
import type { StatisticsGrouping, StatisticsResponse } from "../../protocol/statistics.ts";
import { nextLocalMidnight, zonedInstant } from "../queue/time.ts";
import { type ConsoleSession, deskSpans, type PauseRow } from "../statistics/desk-spans.ts";
import { withNames } from "../statistics/names.ts";
import type { BookingFact, MessageFact, SiteDayFacts } from "../statistics/records.ts";
import { type DayAggregate, figuresFromAggregates, rollUpDay } from "../statistics/rollup.ts";
import type { DayAggregates } from "./day-aggregates.ts";
import type { VisitStore } from "./visit-store.ts";

export interface FactSources {
  sql: SqlStorage;
  visits: VisitStore;
  consoles: { between(from: number, to: number): ConsoleSession[] };
}

/** The site's facts for local days `from` to `to` (inclusive, YYYY-MM-DD), up to `now`. */
export function siteFacts(src: FactSources, config: SiteConfig, from: string, to: string, now: number): SiteDayFacts {
  const tz = config.timeZone;
  const start = zonedInstant(from, 0, tz);
  const end = Math.min(nextLocalMidnight(zonedInstant(to, 0, tz), tz), now);
  const visits = src.visits.between(from, to);
  const pauses: PauseRow[] = src.sql
    .exec<{ desk_id: string; reason: string; started_at: number; ended_at: number | null }>(
      "SELECT desk_id, reason, started_at, ended_at FROM desk_pauses WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)",
      end,
      start,
    )
    .toArray()
    .map((r) => ({
      deskId: r.desk_id,
      reason: r.reason === "training" || r.reason === "other" ? r.reason : "break",
      from: r.started_at,
      to: r.ended_at,
    }));
  const desks = deskSpans(
    config.desks.map((d) => d.id),
    pauses,
    visits,
    src.consoles.between(start, end),
    start,
    Math.max(start, end),
  );
  const bookings: BookingFact[] = src.sql
    .exec<{ matter_id: string; start_at: number; status: string; confirmed_at: number | null; ticket_id: string | null }>(
      "SELECT matter_id, start_at, status, confirmed_at, ticket_id FROM bookings WHERE confirmed_at IS NOT NULL AND start_at >= ? AND start_at < ?",
      start,
      nextLocalMidnight(zonedInstant(to, 0, tz), tz),
    )
    .toArray()
    .map((r) => ({
      matterId: r.matter_id,
      madeAt: r.confirmed_at ?? r.start_at,
      slotAt: r.start_at,
      outcome:
        r.status === "cancelled"
          ? "cancelled"
          : r.ticket_id !== null || r.status === "checked-in"
            ? "kept"
            : r.start_at < now
              ? "missed"
              : "pending",
    }));
  const messages: MessageFact[] = src.sql
    .exec<{ channel: string; created_at: number; status: string }>(
      "SELECT channel, created_at, status FROM outbox WHERE created_at >= ? AND created_at < ?",
      start,
      end,
    )
    .toArray()
    .map((r) => ({
      channel: r.channel === "email" ? "email" : "sms",
      at: r.created_at,
      status: r.status === "sent" ? "sent" : r.status === "failed" ? "failed" : "pending",
    }));
  return { visits, desks, bookings, messages };
}

/** The matters' service-level targets, by matter id (a matter without one: DEFAULT_TARGET_MINUTES). */
export function targetsOf(config: SiteConfig): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of config.departments) for (const m of d.matters) if (m.targetWaitMinutes !== undefined) out[m.id] = m.targetWaitMinutes;
  return out;
}

/** One local day rolled up, from its rows as they stand. */
export function rollUp(src: FactSources, config: SiteConfig, day: string, now: number): DayAggregate {
  const facts = siteFacts(src, config, day, day, now);
  return rollUpDay(day, facts, { timeZone: config.timeZone, targets: targetsOf(config), now });
}

/** The local days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * A site's figures for local days `from` to `to`: each past day from its stored roll-up (rolled up now
 * from its rows when it has none, e.g. a day before roll-ups existed, without storing it: reads write
 * nothing), today rolled up live, the rows named from the configuration.
 */
export function siteStatistics(
  src: FactSources & { aggregates: DayAggregates },
  config: SiteConfig,
  q: { from: string; to: string; groupBy?: StatisticsGrouping },
  today: string,
  now: number,
): StatisticsResponse {
  const last = q.to < today ? q.to : today;
  const stored = q.from <= last ? src.aggregates.between(q.from, last) : new Map<string, DayAggregate>();
  const aggregates: DayAggregate[] = [];
  if (q.from <= last) {
    for (const day of daysBetween(q.from, last))
      aggregates.push(day !== today ? (stored.get(day) ?? rollUp(src, config, day, now)) : rollUp(src, config, day, now));
  }
  const figures = figuresFromAggregates(aggregates, q.groupBy ? { groupBy: q.groupBy } : {});
  const names = (list: { id: string; name: string }[]) => Object.fromEntries(list.map((x) => [x.id, x.name]));
  return {
    ...withNames(figures, {
      departments: names(config.departments),
      matters: names(config.departments.flatMap((d) => d.matters)),
      desks: names(config.desks),
    }),
    siteId: config.id,
    from: q.from,
    to: q.to,
    timeZone: config.timeZone,
    generatedAt: now,
  };
}
