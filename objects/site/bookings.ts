// Online bookings of one site (R6, R7): availability, holding a slot while the code (by SMS or e-mail) is pending,
// confirmation with a ticket number, moving to another time, cancellation and kiosk check-in. Runs inside the site object,
// the only place a slot can be taken, so no slot is ever given twice. Reads go to BookingStore; the rows a
// command decides are recorded in its Draft and written by the commit path in one transaction.
import type { z } from "zod";
import type { AvailabilityResponse, BookingSummary, ConfirmBookingResponse } from "../../protocol/api.ts";
import { type MatterConfig, slotMinutes } from "../../protocol/config.ts";
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import type { CitizenLang } from "../../protocol/lang.ts";
import { checkInWindow, newCheckInCode, normalizeCheckInCode } from "../booking/codes.ts";
import { bookingContact } from "../booking/contact.ts";
import { isDate } from "../booking/dates.ts";
import { manageLink } from "../booking/manage-link.ts";
import { cryptoRandomInt } from "../booking/random.ts";
import { minutesLeft, type ReminderKind, reminderStillDue, reminderTimes } from "../booking/reminders.ts";
import { sha256Hex } from "../booking/sha256.ts";
import { availableDays, MAX_RANGE_DAYS, type SlotRules, slotIsBookable } from "../booking/slots.ts";
import { checkCode, expiresAt, isLocked, LOCK_MS, resend, startVerification } from "../booking/verification.ts";
import {
  cancellationEmail,
  codeEmail,
  confirmationEmail,
  reminderDayBeforeEmail,
  reminderSoonEmail,
  rescheduledEmail,
} from "../email/messages.ts";
import { formatTicketNumber } from "../queue/numbering.ts";
import { isoLocal, localDate } from "../queue/time.ts";
import { cancellationSms, codeSms, confirmationSms, reminderDayBeforeSms, reminderSoonSms, rescheduledSms } from "../sms/messages.ts";
import { type BookingMessage, bookingMessage, officeTime, visitOf, visitTime } from "./booking-messages.ts";
import type { Booking, BookingStore } from "./booking-store.ts";
import type { Draft } from "./draft.ts";
import { randomToken } from "./random.ts";
import { clearTimer, setTimer, type TimerChange } from "./scheduler.ts";
import type { SiteIndex } from "./site-index.ts";
import type { SlotCounts } from "./slot-book.ts";

/** Bookings one client address may start in an hour. */
export const CLIENT_LIMIT_PER_HOUR = 10;
const DAY_MS = 86_400_000;
const CODE_LOCKED = `Too many wrong codes; every code is refused for ${LOCK_MS / 60_000} minutes.`;

export interface BookingRequest {
  matterId: string;
  start: string;
  name: string;
  /** Exactly one of phone and email: the channel every message of the booking takes. */
  phone?: string | undefined;
  email?: string | undefined;
  /** The booking page's language: every message of the booking is in it. */
  lang: CitizenLang;
  client: string;
}

export type Availability = z.infer<typeof AvailabilityResponse>;
export type Confirmation = z.infer<typeof ConfirmBookingResponse>;

export type { BookingMessage };

/** What a command asks the object to do after it is stored. */
export interface BookingEffects {
  /** Messages to send (none once the contact data is deleted). */
  messages: BookingMessage[];
  /** Timers to set or clear. */
  timers: TimerChange[];
}

export class Bookings {
  constructor(
    private readonly index: SiteIndex,
    private readonly draft: Draft,
    private readonly store: BookingStore,
    private readonly slots: SlotCounts,
    private readonly secret: string,
    private readonly publicUrl: string,
  ) {}

  /** The slot rules of a matter; with `only`, the visits counted are that slot's alone (enough to judge it). */
  private rules(matterId: string, now: number, only?: number): SlotRules | null {
    const matter = this.index.matters.get(matterId);
    if (!matter) return null;
    const c = this.index.config;
    return {
      timeZone: c.timeZone,
      openingHours: c.openingHours,
      specialDays: c.specialDays,
      slotMinutes: slotMinutes(matter),
      // Closed for a while: no slot is offered until the closure is lifted.
      bookingDesks: matter.bookable && c.closure === null ? matter.bookingDesks : 0,
      daysOff: c.booking.daysOff,
      now,
      publicHolidays: c.closedOnPublicHolidays,
      minNoticeMinutes: c.booking.minNoticeMinutes,
      horizonDays: c.booking.horizonDays,
      taken:
        only === undefined
          ? this.slots.taken(matterId, now, now + (c.booking.horizonDays + 2) * DAY_MS, now)
          : this.slots.taken(matterId, only, only + 1, now),
    };
  }

