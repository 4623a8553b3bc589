// E-ticket holders' "tell me by SMS when N people are ahead" requests (R8), kept by the site object: at
// most one per ticket, in SQLite and in memory, so a queue change nobody asked about costs nothing.
// Phone numbers live only as long as the ticket's day: the end of the day deletes them.
// Which requests are due after a change is the pure rule in objects/queue/turn-near.ts.
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import { normalizePhone } from "../booking/phone.ts";
import type { Ticket } from "../queue/model.ts";
import { MAX_NOTIFY_AHEAD, MIN_NOTIFY_AHEAD, type TurnRequest, turnNearDecisions, turnNoticeRefusal } from "../queue/turn-near.ts";

/** Different requests one ticket may make (each may bring one SMS): enough to fix a typo, too few to spam. */
export const MAX_REQUESTS_PER_TICKET = 5;
/** A "your turn is near" text that cannot go within this time is useless: it fails instead. */
export const NOTIFY_SMS_TTL_MS = 30 * 60_000;

export interface NotifyRequest {
  ticketId: string;
  /** The ticket's day: the request and its phone number are deleted when it ends. */
  day: string;
  /** E.164. */
  phone: string;
  ahead: number;
  /** Different requests made for this ticket so far. */
  requests: number;
  createdAt: number;
  sentAt: number | null;
}

/** What the e-ticket shows (never the number). */
export interface NotifyView {
  ahead: number;
  sent: boolean;
}

interface Row {
  ticket_id: string; day: string; phone: string; ahead: number; requests: number; created_at: number; sent_at: number | null;
  [key: string]: SqlStorageValue;
}

const fromRow = (r: Row): NotifyRequest => ({
  ticketId: r.ticket_id, day: r.day, phone: r.phone, ahead: r.ahead, requests: r.requests, createdAt: r.created_at, sentAt: r.sent_at,
});

/** A number an SMS can reach, as typed on the e-ticket page → E.164 (the same numbers a booking accepts). */
export function notifyPhone(input: string): Result<string> {
  const p = normalizePhone(input);
  if (p.ok) return ok(p.e164);
  return fail(p.reason === "not-mobile" ? "PHONE_NOT_MOBILE" : "PHONE_INVALID");
}

/** Writes go to SQLite and memory together: call them inside the transaction of the change. */
export class TurnNotifier {
  private rows = new Map<string, NotifyRequest>();
  private pendingCount = 0;

  constructor(private readonly sql: SqlStorage) {}

  /** Reads every stored request (after a wake-up). */
  load(): void {
    this.rows = new Map(this.sql.exec<Row>("SELECT * FROM notify_requests").toArray().map((r) => [r.ticket_id, fromRow(r)]));
    this.pendingCount = [...this.rows.values()].filter((r) => r.sentAt === null).length;
  }

  hasPending(): boolean {
    return this.pendingCount > 0;
  }

  /** Requests not yet sent. */
  pending(): TurnRequest[] {
    const out: TurnRequest[] = [];
    for (const r of this.rows.values()) if (r.sentAt === null) out.push({ ticketId: r.ticketId, ahead: r.ahead });
    return out;
  }

  get(ticketId: string): NotifyRequest | null {
    return this.rows.get(ticketId) ?? null;
  }

  view(ticketId: string): NotifyView | undefined {
    const r = this.rows.get(ticketId);
    return r ? { ahead: r.ahead, sent: r.sentAt !== null } : undefined;
  }

  /**
   * Records a holder's request for a ticket, as typed: the number checked, the ticket still waiting. The
   * same request again changes nothing (and sends nothing twice); a different one replaces it, pending again.
   */
  request(ticket: Ticket, input: { phone: string; ahead: number }, now: number): Result<{ request: NotifyRequest; changed: boolean }> {
    const { ahead } = input;
    if (!Number.isInteger(ahead) || ahead < MIN_NOTIFY_AHEAD || ahead > MAX_NOTIFY_AHEAD) {
      return fail("VALIDATION_FAILED", `ahead: a whole number from ${MIN_NOTIFY_AHEAD} to ${MAX_NOTIFY_AHEAD}`);
    }
    const number = notifyPhone(input.phone);
    if (!number.ok) return number;
    const phone = number.value;
    const refusal = turnNoticeRefusal(ticket);
    if (refusal) return fail(refusal);
    const prev = this.rows.get(ticket.id);
    if (prev && prev.phone === phone && prev.ahead === ahead) return ok({ request: prev, changed: false });
    if (prev && prev.requests >= MAX_REQUESTS_PER_TICKET) {
      return fail("RATE_LIMITED", `At most ${MAX_REQUESTS_PER_TICKET} different notification requests per ticket.`);
    }
    const next: NotifyRequest = { ticketId: ticket.id, day: ticket.day, phone, ahead, requests: (prev?.requests ?? 0) + 1, createdAt: now, sentAt: null };
    this.sql.exec(
      `INSERT INTO notify_requests (ticket_id, day, phone, ahead, requests, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, NULL)
       ON CONFLICT (ticket_id) DO UPDATE SET phone = excluded.phone, ahead = excluded.ahead, requests = excluded.requests,
         created_at = excluded.created_at, sent_at = NULL`,
      next.ticketId, next.day, next.phone, next.ahead, next.requests, next.createdAt,
    );
    this.set(next);
    return ok({ request: next, changed: true });
  }

  /**
   * After a change of the queue: hands each request now due to `send` (with the people ahead to tell) and
   * marks it sent; forgets requests of tickets that left the queue. Returns how many were sent.
   */
  dispatch(tickets: ReadonlyMap<string, Ticket>, now: number, send: (r: NotifyRequest, t: Ticket, ahead: number) => void): number {
    if (this.pendingCount === 0) return 0;
    const due = turnNearDecisions(this.pending(), tickets);
    for (const id of due.drop) this.drop(id);
    let sent = 0;
    for (const { ticketId, ahead } of due.send) {
      const t = tickets.get(ticketId);
      const r = this.rows.get(ticketId);
      if (!t || !r) continue;
      send(r, t, ahead);
      this.markSent(ticketId, now);
      sent++;
    }
    return sent;
  }

  markSent(ticketId: string, now: number): void {
    const r = this.rows.get(ticketId);
    if (!r || r.sentAt !== null) return;
    this.sql.exec("UPDATE notify_requests SET sent_at = ? WHERE ticket_id = ?", now, ticketId);
    this.set({ ...r, sentAt: now });
  }

  /** Forgets a request whose ticket has left the queue (its number with it). */
  drop(ticketId: string): void {
    const r = this.rows.get(ticketId);
    if (!r) return;
    this.sql.exec("DELETE FROM notify_requests WHERE ticket_id = ?", ticketId);
    this.rows.delete(ticketId);
    if (r.sentAt === null) this.pendingCount--;
  }

  /** Deletes the requests, phone numbers included, of tickets of days before `day`; returns how many. */
  purgeBefore(day: string): number {
    const n = this.sql.exec("DELETE FROM notify_requests WHERE day < ?", day).rowsWritten;
    if (n > 0) this.load();
    return n;
  }

  private set(next: NotifyRequest): void {
    const prev = this.rows.get(next.ticketId);
    this.pendingCount += (next.sentAt === null ? 1 : 0) - (prev && prev.sentAt === null ? 1 : 0);
    this.rows.set(next.ticketId, next);
  }
}
