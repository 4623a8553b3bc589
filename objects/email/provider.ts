// The e-mail provider seam (R6, R9): Cloudflare Email Service through the Worker's `send_email` binding.
// Locally wrangler dev and the vitest plugin run miniflare's implementation of the same binding, which
// keeps each message (and writes it to a temporary file), so the real binding runs everywhere.
import type { SendResult } from "../sms/provider.ts";

/** One e-mail to send. */
export interface EmailToSend {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Our outbox message id. */
  readonly reference: string;
}

export interface EmailProvider {
  send(msg: EmailToSend): Promise<SendResult>;
}

/**
 * The binding's error codes after which the same message can never go: a bad payload or recipient, a
 * sender domain not set up, a suppressed address. Any other thrown error (rate limits, outages) is retried.
 */
export const PERMANENT_EMAIL_ERRORS: ReadonlySet<string> = new Set([
  "E_VALIDATION_ERROR",
  "E_FIELD_MISSING",
  "E_TOO_MANY_RECIPIENTS",
  "E_TOO_MANY_ATTACHMENTS",
  "E_SENDER_NOT_VERIFIED",
  "E_RECIPIENT_NOT_ALLOWED",
  "E_RECIPIENT_SUPPRESSED",
]);

/** "numerek <rezerwacje@numerek.example>" or a bare address → the binding's sender; null when it is neither. */
export function parseSender(raw: string): { email: string; name?: string } | null {
  const named = /^\s*"?([^"<>]*?)"?\s*<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>\s*$/.exec(raw);
  if (named) return named[1] ? { email: named[2]!, name: named[1] } : { email: named[2]! };
  const bare = raw.trim();
  return /^[^<>\s@"]+@[^<>\s@"]+\.[^<>\s@"]+$/.test(bare) ? { email: bare } : null;
}

/** What a thrown error of the binding means for the message. */
export function emailSendError(err: unknown): SendResult {
  const code = typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" ? err.code : null;
  const message = err instanceof Error ? err.message : String(err);
  const text = `email: ${code ? `${code}: ` : ""}${message}`;
  return { ok: false, retryable: code === null || !PERMANENT_EMAIL_ERRORS.has(code), error: text };
}

export class BindingEmailProvider implements EmailProvider {
  constructor(
    private readonly binding: SendEmail,
    private readonly from: { email: string; name?: string },
  ) {}

  async send(msg: EmailToSend): Promise<SendResult> {
    try {
      const from = this.from.name ? { email: this.from.email, name: this.from.name } : this.from.email;
      const { messageId } = await this.binding.send({ from, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html });
      return { ok: true, providerId: messageId };
    } catch (err) {
      return emailSendError(err);
    }
  }
}
