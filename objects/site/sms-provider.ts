// Which SMS provider a site object uses: Twilio when its secrets are set, the local outbox in demo mode.
// The object builds it once and keeps it (objects/site/message-delivery.ts), so a provider's state (the local
// outbox's injected failures) lasts across sends.
import type { Env } from "../../worker/env.ts";
import { LocalOutboxProvider } from "../sms/local-outbox.ts";
import type { SendResult, SmsProvider } from "../sms/provider.ts";
import { TwilioProvider } from "../sms/twilio.ts";

/** The settings the choice depends on. */
export type SmsSettings = Pick<
  Env,
  | "NUMEREK_MODE"
  | "PUBLIC_URL"
  | "TWILIO_ACCOUNT_SID"
  | "TWILIO_AUTH_TOKEN"
  | "TWILIO_FROM"
  | "TWILIO_MESSAGING_SERVICE_SID"
  | "TWILIO_BASE_URL"
  | "SMS_FAIL_FIRST"
>;

/** A provider that cannot send: every message stays in the outbox as failed, with the reason, for staff to see. */
export class RefusingProvider implements SmsProvider {
  constructor(private readonly reason: string) {}
  send(): Promise<SendResult> {
    return Promise.resolve({ ok: false, retryable: false, error: this.reason });
  }
}

/** The path Twilio posts delivery reports to (worker/routes/sms.ts). */
export const STATUS_CALLBACK_PATH = "/api/v1/sms/status";

export function smsProvider(env: SmsSettings): SmsProvider {
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN) {
    try {
      return new TwilioProvider({
        accountSid: env.TWILIO_ACCOUNT_SID,
        authToken: env.TWILIO_AUTH_TOKEN,
        ...(env.TWILIO_FROM ? { from: env.TWILIO_FROM } : {}),
        ...(env.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID } : {}),
        ...(env.TWILIO_BASE_URL ? { baseUrl: env.TWILIO_BASE_URL } : {}),
        statusCallbackUrl: `${env.PUBLIC_URL.replace(/\/$/, "")}${STATUS_CALLBACK_PATH}`,
      });
    } catch (err) {
      // Wrong settings must not lose messages silently nor fail every booking: they fail visibly in the outbox.
      return new RefusingProvider(`SMS settings are wrong: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (env.NUMEREK_MODE !== "demo") {
    return new RefusingProvider(
      "no SMS provider configured (set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID)",
    );
  }
  // Demo only: SMS_FAIL_FIRST=n makes each site's first n sends fail as if the provider were down.
  const failFirst = Number(env.SMS_FAIL_FIRST ?? "0");
  return new LocalOutboxProvider({ failFirst: Number.isInteger(failFirst) && failFirst > 0 ? failFirst : 0 });
}
