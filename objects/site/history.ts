// The demo's history: each past local day of the last `days` that has neither visits nor a roll-up is
// filled with a simulated office day (objects/statistics/simulated-days.ts) shaped by the site's
// configuration: its matters, its desks and the matters each serves, and its calendar (a closed day gets
// no visits, only its empty roll-up). The day's visits, the desks' breaks and console sessions are written
// as rows, then the day is rolled up from them, one transaction per day. Filling twice adds nothing.
import type { SiteConfig } from "../../protocol/config.ts";
import { calendarOf, hoursOn } from "../queue/calendar.ts";
import { rollUpDay } from "../statistics/rollup.ts";
import type { SimulationHours, SimulationSite } from "../statistics/simulated-days.ts";
import { simulateDay } from "../statistics/simulated-days.ts";
import type { ConsoleSessions } from "./console-sessions.ts";
import type { DayAggregates } from "./day-aggregates.ts";
import { daysBetween, siteFacts, targetsOf } from "./statistics-read.ts";
import type { VisitStore } from "./visit-store.ts";

export interface HistoryOptions {
  /** How many local days before today to fill (at most a year and a day). */
  days: number;
  /** Tickets on every working day (default: about 25 per desk over eight hours). */
  visitsPerDay?: number;
  /** The clerk signed in at each desk (by desk id), as the statistics name them. */
  clerks?: Record<string, string>;
}

export interface HistoryLoaded {
  /** Days filled with visits, and closed days given their empty roll-up. */
  workingDays: number;
  closedDays: number;
  visits: number;
  /** The site's SQLite database in bytes afterwards. */
  databaseSize: number;
}

export interface HistoryStores {
  storage: DurableObjectStorage;
  visits: VisitStore;
  consoles: ConsoleSessions;
  aggregates: DayAggregates;
}

export const MAX_HISTORY_DAYS = 366;
const VISITS_PER_DESK_DAY = 25;
/** A site open around the clock is simulated over an office day. */
const BUSIEST: SimulationHours = { from: 7 * 60, to: 18 * 60 };

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Small, stable number from a text (FNV-1a), so a site's day is simulated the same way every time. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function simulationSite(config: SiteConfig, clerks: Record<string, string>): SimulationSite {
  const matters: Record<string, string> = {};
  for (const d of config.departments) for (const m of d.matters) matters[m.id] = d.id;
  return {
    timeZone: config.timeZone,
    matters,
    desks: config.desks.map((d) => ({ id: d.id, clerk: clerks[d.id] ?? null, matterIds: d.matterIds })),
  };
}

/** The simulated part of an open day: its first opening to its last closing, within an office day when it runs around the clock. */
function simulatedHours(intervals: readonly (readonly [string, string])[]): SimulationHours {
  const from = Math.min(...intervals.map((i) => minutesOf(i[0])));
  const to = Math.max(...intervals.map((i) => minutesOf(i[1])));
  const clipped = { from: Math.max(from, BUSIEST.from), to: Math.min(to, BUSIEST.to) };
  return clipped.to - clipped.from >= 60 ? clipped : { from, to };
}

function dayBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

function hasDay(sql: SqlStorage, day: string): boolean {
  return (
    sql.exec("SELECT 1 FROM visits WHERE day = ? LIMIT 1", day).toArray().length > 0 ||
    sql.exec("SELECT 1 FROM day_aggregates WHERE day = ? LIMIT 1", day).toArray().length > 0
  );
}

/** Fills the `options.days` local days before `today` that have nothing yet (see the file's head). */
export function loadHistory(s: HistoryStores, config: SiteConfig, today: string, now: number, options: HistoryOptions): HistoryLoaded {
  const sql = s.storage.sql;
  const days = Math.max(0, Math.min(MAX_HISTORY_DAYS, Math.floor(options.days)));
  const site = simulationSite(config, options.clerks ?? {});
  const calendar = calendarOf(config);
  const src = { sql, visits: s.visits, consoles: s.consoles };
  const figureOptions = { timeZone: config.timeZone, targets: targetsOf(config), now };
  const loaded: Omit<HistoryLoaded, "databaseSize"> = { workingDays: 0, closedDays: 0, visits: 0 };
  if (days === 0) return { ...loaded, databaseSize: sql.databaseSize };
  for (const day of daysBetween(dayBefore(today, days), dayBefore(today, 1))) {
    if (hasDay(sql, day)) continue;
    const intervals = hoursOn(calendar, day);
    if (intervals.length === 0 || config.desks.length === 0) {
      s.storage.transactionSync(() => s.aggregates.put(rollUpDay(day, siteFacts(src, config, day, day, now), figureOptions)));
      loaded.closedDays++;
      continue;
    }
    const hours = simulatedHours(intervals);
    const random = seedOf(`${config.id}/${day}`);
    // A set number a day, or about 25 per desk over eight hours (fewer on a short day), 80–120 % of it.
    const count =
      options.visitsPerDay ??
      Math.max(1, Math.round(config.desks.length * VISITS_PER_DESK_DAY * ((hours.to - hours.from) / 480) * (0.8 + (random % 400) / 1000)));
    const facts = simulateDay(day, count, random, site, hours);
    s.storage.transactionSync(() => {
      for (const v of facts.visits) s.visits.put({ ...v, ticketId: `history-${v.ticketId}` });
      for (const span of facts.desks) {
        if (span.state === "break")
          sql.exec(
            "INSERT OR IGNORE INTO desk_pauses (desk_id, reason, started_at, ended_at) VALUES (?, ?, ?, ?)",
            span.deskId,
            span.reason ?? "break",
            span.from,
            span.to,
          );
      }
      for (const desk of site.desks) {
        const spans = facts.desks.filter((d) => d.deskId === desk.id);
        const first = spans[0];
        const last = spans[spans.length - 1];
        if (desk.clerk !== null && first && last)
          sql.exec(
            "INSERT INTO console_sessions (desk_id, clerk, from_at, to_at) VALUES (?, ?, ?, ?)",
            desk.id,
            desk.clerk,
            first.from,
            last.to ?? first.from,
          );
      }
      // The day as its rows tell it; bookings and messages, which have no rows here, as simulated.
      const rows = siteFacts(src, config, day, day, now);
      s.aggregates.put(rollUpDay(day, { ...rows, bookings: facts.bookings, messages: facts.messages }, figureOptions));
    });
    loaded.workingDays++;
    loaded.visits += facts.visits.length;
  }
  return { ...loaded, databaseSize: sql.databaseSize };
}
