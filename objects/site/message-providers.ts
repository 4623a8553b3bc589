// The providers a site object sends through, one per channel, and the choice of one for each message:
// SMS through Twilio or the local outbox (./sms-provider.ts), e-mail through the `EMAIL` binding.
// Without the binding or a sender every e-mail fails visibly in the outbox, as SMS do without Twilio.
import type { CitizenLang } from "../../protocol/lang.ts";
import type { Env } from "../../worker/env.ts";
import { emailHtml } from "../email/messages.ts";
import { BindingEmailProvider, type EmailProvider, parseSender } from "../email/provider.ts";
import type { SendResult, SmsProvider } from "../sms/provider.ts";
import type { Channel } from "./message-store.ts";
import { RefusingProvider, type SmsSettings, smsProvider } from "./sms-provider.ts";

export type MessageSettings = SmsSettings & Pick<Env, "EMAIL" | "EMAIL_FROM">;

export interface Providers {
  sms: SmsProvider;
  email: EmailProvider;
}

export function emailProvider(env: Pick<Env, "EMAIL" | "EMAIL_FROM">): EmailProvider {
  if (!env.EMAIL) return new RefusingProvider("no e-mail binding configured (add the send_email binding EMAIL)");
  if (!env.EMAIL_FROM) return new RefusingProvider("no e-mail sender configured (set EMAIL_FROM)");
  const from = parseSender(env.EMAIL_FROM);
  if (!from) return new RefusingProvider(`EMAIL_FROM is not an address: ${JSON.stringify(env.EMAIL_FROM)}`);
  return new BindingEmailProvider(env.EMAIL, from);
}

export function messageProviders(env: MessageSettings): Providers {
  return { sms: smsProvider(env), email: emailProvider(env) };
}

/** What one send needs of a stored message. */
export interface Sendable {
  id: string;
  channel: Channel;
  to: string;
  subject: string | null;
  body: string;
  lang: CitizenLang;
}

/** Sends one message through its channel's provider: an e-mail with its HTML part, an SMS as text. */
export function sendMessage(providers: Providers, m: Sendable): Promise<SendResult> {
  if (m.channel === "email") {
    const content = { subject: m.subject ?? "", text: m.body };
    return providers.email.send({
      to: m.to,
      subject: content.subject,
      text: content.text,
      html: emailHtml(content, m.lang),
      reference: m.id,
    });
  }
  return providers.sms.send({ to: m.to, body: m.body, reference: m.id });
}