  private hash = (code: string): string => sha256Hex(`${this.secret}:${code}`);

  /** While the site is closed for a while, no visit is booked, moved or checked in: the refusal carries its notice. */
  private closed(): Result<never> | null {
    const closure = this.index.config.closure;
    return closure ? fail("SITE_CLOSED_TEMPORARILY", closure.message) : null;
  }

  availability(matterId: string, from: string, to: string, now: number): Result<Availability> {
    const rules = this.rules(matterId, now);
    if (!rules) return fail("UNKNOWN_MATTER");
    if (!isDate(from) || !isDate(to) || to < from) return fail("VALIDATION_FAILED", "from, to: dates YYYY-MM-DD, from <= to");
    if (Date.parse(to) - Date.parse(from) >= MAX_RANGE_DAYS * DAY_MS) return fail("RANGE_TOO_LONG");
    const tz = this.index.config.timeZone;
    return ok({
      days: availableDays(rules, from, to).map((d) => ({
        date: d.date,
        slots: d.slots.map((s) => ({ start: isoLocal(s.start, tz), free: s.free })),
      })),
    });
  }

  /**
   * Whether a visit of the matter could be held at `rawStart` now, judged on what anyone may see (the
   * matter, a closure, the slot's free places): its start, or the refusal a hold would answer first.
   * Only the slot asked for is counted, not the whole horizon.
   */
  slot(matterId: string, rawStart: string, now: number): Result<{ start: number; matter: MatterConfig }> {
    const matter = this.index.matters.get(matterId);
    if (!matter) return fail("UNKNOWN_MATTER");
    if (!matter.bookable || matter.bookingDesks === 0) return fail("MATTER_NOT_BOOKABLE");
    const closed = this.closed();
    if (closed) return closed;
    const start = Date.parse(rawStart);
    if (!Number.isSafeInteger(start)) return fail("SLOT_UNAVAILABLE");
    const rules = this.rules(matterId, now, start);
    if (!rules || !slotIsBookable(rules, start)) return fail("SLOT_UNAVAILABLE");
    return ok({ start, matter });
  }

  create(req: BookingRequest, now: number): Result<{ booking: Booking; effects: BookingEffects }> {
    const slot = this.slot(req.matterId, req.start, now);
    if (!slot.ok) return slot;
    const { start, matter } = slot.value;
    const contact = bookingContact(req, this.index.config.smsCountries);
    if (!contact.ok) return contact;
    const c = this.index.config.booking;
    if (this.store.activeForContact(contact.value.key, now) >= c.maxActivePerContact) return fail("TOO_MANY_BOOKINGS");
    if (this.store.startedByClient(req.client, now - 3_600_000) >= CLIENT_LIMIT_PER_HOUR) return fail("BOOKING_RATE_LIMITED");
    const { state, code } = startVerification(now, cryptoRandomInt, this.hash);
    const booking: Booking = {
      id: `${this.index.config.id}.${randomToken(16)}`,
      matterId: matter.id,
      startAt: start,
      status: "pending",
      name: req.name,
      phone: contact.value.phone,
      email: contact.value.email,
      contactKey: contact.value.key,
      verification: state,
      holdUntil: expiresAt(state),
      manageToken: null,
      checkInCode: null,
      ticketNumber: null,
      ticketId: null,
      reminded: "",
      client: req.client,
      createdAt: now,
      confirmedAt: null,
      lang: req.lang,
    };
    this.draft.putBooking(booking);
    return ok({
      booking,
      effects: {
        messages: bookingMessage(
          booking,
          "code",
          booking.holdUntil,
          () => codeSms(code, booking.lang),
          () => codeEmail(code, booking.lang),
        ),
        timers: [],
      },
    });
  }

