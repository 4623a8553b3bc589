// SQLite rows of a site object ↔ the plain data of the queue rules.
import { SiteConfig } from "../../protocol/config.ts";
import type { CallEvent, Desk, Ticket } from "../queue/model.ts";
import type { AgentJob } from "../../protocol/live.ts";
import { isTimerKind, TIMER_KINDS, type Timer } from "./scheduler.ts";

interface TicketRow {
  id: string; token: string; day: string; number: string; matter_id: string; source: string; status: string;
  taken_at: number; reserved_at: number | null; desk_id: string | null; misses: number; recall_at: number | null;
  called_at: number | null; started_at: number | null; finished_at: number | null;
  [key: string]: SqlStorageValue;
}

const ticketFromRow = (r: TicketRow): Ticket => ({
  id: r.id, token: r.token, day: r.day, number: r.number, matterId: r.matter_id,
  source: r.source as Ticket["source"], status: r.status as Ticket["status"],
  takenAt: r.taken_at, reservedAt: r.reserved_at, deskId: r.desk_id, misses: r.misses,
  recallAt: r.recall_at, calledAt: r.called_at, startedAt: r.started_at, finishedAt: r.finished_at,
});

const TICKET_COLUMNS =
  "id, token, day, number, matter_id, source, status, taken_at, reserved_at, desk_id, misses, recall_at, called_at, started_at, finished_at";

export interface StoredCall extends CallEvent {
  id: number;
}

export class SiteStore {
  constructor(private readonly sql: SqlStorage) {}

  // ---- meta ----------------------------------------------------------------
  getMeta(key: string): string | null {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
    return row ? row.value : null;
  }
  setMeta(key: string, value: string): void {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }
  /** Through the schema: a configuration stored by an earlier version gets the defaults of fields added since. */
  config(): SiteConfig | null {
    const raw = this.getMeta("config");
    return raw ? SiteConfig.parse(JSON.parse(raw)) : null;
  }
  seq(): number {
    return Number(this.getMeta("seq") ?? 0);
  }

