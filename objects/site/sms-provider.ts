// Which SMS provider a site object uses: Twilio when its secrets are set, the local outbox in demo mode.
import type { Env } from "../../worker/env.ts";
import { LocalOutboxProvider } from "../sms/local-outbox.ts";
import type { SendResult, SmsProvider } from "../sms/provider.ts";
import { TwilioProvider } from "../sms/twilio.ts";

/** Production without SMS settings: every message stays in the outbox as failed, with the reason, for staff to see. */
class MissingProvider implements SmsProvider {
  send(): Promise<SendResult> {
    return Promise.resolve({ ok: false, retryable: false, error: "no SMS provider configured (set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID)" });
  }
}

export function smsProvider(env: Env): SmsProvider {
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN) {
    return new TwilioProvider({
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      ...(env.TWILIO_FROM ? { from: env.TWILIO_FROM } : {}),
      ...(env.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID } : {}),
      ...(env.TWILIO_BASE_URL ? { baseUrl: env.TWILIO_BASE_URL } : {}),
      statusCallbackUrl: `${env.PUBLIC_URL.replace(/\/$/, "")}/api/v1/sms/status`,
    });
  }
  return env.NUMEREK_MODE === "demo" ? new LocalOutboxProvider() : new MissingProvider();
}
