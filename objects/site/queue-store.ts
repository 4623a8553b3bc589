// SQLite rows of the queue (tickets, desks, calls, the day's counters) ↔ the plain data of the queue rules.
import { PauseReason } from "../../protocol/api.ts";
import type { CallEvent, Desk, Ticket } from "../queue/model.ts";
import type { TallyCounts } from "../queue/tally.ts";

/**
 * Priority service (issue 14): a ticket's priority and PJM interpreter flags, a row only for a ticket that
 * has one (a ticket without a row has neither). A table of its own, so the step can run again harmlessly.
 */
export const TICKET_FLAGS_MIGRATION = `
  CREATE TABLE IF NOT EXISTS ticket_flags (
    ticket_id TEXT PRIMARY KEY,
    priority INTEGER NOT NULL DEFAULT 0,
    interpreter INTEGER NOT NULL DEFAULT 0
  );
`;

/** The start of a ticket's token once its e-ticket link has ended ("ended:<ticket id>"). */
const ENDED_TOKEN_PREFIX = "ended:";
/** The meta key of the day before which every ticket's link has ended (endTicketLinks). */
export const TICKET_LINKS_ENDED_KEY = "ticket-links-ended-before";

/** The open tickets' condition, as the open tickets' index (tickets_active) is made. */
const OPEN = "status IN ('waiting', 'called', 'serving', 'missed')";

/** A ticket's row as values, in the order selectTickets names them: a wake-up reads a whole day of tickets this way. */
type TicketValues = [
  id: string,
  token: string,
  day: string,
  number: string,
  matterId: string,
  source: string,
  status: string,
  takenAt: number,
  reservedAt: number | null,
  deskId: string | null,
  misses: number,
  recallAt: number | null,
  calledAt: number | null,
  startedAt: number | null,
  finishedAt: number | null,
  priority: number,
  interpreter: number,
];

// (Flags are set after, not spread in; values, not named columns: the cursor then builds no object per row.)
const ticketFromValues = (r: TicketValues): Ticket => {
  const t: Ticket = {
    id: r[0],
    token: r[1],
    day: r[2],
    number: r[3],
    matterId: r[4],
    source: r[5] as Ticket["source"],
    status: r[6] as Ticket["status"],
    takenAt: r[7],
    reservedAt: r[8],
    deskId: r[9],
    misses: r[10],
    recallAt: r[11],
    calledAt: r[12],
    startedAt: r[13],
    finishedAt: r[14],
  };
  if (r[15]) t.priority = true;
  if (r[16]) t.interpreter = true;
  return t;
};

const TICKET_COLUMNS =
  "id, token, day, number, matter_id, source, status, taken_at, reserved_at, desk_id, misses, recall_at, called_at, started_at, finished_at";

/** A ticket's row with its flags (0 where it has none); `where` names the ticket's columns as t.… */
const selectTickets = (where: string): string =>
  `SELECT ${TICKET_COLUMNS.split(", ")
    .map((c) => `t.${c}`)
    .join(", ")}, COALESCE(f.priority, 0) AS priority, COALESCE(f.interpreter, 0) AS interpreter
   FROM tickets t LEFT JOIN ticket_flags f ON f.ticket_id = t.id WHERE ${where}`;

export interface StoredCall extends CallEvent {
  id: number;
}

export class QueueStore {
  constructor(private readonly sql: SqlStorage) {}

