// SQLite rows of the printers capability: print and announce jobs for the site's print agent, kept until
// it acknowledges them, and the kiosk printers' states as it last reported them (R2: a kiosk whose printer
// is out shows its QR code instead).

import { type AgentJob, type PrinterStatus, UnprintedReason, type UnprintedTicket } from "../../protocol/live.ts";
import { addColumn } from "./add-column.ts";

/** A ticket on record as not printed stays listed this long for a person to see and set aside. */
const UNPRINTED_KEPT_MS = 28 * 86_400_000;

/** A job the agent gave up on: since then it is neither sent to the agent nor forgotten. */
export function UNPRINTED_MIGRATION(sql: SqlStorage): void {
  addColumn(sql, "jobs", "unprinted_at", "INTEGER");
  addColumn(sql, "jobs", "unprinted_reason", "TEXT");
}

export class PrinterStore {
  private known: readonly PrinterStatus[] | null = null;
  constructor(private readonly sql: SqlStorage) {}

  addJob(job: AgentJob, now: number): void {
    this.sql.exec("INSERT INTO jobs (id, kind, payload, created_at) VALUES (?, ?, ?, ?)", job.id, job.kind, JSON.stringify(job), now);
  }
  pendingJobs(limit: number): AgentJob[] {
    return this.sql
      .exec<{ payload: string }>(
        "SELECT payload FROM jobs WHERE acked_at IS NULL AND unprinted_at IS NULL ORDER BY created_at, id LIMIT ?",
        limit,
      )
      .toArray()
      .map((r) => JSON.parse(r.payload) as AgentJob);
  }
  /** Whether a job exists and is still the agent's to do (not acknowledged, not given up as unprinted). */
  jobPending(id: string): boolean {
    return (
      this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE id = ? AND acked_at IS NULL AND unprinted_at IS NULL", id).one()
        .n > 0
    );
  }
  /** Whether a job is on record as not printed, and nobody has set it aside yet. */
  jobUnprinted(id: string): boolean {
    return (
      this.sql
        .exec<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE id = ? AND acked_at IS NULL AND unprinted_at IS NOT NULL", id)
        .one().n > 0
    );
  }
  markUnprinted(id: string, reason: UnprintedReason, now: number): void {
    this.sql.exec(
      "UPDATE jobs SET unprinted_at = ?, unprinted_reason = ? WHERE id = ? AND acked_at IS NULL AND unprinted_at IS NULL",
      now,
      reason,
      id,
    );
  }
  /** Tickets the agent could not print, not yet set aside by a person, oldest first. */
  unprinted(limit: number): UnprintedTicket[] {
    return this.sql
      .exec<{ payload: string; unprinted_reason: string; unprinted_at: number }>(
        "SELECT payload, unprinted_reason, unprinted_at FROM jobs WHERE acked_at IS NULL AND unprinted_at IS NOT NULL ORDER BY created_at, id LIMIT ?",
        limit,
      )
      .toArray()
      .flatMap((r) => {
        const job = JSON.parse(r.payload) as AgentJob;
        if (job.kind !== "print") return [];
        const reason = UnprintedReason.safeParse(r.unprinted_reason);
        return [
          {
            jobId: job.id,
            kioskId: job.kioskId ?? null,
            number: job.ticket.number,
            createdAt: job.createdAt,
            reason: reason.success ? reason.data : "too-old",
            at: new Date(r.unprinted_at).toISOString(),
          },
        ];
      });
  }
  ackJob(id: string, now: number): void {
    this.sql.exec("UPDATE jobs SET acked_at = ? WHERE id = ? AND acked_at IS NULL", now, id);
  }
  /** Drops acknowledged jobs older than `before`, and records of unprinted tickets nobody set aside within UNPRINTED_KEPT_MS. */
  pruneJobs(before: number): void {
    this.sql.exec("DELETE FROM jobs WHERE acked_at IS NOT NULL AND acked_at < ?", before);
    this.sql.exec("DELETE FROM jobs WHERE acked_at IS NULL AND unprinted_at < ?", before - UNPRINTED_KEPT_MS);
  }

  /** The kiosks' printers as last reported: read from SQLite once, then again only after a write (every hall flush asks). */
  printers(): readonly PrinterStatus[] {
    if (this.known) return this.known;
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'printers'").toArray()[0];
    this.known = row ? (JSON.parse(row.value) as PrinterStatus[]) : [];
    return this.known;
  }
  setPrinters(printers: readonly PrinterStatus[]): void {
    // Read again after the write: a transaction that fails leaves the stored value, not this one.
    this.known = null;
    this.sql.exec(
      "INSERT INTO meta (key, value) VALUES ('printers', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      JSON.stringify(printers),
    );
  }
}
