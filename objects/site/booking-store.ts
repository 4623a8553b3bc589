// SQLite rows of online bookings (R6, R7), owned by the bookings capability.
import { type CitizenLang, citizenLangOf } from "../../protocol/lang.ts";
import type { AttemptWindow } from "../booking/attempt-window.ts";
import type { VerificationState } from "../booking/verification.ts";
import type { SlotHolder } from "./slot-book.ts";

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
  /** The booking page's language: every message of the booking is in it. */
  lang: CitizenLang;
}

interface BookingRow {
  id: string;
  matter_id: string;
  start_at: number;
  status: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  contact_key: string | null;
  verification: string;
  hold_until: number;
  manage_token: string | null;
  check_in_code: string | null;
  ticket_number: string | null;
  ticket_id: string | null;
  reminded: string;
  client: string | null;
  created_at: number;
  confirmed_at: number | null;
  lang: string;
  [key: string]: SqlStorageValue;
}

const COLUMNS =
  "id, matter_id, start_at, status, name, phone, email, contact_key, verification, hold_until, manage_token, check_in_code, ticket_number, ticket_id, reminded, client, created_at, confirmed_at, lang";

const fromRow = (r: BookingRow): Booking => ({
  id: r.id,
  matterId: r.matter_id,
  startAt: r.start_at,
  status: r.status as BookingStatus,
  name: r.name,
  phone: r.phone,
  email: r.email,
  contactKey: r.contact_key,
  verification: JSON.parse(r.verification) as VerificationState,
  holdUntil: r.hold_until,
  manageToken: r.manage_token,
  checkInCode: r.check_in_code,
  ticketNumber: r.ticket_number,
  ticketId: r.ticket_id,
  reminded: r.reminded,
  client: r.client,
  createdAt: r.created_at,
  confirmedAt: r.confirmed_at,
  lang: citizenLangOf(r.lang),
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
      `INSERT INTO bookings (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET start_at = excluded.start_at, reminded = excluded.reminded, status = excluded.status, name = excluded.name, phone = excluded.phone,
         email = excluded.email, verification = excluded.verification, hold_until = excluded.hold_until,
         manage_token = excluded.manage_token, check_in_code = excluded.check_in_code,
         ticket_number = excluded.ticket_number, ticket_id = excluded.ticket_id, confirmed_at = excluded.confirmed_at`,
      b.id,
      b.matterId,
      b.startAt,
      b.status,
      b.name,
      b.phone,
      b.email,
      b.contactKey,
      JSON.stringify(b.verification),
      b.holdUntil,
      b.manageToken,
      b.checkInCode,
      b.ticketNumber,
      b.ticketId,
      b.reminded,
      b.client,
      b.createdAt,
      b.confirmedAt,
      b.lang,
    );
  }

  /** The bookings that may hold a slot starting at or after `from` (pending, confirmed, checked in): what SlotBook loads. */
  slotHolders(from: number): SlotHolder[] {
    return this.sql
      .exec<{ id: string; matter_id: string; start_at: number; status: string; hold_until: number }>(
        `SELECT id, matter_id, start_at, status, hold_until FROM bookings
         WHERE start_at >= ? AND status IN ('pending', 'confirmed', 'checked-in')`,
        from,
      )
      .toArray()
      .map((r) => ({ id: r.id, matterId: r.matter_id, startAt: r.start_at, status: r.status as BookingStatus, holdUntil: r.hold_until }));
  }

  /**
   * Confirmed bookings with a slot in [from, to) that have not joined the queue yet (the wait forecast's
   * bookings due), by the slot index: one query per matter list.
   */
  confirmedBetween(matterIds: readonly string[], from: number, to: number): { id: string; matterId: string; startAt: number }[] {
    return this.sql
      .exec<{ id: string; matter_id: string; start_at: number }>(
        `SELECT id, matter_id, start_at FROM bookings
         WHERE matter_id IN (SELECT value FROM json_each(?)) AND start_at >= ? AND start_at < ? AND status = 'confirmed'`,
        JSON.stringify(matterIds),
        from,
        to,
      )
      .toArray()
      .map((r) => ({ id: r.id, matterId: r.matter_id, startAt: r.start_at }));
  }

  /** Bookings of one contact that still hold a visit (pending on hold, or confirmed and not yet past). */
  activeForContact(contactKey: string, now: number): number {
    return this.sql
      .exec<{ n: number }>(
        `SELECT COUNT(*) AS n FROM bookings WHERE contact_key = ? AND start_at > ?
         AND (status = 'confirmed' OR (status = 'pending' AND hold_until > ?))`,
        contactKey,
        now,
        now,
      )
      .one().n;
  }

  /** Bookings started from one client address since `since` (abuse limit). */
  startedByClient(client: string, since: number): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM bookings WHERE client = ? AND created_at >= ?", client, since).one().n;
  }

  checkInCodeInUse(code: string): boolean {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM bookings WHERE check_in_code = ?", code).one().n > 0;
  }

  /** Wrong check-in codes counted for a kiosk or a client address. */
  attempts(key: string): AttemptWindow | null {
    const row = this.sql
      .exec<{ key: string; window_start: number; count: number }>("SELECT key, window_start, count FROM code_attempts WHERE key = ?", key)
      .toArray()[0];
    return row ? { key: row.key, windowStart: row.window_start, count: row.count } : null;
  }

  putAttempts(w: AttemptWindow): void {
    this.sql.exec(
      `INSERT INTO code_attempts (key, window_start, count) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, count = excluded.count`,
      w.key,
      w.windowStart,
      w.count,
    );
  }

  /** Forgets counts (and with them client addresses) of windows begun before `before`. */
  pruneAttempts(before: number): number {
    return this.sql.exec("DELETE FROM code_attempts WHERE window_start < ?", before).rowsWritten;
  }

  /**
   * Deletes contact data of holds that came to nothing: cancelled, expired, or still pending past their
   * hold (nobody typed the code). Run with each day's housekeeping, so none is kept longer than a day.
   */
  purgeEndedHolds(now: number): number {
    return this.sql.exec(
      `UPDATE bookings SET name = NULL, phone = NULL, email = NULL, contact_key = NULL, client = NULL, purged_at = ?
       WHERE purged_at IS NULL AND (status IN ('cancelled', 'expired') OR (status = 'pending' AND hold_until <= ?))`,
      now,
      now,
    ).rowsWritten;
  }

  /** Deletes contact data of visits that ended before `before`; returns how many were cleared. */
  purgeContacts(before: number, now: number): number {
    return this.sql.exec(
      `UPDATE bookings SET name = NULL, phone = NULL, email = NULL, contact_key = NULL, client = NULL, purged_at = ?
       WHERE start_at < ? AND purged_at IS NULL`,
      now,
      before,
    ).rowsWritten;
  }
}
