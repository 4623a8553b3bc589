// The messages of a site (R6, R9): SMS and e-mails written to the outbox with the change that causes them,
// sent afterwards through their channel's provider, retried by the alarm (the "outbox" timer follows the
// earliest pending message), sent again when staff ask, and SMS delivery reports recorded on them. The
// retry policy is objects/sms/outbox.ts (the same for both channels), the delivery-report rule
// objects/sms/delivery-status.ts, the rows BookingStore's. This module decides; it writes nothing.
import type { SiteMessage } from "../../protocol/api.ts";
import { fail } from "../../protocol/errors.ts";
import type { CitizenLang } from "../../protocol/lang.ts";
import { applyDeliveryReport, type DeliveryReport } from "../sms/delivery-status.ts";
import { decideAfterSend, expireOverdue, newOutboxMessage, requeue, type SmsKind } from "../sms/outbox.ts";
import type { SendResult, SmsProvider } from "../sms/provider.ts";
import type { Booking } from "./booking-store.ts";
import { accept, type Decision, refuse } from "./change.ts";
import type { SiteRead } from "./draft.ts";
import { type MessageSettings, messageProviders, type Providers, sendMessage } from "./message-providers.ts";
import type { Channel, OutboxEntry, StoredMessage } from "./message-store.ts";
import { outboxMessageId } from "./random.ts";
import { resendWindow, staffMessage } from "./staff-messages.ts";

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
  /** The citizen's language (an e-mail's HTML part says it); Polish when not given. */
  lang?: CitizenLang;
}

/** A message of the demo outbox page: the row, a subject for e-mails only. */
export type OutboxListing = Omit<StoredMessage, "subject"> & { subject?: string };

/** The outbox row of a new message: pending, due at once. */
export function outboxRow(m: NewMessage): OutboxEntry {
  const id = outboxMessageId(m.siteId, m.channel);
  const message = newOutboxMessage({ id, to: m.to, body: m.body, kind: m.kind, now: m.now, expiresAt: m.expiresAt });
  return {
    ...message,
    channel: m.channel,
    subject: m.subject ?? null,
    bookingId: m.bookingId ?? null,
    ticketId: m.ticketId ?? null,
    lang: m.lang ?? "pl",
  };
}

/** A manager sends a failed message again: pending and due now, with fresh attempts until its window ends. */
export function resendMessage(m: StoredMessage | null, booking: Booking | null, now: number): Decision<{ message: SiteMessage }> {
  if (!m) return refuse(fail("UNKNOWN_MESSAGE"));
  const window = resendWindow(m, booking, now);
  if (!window.ok) return refuse(window);
  const next: StoredMessage = { ...m, ...requeue(m, now), expiresAt: window.value.expiresAt };
  return accept({ message: staffMessage(next) }, { messageRows: [next] });
}

/** The same, for a message found by its id. */
export function resendMessageById(read: SiteRead, id: string): Decision<{ message: SiteMessage }> {
  const m = read.stores.messages.message(id);
  return resendMessage(m, m?.bookingId ? read.stores.bookings.get(m.bookingId) : null, read.now);
}

/** A provider's delivery report of one of the site's messages (Twilio's status callback). */
export function recordDeliveryReport(
  m: StoredMessage | null,
  report: DeliveryReport & { providerId: string | null },
  now: number,
): Decision<{ deliveryStatus: string | null }> {
  if (!m) return refuse(fail("NOT_FOUND", "No such message."));
  const state = applyDeliveryReport({ status: m.deliveryStatus, deliveredAt: m.deliveredAt, error: m.deliveryError }, report, now);
  return accept({ deliveryStatus: state.status }, { deliveries: [{ id: m.id, state, providerId: report.providerId }] });
}

/** The row after one attempt to send (none when the message had expired before it could go). */
export function afterAttempt(m: StoredMessage, result: SendResult | null, now: number): StoredMessage {
  const current = expireOverdue(m, now);
  return { ...m, ...(result && current.status === "pending" ? decideAfterSend(current, result, now) : current) };
}

/** The providers of the site's channels; sends one message and never throws. */
export class MessageSender {
  private providers: Providers | null = null;

  constructor(private readonly settings: MessageSettings) {}

  private chosen(): Providers {
    this.providers ??= messageProviders(this.settings);
    return this.providers;
  }

  /** Replaces the SMS provider the object was built with (tests: one that fails or records). */
  useProvider(provider: SmsProvider): void {
    this.providers = { ...this.chosen(), sms: provider };
  }

  /** Sends a pending message; null when it may no longer go (expired). */
  async send(m: StoredMessage, now: number): Promise<SendResult | null> {
    if (expireOverdue(m, now).status !== "pending") return null;
    try {
      return await sendMessage(this.chosen(), m);
    } catch (err) {
      // A provider should answer, not throw; if one does, the message is retried like after an outage.
      return { ok: false, retryable: true, error: `provider error: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
}