  // ---- tickets and desks -----------------------------------------------------
  /** Tickets the queue needs in memory: today's, and any from earlier days still open. */
  loadTickets(day: string): Ticket[] {
    return this.sql
      .exec<TicketRow>(
        `SELECT ${TICKET_COLUMNS} FROM tickets WHERE day >= ? OR status IN ('waiting', 'called', 'serving', 'missed')`,
        day,
      )
      .toArray()
      .map(ticketFromRow);
  }
  ticketById(id: string): Ticket | null {
    const row = this.sql.exec<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = ?`, id).toArray()[0];
    return row ? ticketFromRow(row) : null;
  }
  ticketByToken(token: string): Ticket | null {
    const row = this.sql.exec<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE token = ?`, token).toArray()[0];
    return row ? ticketFromRow(row) : null;
  }
  putTicket(t: Ticket, kioskId: string | null = null): void {
    this.sql.exec(
      `INSERT INTO tickets (${TICKET_COLUMNS}, kiosk_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET matter_id = excluded.matter_id, status = excluded.status, desk_id = excluded.desk_id,
         misses = excluded.misses, recall_at = excluded.recall_at, called_at = excluded.called_at,
         started_at = excluded.started_at, finished_at = excluded.finished_at`,
      t.id, t.token, t.day, t.number, t.matterId, t.source, t.status, t.takenAt, t.reservedAt, t.deskId,
      t.misses, t.recallAt, t.calledAt, t.startedAt, t.finishedAt, kioskId,
    );
  }
  loadDesks(): Desk[] {
    return this.sql
      .exec<{ id: string; status: string; ticket_id: string | null }>("SELECT id, status, ticket_id FROM desks")
      .toArray()
      .map((r) => ({ id: r.id, status: r.status as Desk["status"], ticketId: r.ticket_id }));
  }
  putDesk(d: Desk): void {
    this.sql.exec(
      "INSERT INTO desks (id, status, ticket_id) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, ticket_id = excluded.ticket_id",
      d.id, d.status, d.ticketId,
    );
  }
  deleteDesk(id: string): void {
    this.sql.exec("DELETE FROM desks WHERE id = ?", id);
  }

  /** The last number given for a matter on a local day (numbering restarts every day); 0 before the first. */
  counter(day: string, matterId: string): number {
    const row = this.sql.exec<{ value: number }>("SELECT value FROM counters WHERE day = ? AND matter_id = ?", day, matterId).toArray()[0];
    return row?.value ?? 0;
  }
  setCounter(day: string, matterId: string, value: number): void {
    this.sql.exec(
      "INSERT INTO counters (day, matter_id, value) VALUES (?, ?, ?) ON CONFLICT (day, matter_id) DO UPDATE SET value = excluded.value",
      day, matterId, value,
    );
  }

  // ---- calls ------------------------------------------------------------------
  addCall(c: CallEvent): void {
    this.sql.exec(
      "INSERT INTO calls (ticket_id, number, desk_id, at, attempt, reason) VALUES (?, ?, ?, ?, ?, ?)",
      c.ticketId, c.number, c.deskId, c.at, c.attempt, c.reason,
    );
  }
  recentCalls(limit: number): CallEvent[] {
    return this.sql
      .exec<{ ticket_id: string; number: string; desk_id: string; at: number; attempt: number; reason: string }>(
        "SELECT ticket_id, number, desk_id, at, attempt, reason FROM calls ORDER BY id DESC LIMIT ?", limit,
      )
      .toArray()
      .map((r) => ({ ticketId: r.ticket_id, number: r.number, deskId: r.desk_id, at: r.at, attempt: r.attempt, reason: r.reason as CallEvent["reason"] }));
  }
  /** Service durations (ms) of a day's served tickets per matter, oldest first: the estimate learns from them. */
  serviceDurations(day: string): Map<string, number[]> {
    const out = new Map<string, number[]>();
    const rows = this.sql.exec<{ matter_id: string; ms: number }>(
      `SELECT matter_id, finished_at - started_at AS ms FROM tickets
       WHERE day = ? AND status = 'served' AND started_at IS NOT NULL AND finished_at IS NOT NULL ORDER BY finished_at`,
      day,
    );
    for (const r of rows) {
      let arr = out.get(r.matter_id);
      if (!arr) out.set(r.matter_id, (arr = []));
      arr.push(r.ms);
    }
    return out;
  }

  // ---- timers (objects/site/scheduler.ts) --------------------------------------
  setTimer(t: Timer): void {
    this.sql.exec(
      "INSERT INTO timers (key, kind, due_at, ref) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, kind = excluded.kind, ref = excluded.ref",
      t.key, t.kind, t.dueAt, t.ref,
    );
  }
  clearTimer(key: string): void {
    this.sql.exec("DELETE FROM timers WHERE key = ?", key);
  }
  /** Due timers of the kinds this version knows, earliest first; rows of other kinds are logged and kept. */
  dueTimers(now: number): Timer[] {
    const rows = this.sql
      .exec<{ key: string; kind: string; due_at: number; ref: string | null }>(
        "SELECT key, kind, due_at, ref FROM timers WHERE due_at <= ? ORDER BY due_at", now,
      )
      .toArray();
    const out: Timer[] = [];
    for (const r of rows) {
      if (isTimerKind(r.kind)) out.push({ key: r.key, kind: r.kind, dueAt: r.due_at, ref: r.ref });
      else console.warn(`timer ${r.key} of unknown kind ${JSON.stringify(r.kind)} kept`);
    }
    return out;
  }
  /** When the alarm must next fire: the earliest timer of a known kind. */
  earliestTimer(): number | null {
    const kinds = TIMER_KINDS.map(() => "?").join(", ");
    const row = this.sql.exec<{ due: number | null }>(`SELECT MIN(due_at) AS due FROM timers WHERE kind IN (${kinds})`, ...TIMER_KINDS).one();
    return row.due;
  }

  // ---- jobs for the print agent ------------------------------------------------
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

  // ---- idempotency ---------------------------------------------------------------
  idempotent(key: string): { fingerprint: string; response: string } | null {
    return this.sql.exec<{ fingerprint: string; response: string }>(
      "SELECT fingerprint, response FROM idempotency WHERE key = ?", key,
    ).toArray()[0] ?? null;
  }
  rememberIdempotent(key: string, fingerprint: string, response: unknown, now: number): void {
    this.sql.exec(
      "INSERT INTO idempotency (key, fingerprint, response, created_at) VALUES (?, ?, ?, ?)",
      key, fingerprint, JSON.stringify(response), now,
    );
  }
  /** Drops idempotency records and acknowledged jobs older than `before`. */
  prune(before: number): void {
    this.sql.exec("DELETE FROM idempotency WHERE created_at < ?", before);
    this.sql.exec("DELETE FROM jobs WHERE acked_at IS NOT NULL AND acked_at < ?", before);
  }
}