  resendCode(id: string, now: number): Result<{ booking: Booking; effects: BookingEffects }> {
    const b = this.draft.booking(id);
    if (!b) return fail("UNKNOWN_BOOKING");
    if (b.status !== "pending") return fail("BOOKING_NOT_PENDING");
    if (this.holdEnded(b, now)) return fail("CODE_EXPIRED");
    const r = resend(b.verification, now, cryptoRandomInt, this.hash);
    if (!r.ok) return fail(r.reason === "too-soon" ? "RESEND_TOO_SOON" : r.reason === "expired" ? "CODE_EXPIRED" : "RESEND_LIMIT");
    const next: Booking = { ...b, verification: r.state, holdUntil: expiresAt(r.state) };
    this.draft.putBooking(next);
    return ok({
      booking: next,
      effects: {
        messages: bookingMessage(
          next,
          "code",
          next.holdUntil,
          () => codeSms(r.code, next.lang),
          () => codeEmail(r.code, next.lang),
        ),
        timers: [],
      },
    });
  }

  /**
   * Checks the SMS code; the right one confirms the booking. Wrong codes are counted whatever the booking's
   * state, and too many lock it for a while (CODE_TRIES_EXCEEDED). A retry on a confirmed booking answers
   * its time and number only: the manage link and the check-in code went to the contact, never to a code.
   */
  confirm(id: string, code: string, now: number): Result<{ confirmation: Confirmation; effects: BookingEffects }> {
    const b = this.draft.booking(id);
    if (!b) return fail("UNKNOWN_BOOKING");
    if (isLocked(b.verification, now)) return fail("CODE_TRIES_EXCEEDED", CODE_LOCKED);
    if (b.status !== "pending") {
      const again = checkCode(b.verification, code, now, this.hash);
      if (again.state !== b.verification) this.draft.putBooking({ ...b, verification: again.state });
      if (again.result === "too-many-tries") return fail("CODE_TRIES_EXCEEDED", CODE_LOCKED);
      if (b.status !== "confirmed" && b.status !== "checked-in") return fail("BOOKING_NOT_PENDING");
      if (again.result !== "ok") return fail("CODE_WRONG");
      const { manageUrl: _link, checkInCode: _code, ...answer } = this.confirmation(b);
      return ok({ confirmation: answer, effects: { messages: [], timers: [] } });
    }
    // Once the hold has ended the slot may be someone else's: the right code no longer confirms it.
    if (this.holdEnded(b, now)) return fail("CODE_EXPIRED");
    const r = checkCode(b.verification, code, now, this.hash);
    if (r.result === "expired") {
      this.draft.putBooking({ ...b, status: "expired", verification: r.state });
      return fail("CODE_EXPIRED");
    }
    if (r.result === "too-many-tries" || r.result === "locked") {
      this.draft.putBooking({ ...b, status: "expired", verification: r.state, holdUntil: now });
      return fail("CODE_TRIES_EXCEEDED");
    }
    if (r.result === "wrong") {
      this.draft.putBooking({ ...b, verification: r.state });
      return fail("CODE_WRONG");
    }
    const day = localDate(b.startAt, this.index.config.timeZone);
    const matter = this.index.matters.get(b.matterId);
    // A matter removed from the configuration since the hold cannot be confirmed.
    if (!matter) return fail("UNKNOWN_MATTER");
    const confirmed: Booking = {
      ...b,
      status: "confirmed",
      verification: r.state,
      confirmedAt: now,
      ticketNumber: formatTicketNumber(matter.prefix, this.draft.nextNumber(day, matter.id)),
      manageToken: randomToken(16),
      checkInCode:
        this.index.config.booking.checkIn === "kiosk" ? newCheckInCode(cryptoRandomInt, (c) => this.store.checkInCodeInUse(c)) : null,
    };
    this.draft.putBooking(confirmed);
    const confirmation = this.confirmation(confirmed);
    const visit = visitOf(confirmed, this.index.config, this.manageUrl(confirmed));
    return ok({
      confirmation,
      effects: {
        messages: bookingMessage(
          confirmed,
          "confirmation",
          confirmed.startAt,
          () => confirmationSms(visit, confirmed.lang),
          () => confirmationEmail(visit, confirmed.lang),
        ),
        timers: this.timersFor(confirmed, now),
      },
    });
  }

