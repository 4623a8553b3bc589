// SQLite rows of bookings and of the outbox of SMS and e-mails.
import { maskContact } from "../booking/email.ts";
import type { VerificationState } from "../booking/verification.ts";
import type { DeliveryState } from "../sms/delivery-status.ts";
import type { OutboxMessage } from "../sms/outbox.ts";

/** How a message goes: a text to a mobile number, or an e-mail. */
export type Channel = "sms" | "email";

/** An outbox message as written: its channel, and what it is about (a booking, or the e-ticket of a "turn near" text). */
export interface OutboxEntry extends OutboxMessage {
  channel: Channel;
  /** E-mails only. */
  subject: string | null;
  bookingId: string | null;
  ticketId?: string | null;
}

/** An outbox message as stored, with the provider's last delivery report. */
export interface StoredMessage extends OutboxEntry {
  ticketId: string | null;
  deliveryStatus: string | null;
  deliveredAt: number | null;
  deliveryError: string | null;
}

export type BookingStatus = "pending" | "confirmed" | "cancelled" | "expired" | "checked-in";

export interface Booking {
  id: string;
  matterId: string;
  startAt: number;
  status: BookingStatus;
  name: string | null;
  phone: string | null;
  email: string | null;
  /** Phone or e-mail as normalised: limits count bookings per contact. */
  contactKey: string | null;
  verification: VerificationState;
  /** Until when a pending booking holds its slot. */
  holdUntil: number;
  manageToken: string | null;
  checkInCode: string | null;
  ticketNumber: string | null;
  ticketId: string | null;
  /** Reminders already sent ("day", "soon"), so a retried alarm sends none twice. */
  reminded: string;
  client: string | null;
  createdAt: number;
  confirmedAt: number | null;
}

interface BookingRow {
  id: string; matter_id: string; start_at: number; status: string; name: string | null; phone: string | null;
  email: string | null; contact_key: string | null; verification: string; hold_until: number;
  manage_token: string | null; check_in_code: string | null; ticket_number: string | null; ticket_id: string | null; reminded: string;
  client: string | null; created_at: number; confirmed_at: number | null;
  [key: string]: SqlStorageValue;
}

const COLUMNS =
  "id, matter_id, start_at, status, name, phone, email, contact_key, verification, hold_until, manage_token, check_in_code, ticket_number, ticket_id, reminded, client, created_at, confirmed_at";

const fromRow = (r: BookingRow): Booking => ({
  id: r.id, matterId: r.matter_id, startAt: r.start_at, status: r.status as BookingStatus, name: r.name,
  phone: r.phone, email: r.email, contactKey: r.contact_key, verification: JSON.parse(r.verification) as VerificationState,
  holdUntil: r.hold_until, manageToken: r.manage_token, checkInCode: r.check_in_code, ticketNumber: r.ticket_number,
  ticketId: r.ticket_id, reminded: r.reminded, client: r.client, createdAt: r.created_at, confirmedAt: r.confirmed_at,
});

export class BookingStore {
  constructor(private readonly sql: SqlStorage) {}

  get(id: string): Booking | null {
    const row = this.sql.exec<BookingRow>(`SELECT ${COLUMNS} FROM bookings WHERE id = ?`, id).toArray()[0];
    return row ? fromRow(row) : null;
  }

  byCheckInCode(code: string): Booking | null {
    const row = this.sql.exec<BookingRow>(`SELECT ${COLUMNS} FROM bookings WHERE check_in_code = ?`, code).toArray()[0];
    return row ? fromRow(row) : null;
  }

  put(b: Booking): void {
    this.sql.exec(
      `INSERT INTO bookings (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET start_at = excluded.start_at, reminded = excluded.reminded, status = excluded.status, name = excluded.name, phone = excluded.phone,
         email = excluded.email, verification = excluded.verification, hold_until = excluded.hold_until,
         manage_token = excluded.manage_token, check_in_code = excluded.check_in_code,
         ticket_number = excluded.ticket_number, ticket_id = excluded.ticket_id, confirmed_at = excluded.confirmed_at`,
      b.id, b.matterId, b.startAt, b.status, b.name, b.phone, b.email, b.contactKey, JSON.stringify(b.verification),
      b.holdUntil, b.manageToken, b.checkInCode, b.ticketNumber, b.ticketId, b.reminded, b.client, b.createdAt, b.confirmedAt,
    );
  }

  /** Visits holding each slot of a matter in [from, to): confirmed ones, and pending ones still on hold. */
  taken(matterId: string, from: number, to: number, now: number): Map<number, number> {
    const out = new Map<number, number>();
    const rows = this.sql.exec<{ start_at: number; n: number }>(
      `SELECT start_at, COUNT(*) AS n FROM bookings
       WHERE matter_id = ? AND start_at >= ? AND start_at < ?
         AND (status IN ('confirmed', 'checked-in') OR (status = 'pending' AND hold_until > ?))
       GROUP BY start_at`,
      matterId, from, to, now,
    );
    for (const r of rows) out.set(r.start_at, r.n);
    return out;
  }

  /** Bookings of one contact that still hold a visit (pending on hold, or confirmed and not yet past). */
  activeForContact(contactKey: string, now: number): number {
    return this.sql.exec<{ n: number }>(
      `SELECT COUNT(*) AS n FROM bookings WHERE contact_key = ? AND start_at > ?
         AND (status = 'confirmed' OR (status = 'pending' AND hold_until > ?))`,
      contactKey, now, now,
    ).one().n;
  }

