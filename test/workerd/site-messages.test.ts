// Managers and their site's messages (R9: a code or a confirmation is never silently lost): only a manager
// of the site sees them, recipients masked and codes hidden; a failed one is sent again; old ones are
// pruned at the end of the day after the office's retention.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addDays } from "../../objects/booking/dates.ts";
import { LocalOutboxProvider } from "../../objects/sms/local-outbox.ts";
import type { SendResult, SmsProvider } from "../../objects/sms/provider.ts";
import type { SiteMessage } from "../../protocol/api.ts";
import { accountFor, api, expectError, freshSite, issue, siteObject, siteSql, TEST_ORG } from "./helpers.ts";
import { book, bookAndConfirm, dateIn, freeSlots, outboxOf, useSmsProvider } from "./sms-helpers.ts";

const kiosk = { booking: { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0 } };
const refusing: SmsProvider = {
  send: (): Promise<SendResult> => Promise.resolve({ ok: false, retryable: false, error: "twilio 400 21211: Invalid 'To' Phone Number" }),
};

async function messages(siteId: string, token: string, query = ""): Promise<SiteMessage[]> {
  const res = await api(`/api/v1/sites/${siteId}/messages${query}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { messages: SiteMessage[] }).messages;
}

function resend(siteId: string, token: string, id: string, key?: string): Promise<Response> {
  return api(`/api/v1/sites/${siteId}/messages/${id}/resend`, {
    method: "POST",
    token,
    json: {},
    ...(key ? { headers: { "Idempotency-Key": key } } : {}),
  });
}

/** A site whose first booking's code SMS could not be sent. */
async function failedCode(phone: string) {
  const { siteId, admin } = await freshSite(kiosk);
  await useSmsProvider(siteId, refusing);
  const slot = (await freeSlots(siteId, "rej", dateIn(1), dateIn(7)))[0]!;
  const res = await book(siteId, slot.start, phone);
  expect(res.status).toBe(202);
  const { bookingId } = (await res.json()) as { bookingId: string };
  const manager = await accountFor("manager", [siteId]);
  return { siteId, admin, manager, bookingId, slot };
}

describe("staff view of a site's messages", () => {
  it("is refused to a clerk and to a manager of another site, and to nobody signed in", async () => {
    const { siteId } = await freshSite(kiosk);
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    const elsewhere = await accountFor("manager", ["demo"]);
    await expectError(await api(`/api/v1/sites/${siteId}/messages`, { token: clerk }), 403, "FORBIDDEN");
    await expectError(await api(`/api/v1/sites/${siteId}/messages`, { token: elsewhere }), 403, "SITE_FORBIDDEN");
    await expectError(await api(`/api/v1/sites/${siteId}/messages`), 401, "UNAUTHENTICATED");
    await expectError(await resend(siteId, clerk, `sms_${siteId}.AAAAAAAAAAAAAAAA`), 403, "FORBIDDEN");
    await expectError(await resend(siteId, elsewhere, `sms_${siteId}.AAAAAAAAAAAAAAAA`), 403, "SITE_FORBIDDEN");
    const manager = await accountFor("manager", [siteId]);
    await expectError(await api(`/api/v1/sites/${siteId}/messages?status=lost`, { token: manager }), 400, "VALIDATION_FAILED");
    await expectError(await api(`/api/v1/sites/${siteId}/messages?limit=201`, { token: manager }), 400, "VALIDATION_FAILED");
  });

  it("shows a failed code SMS with its reason, the number masked and the code hidden; sent again it goes out", async () => {
    const { siteId, admin, manager, bookingId } = await failedCode("600700971");
    const [failed] = await messages(siteId, manager, "?status=failed");
    expect(failed).toEqual({
      id: expect.stringMatching(new RegExp(`^sms_${siteId}\\.`)),
      channel: "sms",
      kind: "code",
      to: "+48 *** *** 971",
      status: "failed",
      attempts: 1,
      error: "twilio 400 21211: Invalid 'To' Phone Number",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      sentAt: null,
      deliveryStatus: null,
      bookingId,
    });
    expect(failed).not.toHaveProperty("body");
    expect(await messages(siteId, manager, "?status=sent")).toEqual([]);

    // The provider is back; the manager sends the code again.
    await useSmsProvider(siteId, new LocalOutboxProvider());
    const res = await resend(siteId, manager, failed!.id, "resend-key-0001");
    expect(res.status, await res.clone().text()).toBe(200);
    const { message } = (await res.json()) as { message: SiteMessage };
    expect(message).toMatchObject({ id: failed!.id, status: "pending", attempts: 0, error: null, to: "+48 *** *** 971" });
    const [sent] = await messages(siteId, manager);
    expect(sent).toMatchObject({ id: failed!.id, status: "sent", attempts: 1, error: null });
    expect(sent!.sentAt).not.toBeNull();
    // The citizen can confirm with the code that went out.
    const code = (await outboxOf(siteId))[0]!.body.match(/\b(\d{6})\b/)?.[1];
    expect((await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } })).status).toBe(200);

    // A retry of the same request answers the same; the message, sent now, is not failed any more.
    const again = await resend(siteId, manager, failed!.id, "resend-key-0001");
    expect(await again.json()).toEqual({ message });
    // The resend is in the audit log once: the retry answered from its first answer sent nothing new.
    const log = (await (
      await api(`/api/v1/audit?org=${TEST_ORG}&action=message.resent&target=${failed!.id}`, { token: admin })
    ).json()) as { entries: unknown[] };
    expect(log.entries).toHaveLength(1);
    await expectError(await resend(siteId, manager, failed!.id), 409, "MESSAGE_NOT_FAILED");
    await expectError(await resend(siteId, manager, `sms_${siteId}.AAAAAAAAAAAAAAAA`), 404, "UNKNOWN_MESSAGE");
    await expectError(await resend(siteId, manager, "not-a-message"), 404, "UNKNOWN_MESSAGE");
  });

  it("shows other messages' text and never a code's, newest first, filtered and limited", async () => {
    const { siteId } = await freshSite(kiosk);
    const manager = await accountFor("manager", [siteId]);
    const slot = (await freeSlots(siteId, "rej", dateIn(1), dateIn(7)))[0]!;
    const confirmed = await bookAndConfirm(siteId, slot.start, "600700972");
    const all = await messages(siteId, manager);
    expect(all.map((m) => m.kind)).toEqual(["confirmation", "code"]);
    expect(all[0]!.body).toContain(confirmed.ticketNumber);
    expect(all[1]).not.toHaveProperty("body");
    expect(JSON.stringify(all)).not.toMatch(/600700972|\b\d{6}\b/);
    expect((await messages(siteId, manager, "?limit=1")).map((m) => m.kind)).toEqual(["confirmation"]);
    expect(await messages(siteId, manager, "?status=pending")).toEqual([]);
  });

  it("refuses to send again a code whose hold has ended (MESSAGE_EXPIRED)", async () => {
    const { siteId, manager, bookingId } = await failedCode("600700973");
    const [failed] = await messages(siteId, manager, "?status=failed");
    await siteSql(siteId, "UPDATE bookings SET hold_until = ? WHERE id = ?", Date.now() - 1, bookingId);
    await useSmsProvider(siteId, new LocalOutboxProvider());
    await expectError(await resend(siteId, manager, failed!.id), 409, "MESSAGE_EXPIRED");
    expect((await messages(siteId, manager))[0]).toMatchObject({ id: failed!.id, status: "failed" });
  });
});

describe("pruning the outbox", () => {
  it("the end of the day deletes sent and failed messages older than the retention, keeps newer and pending ones, masks e-mail recipients", async () => {
    const { siteId, admin } = await freshSite({ booking: { ...kiosk.booking, retentionDays: 14 } });
    const [a, b, c] = await freeSlots(siteId, "rej", dateIn(2), dateIn(8));
    const old = await bookAndConfirm(siteId, a!.start, "600700974");
    const recent = await bookAndConfirm(siteId, b!.start, "600700975");
    // A booking by e-mail whose visit is past the retention: its address is masked with the contact data.
    const res = await api("/api/v1/bookings", {
      method: "POST",
      json: { siteId, matterId: "rej", start: c!.start, name: "Ewa", email: "ewa.stara@example.pl", consent: true },
    });
    const { bookingId: emailed } = (await res.json()) as { bookingId: string };
    const day30 = Date.now() - 30 * 86_400_000;
    await siteSql(siteId, "UPDATE outbox SET created_at = ? WHERE booking_id = ?", day30, old.bookingId);
    await siteSql(siteId, "UPDATE bookings SET start_at = ? WHERE id = ?", day30, emailed);
    // A message still waiting for its retry, however old, stays.
    await siteSql(
      siteId,
      "UPDATE outbox SET status = 'pending', next_at = ?, created_at = ? WHERE booking_id = ? AND kind = 'code'",
      Date.now() + 3_600_000,
      day30,
      recent.bookingId,
    );

    const [{ value: day }] = (await siteSql(siteId, "SELECT value FROM meta WHERE key = 'day'")) as [{ value: string }];
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", addDays(day, -1));
    await evictDurableObject(siteObject(siteId));
    await issue(siteId, admin, "pj");

    const rows = await siteSql(siteId, "SELECT booking_id, kind, status, channel, to_addr FROM outbox ORDER BY created_at");
    expect(rows.filter((r) => r.booking_id === old.bookingId)).toEqual([]);
    expect(
      rows
        .filter((r) => r.booking_id === recent.bookingId)
        .map((r) => `${r.kind} ${r.status}`)
        .sort(),
    ).toEqual(["code pending", "confirmation sent"]);
    expect(rows.filter((r) => r.booking_id === emailed)).toEqual([
      { booking_id: emailed, kind: "code", status: "sent", channel: "email", to_addr: "e***@example.pl" },
    ]);
  });
});
