// SMS through the real Worker and site object (R9): Twilio's signed delivery reports are recorded on their
// outbox message, forged ones are refused; a provider outage is retried by the alarm until the message goes,
// and a message that cannot go ends failed and stays listed for staff.
import { runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { LocalOutboxProvider } from "../../objects/sms/local-outbox.ts";
import type { SendResult, SmsProvider } from "../../objects/sms/provider.ts";
import { TwilioProvider } from "../../objects/sms/twilio.ts";
import { twilioSignature } from "../../objects/sms/twilio-signature.ts";
import { app } from "../../worker/app.ts";
import type { Env } from "../../worker/env.ts";
import { BASE, expectError, freshSite, siteObject, siteSql, testEnv } from "./helpers.ts";
import { book, dateIn, freeSlots, outboxOf, useSmsProvider } from "./sms-helpers.ts";

const PUBLIC_URL = "https://numerek.example";
const AUTH_TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
/** The Worker as deployed with Twilio: its public address and the account's auth token. */
const twilioEnv: Env = { ...testEnv, PUBLIC_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN };

/** Posts a delivery report the way Twilio does: form-encoded, to the callback URL, with a signature header. */
async function report(ref: string, params: Record<string, string>, signature: string | null): Promise<Response> {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (signature !== null) headers.set("X-Twilio-Signature", signature);
  const req = new Request(`${BASE}/api/v1/sms/status?ref=${encodeURIComponent(ref)}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(params).toString(),
  });
  return app.fetch(req, twilioEnv);
}

/** Twilio's signature of a report to our public callback URL. */
const sign = (ref: string, params: Record<string, string>, token = AUTH_TOKEN, base = PUBLIC_URL) =>
  twilioSignature(token, `${base}/api/v1/sms/status?ref=${ref}`, params);

const statusParams = (sid: string, status: string, extra: Record<string, string> = {}) => ({
  AccountSid: ACCOUNT_SID,
  ApiVersion: "2010-04-01",
  From: "+48221234567",
  To: "+48600700901",
  MessageSid: sid,
  SmsSid: sid,
  SmsStatus: status,
  MessageStatus: status,
  ...extra,
});

async function siteWithCode(phone: string): Promise<{ siteId: string; bookingId: string }> {
  const { siteId } = await freshSite({ booking: { horizonDays: 14, checkIn: "kiosk", minNoticeMinutes: 0 } });
  const slot = (await freeSlots(siteId, "rej", dateIn(0), dateIn(6)))[2]!;
  const res = await book(siteId, slot.start, phone);
  expect(res.status, await res.clone().text()).toBe(202);
  const { bookingId } = (await res.json()) as { bookingId: string };
  return { siteId, bookingId };
}

describe("Twilio delivery reports", () => {
  it("a signed report is stored on its message: delivered with its time; a late 'sent' does not undo it", async () => {
    const { siteId } = await siteWithCode("600 700 901");
    const [code] = await outboxOf(siteId);
    // The message's id names its site, so the Worker knows which object to ask.
    expect(code!.id).toMatch(new RegExp(`^sms_${siteId}\\.[A-Za-z0-9_-]{16}$`));
    expect(code!.deliveryStatus).toBeNull();

    const sent = statusParams("SM00000000000000000000000000000001", "sent");
    expect((await report(code!.id, sent, await sign(code!.id, sent))).status).toBe(204);
    expect((await outboxOf(siteId))[0]).toMatchObject({ id: code!.id, deliveryStatus: "sent", deliveredAt: null });

    const before = Date.now();
    const delivered = statusParams("SM00000000000000000000000000000001", "delivered");
    expect((await report(code!.id, delivered, await sign(code!.id, delivered))).status).toBe(204);
    const late = statusParams("SM00000000000000000000000000000001", "sent");
    expect((await report(code!.id, late, await sign(code!.id, late))).status).toBe(204);
    const [stored] = await outboxOf(siteId);
    expect(stored).toMatchObject({ id: code!.id, status: "sent", deliveryStatus: "delivered", deliveryError: null });
    expect(stored!.deliveredAt).toBeGreaterThanOrEqual(before);
  });

  it("an undelivered or failed report is recorded with Twilio's error code, and the message stays listed", async () => {
    const { siteId } = await siteWithCode("600 700 902");
    const [code] = await outboxOf(siteId);
    const undelivered = statusParams("SM00000000000000000000000000000002", "undelivered", { ErrorCode: "30003" });
    expect((await report(code!.id, undelivered, await sign(code!.id, undelivered))).status).toBe(204);
    expect(await outboxOf(siteId)).toEqual([
      expect.objectContaining({
        id: code!.id,
        kind: "code",
        to: "+48600700902",
        deliveryStatus: "undelivered",
        deliveryError: "30003",
        deliveredAt: null,
      }),
    ]);
  });

  it("refuses reports without a valid signature (403 SIGNATURE_INVALID) and records nothing", async () => {
    const { siteId } = await siteWithCode("600 700 903");
    const [code] = await outboxOf(siteId);
    const id = code!.id;
    const delivered = statusParams("SM00000000000000000000000000000003", "delivered");
    // No header at all.
    await expectError(await report(id, delivered, null), 403, "SIGNATURE_INVALID");
    // Signed with another account's token.
    await expectError(await report(id, delivered, await sign(id, delivered, "0123456789abcdef0123456789abcdef")), 403, "SIGNATURE_INVALID");
    // Signed for "sent", then changed to "failed" on the way.
    const signedSent = await sign(id, statusParams("SM00000000000000000000000000000003", "sent"));
    await expectError(await report(id, statusParams("SM00000000000000000000000000000003", "failed"), signedSent), 403, "SIGNATURE_INVALID");
    // Signed for another message's callback URL.
    const otherRef = `sms_${siteId}.AAAAAAAAAAAAAAAA`;
    await expectError(await report(id, delivered, await sign(otherRef, delivered)), 403, "SIGNATURE_INVALID");
    // Signed over the address the Worker sees internally rather than the public one Twilio called.
    await expectError(await report(id, delivered, await sign(id, delivered, AUTH_TOKEN, BASE)), 403, "SIGNATURE_INVALID");
    // A Worker without the auth token cannot check signatures, so it accepts none.
    const unsigned = new Request(`${BASE}/api/v1/sms/status?ref=${id}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": await sign(id, delivered) },
      body: new URLSearchParams(delivered).toString(),
    });
    await expectError(await app.fetch(unsigned, { ...testEnv, PUBLIC_URL }), 403, "SIGNATURE_INVALID");

    expect((await outboxOf(siteId))[0]).toMatchObject({ id, deliveryStatus: null });
  });

  it("a signed report of a message no site has: 404; one without a status: 400", async () => {
    const { siteId } = await siteWithCode("600 700 904");
    const unknown = `sms_${siteId}.AAAAAAAAAAAAAAAA`;
    const delivered = statusParams("SM00000000000000000000000000000004", "delivered");
    await expectError(await report(unknown, delivered, await sign(unknown, delivered)), 404, "NOT_FOUND");
    const old = "sms_AbCdEfGhIjKlMnOp";
    await expectError(await report(old, delivered, await sign(old, delivered)), 404, "NOT_FOUND");
    const [code] = await outboxOf(siteId);
    const noStatus = { AccountSid: ACCOUNT_SID, MessageSid: "SM00000000000000000000000000000004" };
    await expectError(await report(code!.id, noStatus, await sign(code!.id, noStatus)), 400, "VALIDATION_FAILED");
  });

  it("sent through Twilio, the request names our callback with the message's id, and Twilio's report to it is recorded", async () => {
    const { siteId } = await freshSite({ booking: { horizonDays: 14, checkIn: "kiosk", minNoticeMinutes: 0 } });
    const forms: URLSearchParams[] = [];
    const twilio = new TwilioProvider({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: "+48221234567",
      statusCallbackUrl: `${PUBLIC_URL}/api/v1/sms/status`,
      fetch: async (_url, init) => {
        forms.push(new URLSearchParams(String(init.body)));
        const sid = `SM${String(forms.length).padStart(32, "0")}`;
        return new Response(JSON.stringify({ sid, status: "queued" }), { status: 201, headers: { "Content-Type": "application/json" } });
      },
    });
    await useSmsProvider(siteId, twilio);
    const slot = (await freeSlots(siteId, "rej", dateIn(0), dateIn(6)))[2]!;
    expect((await book(siteId, slot.start, "600 700 905")).status).toBe(202);

    expect(forms).toHaveLength(1);
    const [code] = await outboxOf(siteId);
    expect(code).toMatchObject({ status: "sent", providerId: `SM${"1".padStart(32, "0")}` });
    expect(forms[0]!.get("To")).toBe("+48600700905");
    const callback = new URL(forms[0]!.get("StatusCallback")!);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${PUBLIC_URL}/api/v1/sms/status`);
    expect(callback.searchParams.get("ref")).toBe(code!.id);

    // Twilio signs exactly the callback URL it was given.
    const params = statusParams(code!.providerId!, "delivered");
    const signature = await twilioSignature(AUTH_TOKEN, callback.href, params);
    const req = new Request(`${BASE}${callback.pathname}${callback.search}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature },
      body: new URLSearchParams(params).toString(),
    });
    expect((await app.fetch(req, twilioEnv)).status).toBe(204);
    expect((await outboxOf(siteId))[0]).toMatchObject({ id: code!.id, deliveryStatus: "delivered" });
  });
});