  /** Bookings started from one client address since `since` (abuse limit). */
  startedByClient(client: string, since: number): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM bookings WHERE client = ? AND created_at >= ?", client, since).one().n;
  }

  checkInCodeInUse(code: string): boolean {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM bookings WHERE check_in_code = ?", code).one().n > 0;
  }

  /** Deletes contact data of visits that ended before `before`; returns how many were cleared. */
  purgeContacts(before: number, now: number): number {
    return this.sql.exec(
      `UPDATE bookings SET name = NULL, phone = NULL, email = NULL, contact_key = NULL, client = NULL, purged_at = ?
       WHERE start_at < ? AND purged_at IS NULL`,
      now, before,
    ).rowsWritten;
  }

  // ---- outbox ----------------------------------------------------------------
  putMessage(m: OutboxEntry): void {
    this.sql.exec(
      `INSERT INTO outbox (id, channel, booking_id, ticket_id, to_addr, subject, body, kind, status, attempts, next_at, provider_id, error, created_at, sent_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts, next_at = excluded.next_at,
         provider_id = COALESCE(excluded.provider_id, outbox.provider_id), error = excluded.error, sent_at = excluded.sent_at,
         expires_at = excluded.expires_at`,
      m.id, m.channel, m.bookingId, m.ticketId ?? null, m.to, m.subject, m.body, m.kind, m.status, m.attempts, m.nextAt, m.providerId, m.error,
      m.createdAt, m.sentAt, m.expiresAt,
    );
  }

  message(id: string): StoredMessage | null {
    const row = this.sql.exec<Record<string, SqlStorageValue>>("SELECT * FROM outbox WHERE id = ?", id).toArray()[0];
    return row ? messageFromRow(row) : null;
  }

  /** Stores a delivery report; the provider's message id too when the send's answer has not been stored yet. */
  putDelivery(id: string, d: DeliveryState, providerId: string | null): void {
    this.sql.exec(
      "UPDATE outbox SET delivery_status = ?, delivered_at = ?, delivery_error = ?, provider_id = COALESCE(provider_id, ?) WHERE id = ?",
      d.status, d.deliveredAt, d.error, providerId, id,
    );
  }

  /**
   * Masks the recipients of texts whose contact data is gone: those of bookings whose contact data was
   * purged, and every "turn near" text of an e-ticket (kept only for its day). Messages still to be sent
   * keep their number. Returns how many were masked.
   */
  maskRecipients(): number {
    const rows = this.sql.exec<{ id: string; to_addr: string }>(
      `SELECT id, to_addr FROM outbox
       WHERE status <> 'pending' AND to_addr NOT LIKE '%*%'
         AND (ticket_id IS NOT NULL OR booking_id IN (SELECT id FROM bookings WHERE purged_at IS NOT NULL))`,
    ).toArray();
    for (const r of rows) this.sql.exec("UPDATE outbox SET to_addr = ? WHERE id = ?", maskContact(r.to_addr), r.id);
    return rows.length;
  }

  /** Deletes sent and failed messages created before `before`; pending ones always stay. Returns how many went. */
  pruneMessages(before: number): number {
    return this.sql.exec("DELETE FROM outbox WHERE status IN ('sent', 'failed') AND created_at < ?", before).rowsWritten;
  }

  dueMessages(now: number, limit: number): StoredMessage[] {
    return this.sql
      .exec<Record<string, SqlStorageValue>>("SELECT * FROM outbox WHERE status = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?", now, limit)
      .toArray()
      .map(messageFromRow);
  }

  nextMessageAt(): number | null {
    return this.sql.exec<{ t: number | null }>("SELECT MIN(next_at) AS t FROM outbox WHERE status = 'pending'").one().t;
  }

  /** Newest first; only those of one status when given. */
  messages(limit: number, status: OutboxMessage["status"] | null = null): StoredMessage[] {
    const rows = status === null
      ? this.sql.exec<Record<string, SqlStorageValue>>("SELECT * FROM outbox ORDER BY created_at DESC, id LIMIT ?", limit)
      : this.sql.exec<Record<string, SqlStorageValue>>("SELECT * FROM outbox WHERE status = ? ORDER BY created_at DESC, id LIMIT ?", status, limit);
    return rows.toArray().map(messageFromRow);
  }
}

function messageFromRow(r: Record<string, SqlStorageValue>): StoredMessage {
  const num = (v: SqlStorageValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));
  const str = (v: SqlStorageValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id), channel: r.channel === "email" ? "email" : "sms", subject: str(r.subject),
    bookingId: str(r.booking_id), to: String(r.to_addr), body: String(r.body),
    kind: r.kind as StoredMessage["kind"], status: r.status as StoredMessage["status"], attempts: Number(r.attempts),
    nextAt: num(r.next_at), providerId: str(r.provider_id), error: str(r.error),
    createdAt: Number(r.created_at), sentAt: num(r.sent_at), expiresAt: num(r.expires_at),
    ticketId: str(r.ticket_id), deliveryStatus: str(r.delivery_status), deliveredAt: num(r.delivered_at), deliveryError: str(r.delivery_error),
  };
}