  cancel(id: string, token: string, now: number): Result<{ status: "cancelled"; effects: BookingEffects }> {
    const b = this.draft.booking(id);
    if (!b) return fail("UNKNOWN_BOOKING");
    if (!b.manageToken || token !== b.manageToken) return fail("MANAGE_TOKEN_INVALID");
    if (b.status === "cancelled") return ok({ status: "cancelled", effects: { messages: [], timers: [] } });
    if (b.status !== "confirmed" || b.startAt <= now) return fail("BOOKING_NOT_ACTIVE");
    this.draft.putBooking({ ...b, status: "cancelled" });
    const what = { when: visitTime(b, this.index.config), siteName: this.index.config.name };
    return ok({
      status: "cancelled",
      effects: {
        messages: bookingMessage(
          b,
          "notify",
          b.startAt,
          () => cancellationSms(what, b.lang),
          () => cancellationEmail(what, b.lang),
        ),
        timers: this.timerKeys(b).map(clearTimer),
      },
    });
  }

  /**
   * Moves a confirmed visit to another free slot of the same matter (R6): the new slot is taken and the
   * old one freed in the same write, inside the caller's transaction, so no slot is given twice. The
   * booking's own slot counts as taken by itself: asking for the same start is SLOT_UNAVAILABLE. A new
   * local day takes a new number from that day's counter; the check-in code stays; timers move.
   */
  reschedule(id: string, token: string, rawStart: string, now: number): Result<{ confirmation: Confirmation; effects: BookingEffects }> {
    const b = this.draft.booking(id);
    if (!b) return fail("UNKNOWN_BOOKING");
    if (!b.manageToken || token !== b.manageToken) return fail("MANAGE_TOKEN_INVALID");
    if (b.status !== "confirmed" || b.startAt <= now) return fail("BOOKING_NOT_ACTIVE");
    const closed = this.closed();
    if (closed) return closed;
    const start = Date.parse(rawStart);
    if (!Number.isSafeInteger(start) || start === b.startAt) return fail("SLOT_UNAVAILABLE");
    const rules = this.rules(b.matterId, now, start);
    if (!rules || !slotIsBookable(rules, start)) return fail("SLOT_UNAVAILABLE");
    const tz = this.index.config.timeZone;
    const matter = this.index.matters.get(b.matterId);
    if (!matter) return fail("UNKNOWN_MATTER");
    const day = localDate(start, tz);
    const ticketNumber =
      day === localDate(b.startAt, tz) ? b.ticketNumber : formatTicketNumber(matter.prefix, this.draft.nextNumber(day, matter.id));
    const moved: Booking = { ...b, startAt: start, ticketNumber, reminded: "" };
    this.draft.putBooking(moved);
    const confirmation = this.confirmation(moved);
    const visit = visitOf(moved, this.index.config, this.manageUrl(moved));
    return ok({
      confirmation,
      effects: {
        messages: bookingMessage(
          moved,
          "confirmation",
          moved.startAt,
          () => rescheduledSms(visit, moved.lang),
          () => rescheduledEmail(visit, moved.lang),
        ),
        timers: [...this.timerKeys(b).map(clearTimer), ...this.timersFor(moved, now)],
      },
    });
  }

  /** The visit behind a manage link. */
  summary(id: string, token: string): Result<BookingSummary> {
    const b = this.draft.booking(id);
    if (!b) return fail("UNKNOWN_BOOKING");
    if (!b.manageToken || token !== b.manageToken) return fail("MANAGE_TOKEN_INVALID");
    const site = this.index.config;
    const out: BookingSummary = {
      status: b.status,
      siteId: site.id,
      siteName: site.name,
      address: site.address,
      matterId: b.matterId,
      matterName: this.index.matters.get(b.matterId)?.name ?? b.matterId,
      start: isoLocal(b.startAt, site.timeZone),
      ticketNumber: b.ticketNumber,
    };
    if (b.checkInCode && b.status === "confirmed") out.checkInCode = b.checkInCode;
    if (b.email || b.phone) out.channel = b.email ? "email" : "sms";
    return ok(out);
  }