/** Moves a pending message's retry time to the past, as waiting for it would. */
async function makeDue(siteId: string, id: string): Promise<void> {
  await siteSql(siteId, "UPDATE outbox SET next_at = ? WHERE id = ?", Date.now() - 1, id);
}

describe("SMS retries", () => {
  it("a provider outage leaves the message pending with its error; the alarm retries it until it is sent", async () => {
    const { siteId } = await freshSite({ booking: { horizonDays: 14, checkIn: "kiosk", minNoticeMinutes: 0 } });
    const provider = new LocalOutboxProvider({ failFirst: 2 });
    await useSmsProvider(siteId, provider);
    const slot = (await freeSlots(siteId, "rej", dateIn(0), dateIn(6)))[2]!;
    // The booking is taken even though its code could not go yet.
    expect((await book(siteId, slot.start, "600 700 906")).status).toBe(202);

    let [code] = await outboxOf(siteId);
    expect(code).toMatchObject({ kind: "code", status: "pending", attempts: 1, error: "local: injected failure 1 of 2" });
    expect(code!.nextAt).toBeGreaterThan(Date.now());
    // The object's alarm is set for the retry.
    const timers = await siteSql(siteId, "SELECT due_at FROM timers WHERE key = 'outbox'");
    expect(timers).toEqual([{ due_at: code!.nextAt }]);

    // The alarm before the retry time sends nothing.
    await runDurableObjectAlarm(siteObject(siteId));
    expect((await outboxOf(siteId))[0]).toMatchObject({ status: "pending", attempts: 1 });

    await makeDue(siteId, code!.id);
    expect(await runDurableObjectAlarm(siteObject(siteId))).toBe(true);
    [code] = await outboxOf(siteId);
    expect(code).toMatchObject({ status: "pending", attempts: 2, error: "local: injected failure 2 of 2" });

    await makeDue(siteId, code!.id);
    await runDurableObjectAlarm(siteObject(siteId));
    [code] = await outboxOf(siteId);
    expect(code).toMatchObject({ status: "sent", attempts: 3, error: null, nextAt: null });
    expect(provider.sends).toBe(3);
    expect(await siteSql(siteId, "SELECT * FROM timers WHERE key = 'outbox'")).toEqual([]);
    // One message, sent once: no duplicate was written along the way.
    expect(await outboxOf(siteId)).toHaveLength(1);
  });

  it("a failure that cannot be retried ends 'failed' with the reason, stays listed, and is not sent again", async () => {
    const { siteId } = await freshSite({ booking: { horizonDays: 14, checkIn: "kiosk", minNoticeMinutes: 0 } });
    let sends = 0;
    const refusing: SmsProvider = {
      send(): Promise<SendResult> {
        sends++;
        return Promise.resolve({ ok: false, retryable: false, error: "twilio 400 21211: Invalid 'To' Phone Number" });
      },
    };
    await useSmsProvider(siteId, refusing);
    const slot = (await freeSlots(siteId, "rej", dateIn(0), dateIn(6)))[2]!;
    expect((await book(siteId, slot.start, "600 700 907")).status).toBe(202);

    const failed = {
      kind: "code",
      to: "+48600700907",
      status: "failed",
      attempts: 1,
      nextAt: null,
      error: "twilio 400 21211: Invalid 'To' Phone Number",
    };
    expect(await outboxOf(siteId)).toEqual([expect.objectContaining(failed)]);
    await siteSql(siteId, "UPDATE timers SET due_at = 0");
    await runDurableObjectAlarm(siteObject(siteId));
    expect(await outboxOf(siteId)).toEqual([expect.objectContaining(failed)]);
    expect(sends).toBe(1);
  });
});

