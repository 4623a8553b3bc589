// Booking commands as decisions (R6, R7, R9): the rules of objects/site/bookings.ts run on a Draft, and
// what they decide (booking rows, ticket counters, messages, timers) becomes one change. A refused command
// keeps what it wrote (a wrong code counted, a hold that ended marked expired).
import type { IssuedTicket } from "../../../protocol/api.ts";
import type { Result } from "../../../protocol/errors.ts";
import { fail } from "../../../protocol/errors.ts";
import { CLIENT_WRONG_CODES, counted, current, KIOSK_WRONG_CODES } from "../../booking/attempt-window.ts";
import { reminderKindOfTimer } from "../../booking/reminders.ts";
import type { Booking } from "../booking-store.ts";
import { type BookingEffects, type BookingRequest, Bookings } from "../bookings.ts";
import { type Change, type Decision, merge } from "../change.ts";
import type { ConfiguredRead, Draft } from "../draft.ts";
import { clearTimer, type Timer } from "../scheduler.ts";
import { newTicket } from "../tickets.ts";
import { admit } from "./queue.ts";

export function bookingRules(read: ConfiguredRead, draft: Draft): Bookings {
  return new Bookings(read.index, draft, read.stores.bookings, read.slots, read.settings.secret, read.settings.publicUrl);
}

/** The messages and timers a booking command asks for, as a change. */
export function effectsChange(read: ConfiguredRead, effects: BookingEffects, bookingId: string | null): Change {
  const siteId = read.index.config.id;
  return {
    messages: effects.messages.map((m) => ({ ...m, siteId, now: read.now, bookingId })),
    timers: effects.timers,
  };
}

/**
 * Runs one booking rule: its answer, and as the change the rows it recorded (kept even when it refused)
 * with, when it succeeded, its messages and timers.
 */
export function bookingCommand<V extends { effects: BookingEffects; booking?: Booking }, T>(
  read: ConfiguredRead,
  draft: Draft,
  run: (b: Bookings) => Result<V>,
  answer: (v: V) => T,
  bookingId: string | null = null,
): Decision<T> {
  const r = run(bookingRules(read, draft));
  if (!r.ok) return { result: r, change: draft.change() };
  const effects = effectsChange(read, r.value.effects, r.value.booking?.id ?? bookingId);
  return { result: { ok: true, value: answer(r.value) }, change: merge(draft.change(), effects) };
}

/** A booking joins the queue as a ticket, ordered by its reserved time; the booking is checked in. */
function join(read: ConfiguredRead, draft: Draft, b: Booking, kioskId: string | null): { issued: IssuedTicket; change: Change } {
  const ticket = newTicket(read.index.config.id, read.day, b.ticketNumber ?? "?", b.matterId, read.now, b.startAt);
  const admitted = admit(read, ticket, kioskId);
  bookingRules(read, draft).admitted(b, ticket.id);
  return { issued: admitted.issued, change: merge(draft.change(), admitted.change) };
}

/**
 * Kiosk check-in with the code from the confirmation (R7, Koszalin): the ticket joins the queue and prints
 * like a walk-in. Unknown codes are counted per kiosk and per client address; past the limit every code
 * is refused (RATE_LIMITED) until the window ends, so nobody can try codes until one fits.
 */
export function checkIn(
  read: ConfiguredRead,
  draft: Draft,
  code: string,
  kioskId: string | null,
  client: string | null,
): Decision<IssuedTicket> {
  const store = read.stores.bookings;
  const windows = [
    ...(kioskId ? [{ key: `kiosk:${kioskId}`, limit: KIOSK_WRONG_CODES }] : []),
    ...(client ? [{ key: `client:${client}`, limit: CLIENT_WRONG_CODES }] : []),
  ].map((w) => ({ ...w, stored: store.attempts(w.key) }));
  if (windows.some((w) => current(w.stored, read.now) >= w.limit)) return { result: fail("RATE_LIMITED"), change: {} };
  const found = bookingRules(read, draft).checkIn(code, read.now);
  if (!found.ok) {
    const wrong = found.code === "UNKNOWN_CODE";
    return { result: found, change: wrong ? { codeAttempts: windows.map((w) => counted(w.key, w.stored, read.now)) } : {} };
  }
  const { issued, change } = join(read, draft, found.value, kioskId);
  return { result: { ok: true, value: issued }, change };
}

/** The join timer (R7, Toruń): at the slot's time a confirmed booking joins the call order as a due reservation. */
export function joinAtSlot(read: ConfiguredRead, draft: Draft, timer: Timer): Change {
  const b = timer.ref ? draft.booking(timer.ref) : null;
  const joined = b && b.status === "confirmed" ? join(read, draft, b, null).change : {};
  return merge({ timers: [clearTimer(timer.key)] }, joined);
}

/** A reminder timer: the day before or shortly before the visit, by the booking's channel, once. */
export function remind(read: ConfiguredRead, draft: Draft, timer: Timer): Change {
  const kind = reminderKindOfTimer(timer.key);
  const messages = timer.ref && kind ? bookingRules(read, draft).reminder(timer.ref, kind, read.now) : [];
  return merge(merge({ timers: [clearTimer(timer.key)] }, draft.change()), effectsChange(read, { messages, timers: [] }, timer.ref));
}

/** Holds the slot and sends the code (R6 steps 4-5). */
export const createBooking = (req: BookingRequest) => (read: ConfiguredRead, draft: Draft) =>
  bookingCommand(
    read,
    draft,
    (b) => b.create(req, read.now),
    (v) => ({ bookingId: v.booking.id, expiresAt: iso(v.booking.holdUntil) }),
  );

/** A new code for a booking still on hold. */
export const resendBookingCode = (id: string) => (read: ConfiguredRead, draft: Draft) =>
  bookingCommand(
    read,
    draft,
    (b) => b.resendCode(id, read.now),
    (v) => ({ expiresAt: iso(v.booking.holdUntil) }),
  );

/** The right code confirms the visit with its ticket number (again the same answer if retried). */
export const confirmBooking = (id: string, code: string) => (read: ConfiguredRead, draft: Draft) =>
  bookingCommand(
    read,
    draft,
    (b) => b.confirm(id, code, read.now),
    (v) => v.confirmation,
    id,
  );

export const cancelBooking = (id: string, token: string) => (read: ConfiguredRead, draft: Draft) =>
  bookingCommand(
    read,
    draft,
    (b) => b.cancel(id, token, read.now),
    () => ({ status: "cancelled" as const }),
    id,
  );

/** Moves a confirmed visit to another free slot: the new one taken and the old one freed in one write. */
export const rescheduleBooking = (id: string, token: string, start: string) => (read: ConfiguredRead, draft: Draft) =>
  bookingCommand(
    read,
    draft,
    (b) => b.reschedule(id, token, start, read.now),
    (v) => v.confirmation,
    id,
  );

const iso = (ms: number): string => new Date(ms).toISOString();