  // ---- tickets and desks -----------------------------------------------------
  /** Tickets the queue needs in memory: today's, and any from earlier days still open. */
  loadTickets(day: string): Ticket[] {
    const tickets: Ticket[] = [];
    // Today's by the day's index, then earlier days' still open by the open tickets' index: each row is found
    // once (with OR, SQLite looks today's open tickets up in both indexes and drops the doubles).
    const query = `${selectTickets("t.day >= ?")} UNION ALL ${selectTickets(`t.day < ? AND t.${OPEN}`)}`;
    for (const r of this.sql.exec(query, day, day).raw<TicketValues>()) tickets.push(ticketFromValues(r));
    return tickets;
  }
  /**
   * The counts of the tickets loadTickets reads, counted by SQLite without reading them (TicketTally.counted):
   * a wake-up answers a walk-in from these while the tickets themselves are read only when something asks.
   */
  tallyCounts(day: string): TallyCounts {
    const waiting: [string, number][] = [];
    const unassigned: [string, number][] = [];
    // Every waiting ticket is in memory, whatever its day. (Both terms: the second alone would not use the open tickets' index.)
    for (const [matterId, n, free] of this.sql
      .exec(`SELECT matter_id, COUNT(*), SUM(desk_id IS NULL) FROM tickets WHERE ${OPEN} AND status = 'waiting' GROUP BY matter_id`)
      .raw<[string, number, number]>()) {
      waiting.push([matterId, n]);
      if (free) unassigned.push([matterId, free]);
    }
    // A number's prefix is the number without its trailing digits (prefixOf).
    const taken = [
      ...this.sql
        .exec("SELECT rtrim(number, '0123456789'), COUNT(*) FROM tickets WHERE day = ? AND source = 'walk-in' GROUP BY 1", day)
        .raw<[string, number]>(),
    ];
    const called = [
      ...this.sql
        .exec(
          `SELECT matter_id, id, called_at FROM tickets WHERE day >= ? AND called_at IS NOT NULL
         UNION ALL SELECT matter_id, id, called_at FROM tickets WHERE day < ? AND ${OPEN} AND called_at IS NOT NULL`,
          day,
          day,
        )
        .raw<[string, string, number]>(),
    ];
    const latest = this.sql
      .exec<{ at: number | null }>(
        `SELECT MAX(taken_at) AS at FROM (SELECT taken_at FROM tickets WHERE day >= ? UNION ALL SELECT taken_at FROM tickets WHERE day < ? AND ${OPEN})`,
        day,
        day,
      )
      .one().at;
    return { waiting, unassigned, taken, called, latestTaken: latest };
  }

  ticketById(id: string): Ticket | null {
    const [row] = [...this.sql.exec(selectTickets("t.id = ?"), id).raw<TicketValues>()];
    return row ? ticketFromValues(row) : null;
  }
  /**
   * The tokens of tickets of local days before `before` are replaced by one that is unique but never the
   * form of a real token (an e-ticket link cannot match it again); the rest of the row stays for statistics.
   * Only days from `from` on are looked at (the `before` of the last night, whose earlier days' links ended
   * then; null: every day), so a night reads the last day's tickets, not every ticket the site ever issued.
   * Returns the rows SQLite read.
   */
  endTicketLinks(before: string, from: string | null): number {
    return this.sql.exec(
      `UPDATE tickets SET token = '${ENDED_TOKEN_PREFIX}' || id WHERE day >= ? AND day < ? AND token NOT LIKE '${ENDED_TOKEN_PREFIX}%'`,
      from ?? "",
      before,
    ).rowsRead;
  }

