// The SMS outbox of one site object (R9): messages are written with the change that causes them, sent
// afterwards through the object's one provider, retried by the alarm (the "sms" timer follows the earliest
// retry), and the provider's delivery reports are recorded on them. The retry policy is objects/sms/outbox.ts,
// the delivery-report rule objects/sms/delivery-status.ts, the rows BookingStore's.
import { applyDeliveryReport, type DeliveryReport } from "../sms/delivery-status.ts";
import { decideAfterSend, expireOverdue, newOutboxMessage, type SmsKind } from "../sms/outbox.ts";
import type { SendResult, SmsProvider } from "../sms/provider.ts";
import type { BookingStore, StoredMessage } from "./booking-store.ts";
import { outboxMessageId } from "./random.ts";
import { type SmsSettings, smsProvider } from "./sms-provider.ts";
import type { SiteStore } from "./store.ts";

const BATCH = 20;
export const SMS_TIMER = "sms";

export interface NewSms {
  siteId: string;
  /** E.164. */
  to: string;
  body: string;
  kind: SmsKind;
  now: number;
  /** No attempt after this instant; null: no limit. */
  expiresAt: number | null;
  bookingId?: string | null;
  ticketId?: string | null;
}

export class SmsDelivery {
  private provider: SmsProvider | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly messages: BookingStore,
    private readonly timers: SiteStore,
    private readonly settings: SmsSettings,
    /** Sets the object's alarm to its earliest timer. */
    private readonly rearm: () => Promise<void>,
  ) {}

  /** Replaces the provider the object was built with (tests: one that fails or records). */
  useProvider(provider: SmsProvider): void {
    this.provider = provider;
  }

  /**
   * Writes a message to send and keeps the "sms" timer on it, so the alarm sends it even if the object
   * stops before `deliver` runs. Call inside the transaction of the change that causes it. Returns its id.
   */
  enqueue(m: NewSms): string {
    const id = outboxMessageId(m.siteId);
    const message = newOutboxMessage({ id, to: m.to, body: m.body, kind: m.kind, now: m.now, expiresAt: m.expiresAt });
    this.messages.putMessage({ ...message, bookingId: m.bookingId ?? null, ticketId: m.ticketId ?? null });
    this.keepTimer();
    return id;
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
    const provider = (this.provider ??= smsProvider(this.settings));
    for (;;) {
      for (let due = this.messages.dueMessages(Date.now(), BATCH); due.length; due = this.messages.dueMessages(Date.now(), BATCH)) {
        for (const m of due) await this.attempt(provider, m);
      }
      this.keepTimer();
      await this.rearm();
      // A message written while the alarm was being set goes now, not at the next alarm.
      if (this.messages.dueMessages(Date.now(), 1).length === 0) return;
    }
  }

  private async attempt(provider: SmsProvider, m: StoredMessage): Promise<void> {
    const current = expireOverdue(m, Date.now());
    let result: SendResult | null = null;
    if (current.status === "pending") {
      try {
        result = await provider.send({ to: m.to, body: m.body, reference: m.id });
      } catch (err) {
        // A provider should answer, not throw; if one does, the message is retried like after an outage.
        result = { ok: false, retryable: true, error: `provider error: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
    const next = result ? decideAfterSend(current, result, Date.now()) : current;
    this.messages.putMessage({ ...next, bookingId: m.bookingId, ticketId: m.ticketId });
  }

  /** The "sms" timer at the earliest pending message, or gone when none is pending. */
  private keepTimer(): void {
    const nextAt = this.messages.nextMessageAt();
    if (nextAt === null) this.timers.clearTimer(SMS_TIMER);
    else this.timers.setTimer(SMS_TIMER, "sms", nextAt, null);
  }
}
