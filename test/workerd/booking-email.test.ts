// Booking with an e-mail address instead of a phone (R6), through the real Worker, site object and the
// EMAIL binding that miniflare runs: the code, the confirmation, reminders and the cancellation go by
// e-mail; the limits per contact count an address as they count a number; bad contacts are refused.
import { runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, expectError, freshSite, siteObject, siteSql } from "./helpers.ts";
import { dateIn, freeSlots, type OutboxItem, outboxOf } from "./sms-helpers.ts";

const kiosk = { booking: { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0 } };
/** miniflare's binding answers a Message-ID on the sender's domain. */
const BINDING_ID = /^<[A-Za-z0-9]+@numerek\.example>$/;

function bookWith(siteId: string, start: string, contact: { phone?: string; email?: string }): Promise<Response> {
  return api("/api/v1/bookings", {
    method: "POST",
    json: { siteId, matterId: "rej", start, name: "Anna Nowak", ...contact, consent: true },
  });
}

async function emails(siteId: string, kind?: string): Promise<OutboxItem[]> {
  return (await outboxOf(siteId)).filter((m) => m.channel === "email" && (kind === undefined || m.kind === kind));
}

/** Books by e-mail and confirms with the code read from the e-mail in the outbox. */
async function bookAndConfirmByEmail(siteId: string, start: string, email: string) {
  const created = await bookWith(siteId, start, { email });
  expect(created.status, await created.clone().text()).toBe(202);
  const { bookingId } = (await created.json()) as { bookingId: string };
  const [codeMail] = (await emails(siteId, "code")).filter((m) => m.bookingId === bookingId);
  const code = codeMail?.body.match(/\b(\d{6})\b/)?.[1];
  expect(code, JSON.stringify(codeMail)).toBeDefined();
  const res = await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } });
  expect(res.status, await res.clone().text()).toBe(200);
  return {
    bookingId,
    codeMail: codeMail!,
    confirmation: (await res.json()) as { ticketNumber: string; checkInCode: string; manageUrl: string },
  };
}

