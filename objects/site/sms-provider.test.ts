// Which SMS provider a site object builds from its settings, and how each behaves when it cannot send.
import { describe, expect, it } from "vitest";
import { LocalOutboxProvider } from "../sms/local-outbox.ts";
import { TwilioProvider } from "../sms/twilio.ts";
import { RefusingProvider, type SmsSettings, smsProvider } from "./sms-provider.ts";

const demo: SmsSettings = { NUMEREK_MODE: "demo", PUBLIC_URL: "http://localhost:8787" };
const production: SmsSettings = { NUMEREK_MODE: "production", PUBLIC_URL: "https://numerek.example" };
const twilio = {
  TWILIO_ACCOUNT_SID: "AC0123456789abcdef0123456789abcdef",
  TWILIO_AUTH_TOKEN: "f00dfeedf00dfeedf00dfeedf00dfeed",
  TWILIO_FROM: "+48221234567",
};
const msg = { to: "+48501234567", body: "numerek: test", reference: "sms_demo.AAAAAAAAAAAAAAAA" };

describe("smsProvider", () => {
  it("uses Twilio when its secrets are set, in either mode", () => {
    expect(smsProvider({ ...production, ...twilio })).toBeInstanceOf(TwilioProvider);
    expect(smsProvider({ ...demo, ...twilio })).toBeInstanceOf(TwilioProvider);
  });

  it("sends to the local outbox in demo mode", async () => {
    const p = smsProvider(demo);
    expect(p).toBeInstanceOf(LocalOutboxProvider);
    expect(await p.send(msg)).toEqual({ ok: true, providerId: `local-${msg.reference}` });
  });

  it("in demo mode SMS_FAIL_FIRST=n fails the first n sends retryably, then sends", async () => {
    const p = smsProvider({ ...demo, SMS_FAIL_FIRST: "2" });
    const results = [await p.send(msg), await p.send(msg), await p.send(msg)];
    expect(results.map((r) => (r.ok ? "ok" : r.retryable ? "retry" : "fail"))).toEqual(["retry", "retry", "ok"]);
    // Nonsense counts are ignored, and production never honours it.
    expect(await smsProvider({ ...demo, SMS_FAIL_FIRST: "-1" }).send(msg)).toMatchObject({ ok: true });
    expect(smsProvider({ ...production, SMS_FAIL_FIRST: "2" })).toBeInstanceOf(RefusingProvider);
  });

  it("in production without Twilio, and with broken Twilio settings, every message fails visibly, not retried", async () => {
    const none = await smsProvider(production).send(msg);
    expect(none).toMatchObject({ ok: false, retryable: false });
    expect(none.ok ? "" : none.error).toMatch(/TWILIO_ACCOUNT_SID/);
    const broken = await smsProvider({ ...production, ...twilio, TWILIO_ACCOUNT_SID: "AC-not-a-sid" }).send(msg);
    expect(broken).toMatchObject({ ok: false, retryable: false });
    expect(broken.ok ? "" : broken.error).toMatch(/SMS settings are wrong: twilio: accountSid/);
  });
});
