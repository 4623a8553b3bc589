// The SMS provider for `npm start` and tests: "sends" by answering ok. The messages themselves are kept in
// the site object's outbox table (and listed by a dev endpoint), so nothing is stored here.
// It refuses what Twilio would refuse up front (not E.164, empty body); `failFirst` injects retryable
// failures to exercise the outbox's retries.
import { messageProblem, type SendResult, type SmsMessage, type SmsProvider } from "./provider.ts";

export interface LocalOutboxOptions {
  /** The first N sends answer a retryable error. */
  failFirst?: number;
}

export class LocalOutboxProvider implements SmsProvider {
  private readonly failFirst: number;
  /** Send attempts so far, failed ones included. */
  sends = 0;

  constructor(options: LocalOutboxOptions = {}) {
    const failFirst = options.failFirst ?? 0;
    if (!Number.isInteger(failFirst) || failFirst < 0) throw new RangeError(`failFirst must be a whole number ≥ 0, got ${failFirst}`);
    this.failFirst = failFirst;
  }

  send(msg: SmsMessage): Promise<SendResult> {
    this.sends++;
    const problem = messageProblem(msg);
    if (problem !== null) return Promise.resolve({ ok: false, retryable: false, error: `local: ${problem}` });
    if (this.sends <= this.failFirst) {
      return Promise.resolve({ ok: false, retryable: true, error: `local: injected failure ${this.sends} of ${this.failFirst}` });
    }
    return Promise.resolve({ ok: true, providerId: `local-${msg.reference}` });
  }
}
