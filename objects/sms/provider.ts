// The SMS provider seam (R9): what the site object's outbox calls to send one message, and the result it
// records. Implementations: TwilioProvider (production), LocalOutboxProvider (`npm start` and tests).

/** One SMS to send. */
export interface SmsMessage {
  /** Recipient in E.164: "+48501234567". */
  readonly to: string;
  readonly body: string;
  /** Our outbox message id; lets a delivery callback find the message. */
  readonly reference: string;
}

/**
 * What one send attempt gave. `retryable`: the provider may accept the same message later (rate limit,
 * outage, network error, timeout); otherwise sending it again cannot help (bad number, bad credentials).
 */
export type SendResult = { ok: true; providerId: string } | { ok: false; retryable: boolean; error: string };

export interface SmsProvider {
  send(msg: SmsMessage): Promise<SendResult>;
}

/** "+" and 8-15 digits, no leading zero: the shape of an E.164 number (not whether it exists). */
export function isE164(number: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(number);
}

/** Why a message cannot be sent by any provider (bad number, empty body), or null when it can. */
export function messageProblem(msg: SmsMessage): string | null {
  if (!isE164(msg.to)) return `recipient is not an E.164 number: ${JSON.stringify(msg.to)}`;
  if (msg.body.length === 0) return "empty message body";
  return null;
}
