// The booking desk of a site object (R6, R7, R8, R9): booking commands, the outbox of SMS and e-mails,
// the staff view of it, and the e-tickets' "turn near" texts. The site object delegates to it and keeps the queue; the desk asks the object
// only for what belongs to the queue (a booking joining it as a ticket, the alarm, the day).
// Every command follows the house order: validate, write in one transaction, then send.
import type { BookingSummary, IssuedTicket, SiteMessage, SiteMessagesQuery } from "../../protocol/api.ts";
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import type { Env } from "../../worker/env.ts";
import { reminderKindOfTimer } from "../booking/reminders.ts";
import type { Ticket } from "../queue/model.ts";
import { turnNearSms } from "../sms/messages.ts";
import { BookingStore, type Booking, type StoredMessage } from "./booking-store.ts";
import { type Availability, type BookingEffects, type BookingRequest, Bookings, type Confirmation } from "./bookings.ts";
import { type Idempotency, replay } from "./idempotency.ts";
import { MessageDelivery } from "./message-delivery.ts";
import { NOTIFY_SMS_TTL_MS, TurnNotifier } from "./notify.ts";
import type { SiteIndex } from "./site-index.ts";
import { resendWindow, staffMessage } from "./staff-messages.ts";
import type { SiteStore } from "./store.ts";
import { eticketUrl } from "./tickets.ts";

const DAY_MS = 86_400_000;

/** What the desk needs of the site object. */
export interface DeskHost {
  readonly storage: DurableObjectStorage;
  readonly store: SiteStore;
  index(): SiteIndex | null;
  armAlarm(now: number): Promise<void>;
  rollDay(now: number): void;
  /** A change every live view must see (inside the caller's transaction). */
  bumpSeq(): void;
  /** Puts a booking into the queue as a ticket (inside the caller's transaction). */
  admit(index: SiteIndex, b: Booking, kioskId: string | null, now: number): IssuedTicket;
  /** After a committed change of the queue: broadcast, and texts to those whose turn is near. */
  queueChanged(now: number): void;
}

/** A message of the demo outbox page: the row, a subject for e-mails only. */
export type OutboxListing = Omit<StoredMessage, "subject"> & { subject?: string };

export class BookingDesk {
  readonly bookingStore: BookingStore;
  /** The outbox and its providers (tests swap a provider through runInDurableObject). */
  readonly delivery: MessageDelivery;
  /** E-ticket holders' "tell me when N are ahead" requests. */
  readonly notifier: TurnNotifier;

  constructor(
    private readonly host: DeskHost,
    private readonly env: Env,
  ) {
    this.bookingStore = new BookingStore(host.storage.sql);
    this.delivery = new MessageDelivery(this.bookingStore, host.store, env, () => host.armAlarm(Date.now()));
    this.notifier = new TurnNotifier(host.storage.sql);
  }

  private bookings(index: SiteIndex): Bookings {
    return new Bookings(index, this.bookingStore, this.host.store, this.env.AUTH_SECRET, this.env.PUBLIC_URL);
  }

  /** Sends what is due in the outbox; failures wait for their retry time on the alarm. */
  deliver(): Promise<void> {
    return this.delivery.deliver();
  }

  // ---- citizens' commands ----------------------------------------------------------------

  availability(q: { matterId: string; from: string; to: string }): Result<Availability> {
    const index = this.host.index();
    if (!index) return fail("UNKNOWN_SITE");
    return this.bookings(index).availability(q.matterId, q.from, q.to, Date.now());
  }

  async create(req: BookingRequest, idempotency?: Idempotency): Promise<Result<{ bookingId: string; expiresAt: string }>> {
    if (!this.host.index()) return fail("UNKNOWN_SITE");
    const prior = replay<{ bookingId: string; expiresAt: string }>(this.host.store, idempotency);
    if (prior) return prior;
    const now = Date.now();
    const r = this.command(now, (b) => b.create(req, now), (v) => ({ bookingId: v.booking.id, expiresAt: new Date(v.booking.holdUntil).toISOString() }), idempotency);
    await this.deliver();
    return r;
  }

  async resendCode(id: string): Promise<Result<{ expiresAt: string }>> {
    const now = Date.now();
    const r = this.command(now, (b) => b.resendCode(id, now), (v) => ({ expiresAt: new Date(v.booking.holdUntil).toISOString() }));
    await this.deliver();
    return r;
  }