describe("a command waits only for its own message", () => {
  /** A provider whose sends to one number take `slowMs`; it notes when each send starts and ends. */
  class SlowForOne implements SmsProvider {
    readonly events: string[] = [];
    readonly sends = new Map<string, number>();
    constructor(
      private readonly slowTo: string,
      private readonly slowMs: number,
    ) {}
    async send(msg: { to: string; reference: string }): Promise<SendResult> {
      this.sends.set(msg.reference, (this.sends.get(msg.reference) ?? 0) + 1);
      this.events.push(`start ${msg.to}`);
      if (msg.to === this.slowTo) await new Promise((r) => setTimeout(r, this.slowMs));
      this.events.push(`end ${msg.to}`);
      return { ok: true, providerId: `slow-${msg.reference}` };
    }
  }

  it("a hold answers once its own code is sent, while another hold's code is still on its way; each code goes once", async () => {
    const { siteId } = await freshSite({ booking: { horizonDays: 14, checkIn: "kiosk", minNoticeMinutes: 0 } });
    const provider = new SlowForOne("+48600700931", 5_000);
    await useSmsProvider(siteId, provider);
    const [first, second] = await freeSlots(siteId, "rej", dateIn(0), dateIn(6));
    const slow = book(siteId, first!.start, "600 700 931");
    while (!provider.events.includes("start +48600700931")) await new Promise((r) => setTimeout(r, 20));

    const quick = await book(siteId, second!.start, "600 700 932");
    expect(quick.status, await quick.clone().text()).toBe(202);
    // Its own code is sent, and it did not wait for the slow one.
    expect(provider.events).toContain("end +48600700932");
    expect(provider.events).not.toContain("end +48600700931");

    expect((await slow).status).toBe(202);
    expect(provider.events).toContain("end +48600700931");
    const outbox = await outboxOf(siteId);
    expect(outbox.map((m) => [m.to, m.status]).sort()).toEqual([
      ["+48600700931", "sent"],
      ["+48600700932", "sent"],
    ]);
    expect([...provider.sends.values()]).toEqual([1, 1]);
  });
});
