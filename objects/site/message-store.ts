// SQLite rows of the outbox of SMS and e-mails (R9), owned by the messages capability.
import { type CitizenLang, citizenLangOf } from "../../protocol/lang.ts";
import { maskContact } from "../booking/email.ts";
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
  /** The citizen's language: an e-mail's HTML part is marked with it. */
  lang: CitizenLang;
}

/** An outbox message as stored, with the provider's last delivery report. */
export interface StoredMessage extends OutboxEntry {
  ticketId: string | null;
  deliveryStatus: string | null;
  deliveredAt: number | null;
  deliveryError: string | null;
}

export class MessageStore {
  constructor(private readonly sql: SqlStorage) {}

  putMessage(m: OutboxEntry): void {
    this.sql.exec(
      `INSERT INTO outbox (id, channel, booking_id, ticket_id, to_addr, subject, body, kind, status, attempts, next_at, provider_id, error, created_at, sent_at, expires_at, lang)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts, next_at = excluded.next_at,
         provider_id = COALESCE(excluded.provider_id, outbox.provider_id), error = excluded.error, sent_at = excluded.sent_at,
         expires_at = excluded.expires_at`,
      m.id,
      m.channel,
      m.bookingId,
      m.ticketId ?? null,
      m.to,
      m.subject,
      m.body,
      m.kind,
      m.status,
      m.attempts,
      m.nextAt,
      m.providerId,
      m.error,
      m.createdAt,
      m.sentAt,
      m.expiresAt,
      m.lang,
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
      d.status,
      d.deliveredAt,
      d.error,
      providerId,
      id,
    );
  }

  /**
   * Masks the recipients of texts whose contact data is gone: those of bookings whose contact data was
   * purged, and every "turn near" text of an e-ticket (kept only for its day). Messages still to be sent
   * keep their number. Returns how many were masked.
   */
  maskRecipients(): number {
    const rows = this.sql
      .exec<{ id: string; to_addr: string }>(
        `SELECT id, to_addr FROM outbox
       WHERE status <> 'pending' AND to_addr NOT LIKE '%*%'
         AND (ticket_id IS NOT NULL OR booking_id IN (SELECT id FROM bookings WHERE purged_at IS NOT NULL))`,
      )
      .toArray();
    for (const r of rows) this.sql.exec("UPDATE outbox SET to_addr = ? WHERE id = ?", maskContact(r.to_addr), r.id);
    return rows.length;
  }

  /** Deletes sent and failed messages created before `before`; pending ones always stay. Returns how many went. */
  pruneMessages(before: number): number {
    return this.sql.exec("DELETE FROM outbox WHERE status IN ('sent', 'failed') AND created_at < ?", before).rowsWritten;
  }

  dueMessages(now: number, limit: number): StoredMessage[] {
    return this.sql
      .exec<Record<string, SqlStorageValue>>(
        "SELECT * FROM outbox WHERE status = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?",
        now,
        limit,
      )
      .toArray()
      .map(messageFromRow);
  }

  nextMessageAt(): number | null {
    return this.sql.exec<{ t: number | null }>("SELECT MIN(next_at) AS t FROM outbox WHERE status = 'pending'").one().t;
  }

  /** Newest first; only those of one status when given. */
  messages(limit: number, status: OutboxMessage["status"] | null = null): StoredMessage[] {
    const rows =
      status === null
        ? this.sql.exec<Record<string, SqlStorageValue>>("SELECT * FROM outbox ORDER BY created_at DESC, id LIMIT ?", limit)
        : this.sql.exec<Record<string, SqlStorageValue>>(
            "SELECT * FROM outbox WHERE status = ? ORDER BY created_at DESC, id LIMIT ?",
            status,
            limit,
          );
    return rows.toArray().map(messageFromRow);
  }
}

function messageFromRow(r: Record<string, SqlStorageValue>): StoredMessage {
  const num = (v: SqlStorageValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));
  const str = (v: SqlStorageValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    channel: r.channel === "email" ? "email" : "sms",
    subject: str(r.subject),
    bookingId: str(r.booking_id),
    to: String(r.to_addr),
    body: String(r.body),
    kind: r.kind as StoredMessage["kind"],
    status: r.status as StoredMessage["status"],
    attempts: Number(r.attempts),
    nextAt: num(r.next_at),
    providerId: str(r.provider_id),
    error: str(r.error),
    createdAt: Number(r.created_at),
    sentAt: num(r.sent_at),
    expiresAt: num(r.expires_at),
    ticketId: str(r.ticket_id),
    deliveryStatus: str(r.delivery_status),
    deliveredAt: num(r.delivered_at),
    deliveryError: str(r.delivery_error),
    lang: citizenLangOf(r.lang),
  };
}
