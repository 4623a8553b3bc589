// The audit log's rows inside an organisation's own object: appended in the same transaction as the
// change they record, read newest first with filters, and deleted only when past the organisation's
// retention (audit/retention.ts): at each append, and by the owning object's alarm.
import type { AuditAction, AuditChange, AuditEntry, AuditQuery } from "../../protocol/audit.ts";
import { retentionCutoff } from "./retention.ts";

/** The table, for the owning object's migrations. */
export const AUDIT_MIGRATION = `
  CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT,
    address TEXT,
    action TEXT NOT NULL,
    target TEXT,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
  CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log (action, at);
  CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor, at);
`;

export interface AuditRecord {
  actor: string | null;
  address: string | null;
  action: AuditAction;
  target: string | null;
  summary: string;
  changes?: AuditChange[];
}

interface Row {
  id: number;
  at: number;
  actor: string | null;
  address: string | null;
  action: string;
  target: string | null;
  summary: string;
  changes: string;
  [key: string]: SqlStorageValue;
}

export class AuditLog {
  /** `retentionDays`: the organisation's retention as it is when asked. */
  constructor(
    private readonly sql: SqlStorage,
    private readonly retentionDays: () => number,
  ) {}

  /** Appends an entry, and deletes those past the retention (cheap by the time index). */
  append(record: AuditRecord, now: number): number {
    this.purge(now, this.retentionDays());
    return this.sql
      .exec<{ id: number }>(
        "INSERT INTO audit_log (at, actor, address, action, target, summary, changes) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        now,
        record.actor,
        record.address,
        record.action,
        record.target,
        record.summary,
        JSON.stringify(record.changes ?? []),
      )
      .one().id;
  }

  /** Newest first, filtered; `before` pages back from an entry id. */
  query(q: AuditQuery): AuditEntry[] {
    const filters: [string, string | number | undefined][] = [
      ["at >= ?", q.from === undefined ? undefined : Date.parse(q.from)],
      ["at < ?", q.to === undefined ? undefined : Date.parse(q.to)],
      ["action = ?", q.action],
      ["actor = ?", q.actor],
      ["target = ?", q.target],
      ["id < ?", q.before],
    ];
    const used = filters.filter((f): f is [string, string | number] => f[1] !== undefined);
    const where = used.map(([clause]) => clause);
    const args = used.map(([, value]) => value);
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`;
    return this.sql
      .exec<Row>(sql, ...args, q.limit)
      .toArray()
      .map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        address: r.address,
        action: r.action as AuditAction,
        target: r.target,
        summary: r.summary,
        changes: JSON.parse(r.changes) as AuditChange[],
      }));
  }

  /** Deletes the entries past the retention at `now` (retention.ts: isPastRetention); answers how many. */
  purge(now: number, retentionDays: number): number {
    return this.sql.exec("DELETE FROM audit_log WHERE at < ?", retentionCutoff(now, retentionDays)).rowsWritten;
  }

  /** When the oldest entry was made (null: none). */
  oldestAt(): number | null {
    return this.sql.exec<{ at: number | null }>("SELECT MIN(at) AS at FROM audit_log").one().at;
  }
}
