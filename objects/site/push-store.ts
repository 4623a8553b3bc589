// E-ticket holders' browser push subscriptions (Web Push), a few per ticket, in SQLite and in memory
// (PushBook), so a queue change nobody subscribed to costs nothing. Each row carries its own outbox of one:
// the notification due and not yet taken by the push service (a newer one replaces it: "called" makes
// "near" pointless), with its attempts. The endpoint and keys are personal data: kept for the ticket's day
// only (the end of the day deletes them), deleted at once when the push service says the subscription has
// ended (404/410), and never logged, counted or shown.
import { citizenLangOf } from "../../protocol/lang.ts";
import type { PushLang } from "../../protocol/push.ts";
import type { PushWatch } from "../queue/turn-push.ts";

export const PUSH_SUBSCRIPTIONS_MIGRATION = `
  CREATE TABLE IF NOT EXISTS push_subscriptions (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    day TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    lang TEXT NOT NULL,
    ahead INTEGER NOT NULL,
    requests INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    near_sent INTEGER NOT NULL DEFAULT 0,
    called_at INTEGER,
    pending TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at INTEGER,
    expires_at INTEGER,
    UNIQUE (ticket_id, endpoint)
  );
  CREATE INDEX IF NOT EXISTS push_subscriptions_day ON push_subscriptions (day);
  CREATE INDEX IF NOT EXISTS push_subscriptions_due ON push_subscriptions (next_at) WHERE pending IS NOT NULL;
`;

export interface PushSubscriptionRow {
  id: string;
  ticketId: string;
  /** The ticket's day: the row goes when it ends. */
  day: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: PushLang;
  ahead: number;
  /** Different requests that set this row (a new key, another threshold): bounded per row. */
  requests: number;
  createdAt: number;
  nearSent: boolean;
  calledAt: number | null;
  /** The notification due (its JSON payload), or null. */
  pending: string | null;
  attempts: number;
  nextAt: number | null;
  expiresAt: number | null;
}

interface Row {
  id: string;
  ticket_id: string;
  day: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: string;
  ahead: number;
  requests: number;
  created_at: number;
  near_sent: number;
  called_at: number | null;
  pending: string | null;
  attempts: number;
  next_at: number | null;
  expires_at: number | null;
  [key: string]: SqlStorageValue;
}

const fromRow = (r: Row): PushSubscriptionRow => ({
  id: r.id,
  ticketId: r.ticket_id,
  day: r.day,
  endpoint: r.endpoint,
  p256dh: r.p256dh,
  auth: r.auth,
  lang: citizenLangOf(r.lang),
  ahead: r.ahead,
  requests: r.requests,
  createdAt: r.created_at,
  nearSent: r.near_sent === 1,
  calledAt: r.called_at,
  pending: r.pending,
  attempts: r.attempts,
  nextAt: r.next_at,
  expiresAt: r.expires_at,
});

/** The subscriptions held in memory (a copy is made for a change: the one in memory changes after the write). */
export class PushBook {
  private readonly rows = new Map<string, PushSubscriptionRow>();

  constructor(rows: Iterable<PushSubscriptionRow> = []) {
    for (const r of rows) this.rows.set(r.id, r);
  }

  get size(): number {
    return this.rows.size;
  }

  get(id: string): PushSubscriptionRow | null {
    return this.rows.get(id) ?? null;
  }

  ofTicket(ticketId: string): PushSubscriptionRow[] {
    return [...this.rows.values()].filter((r) => r.ticketId === ticketId);
  }

  /** What the queue rule watches (objects/queue/turn-push.ts). */
  watches(): PushWatch[] {
    return [...this.rows.values()].map((r) => ({
      id: r.id,
      ticketId: r.ticketId,
      ahead: r.ahead,
      nearSent: r.nearSent,
      calledAt: r.calledAt,
    }));
  }

  with(put: readonly PushSubscriptionRow[], dropped: readonly string[]): PushBook {
    if (!put.length && !dropped.length) return this;
    const next = new PushBook(this.rows.values());
    for (const r of put) next.rows.set(r.id, r);
    for (const id of dropped) next.rows.delete(id);
    return next;
  }

  withoutDaysBefore(day: string): PushBook {
    return new PushBook([...this.rows.values()].filter((r) => r.day >= day));
  }
}

/** The rows: written by the commit path only. */
export class PushStore {
  constructor(private readonly sql: SqlStorage) {}

  all(): PushSubscriptionRow[] {
    return this.sql.exec<Row>("SELECT * FROM push_subscriptions").toArray().map(fromRow);
  }

  put(r: PushSubscriptionRow): void {
    this.sql.exec(
      `INSERT INTO push_subscriptions (id, ticket_id, day, endpoint, p256dh, auth, lang, ahead, requests, created_at, near_sent,
         called_at, pending, attempts, next_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth, lang = excluded.lang, ahead = excluded.ahead,
         requests = excluded.requests, near_sent = excluded.near_sent, called_at = excluded.called_at, pending = excluded.pending,
         attempts = excluded.attempts, next_at = excluded.next_at, expires_at = excluded.expires_at`,
      r.id,
      r.ticketId,
      r.day,
      r.endpoint,
      r.p256dh,
      r.auth,
      r.lang,
      r.ahead,
      r.requests,
      r.createdAt,
      r.nearSent ? 1 : 0,
      r.calledAt,
      r.pending,
      r.attempts,
      r.nextAt,
      r.expiresAt,
    );
  }

  delete(id: string): void {
    this.sql.exec("DELETE FROM push_subscriptions WHERE id = ?", id);
  }

  /** Subscriptions with a notification due by `now`, earliest first. */
  due(now: number, limit: number): PushSubscriptionRow[] {
    return this.sql
      .exec<Row>("SELECT * FROM push_subscriptions WHERE pending IS NOT NULL AND next_at <= ? ORDER BY next_at LIMIT ?", now, limit)
      .toArray()
      .map(fromRow);
  }

  /** When the earliest pending notification is due, or null. */
  nextAt(): number | null {
    const row = this.sql
      .exec<{ at: number | null }>("SELECT MIN(next_at) AS at FROM push_subscriptions WHERE pending IS NOT NULL")
      .toArray()[0];
    return row?.at ?? null;
  }

  /** Deletes the subscriptions, endpoints and keys included, of tickets of days before `day`. */
  purgeBefore(day: string): void {
    this.sql.exec("DELETE FROM push_subscriptions WHERE day < ?", day);
  }
}
