// The outbox of one site object (R6, R9): SMS and e-mails are written with the change that causes them,
// sent afterwards through their channel's provider, retried by the alarm (the "sms" timer follows the
// earliest retry), sent again when staff ask, and SMS delivery reports are recorded on them. The retry
// policy is objects/sms/outbox.ts (the same for both channels), the delivery-report rule
// objects/sms/delivery-status.ts, the rows BookingStore's.
import { applyDeliveryReport, type DeliveryReport } from "../sms/delivery-status.ts";
import { decideAfterSend, expireOverdue, newOutboxMessage, requeue, type SmsKind } from "../sms/outbox.ts";
import type { SendResult, SmsProvider } from "../sms/provider.ts";
import type { BookingStore, Channel, StoredMessage } from "./booking-store.ts";
import { type MessageSettings, type Providers, messageProviders, sendMessage } from "./message-providers.ts";
import { outboxMessageId } from "./random.ts";
import type { SiteStore } from "./store.ts";

const BATCH = 20;
/** The timer key of the outbox (kept from when it held SMS only: stored timers keep working). */
export const OUTBOX_TIMER = "sms";

export interface NewMessage {
  siteId: string;
  channel: Channel;
  /** E.164, or an e-mail address. */
  to: string;
  /** E-mails only. */
  subject?: string | null;
  body: string;
  kind: SmsKind;
  now: number;
  /** No attempt after this instant; null: no limit. */
  expiresAt: number | null;
  bookingId?: string | null;
  ticketId?: string | null;
}

export class MessageDelivery {
  private providers: Providers | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly messages: BookingStore,
    private readonly timers: SiteStore,
    private readonly settings: MessageSettings,
    /** Sets the object's alarm to its earliest timer. */
    private readonly rearm: () => Promise<void>,
  ) {}

  private chosen(): Providers {
    return (this.providers ??= messageProviders(this.settings));
  }

  /** Replaces the SMS provider the object was built with (tests: one that fails or records). */
  useProvider(provider: SmsProvider): void {
    this.providers = { ...this.chosen(), sms: provider };
  }

  /**
   * Writes a message to send and keeps the outbox timer on it, so the alarm sends it even if the object
   * stops before `deliver` runs. Call inside the transaction of the change that causes it. Returns its id.
   */
  enqueue(m: NewMessage): string {
    const id = outboxMessageId(m.siteId, m.channel);
    const message = newOutboxMessage({ id, to: m.to, body: m.body, kind: m.kind, now: m.now, expiresAt: m.expiresAt });
    this.messages.putMessage({ ...message, channel: m.channel, subject: m.subject ?? null, bookingId: m.bookingId ?? null, ticketId: m.ticketId ?? null });
    this.keepTimer();
    return id;
  }

  /** Staff send a failed message again: pending and due now, with fresh attempts until `expiresAt`. Call inside a transaction. */
  requeue(m: StoredMessage, now: number, expiresAt: number | null): StoredMessage {
    const next: StoredMessage = { ...m, ...requeue(m, now), expiresAt };
    this.messages.putMessage(next);
    this.keepTimer();
    return next;
  }

  /** Sends what is due; a failure waits for its retry time on the alarm. One delivery at a time. */
  deliver(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Records a delivery report of one of this object's messages; null when it has no such message. */
  report(id: string, report: DeliveryReport & { providerId: string | null }, now: number): StoredMessage | null {
    const m = this.messages.message(id);
    if (!m) return null;
    const next = applyDeliveryReport({ status: m.deliveryStatus, deliveredAt: m.deliveredAt, error: m.deliveryError }, report, now);
    this.messages.putDelivery(id, next, report.providerId);
    return { ...m, deliveryStatus: next.status, deliveredAt: next.deliveredAt, deliveryError: next.error, providerId: m.providerId ?? report.providerId };
  }

  private async run(): Promise<void> {
    for (;;) {
      for (let due = this.messages.dueMessages(Date.now(), BATCH); due.length; due = this.messages.dueMessages(Date.now(), BATCH)) {
        for (const m of due) await this.attempt(m);
      }
      this.keepTimer();
      await this.rearm();
      // A message written while the alarm was being set goes now, not at the next alarm.
      if (this.messages.dueMessages(Date.now(), 1).length === 0) return;
    }
  }

  private async attempt(m: StoredMessage): Promise<void> {
    const current = expireOverdue(m, Date.now());
    let result: SendResult | null = null;
    if (current.status === "pending") {
      try {
        result = await sendMessage(this.chosen(), m);
      } catch (err) {
        // A provider should answer, not throw; if one does, the message is retried like after an outage.
        result = { ok: false, retryable: true, error: `provider error: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
    const next = result ? decideAfterSend(current, result, Date.now()) : current;
    this.messages.putMessage({ ...m, ...next });
  }

  /** The outbox timer at the earliest pending message, or gone when none is pending. */
  private keepTimer(): void {
    const nextAt = this.messages.nextMessageAt();
    if (nextAt === null) this.timers.clearTimer(OUTBOX_TIMER);
    else this.timers.setTimer(OUTBOX_TIMER, "sms", nextAt, null);
  }
}
