// E-ticket holders' "tell me by SMS when N people are ahead" requests (R8): at most one per ticket, in
// SQLite and in memory (NoticeBook), so a queue change nobody asked about costs nothing.
// Phone numbers live only as long as the ticket's day: the end of the day deletes them.
// Which requests are due after a change is the pure rule in objects/queue/turn-near.ts.
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import { type CitizenLang, citizenLangOf } from "../../protocol/lang.ts";
import { smsNumber } from "../booking/contact.ts";
import type { Ticket } from "../queue/model.ts";
import type { PriorityOrder } from "../queue/order.ts";
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
  /** The e-ticket's language: the SMS is written in it. */
  lang: CitizenLang;
}

/** What the e-ticket shows (never the number). */
export interface NotifyView {
  ahead: number;
  sent: boolean;
}

interface Row {
  ticket_id: string;
  day: string;
  phone: string;
  ahead: number;
  requests: number;
  created_at: number;
  sent_at: number | null;
  lang: string;
  [key: string]: SqlStorageValue;
}

const fromRow = (r: Row): NotifyRequest => ({
  ticketId: r.ticket_id,
  day: r.day,
  phone: r.phone,
  ahead: r.ahead,
  requests: r.requests,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  lang: citizenLangOf(r.lang),
});

/**
 * Whether a holder's request for a ticket may be stored, as typed: the number checked, the ticket still
 * waiting. The same request again changes nothing (`changed` false, nothing sent twice); a different one
 * replaces it, pending again.
 */
export function decideNoticeRequest(
  prev: NotifyRequest | null,
  ticket: Ticket,
  input: { phone: string; ahead: number; lang?: CitizenLang | undefined },
  smsCountries: readonly string[],
  now: number,
): Result<{ request: NotifyRequest; changed: boolean }> {
  const { ahead } = input;
  if (!Number.isInteger(ahead) || ahead < MIN_NOTIFY_AHEAD || ahead > MAX_NOTIFY_AHEAD) {
    return fail("VALIDATION_FAILED", `ahead: a whole number from ${MIN_NOTIFY_AHEAD} to ${MAX_NOTIFY_AHEAD}`);
  }
  const number = smsNumber(input.phone, smsCountries, "PHONE_INVALID");
  if (!number.ok) return number;
  const phone = number.value;
  const refusal = turnNoticeRefusal(ticket);
  if (refusal) return fail(refusal);
  const lang = input.lang ?? "pl";
  // The same request in another language is the same request: only the words of its text change.
  if (prev && prev.phone === phone && prev.ahead === ahead) {
    return prev.lang === lang ? ok({ request: prev, changed: false }) : ok({ request: { ...prev, lang }, changed: true });
  }
  if (prev && prev.requests >= MAX_REQUESTS_PER_TICKET) {
    return fail("RATE_LIMITED", `At most ${MAX_REQUESTS_PER_TICKET} different notification requests per ticket.`);
  }
  const request: NotifyRequest = {
    ticketId: ticket.id,
    day: ticket.day,
    phone,
    ahead,
    requests: (prev?.requests ?? 0) + 1,
    createdAt: now,
    sentAt: null,
    lang,
  };
  return ok({ request, changed: true });
}

/** After a change of the queue: the requests now due (marked sent, with the people ahead to tell) and those to forget. */
export function dueNotices(
  book: NoticeBook,
  tickets: ReadonlyMap<string, Ticket>,
  now: number,
  order: PriorityOrder = "off",
): { sent: { request: NotifyRequest; ticket: Ticket; ahead: number }[]; dropped: string[] } {
  if (!book.hasPending()) return { sent: [], dropped: [] };
  const due = turnNearDecisions(book.pending(), tickets, order);
  const sent = [];
  for (const { ticketId, ahead } of due.send) {
    const ticket = tickets.get(ticketId);
    const r = book.get(ticketId);
    if (ticket && r) sent.push({ request: { ...r, sentAt: now }, ticket, ahead });
  }
  return { sent, dropped: due.drop };
}

/** The requests held in memory, so a queue change nobody asked about costs nothing. */
export class NoticeBook {
  private rows = new Map<string, NotifyRequest>();
  private pendingCount = 0;

  constructor(rows: Iterable<NotifyRequest> = []) {
    for (const r of rows) this.set(r);
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

  /** The book after written requests and forgotten ones (a copy: the one in memory changes after the write). */
  with(put: readonly NotifyRequest[], dropped: readonly string[]): NoticeBook {
    if (!put.length && !dropped.length) return this;
    const next = new NoticeBook(this.rows.values());
    for (const r of put) next.set(r);
    for (const id of dropped) next.drop(id);
    return next;
  }

  /** Forgets the requests of tickets of days before `day`. */
  withoutDaysBefore(day: string): NoticeBook {
    return new NoticeBook([...this.rows.values()].filter((r) => r.day >= day));
  }

  private set(next: NotifyRequest): void {
    const prev = this.rows.get(next.ticketId);
    this.pendingCount += (next.sentAt === null ? 1 : 0) - (prev && prev.sentAt === null ? 1 : 0);
    this.rows.set(next.ticketId, next);
  }

  private drop(ticketId: string): void {
    const r = this.rows.get(ticketId);
    if (!r) return;
    this.rows.delete(ticketId);
    if (r.sentAt === null) this.pendingCount--;
  }
}

/** The rows of the requests: written by the commit path only. */
export class NoticeStore {
  constructor(private readonly sql: SqlStorage) {}

  all(): NotifyRequest[] {
    return this.sql.exec<Row>("SELECT * FROM notify_requests").toArray().map(fromRow);
  }

  put(r: NotifyRequest): void {
    this.sql.exec(
      `INSERT INTO notify_requests (ticket_id, day, phone, ahead, requests, created_at, sent_at, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id) DO UPDATE SET phone = excluded.phone, ahead = excluded.ahead, requests = excluded.requests,
         created_at = excluded.created_at, sent_at = excluded.sent_at, lang = excluded.lang`,
      r.ticketId,
      r.day,
      r.phone,
      r.ahead,
      r.requests,
      r.createdAt,
      r.sentAt,
      r.lang,
    );
  }

  delete(ticketId: string): void {
    this.sql.exec("DELETE FROM notify_requests WHERE ticket_id = ?", ticketId);
  }

  /** Deletes the requests, phone numbers included, of tickets of days before `day`. */
  purgeBefore(day: string): void {
    this.sql.exec("DELETE FROM notify_requests WHERE day < ?", day);
  }
}
