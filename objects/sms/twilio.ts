// SMS through Twilio's Programmable Messaging REST API, called with fetch (the twilio npm package needs
// Node's http stack and does not run in Workers).
//
// POST {baseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, Body, From or
// MessagingServiceSid, and StatusCallback when configured (with `ref=<our message id>` added to its query,
// so a delivery report can find its message even if it arrives before the send's answer is stored).
// HTTP Basic auth AccountSid:AuthToken.
//
// Answers: 2xx with a `sid` → ok. 408, 429, 5xx, network errors and the timeout → retryable (a timed-out
// request may still have been accepted, so a retry can duplicate an SMS: at least once, never lost).
// Other 4xx (e.g. 400 code 21211, invalid "To" number; 401 bad credentials) → not retryable, with
// Twilio's code and message in the error text.
import { messageProblem, type SendResult, type SmsMessage, type SmsProvider } from "./provider.ts";

export const TWILIO_BASE_URL = "https://api.twilio.com";
export const TWILIO_TIMEOUT_MS = 10_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** Sender: a Twilio number in E.164 or an alphanumeric sender id. Set this or `messagingServiceSid`. */
  from?: string;
  /** A Messaging Service ("MG…") that picks the sender. Set this or `from`. */
  messagingServiceSid?: string;
  /** Default "https://api.twilio.com". */
  baseUrl?: string;
  /** Where Twilio posts delivery reports. */
  statusCallbackUrl?: string;
}

export interface TwilioOptions extends TwilioConfig {
  /** Default: the platform fetch. */
  fetch?: FetchLike;
  /** Default 10 s; covers the whole request, body included. */
  timeoutMs?: number;
}

export class TwilioProvider implements SmsProvider {
  private readonly endpoint: string;
  private readonly authorization: string;
  private readonly sender: readonly [key: "From" | "MessagingServiceSid", value: string];
  private readonly statusCallbackUrl: string | null;
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;

  constructor(options: TwilioOptions) {
    if (!/^AC[0-9a-fA-F]{32}$/.test(options.accountSid)) throw new Error("twilio: accountSid must be AC followed by 32 hex digits");
    if (!/^[\x21-\x7e]+$/.test(options.authToken)) throw new Error("twilio: authToken is missing or not printable ASCII");
    const from = options.from ?? "";
    const service = options.messagingServiceSid ?? "";
    if ((from === "") === (service === "")) throw new Error("twilio: set exactly one of from and messagingServiceSid");
    this.sender = service !== "" ? ["MessagingServiceSid", service] : ["From", from];
    const base = new URL(options.baseUrl ?? TWILIO_BASE_URL).href.replace(/\/+$/, "");
    this.endpoint = `${base}/2010-04-01/Accounts/${options.accountSid}/Messages.json`;
    this.authorization = `Basic ${btoa(`${options.accountSid}:${options.authToken}`)}`;
    this.statusCallbackUrl = options.statusCallbackUrl === undefined ? null : new URL(options.statusCallbackUrl).href;
    // Called through a closure: workerd refuses a fetch invoked as a method of another object.
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.timeoutMs = options.timeoutMs ?? TWILIO_TIMEOUT_MS;
    if (!(this.timeoutMs > 0)) throw new RangeError(`twilio: timeoutMs must be positive, got ${this.timeoutMs}`);
  }

  async send(msg: SmsMessage): Promise<SendResult> {
    const problem = messageProblem(msg);
    if (problem !== null) return { ok: false, retryable: false, error: `twilio: ${problem}` };
    const form = new URLSearchParams({ To: msg.to, Body: msg.body });
    form.set(this.sender[0], this.sender[1]);
    if (this.statusCallbackUrl !== null) {
      const callback = new URL(this.statusCallbackUrl);
      callback.searchParams.set("ref", msg.reference);
      form.set("StatusCallback", callback.href);
    }
    let status: number;
    let text: string;
    try {
      const response = await this.fetch(this.endpoint, {
        method: "POST",
        headers: {
          Authorization: this.authorization,
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
        },
        body: form.toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (err) {
      const name = typeof err === "object" && err !== null && "name" in err ? String(err.name) : "";
      if (name === "TimeoutError" || name === "AbortError")
        return { ok: false, retryable: true, error: `twilio: no answer within ${this.timeoutMs} ms` };
      return { ok: false, retryable: true, error: `twilio: network error: ${err instanceof Error ? err.message : String(err)}` };
    }
    return mapAnswer(status, text);
  }
}

/** A Twilio answer (status and body text) → SendResult. */
export function mapAnswer(status: number, text: string): SendResult {
  const json = parseJson(text);
  if (status >= 200 && status < 300) {
    const sid = json?.sid;
    if (typeof sid === "string" && sid !== "") return { ok: true, providerId: sid };
    // Accepted but unreadable: sending again could duplicate the SMS, so staff get to decide.
    return { ok: false, retryable: false, error: `twilio ${status}: accepted without a message sid: ${snippet(text)}` };
  }
  const retryable = status === 408 || status === 429 || status >= 500;
  const code = json?.code;
  const message = json?.message;
  const detail =
    typeof message === "string" ? `${typeof code === "number" || typeof code === "string" ? `${code}: ` : ""}${message}` : snippet(text);
  return { ok: false, retryable, error: `twilio ${status}${detail === "" ? "" : ` ${detail}`}` };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function snippet(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 200 ? `${t.slice(0, 200)}…` : t;
}
