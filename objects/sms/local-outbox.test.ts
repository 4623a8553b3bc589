import { describe, expect, it } from "vitest";
import { LocalOutboxProvider } from "./local-outbox.ts";

const msg = { to: "+48501234567", body: "numerek: test", reference: "sms-7" };

describe("LocalOutboxProvider", () => {
  it("answers ok with a local provider id", async () => {
    const p = new LocalOutboxProvider();
    expect(await p.send(msg)).toEqual({ ok: true, providerId: "local-sms-7" });
    expect(await p.send({ ...msg, reference: "sms-8" })).toEqual({ ok: true, providerId: "local-sms-8" });
    expect(p.sends).toBe(2);
  });

  it("fails the first N sends with retryable errors, then succeeds", async () => {
    const p = new LocalOutboxProvider({ failFirst: 2 });
    expect(await p.send(msg)).toEqual({ ok: false, retryable: true, error: "local: injected failure 1 of 2" });
    expect(await p.send(msg)).toEqual({ ok: false, retryable: true, error: "local: injected failure 2 of 2" });
    expect(await p.send(msg)).toEqual({ ok: true, providerId: "local-sms-7" });
  });

  it("refuses what Twilio would refuse, without retry", async () => {
    const p = new LocalOutboxProvider();
    expect(await p.send({ ...msg, to: "501234567" })).toEqual({
      ok: false,
      retryable: false,
      error: 'local: recipient is not an E.164 number: "501234567"',
    });
    expect(await p.send({ ...msg, body: "" })).toEqual({ ok: false, retryable: false, error: "local: empty message body" });
  });

  it("refuses a bad failFirst", () => {
    expect(() => new LocalOutboxProvider({ failFirst: -1 })).toThrow(RangeError);
    expect(() => new LocalOutboxProvider({ failFirst: 1.5 })).toThrow(RangeError);
  });
});
