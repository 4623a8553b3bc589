// One outbox, two channels: each message goes through its own channel's provider.
import { describe, expect, it } from "vitest";
import type { EmailProvider, EmailToSend } from "../email/provider.ts";
import type { SendResult, SmsMessage, SmsProvider } from "../sms/provider.ts";
import { emailProvider, sendMessage } from "./message-providers.ts";

function recording(): { sms: SmsProvider & { got: SmsMessage[] }; email: EmailProvider & { got: EmailToSend[] } } {
  const sms = {
    got: [] as SmsMessage[],
    send(m: SmsMessage): Promise<SendResult> {
      sms.got.push(m);
      return Promise.resolve({ ok: true, providerId: "SM1" });
    },
  };
  const email = {
    got: [] as EmailToSend[],
    send(m: EmailToSend): Promise<SendResult> {
      email.got.push(m);
      return Promise.resolve({ ok: true, providerId: "<m1@x>" });
    },
  };
  return { sms, email };
}

describe("sendMessage", () => {
  it("sends an SMS through the SMS provider only", async () => {
    const p = recording();
    const r = await sendMessage(p, {
      id: "sms_demo.AAAAAAAAAAAAAAAA",
      channel: "sms",
      to: "+48600700800",
      subject: null,
      body: "numerek: kod 123456",
      lang: "pl",
    });
    expect(r).toEqual({ ok: true, providerId: "SM1" });
    expect(p.sms.got).toEqual([{ to: "+48600700800", body: "numerek: kod 123456", reference: "sms_demo.AAAAAAAAAAAAAAAA" }]);
    expect(p.email.got).toEqual([]);
  });

  it("sends an e-mail through the e-mail provider with its subject, text and an escaped HTML part", async () => {
    const p = recording();
    const r = await sendMessage(p, {
      id: "eml_demo.AAAAAAAAAAAAAAAA",
      channel: "email",
      to: "jan@example.pl",
      subject: "Wizyta",
      body: "A < B",
      lang: "uk",
    });
    expect(r).toEqual({ ok: true, providerId: "<m1@x>" });
    expect(p.sms.got).toEqual([]);
    expect(p.email.got).toHaveLength(1);
    expect(p.email.got[0]).toMatchObject({
      to: "jan@example.pl",
      subject: "Wizyta",
      text: "A < B",
      reference: "eml_demo.AAAAAAAAAAAAAAAA",
    });
    expect(p.email.got[0]!.html).toContain("<p>A &lt; B</p>");
    // The message's language marks the HTML part, for readers that speak it aloud.
    expect(p.email.got[0]!.html).toContain('<html lang="uk">');
  });
});

describe("emailProvider", () => {
  const msg: EmailToSend = { to: "jan@example.pl", subject: "s", text: "t", html: "<p>t</p>", reference: "eml_demo.AAAAAAAAAAAAAAAA" };

  it("without the binding or the sender every e-mail fails at once, saying what is missing", async () => {
    const noBinding = await emailProvider({ EMAIL_FROM: "numerek <r@numerek.example>" }).send(msg);
    expect(noBinding).toMatchObject({ ok: false, retryable: false });
    expect(noBinding.ok ? "" : noBinding.error).toMatch(/send_email binding EMAIL/);
    const binding = { send: () => Promise.resolve({ messageId: "x" }) } as unknown as SendEmail;
    const noSender = await emailProvider({ EMAIL: binding }).send(msg);
    expect(noSender.ok ? "" : noSender.error).toMatch(/EMAIL_FROM/);
    const badSender = await emailProvider({ EMAIL: binding, EMAIL_FROM: "numerek" }).send(msg);
    expect(badSender).toMatchObject({ ok: false, retryable: false });
    expect(await emailProvider({ EMAIL: binding, EMAIL_FROM: "r@numerek.example" }).send(msg)).toEqual({ ok: true, providerId: "x" });
  });
});
