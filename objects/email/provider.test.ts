// Sending through the `send_email` binding: the sender, the result, and which failures are retried.
import { describe, expect, it } from "vitest";
import { BindingEmailProvider, emailSendError, parseSender } from "./provider.ts";

const mail = { to: "jan@example.pl", subject: "Temat", text: "Treść", html: "<p>Treść</p>", reference: "eml_demo.AAAAAAAAAAAAAAAA" };

/** Stands in for the runtime's binding: records what it is given, answers or throws as told. */
function binding(answer: () => Promise<EmailSendResult>): SendEmail & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    send: (m: unknown) => {
      sent.push(m);
      return answer();
    },
  } as SendEmail & { sent: unknown[] };
}

const codeError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("parseSender", () => {
  it("reads a display name and an address, or a bare address", () => {
    expect(parseSender("numerek <rezerwacje@numerek.example>")).toEqual({ email: "rezerwacje@numerek.example", name: "numerek" });
    expect(parseSender('"Urząd Miasta" <um@torun.pl>')).toEqual({ email: "um@torun.pl", name: "Urząd Miasta" });
    expect(parseSender("rezerwacje@numerek.example")).toEqual({ email: "rezerwacje@numerek.example" });
    expect(parseSender("<rezerwacje@numerek.example>")).toEqual({ email: "rezerwacje@numerek.example" });
  });

  it("refuses what is not an address", () => {
    for (const bad of ["", "numerek", "numerek <>", "a@b", "a b@c.pl"]) expect(parseSender(bad)).toBeNull();
  });
});

describe("BindingEmailProvider", () => {
  it("sends subject, text and HTML from the sender and answers the binding's message id", async () => {
    const b = binding(() => Promise.resolve({ messageId: "<abc@numerek.example>" }));
    const r = await new BindingEmailProvider(b, { email: "rezerwacje@numerek.example", name: "numerek" }).send(mail);
    expect(r).toEqual({ ok: true, providerId: "<abc@numerek.example>" });
    expect(b.sent).toEqual([
      {
        from: { email: "rezerwacje@numerek.example", name: "numerek" },
        to: "jan@example.pl",
        subject: "Temat",
        text: "Treść",
        html: "<p>Treść</p>",
      },
    ]);
  });

  it("a thrown error is retried unless it says the message can never go", async () => {
    const send = (err: unknown) =>
      new BindingEmailProvider(
        binding(() => Promise.reject(err)),
        { email: "r@numerek.example" },
      ).send(mail);
    expect(await send(codeError("E_RATE_LIMIT_EXCEEDED", "slow down"))).toEqual({
      ok: false,
      retryable: true,
      error: "email: E_RATE_LIMIT_EXCEEDED: slow down",
    });
    expect(await send(new Error("network lost"))).toEqual({ ok: false, retryable: true, error: "email: network lost" });
    expect(await send(codeError("E_SENDER_NOT_VERIFIED", "Sender domain not verified"))).toMatchObject({ ok: false, retryable: false });
    expect(await send(codeError("E_RECIPIENT_SUPPRESSED", "bounced"))).toMatchObject({ ok: false, retryable: false });
  });
});

describe("emailSendError", () => {
  it("keeps the code and the message in the error text", () => {
    expect(emailSendError(codeError("E_VALIDATION_ERROR", "bad to"))).toEqual({
      ok: false,
      retryable: false,
      error: "email: E_VALIDATION_ERROR: bad to",
    });
    expect(emailSendError("plain")).toEqual({ ok: false, retryable: true, error: "email: plain" });
  });
});