  ticketByToken(token: string): Ticket | null {
    const [row] = [...this.sql.exec(selectTickets("t.token = ?"), token).raw<TicketValues>()];
    return row ? ticketFromValues(row) : null;
  }
  /**
   * A ticket's row. A new one may carry its visit's first part (objects/site/visit-store.ts); an update clears
   * it, since the commit path gives the visit its own row with every later change of the ticket.
   */
  putTicket(t: Ticket, kioskId: string | null = null, pendingVisit: string | null = null): void {
    this.sql.exec(
      `INSERT INTO tickets (${TICKET_COLUMNS}, kiosk_id, pending_visit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET matter_id = excluded.matter_id, status = excluded.status, desk_id = excluded.desk_id,
         misses = excluded.misses, recall_at = excluded.recall_at, called_at = excluded.called_at,
         started_at = excluded.started_at, finished_at = excluded.finished_at, pending_visit = excluded.pending_visit`,
      t.id,
      t.token,
      t.day,
      t.number,
      t.matterId,
      t.source,
      t.status,
      t.takenAt,
      t.reservedAt,
      t.deskId,
      t.misses,
      t.recallAt,
      t.calledAt,
      t.startedAt,
      t.finishedAt,
      kioskId,
      pendingVisit,
    );
    // The flags are given when the ticket is taken and never change.
    if (t.priority || t.interpreter)
      this.sql.exec(
        "INSERT INTO ticket_flags (ticket_id, priority, interpreter) VALUES (?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING",
        t.id,
        t.priority ? 1 : 0,
        t.interpreter ? 1 : 0,
      );
  }
  /** Desks with their current pause (the open row of desk_pauses), if any. */
  loadDesks(): Desk[] {
    return this.sql
      .exec<{ id: string; status: string; ticket_id: string | null; reason: string | null; started_at: number | null }>(
        `SELECT d.id, d.status, d.ticket_id, p.reason, p.started_at FROM desks d
         LEFT JOIN desk_pauses p ON p.desk_id = d.id AND p.ended_at IS NULL`,
      )
      .toArray()
      .map((r) => {
        const desk: Desk = { id: r.id, status: r.status as Desk["status"], ticketId: r.ticket_id };
        const reason = PauseReason.safeParse(r.reason);
        if (desk.status === "paused" && reason.success && r.started_at !== null) desk.pause = { reason: reason.data, since: r.started_at };
        return desk;
      });
  }
  /**
   * A desk's row; its pause is a row of desk_pauses, kept for the statistics: a new pause opens one,
   * and once the desk is written without it (resumed, reopened at the end of the day) it ends `now`.
   */
  putDesk(d: Desk, now: number): void {
    this.sql.exec(
      "INSERT INTO desks (id, status, ticket_id) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, ticket_id = excluded.ticket_id",
      d.id,
      d.status,
      d.ticketId,
    );
    const since = d.pause?.since ?? null;
    this.sql.exec("UPDATE desk_pauses SET ended_at = ? WHERE desk_id = ? AND ended_at IS NULL AND started_at IS NOT ?", now, d.id, since);
    if (d.pause) {
      this.sql.exec(
        "INSERT INTO desk_pauses (desk_id, reason, started_at) VALUES (?, ?, ?) ON CONFLICT (desk_id, started_at) DO NOTHING",
        d.id,
        d.pause.reason,
        d.pause.since,
      );
    }
  }
  /** A desk removed from the configuration: its row goes, a pause it was on ends (the record stays). */
  deleteDesk(id: string, now: number): void {
    this.sql.exec("DELETE FROM desks WHERE id = ?", id);
    this.sql.exec("UPDATE desk_pauses SET ended_at = ? WHERE desk_id = ? AND ended_at IS NULL", now, id);
  }

  /** The last number given for a matter on a local day (numbering restarts every day); 0 before the first. */
  counter(day: string, matterId: string): number {
    const row = this.sql.exec<{ value: number }>("SELECT value FROM counters WHERE day = ? AND matter_id = ?", day, matterId).toArray()[0];
    return row?.value ?? 0;
  }
  setCounter(day: string, matterId: string, value: number): void {
    this.sql.exec(
      "INSERT INTO counters (day, matter_id, value) VALUES (?, ?, ?) ON CONFLICT (day, matter_id) DO UPDATE SET value = excluded.value",
      day,
      matterId,
      value,
    );
  }

  // ---- calls ------------------------------------------------------------------
  addCall(c: CallEvent): void {
    this.sql.exec(
      "INSERT INTO calls (ticket_id, number, desk_id, at, attempt, reason) VALUES (?, ?, ?, ?, ?, ?)",
      c.ticketId,
      c.number,
      c.deskId,
      c.at,
      c.attempt,
      c.reason,
    );
  }
  /** Of the last `limit` calls, newest first, those of `day`'s tickets (numbers restart every day). */
  recentCalls(limit: number, day: string): CallEvent[] {
    return this.sql
      .exec<{ ticket_id: string; number: string; desk_id: string; at: number; attempt: number; reason: string }>(
        `SELECT c.ticket_id, c.number, c.desk_id, c.at, c.attempt, c.reason
         FROM (SELECT * FROM calls ORDER BY id DESC LIMIT ?) c JOIN tickets t ON t.id = c.ticket_id
         WHERE t.day = ? ORDER BY c.id DESC`,
        limit,
        day,
      )
      .toArray()
      .map((r) => ({
        ticketId: r.ticket_id,
        number: r.number,
        deskId: r.desk_id,
        at: r.at,
        attempt: r.attempt,
        reason: r.reason as CallEvent["reason"],
      }));
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
}