  /** Kiosk check-in with the code from the SMS (R7, Koszalin): the booking's ticket, if the time is right. */
  checkIn(rawCode: string, now: number): Result<Booking> {
    const code = normalizeCheckInCode(rawCode);
    const b = code ? this.draft.bookingByCheckInCode(code) : null;
    if (!b) return fail("UNKNOWN_CODE");
    if (b.status === "checked-in") return fail("ALREADY_CHECKED_IN");
    if (b.status !== "confirmed") return fail("BOOKING_NOT_ACTIVE");
    const closed = this.closed();
    if (closed) return closed;
    const c = this.index.config.booking;
    const w = checkInWindow({ slotStart: b.startAt, earlyMinutes: c.checkInEarlyMinutes, lateMinutes: c.checkInLateMinutes, now });
    if (w === "too-early")
      return fail("TOO_EARLY", `Check in from ${officeTime(b.startAt - c.checkInEarlyMinutes * 60_000, this.index.config.timeZone)}.`);
    if (w === "too-late") return fail("TOO_LATE");
    return ok(b);
  }

  /** The booking that joined the queue as a ticket. */
  admitted(b: Booking, ticketId: string): void {
    this.draft.putBooking({ ...b, status: "checked-in", ticketId });
  }

  private confirmation(b: Booking): Confirmation {
    const out: Confirmation = {
      status: "confirmed",
      start: isoLocal(b.startAt, this.index.config.timeZone),
      ticketNumber: b.ticketNumber ?? "",
      manageUrl: this.manageUrl(b),
    };
    if (b.checkInCode) out.checkInCode = b.checkInCode;
    return out;
  }

  private manageUrl(b: Booking): string {
    return manageLink(this.publicUrl, b.id, b.manageToken ?? "", b.lang);
  }

  /** A pending booking whose hold has ended is expired (stored as such); its slot is free again. */
  private holdEnded(b: Booking, now: number): boolean {
    if (now < b.holdUntil) return false;
    this.draft.putBooking({ ...b, status: "expired" });
    return true;
  }

  /** Joining the queue at the slot (auto check-in sites) and the reminders still ahead when confirmed. */
  private timersFor(b: Booking, confirmedAt: number): BookingEffects["timers"] {
    const c = this.index.config;
    const timers: BookingEffects["timers"] = [];
    if (c.booking.checkIn === "auto") timers.push(setTimer(`join:${b.id}`, "booking-join", b.startAt, b.id));
    const rules = { timeZone: c.timeZone, dayBeforeHour: c.booking.reminderDayBeforeHour, minutesBefore: c.booking.reminderMinutesBefore };
    for (const r of reminderTimes(b.startAt, confirmedAt, rules)) {
      timers.push(setTimer(`remind-${r.kind}:${b.id}`, "booking-remind", r.at, b.id));
    }
    return timers;
  }

  /** Every timer a booking may have (cancelling clears them all). */
  private timerKeys(b: Booking): string[] {
    return [`join:${b.id}`, `remind-day:${b.id}`, `remind-soon:${b.id}`];
  }

  /** The reminder of this kind for a confirmed booking, if it may still go; recorded as sent, so it goes once. */
  reminder(id: string, kind: ReminderKind, now: number): BookingMessage[] {
    const b = this.draft.booking(id);
    if (!b || b.status !== "confirmed") return [];
    const c = this.index.config;
    const sent = b.reminded ? b.reminded.split(",") : [];
    if (!reminderStillDue(kind, b.startAt, now, sent, c.timeZone)) return [];
    this.draft.putBooking({ ...b, reminded: [...sent, kind].join(",") });
    const visit = visitOf(b, this.index.config, this.manageUrl(b));
    if (kind === "day")
      return bookingMessage(
        b,
        "reminder",
        b.startAt,
        () => reminderDayBeforeSms(visit, b.lang),
        () => reminderDayBeforeEmail(visit, b.lang),
      );
    const left = minutesLeft(b.startAt, now, Math.max(1, c.booking.reminderMinutesBefore));
    return bookingMessage(
      b,
      "reminder",
      b.startAt,
      () => reminderSoonSms(visit, left, b.lang),
      () => reminderSoonEmail(visit, left, b.lang),
    );
  }
}
