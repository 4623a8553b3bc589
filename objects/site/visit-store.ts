// SQLite rows of the statistics capability: one row per part of each ticket's visit
// (objects/statistics/records.ts), written by the commit path in the same transaction as the change the
// visit records. Kept by local day, without personal data; the personal-data purge does not touch them.
// A walk-in's first part is written with its ticket, in the ticket's row (`pending_visit`), and gets a row
// here only when something moves it: a call, a transfer, the end of the day. One write per walk-in, not
// two; a walk-in is the busiest command of an office. The ticket's next write clears its copy
// (QueueStore.putTicket), and the readers below see both as one.
import type { VisitChannel, VisitRecord } from "../statistics/records.ts";
import { addColumn } from "./add-column.ts";

export const VISITS_MIGRATION = `
  CREATE TABLE IF NOT EXISTS visits (
    ticket_id TEXT NOT NULL,
    part INTEGER NOT NULL,
    day TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (ticket_id, part)
  );
  CREATE INDEX IF NOT EXISTS visits_by_day ON visits (day);
`;

/**
 * The wait range shown at issue, in whole minutes, as columns of its own (NULL for visits before ranges).
 * Each column is added only when missing, so the step may run again (SQLite has no ADD COLUMN IF NOT EXISTS).
 */
export function VISIT_RANGE_MIGRATION(sql: SqlStorage): void {
  const columns = new Set(
    sql
      .exec<{ name: string }>("PRAGMA table_info(visits)")
      .toArray()
      .map((c) => c.name),
  );
  for (const column of ["estimate_low", "estimate_high"])
    if (!columns.has(column)) sql.exec(`ALTER TABLE visits ADD COLUMN ${column} INTEGER`);
}

/** A ticket's first visit part kept in its own row until the visit moves on (see above). */
export function PENDING_VISIT_MIGRATION(sql: SqlStorage): void {
  addColumn(sql, "tickets", "pending_visit", "TEXT");
}

/**
 * A kept first part, as the ticket's row holds it: what it has beyond its ticket's id and day, in a few
 * dozen bytes, since a wake-up counts the day's tickets row by row (QueueStore.tallyCounts) and a whole
 * record in each row made that read three times the pages.
 */
type KeptPart = [
  departmentId: string,
  matterId: string,
  channel: VisitChannel,
  queuedAt: number,
  slotAt: number | null,
  estimateMinutes: number | null,
  low: number | null,
  high: number | null,
  deskId: string | null,
  /** 1: priority, 2: interpreter. */
  flags: number,
];

/** Whether a first part can be kept in its ticket's row: one nothing has moved yet (not called, not started, open). */
export function keepable(r: VisitRecord): boolean {
  return r.part === 0 && r.outcome === "open" && r.calls.length === 0 && r.startedAt === null && r.finishedAt === null && r.clerk === null;
}

/** A keepable first part as its ticket's row holds it (QueueStore.putTicket). */
export function keptPartText(r: VisitRecord): string {
  const flags = (r.priority ? 1 : 0) | (r.interpreter ? 2 : 0);
  const low = r.estimateRange?.low ?? null;
  const high = r.estimateRange?.high ?? null;
  const kept: KeptPart = [r.departmentId, r.matterId, r.channel, r.queuedAt, r.slotAt, r.estimateMinutes, low, high, r.deskId, flags];
  return JSON.stringify(kept);
}

/** The first part a ticket's row keeps, whole again. */
export function keptPart(ticketId: string, day: string, text: string): VisitRecord {
  const [departmentId, matterId, channel, queuedAt, slotAt, estimateMinutes, low, high, deskId, flags] = JSON.parse(text) as KeptPart;
  return {
    ticketId,
    part: 0,
    day,
    departmentId,
    matterId,
    channel,
    queuedAt,
    slotAt,
    ...(flags & 1 ? { priority: true } : {}),
    ...(flags & 2 ? { interpreter: true } : {}),
    estimateMinutes,
    estimateRange: low !== null && high !== null ? { low, high } : null,
    calls: [],
    startedAt: null,
    finishedAt: null,
    deskId,
    clerk: null,
    outcome: "open",
    endedAt: null,
  };
}

/** Local days in order, then the moment each part began waiting, then the part. */
const byDayThenQueued = (a: VisitRecord, b: VisitRecord): number =>
  (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) || a.queuedAt - b.queuedAt || a.part - b.part;

interface VisitRow {
  record: string;
  estimate_low: number | null;
  estimate_high: number | null;
  [key: string]: SqlStorageValue;
}

/** The record as stored: the JSON without the range, which has its columns. */
function fromRow(r: VisitRow): VisitRecord {
  const record = JSON.parse(r.record) as Omit<VisitRecord, "estimateRange">;
  const range = r.estimate_low !== null && r.estimate_high !== null ? { low: r.estimate_low, high: r.estimate_high } : null;
  return { ...record, estimateRange: range };
}

const COLUMNS = "record, estimate_low, estimate_high";

export class VisitStore {
  constructor(private readonly sql: SqlStorage) {}

  /** The ticket's latest part (its first, from the ticket's row, until the visit has moved), or undefined for an unknown ticket. */
  latest(ticketId: string): VisitRecord | undefined {
    const row = this.sql
      .exec<VisitRow>(`SELECT ${COLUMNS} FROM visits WHERE ticket_id = ? ORDER BY part DESC LIMIT 1`, ticketId)
      .toArray()[0];
    if (row) return fromRow(row);
    const [kept] = this.sql
      .exec<{ day: string; pending_visit: string | null }>("SELECT day, pending_visit FROM tickets WHERE id = ?", ticketId)
      .toArray();
    return kept?.pending_visit ? keptPart(ticketId, kept.day, kept.pending_visit) : undefined;
  }

  put(r: VisitRecord): void {
    const { estimateRange, ...record } = r;
    this.sql.exec(
      `INSERT INTO visits (ticket_id, part, day, record, estimate_low, estimate_high) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id, part) DO UPDATE SET record = excluded.record, estimate_low = excluded.estimate_low, estimate_high = excluded.estimate_high`,
      r.ticketId,
      r.part,
      r.day,
      JSON.stringify(record),
      estimateRange?.low ?? null,
      estimateRange?.high ?? null,
    );
  }

  /**
   * Every part of the visits of local days `from` to `to` (inclusive), the first parts still kept in their
   * tickets' rows with them, by day and then by when each part began waiting. (A part is never in both: the
   * NOT EXISTS only makes sure it is counted once.)
   */
  between(from: string, to: string): VisitRecord[] {
    const moved = this.sql.exec<VisitRow>(`SELECT ${COLUMNS} FROM visits WHERE day >= ? AND day <= ?`, from, to).toArray().map(fromRow);
    const pending = this.sql
      .exec<{ id: string; day: string; pending_visit: string }>(
        `SELECT id, day, pending_visit FROM tickets t WHERE t.day >= ? AND t.day <= ? AND t.pending_visit IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.ticket_id = t.id)`,
        from,
        to,
      )
      .toArray()
      .map((r) => keptPart(r.id, r.day, r.pending_visit));
    return [...moved, ...pending].sort(byDayThenQueued);
  }
}