describe("booking by e-mail (R6)", () => {
  it("sends the code by e-mail through the EMAIL binding, confirms with it, and e-mails the confirmation", async () => {
    const { siteId } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(1), dateIn(7)))[0]!;
    const { bookingId, codeMail, confirmation } = await bookAndConfirmByEmail(siteId, slot.start, " Anna.Nowak@Example.PL ");

    // The address is stored as typed, trimmed, with its domain lower-cased; nothing went by SMS.
    expect(codeMail).toMatchObject({
      channel: "email",
      kind: "code",
      to: "Anna.Nowak@example.pl",
      status: "sent",
      attempts: 1,
      error: null,
    });
    expect(codeMail.subject).toBe("Kod potwierdzenia rezerwacji wizyty");
    expect(codeMail.id).toMatch(new RegExp(`^eml_${siteId}\\.`));
    expect(codeMail.providerId).toMatch(BINDING_ID);
    expect(await siteSql(siteId, "SELECT phone, email, contact_key FROM bookings WHERE id = ?", bookingId)).toEqual([
      { phone: null, email: "Anna.Nowak@example.pl", contact_key: "anna.nowak@example.pl" },
    ]);

    const [mail] = await emails(siteId, "confirmation");
    expect(mail).toMatchObject({ to: "Anna.Nowak@example.pl", status: "sent", bookingId });
    expect(mail!.providerId).toMatch(BINDING_ID);
    expect(mail!.subject).toMatch(/^Rezerwacja potwierdzona: /);
    for (const fact of [confirmation.ticketNumber, confirmation.checkInCode, confirmation.manageUrl, "ul. Próbna 1"])
      expect(mail!.body).toContain(fact);
    expect((await outboxOf(siteId)).filter((m) => m.channel === "sms")).toEqual([]);
  });

  it("a new code and the cancellation notice go by e-mail too", async () => {
    const { siteId } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(1), dateIn(7)))[0]!;
    const { bookingId, confirmation } = await bookAndConfirmByEmail(siteId, slot.start, "jan@example.pl");
    const token = new URL(confirmation.manageUrl).searchParams.get("token");
    expect((await api(`/api/v1/bookings/${bookingId}/cancel`, { method: "POST", json: { token } })).status).toBe(200);
    const [notice] = await emails(siteId, "notify");
    expect(notice).toMatchObject({ to: "jan@example.pl", status: "sent" });
    expect(notice!.subject).toMatch(/^Rezerwacja odwołana: /);
    expect(notice!.body).toContain("została odwołana");

    const other = await bookWith(siteId, slot.start, { email: "ewa@example.pl" });
    const { bookingId: second } = (await other.json()) as { bookingId: string };
    // A new code no sooner than 60 s after the last: the first code is made older.
    await siteSql(
      siteId,
      "UPDATE bookings SET verification = json_set(verification, '$.sentAt', ?) WHERE id = ?",
      Date.now() - 61_000,
      second,
    );
    expect((await api(`/api/v1/bookings/${second}/resend`, { method: "POST", json: {} })).status).toBe(200);
    expect((await emails(siteId, "code")).filter((m) => m.to === "ewa@example.pl")).toHaveLength(2);
  });

  it("counts active bookings per address, whatever the letter case, as it counts them per phone", async () => {
    const { siteId } = await freshSite(kiosk);
    const [a, b, c] = await freeSlots(siteId, "rej", dateIn(1), dateIn(7));
    expect((await bookWith(siteId, a!.start, { email: "limit@example.pl" })).status).toBe(202);
    expect((await bookWith(siteId, b!.start, { email: "LIMIT@Example.pl" })).status).toBe(202);
    await expectError(await bookWith(siteId, c!.start, { email: "Limit@example.PL" }), 429, "TOO_MANY_BOOKINGS");
    // Another address books freely.
    expect((await bookWith(siteId, c!.start, { email: "inny@example.pl" })).status).toBe(202);
  });

  it("refuses a bad address (EMAIL_INVALID), no contact, and both a phone and an address (CONTACT_REQUIRED)", async () => {
    const { siteId } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(1), dateIn(7)))[0]!;
    for (const email of ["anna", "anna@example", "anna nowak@example.pl", "a@b@example.pl", `${"a".repeat(250)}@example.pl`]) {
      await expectError(await bookWith(siteId, slot.start, { email }), 400, "EMAIL_INVALID");
    }
    await expectError(await bookWith(siteId, slot.start, {}), 400, "CONTACT_REQUIRED");
    const both = await bookWith(siteId, slot.start, { phone: "600700960", email: "anna@example.pl" });
    const text = await both.clone().text();
    await expectError(both, 400, "CONTACT_REQUIRED");
    expect(text).toContain("not both");
    // Nothing was held and nothing sent.
    expect(await siteSql(siteId, "SELECT id FROM bookings")).toEqual([]);
    expect(await outboxOf(siteId)).toEqual([]);
  });

  it("sends the reminder the day before by e-mail", async () => {
    const { siteId } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(3), dateIn(9)))[0]!;
    const { bookingId } = await bookAndConfirmByEmail(siteId, slot.start, "przypomnij@example.pl");
    await siteSql(siteId, "UPDATE timers SET due_at = ? WHERE key = ?", Date.now() - 1, `remind-day:${bookingId}`);
    await runDurableObjectAlarm(siteObject(siteId));
    const [reminder] = await emails(siteId, "reminder");
    expect(reminder).toMatchObject({ to: "przypomnij@example.pl", status: "sent", bookingId });
    expect(reminder!.providerId).toMatch(BINDING_ID);
    expect(reminder!.subject).toMatch(/^Jutro Twoja wizyta: godz\. \d\d:\d\d, /);
    expect(reminder!.body).toContain("jutro Twoja wizyta");
  });

  it("the demo outbox lists both channels of one site, an e-mail with its subject, and checks its query", async () => {
    const { siteId } = await freshSite(kiosk);
    const [a, b] = await freeSlots(siteId, "rej", dateIn(1), dateIn(7));
    expect((await bookWith(siteId, a!.start, { email: "lista@example.pl" })).status).toBe(202);
    expect((await bookWith(siteId, b!.start, { phone: "600700961" })).status).toBe(202);
    const res = await api(`/api/v1/dev/outbox?siteId=${siteId}&limit=1`);
    const { messages } = (await res.json()) as { messages: OutboxItem[] };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ siteId, channel: "sms", to: "+48600700961" });
    expect(messages[0]).not.toHaveProperty("subject");
    const both = await outboxOf(siteId);
    expect(both.map((m) => m.channel)).toEqual(["sms", "email"]);
    expect(both[1]).toMatchObject({ to: "lista@example.pl", subject: "Kod potwierdzenia rezerwacji wizyty" });
    await expectError(await api("/api/v1/dev/outbox?limit=0"), 400, "VALIDATION_FAILED");
    await expectError(await api("/api/v1/dev/outbox?limit=501"), 400, "VALIDATION_FAILED");
    await expectError(await api("/api/v1/dev/outbox?siteId=Not_An_Id"), 400, "VALIDATION_FAILED");
    await expectError(await api("/api/v1/dev/outbox?siteId=no-such-site"), 404, "UNKNOWN_SITE");
  });
});
