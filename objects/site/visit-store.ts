// SQLite rows of the statistics capability: one row per part of each ticket's visit
// (objects/statistics/records.ts), written by the commit path in the same transaction as the change the
// visit records. Kept by local day, without personal data; the personal-data purge does not touch them.
import type { VisitRecord } from "../statistics/records.ts";

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

  /** The ticket's latest part, or undefined before its first. */
  latest(ticketId: string): VisitRecord | undefined {
    const row = this.sql
      .exec<VisitRow>(`SELECT ${COLUMNS} FROM visits WHERE ticket_id = ? ORDER BY part DESC LIMIT 1`, ticketId)
      .toArray()[0];
    return row ? fromRow(row) : undefined;
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

  /** Every part of the visits of local days `from` to `to` (inclusive), in the order they were taken. */
  between(from: string, to: string): VisitRecord[] {
    return this.sql
      .exec<VisitRow>(`SELECT ${COLUMNS} FROM visits WHERE day >= ? AND day <= ? ORDER BY day, rowid`, from, to)
      .toArray()
      .map(fromRow);
  }
}
