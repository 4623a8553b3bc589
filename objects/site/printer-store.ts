// SQLite rows of the printers capability: print and announce jobs for the site's print agent, kept until
// it acknowledges them, and the kiosk printers' states as it last reported them (R2: a kiosk whose printer
// is out shows its QR code instead).
import type { AgentJob, PrinterStatus } from "../../protocol/live.ts";

export class PrinterStore {
  constructor(private readonly sql: SqlStorage) {}

  addJob(job: AgentJob, now: number): void {
    this.sql.exec("INSERT INTO jobs (id, kind, payload, created_at) VALUES (?, ?, ?, ?)", job.id, job.kind, JSON.stringify(job), now);
  }
  pendingJobs(limit: number): AgentJob[] {
    return this.sql
      .exec<{ payload: string }>("SELECT payload FROM jobs WHERE acked_at IS NULL ORDER BY created_at, id LIMIT ?", limit)
      .toArray()
      .map((r) => JSON.parse(r.payload) as AgentJob);
  }
  /** Whether a job exists and is not acknowledged yet. */
  jobPending(id: string): boolean {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE id = ? AND acked_at IS NULL", id).one().n > 0;
  }
  ackJob(id: string, now: number): void {
    this.sql.exec("UPDATE jobs SET acked_at = ? WHERE id = ? AND acked_at IS NULL", now, id);
  }
  /** Drops acknowledged jobs older than `before`. */
  pruneJobs(before: number): void {
    this.sql.exec("DELETE FROM jobs WHERE acked_at IS NOT NULL AND acked_at < ?", before);
  }

  printers(): PrinterStatus[] {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'printers'").toArray()[0];
    return row ? (JSON.parse(row.value) as PrinterStatus[]) : [];
  }
  setPrinters(printers: readonly PrinterStatus[]): void {
    this.sql.exec(
      "INSERT INTO meta (key, value) VALUES ('printers', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      JSON.stringify(printers),
    );
  }
}