  summary(id: string, token: string): Result<BookingSummary> {
    const index = this.host.index();
    if (!index) return fail("UNKNOWN_SITE");
    return this.bookings(index).summary(id, token);
  }

  async confirm(id: string, code: string): Promise<Result<Confirmation>> {
    const now = Date.now();
    const r = this.command(now, (b) => b.confirm(id, code, now), (v) => v.confirmation, undefined, id);
    await this.host.armAlarm(now);
    await this.deliver();
    return r;
  }

  async cancel(id: string, token: string): Promise<Result<{ status: "cancelled" }>> {
    const now = Date.now();
    const r = this.command(now, (b) => b.cancel(id, token, now), () => ({ status: "cancelled" as const }), undefined, id);
    await this.host.armAlarm(now);
    await this.deliver();
    return r;
  }

  async reschedule(id: string, token: string, start: string, idempotency?: Idempotency): Promise<Result<Confirmation>> {
    const prior = replay<Confirmation>(this.host.store, idempotency);
    if (prior) return prior;
    const now = Date.now();
    const r = this.command(now, (b) => b.reschedule(id, token, start, now), (v) => v.confirmation, idempotency, id);
    await this.host.armAlarm(now);
    await this.deliver();
    return r;
  }

  /** Kiosk check-in with the code from the confirmation: the booking's ticket joins the queue and prints like a walk-in. */
  checkIn(code: string, kioskId: string | null, idempotency?: Idempotency): Result<IssuedTicket> {
    const index = this.host.index();
    if (!index) return fail("UNKNOWN_SITE");
    const prior = replay<IssuedTicket>(this.host.store, idempotency);
    if (prior) return prior;
    const now = Date.now();
    this.host.rollDay(now);
    const found = this.bookings(index).checkIn(code, now);
    if (!found.ok) return found;
    let issued!: IssuedTicket;
    this.host.storage.transactionSync(() => {
      issued = this.admit(index, found.value, kioskId, now);
      if (idempotency) this.host.store.rememberIdempotent(idempotency.key, idempotency.fingerprint, issued, now);
    });
    this.host.queueChanged(now);
    return ok(issued);
  }

  knowsCheckInCode(code: string): boolean {
    return this.bookingStore.byCheckInCode(code.toUpperCase().replace(/[\s-]/g, "")) !== null;
  }

  private admit(index: SiteIndex, b: Booking, kioskId: string | null, now: number): IssuedTicket {
    const issued = this.host.admit(index, b, kioskId, now);
    this.bookings(index).admitted(b, issued.id);
    return issued;
  }

  /**
   * Runs a booking command in one transaction with what it asks for (messages, timers) and, when given,
   * the idempotency record. A refused command's own writes (a wrong code counted) stay.
   */
  private command<V extends { effects: BookingEffects; booking?: Booking }, T>(
    now: number, run: (b: Bookings) => Result<V>, answer: (v: V) => T, idempotency?: Idempotency, id?: string,
  ): Result<T> {
    const index = this.host.index();
    if (!index) return fail("UNKNOWN_SITE");
    let out!: Result<T>;
    this.host.storage.transactionSync(() => {
      const r = run(this.bookings(index));
      if (!r.ok) {
        out = r;
        return;
      }
      const bookingId = r.value.booking?.id ?? id ?? null;
      for (const m of r.value.effects.messages) this.delivery.enqueue({ ...m, siteId: index.config.id, now, bookingId });
      for (const t of r.value.effects.timers) {
        if (t.dueAt === null) this.host.store.clearTimer(t.key);
        else this.host.store.setTimer(t.key, t.kind, t.dueAt, t.ref);
      }
      out = ok(answer(r.value));
      if (idempotency) this.host.store.rememberIdempotent(idempotency.key, idempotency.fingerprint, out.value, now);
    });
    return out;
  }

  // ---- timers (called from the object's alarm, inside nothing: each writes in its own transaction) ----

  /** Automatic check-in (Toruń): at the slot's time the booking joins the call order as a due reservation. */
  join(index: SiteIndex, timer: { key: string; ref: string | null }, now: number): void {
    const b = timer.ref ? this.bookingStore.get(timer.ref) : null;
    this.host.storage.transactionSync(() => {
      this.host.store.clearTimer(timer.key);
      if (b && b.status === "confirmed") this.admit(index, b, null, now);
    });
  }

