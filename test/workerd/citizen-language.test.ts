// Every message to a citizen is in the language of the page the citizen used, through the real Worker and
// site object: a booking made in Ukrainian gets its code, confirmation, moved time and cancellation in
// Ukrainian (in Latin letters, so two SMS parts are enough), a booking by e-mail in English gets English
// e-mails marked as English, and an e-ticket's "tell me when" in English brings an English SMS. A booking
// that names no language stays Polish.
import { describe, expect, it } from "vitest";
import { smsSegments } from "../../objects/sms/messages.ts";
import { act, api, eticketTokenOf, expectError, freshSite, issue, siteSql } from "./helpers.ts";
import { dateIn, freeSlots, type OutboxItem, outboxOf } from "./sms-helpers.ts";

const kiosk = { booking: { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0 } };

function bookIn(lang: string | undefined, siteId: string, start: string, contact: { phone?: string; email?: string }): Promise<Response> {
  return api("/api/v1/bookings", {
    method: "POST",
    json: { siteId, matterId: "rej", start, name: "Olena Kowalenko", ...contact, consent: true, ...(lang ? { lang } : {}) },
  });
}

const toContact = async (siteId: string, to: string, kind: string): Promise<OutboxItem[]> =>
  (await outboxOf(siteId)).filter((m) => m.to === to && m.kind === kind);

/** Books in `lang`, confirms with the code from the outbox; answers the id, the manage token and the code's message. */
async function bookAndConfirmIn(lang: string, siteId: string, start: string, contact: { phone: string } | { email: string }) {
  const created = await bookIn(lang, siteId, start, contact);
  expect(created.status, await created.clone().text()).toBe(202);
  const { bookingId } = (await created.json()) as { bookingId: string };
  const to = "phone" in contact ? `+48${contact.phone}` : contact.email;
  const [codeMessage] = await toContact(siteId, to, "code");
  const code = codeMessage?.body.match(/\b(\d{6})\b/)?.[1];
  expect(code, JSON.stringify(codeMessage)).toBeDefined();
  const res = await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } });
  expect(res.status, await res.clone().text()).toBe(200);
  const { manageUrl } = (await res.json()) as { manageUrl: string };
  return { bookingId, to, codeMessage: codeMessage!, token: new URL(manageUrl).searchParams.get("token")! };
}

describe("messages in the citizen's language", () => {
  it("a booking made in Ukrainian: code, confirmation, the moved time and the cancellation in Ukrainian, two parts at most", async () => {
    const { siteId } = await freshSite(kiosk);
    const [from, to] = await freeSlots(siteId, "rej", dateIn(1), dateIn(7));
    const b = await bookAndConfirmIn("uk", siteId, from!.start, { phone: "600700951" });
    expect(b.codeMessage.body).toMatch(/^numerek: vash kod pidtverdzhennia zapysu: \d{6}\. Diisnyi 10 khv\.$/);
    const [confirmation] = await toContact(siteId, b.to, "confirmation");
    expect(confirmation!.body).toMatch(/^numerek: zapys pidtverdzheno\. /);
    expect(confirmation!.body).toContain("Kod dlia kiosku: ");
    expect(confirmation!.body).not.toMatch(/[\u0400-\u04ff]/);
    // Its manage link opens the page in Ukrainian.
    expect(confirmation!.body).toContain(`/booking/manage/${b.bookingId}?token=${b.token}&lang=uk`);

    expect(await (await api(`/api/v1/bookings/${b.bookingId}?token=${b.token}`)).json()).toMatchObject({ channel: "sms" });
    const moved = await api(`/api/v1/bookings/${b.bookingId}/reschedule`, { method: "POST", json: { token: b.token, start: to!.start } });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const texts = await toContact(siteId, b.to, "confirmation");
    expect(texts).toHaveLength(2);
    expect(texts.find((m) => m.body.startsWith("numerek: pryiom pereneseno na "))?.body).toContain(to!.start.slice(11, 16));

    expect((await api(`/api/v1/bookings/${b.bookingId}/cancel`, { method: "POST", json: { token: b.token } })).status).toBe(200);
    const [cancelled] = await toContact(siteId, b.to, "notify");
    expect(cancelled!.body).toMatch(/^numerek: zapys na .+ skasovano\.$/);
    for (const m of await outboxOf(siteId)) expect(smsSegments(m.body).segments, m.body).toBeLessThanOrEqual(2);
  });

  it("a booking by e-mail in English: English subjects and texts, the outbox row marked English", async () => {
    const { siteId } = await freshSite(kiosk);
    const [slot] = await freeSlots(siteId, "rej", dateIn(1), dateIn(7));
    const b = await bookAndConfirmIn("en", siteId, slot!.start, { email: "olena@example.pl" });
    expect(b.codeMessage.subject).toBe("Your booking confirmation code");
    const [mail] = await toContact(siteId, b.to, "confirmation");
    expect(mail!.subject).toMatch(/^Booking confirmed: [A-Z][a-z]{2} \d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
    expect(mail!.body).toContain("Your booking is confirmed.");
    expect(mail!.body).toContain("Kiosk code: ");
    expect(mail!.status).toBe("sent");
    // The HTML part is made from the row when sent: its language is kept with it.
    expect(await siteSql(siteId, "SELECT DISTINCT lang FROM outbox WHERE booking_id = ?", b.bookingId)).toEqual([{ lang: "en" }]);
    expect(await siteSql(siteId, "SELECT lang FROM bookings WHERE id = ?", b.bookingId)).toEqual([{ lang: "en" }]);
    // The manage page says which way the messages went (never to whom).
    const summary = await (await api(`/api/v1/bookings/${b.bookingId}?token=${b.token}`)).json();
    expect(summary).toMatchObject({ channel: "email" });
    expect(JSON.stringify(summary)).not.toContain("olena");
  });

  it("a booking that names no language is Polish; a language numerek does not speak is refused", async () => {
    const { siteId } = await freshSite(kiosk);
    const [first, second] = await freeSlots(siteId, "rej", dateIn(1), dateIn(7));
    expect((await bookIn(undefined, siteId, first!.start, { phone: "600700952" })).status).toBe(202);
    const [code] = await toContact(siteId, "+48600700952", "code");
    expect(code!.body).toMatch(/^numerek: Twój kod potwierdzenia rezerwacji: \d{6}\./);
    await expectError(await bookIn("de", siteId, second!.start, { phone: "600700953" }), 400, "VALIDATION_FAILED");
  });

  it("an e-ticket's 'tell me when' asked in English texts in English", async () => {
    const { siteId, admin } = await freshSite();
    const tickets = [await issue(siteId, admin, "rej"), await issue(siteId, admin, "rej"), await issue(siteId, admin, "rej")];
    const third = tickets[2]!;
    const res = await api(`/api/v1/etickets/${eticketTokenOf(third)}/notify`, {
      method: "POST",
      json: { phone: "600 700 954", ahead: 1, lang: "en" },
    });
    expect(res.status).toBe(202);
    await act(siteId, "d1", "call-next", admin);
    const [sms] = await toContact(siteId, "+48600700954", "notify");
    expect(sms!.body).toBe(`numerek: ${third.number} - 1 person ahead of you. Please return to the hall. E-ticket: ${third.eticketUrl}`);
  });
});
