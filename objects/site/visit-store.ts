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

export class VisitStore {
  constructor(private readonly sql: SqlStorage) {}

  /** The ticket's latest part, or undefined before its first. */
  latest(ticketId: string): VisitRecord | undefined {
    const row = this.sql
      .exec<{ record: string }>("SELECT record FROM visits WHERE ticket_id = ? ORDER BY part DESC LIMIT 1", ticketId)
      .toArray()[0];
    return row ? (JSON.parse(row.record) as VisitRecord) : undefined;
  }

  put(r: VisitRecord): void {
    this.sql.exec(
      "INSERT INTO visits (ticket_id, part, day, record) VALUES (?, ?, ?, ?) ON CONFLICT (ticket_id, part) DO UPDATE SET record = excluded.record",
      r.ticketId,
      r.part,
      r.day,
      JSON.stringify(r),
    );
  }

  /** Every part of the visits of local days `from` to `to` (inclusive), in the order they were taken. */
  between(from: string, to: string): VisitRecord[] {
    return this.sql
      .exec<{ record: string }>("SELECT record FROM visits WHERE day >= ? AND day <= ? ORDER BY day, rowid", from, to)
      .toArray()
      .map((r) => JSON.parse(r.record) as VisitRecord);
  }
}