  /** A reminder the day before or shortly before the visit, by the booking's channel, once. */
  remind(index: SiteIndex, timer: { key: string; ref: string | null }, now: number): void {
    const bookings = this.bookings(index);
    const kind = reminderKindOfTimer(timer.key);
    this.host.storage.transactionSync(() => {
      this.host.store.clearTimer(timer.key);
      const messages = timer.ref && kind ? bookings.reminder(timer.ref, kind, now) : [];
      for (const m of messages) this.delivery.enqueue({ ...m, siteId: index.config.id, now, bookingId: timer.ref });
    });
  }

  /**
   * The end of a day, inside the object's transaction: contact data older than the office's retention is
   * deleted, recipients whose data is gone are masked, and sent or failed messages older than the
   * retention are deleted (pending ones stay until they go or fail).
   */
  endOfDay(index: SiteIndex, now: number): void {
    const before = now - index.config.booking.retentionDays * DAY_MS;
    this.bookingStore.purgeContacts(before, now);
    this.bookingStore.maskRecipients();
    this.bookingStore.pruneMessages(before);
  }

  // ---- e-ticket "turn near" texts (R8) ---------------------------------------------------------

  /** "Tell me by SMS when N people are ahead" for a known ticket: one request per ticket, stored with a new seq when it changed. */
  requestTurnNotice(t: Ticket, input: { phone: string; ahead: number }, now: number): Result<{ changed: boolean }> {
    let r!: Result<{ changed: boolean }>;
    this.host.storage.transactionSync(() => {
      r = this.notifier.request(t, input, now);
      if (r.ok && r.value.changed) this.host.bumpSeq();
    });
    return r;
  }

  /** Writes the due "turn near" texts to the outbox after a queue change; true when it wrote any. Costs nothing while none is asked for. */
  queueTurnNotices(tickets: ReadonlyMap<string, Ticket>, now: number): boolean {
    const index = this.host.index();
    if (!index || !this.notifier.hasPending()) return false;
    let sent = 0;
    this.host.storage.transactionSync(() => {
      sent = this.notifier.dispatch(tickets, now, (r, t, ahead) => {
        const body = turnNearSms({ ticket: t.number, ahead, eticketUrl: eticketUrl(this.env.PUBLIC_URL, t.token) });
        this.delivery.enqueue({ siteId: index.config.id, channel: "sms", to: r.phone, body, kind: "notify", now, expiresAt: now + NOTIFY_SMS_TTL_MS, ticketId: t.id });
      });
      if (sent) this.host.bumpSeq();
    });
    return sent > 0;
  }

  // ---- the outbox seen from outside ----------------------------------------------------------

  /** Messages sent or waiting, newest first (the local demo's outbox page). */
  outbox(limit: number): OutboxListing[] {
    return this.bookingStore.messages(Math.min(Math.max(1, limit), 500)).map(({ subject, ...m }) => (subject === null ? m : { ...m, subject }));
  }

  /** The staff view: masked recipients, no code texts, newest first. */
  staffMessages(q: SiteMessagesQuery): SiteMessage[] {
    return this.bookingStore.messages(q.limit, q.status === "all" ? null : q.status).map(staffMessage);
  }

  /** A manager sends a failed message again: pending at once, then sent. A retry with the same key answers the same. */
  async resend(id: string, idempotency?: Idempotency): Promise<Result<{ message: SiteMessage }>> {
    const prior = replay<{ message: SiteMessage }>(this.host.store, idempotency);
    if (prior) return prior;
    const m = this.bookingStore.message(id);
    if (!m) return fail("UNKNOWN_MESSAGE");
    const now = Date.now();
    const window = resendWindow(m, m.bookingId ? this.bookingStore.get(m.bookingId) : null, now);
    if (!window.ok) return window;
    let answer!: { message: SiteMessage };
    this.host.storage.transactionSync(() => {
      answer = { message: staffMessage(this.delivery.requeue(m, now, window.value.expiresAt)) };
      if (idempotency) this.host.store.rememberIdempotent(idempotency.key, idempotency.fingerprint, answer, now);
    });
    await this.deliver();
    return ok(answer);
  }

  /** A provider's delivery report of one of this site's messages (Twilio's status callback). */
  deliveryReport(id: string, report: { providerId: string | null; status: string; errorCode: string | null }): Result<{ deliveryStatus: string | null }> {
    const stored = this.delivery.report(id, report, Date.now());
    if (!stored) return fail("NOT_FOUND", "No such message.");
    return ok({ deliveryStatus: stored.deliveryStatus });
  }
}
