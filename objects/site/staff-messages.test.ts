// What managers see of the outbox and when a failed message may go again.
import { describe, expect, it } from "vitest";
import type { VerificationState } from "../booking/verification.ts";
import { confirmationEmail, reminderDayBeforeEmail } from "../email/messages.ts";
import { confirmationSms, reminderSoonSms, type Visit } from "../sms/messages.ts";
import type { Booking } from "./booking-store.ts";
import type { StoredMessage } from "./message-store.ts";
import { HIDDEN, resendWindow, staffMessage } from "./staff-messages.ts";

const NOW = Date.parse("2026-11-24T08:00:00Z");

function message(over: Partial<StoredMessage> = {}): StoredMessage {
  return {
    id: "sms_demo.AAAAAAAAAAAAAAAA",
    channel: "sms",
    subject: null,
    to: "+48600700789",
    body: "numerek: rezerwacja potwierdzona.",
    kind: "confirmation",
    status: "failed",
    attempts: 1,
    nextAt: null,
    providerId: null,
    error: "twilio 400 21211",
    createdAt: NOW - 60_000,
    sentAt: null,
    expiresAt: null,
    bookingId: "demo.B",
    ticketId: null,
    deliveryStatus: null,
    deliveredAt: null,
    deliveryError: null,
    lang: "pl",
    ...over,
  };
}

function booking(over: Partial<Booking> = {}): Booking {
  return {
    id: "demo.B",
    matterId: "rej",
    startAt: NOW + 86_400_000,
    status: "confirmed",
    name: "Jan",
    phone: "+48600700789",
    email: null,
    contactKey: "+48600700789",
    verification: {} as VerificationState,
    holdUntil: NOW - 3_600_000,
    manageToken: "t",
    checkInCode: null,
    ticketNumber: "R001",
    ticketId: null,
    reminded: "",
    client: "local",
    createdAt: NOW - 3_600_000,
    confirmedAt: NOW - 3_000_000,
    lang: "pl",
    ...over,
  };
}

describe("staffMessage", () => {
  it("masks a phone to its last three digits and times as ISO strings", () => {
    expect(staffMessage(message())).toEqual({
      id: "sms_demo.AAAAAAAAAAAAAAAA",
      channel: "sms",
      kind: "confirmation",
      to: "+48 *** *** 789",
      body: "numerek: rezerwacja potwierdzona.",
      status: "failed",
      attempts: 1,
      error: "twilio 400 21211",
      createdAt: "2026-11-24T07:59:00.000Z",
      sentAt: null,
      deliveryStatus: null,
      bookingId: "demo.B",
    });
  });

  it("masks an e-mail address and shows an e-mail's subject", () => {
    const v = staffMessage(message({ channel: "email", to: "jan.kowalski@example.com", subject: "Rezerwacja potwierdzona" }));
    expect(v).toMatchObject({ channel: "email", to: "j***@example.com", subject: "Rezerwacja potwierdzona" });
  });

  it("never shows a verification code", () => {
    const v = staffMessage(message({ kind: "code", body: "numerek: Twój kod potwierdzenia rezerwacji: 123456." }));
    expect(v.body).toBeUndefined();
    expect(JSON.stringify(v)).not.toContain("123456");
  });

  it("hides the manage link's token and the check-in code in confirmations and reminders, by SMS and by e-mail", () => {
    const token = "q7Zr-x_9KpLmN2vB4cD8eF";
    const visit: Visit = {
      siteName: "USC Koszalin",
      address: "ul. Rynek 1",
      date: "2026-11-25",
      time: "09:30",
      ticket: "R012",
      checkInCode: "K7P2XM",
      checkInEarlyMinutes: 15,
      manageUrl: `https://numerek.example/booking/manage/demo.Bx?token=${token}`,
    };
    const bodies = [
      confirmationSms(visit),
      reminderSoonSms(visit, 30),
      confirmationEmail(visit).text,
      reminderDayBeforeEmail(visit).text,
      confirmationSms(visit, "en"),
    ];
    for (const body of bodies) {
      // The citizen's own text carries the code, and all but the short reminder the link.
      expect(body).toContain("K7P2XM");
      const seen = staffMessage(message({ body })).body ?? "";
      expect(seen).not.toContain(token);
      expect(seen).not.toContain("K7P2XM");
      expect(seen).not.toContain("/booking/manage/");
      expect(seen).toContain(HIDDEN);
      // The rest of the text stays readable: the time and the ticket number.
      expect(seen).toContain("09:30");
      expect(seen).toContain("R012");
    }
  });

  it("keeps a recipient already masked, and leaves out an unknown booking", () => {
    const v = staffMessage(message({ to: "+48 *** *** 789", bookingId: null, ticketId: "tk_1", kind: "notify" }));
    expect(v.to).toBe("+48 *** *** 789");
    expect(v).not.toHaveProperty("bookingId");
  });
});

describe("resendWindow", () => {
  it("only a failed message goes again", () => {
    expect(resendWindow(message({ status: "sent" }), booking(), NOW)).toMatchObject({ ok: false, code: "MESSAGE_NOT_FAILED" });
    expect(resendWindow(message({ status: "pending" }), booking(), NOW)).toMatchObject({ ok: false, code: "MESSAGE_NOT_FAILED" });
  });

  it("a code while its booking still holds the slot, until the hold ends", () => {
    const pending = booking({ status: "pending", holdUntil: NOW + 300_000 });
    expect(resendWindow(message({ kind: "code" }), pending, NOW)).toEqual({ ok: true, value: { expiresAt: NOW + 300_000 } });
    expect(resendWindow(message({ kind: "code" }), { ...pending, holdUntil: NOW }, NOW)).toMatchObject({
      ok: false,
      code: "MESSAGE_EXPIRED",
    });
    expect(resendWindow(message({ kind: "code" }), { ...pending, status: "confirmed" }, NOW)).toMatchObject({
      ok: false,
      code: "MESSAGE_EXPIRED",
    });
  });

  it("a confirmation or reminder until the visit begins, while the booking stands", () => {
    expect(resendWindow(message(), booking(), NOW)).toEqual({ ok: true, value: { expiresAt: NOW + 86_400_000 } });
    expect(resendWindow(message({ kind: "reminder" }), booking({ startAt: NOW }), NOW)).toMatchObject({
      ok: false,
      code: "MESSAGE_EXPIRED",
    });
    expect(resendWindow(message(), booking({ status: "cancelled" }), NOW)).toMatchObject({ ok: false, code: "MESSAGE_EXPIRED" });
    expect(resendWindow(message(), null, NOW)).toMatchObject({ ok: false, code: "MESSAGE_EXPIRED" });
    // The cancellation notice goes for a cancelled booking, as long as its time is ahead.
    expect(resendWindow(message({ kind: "notify" }), booking({ status: "cancelled" }), NOW)).toMatchObject({ ok: true });
  });

  it("not to a recipient whose contact data is gone, nor a 'turn near' text past its time", () => {
    expect(resendWindow(message({ to: "+48 *** *** 789" }), booking(), NOW)).toMatchObject({ ok: false, code: "MESSAGE_EXPIRED" });
    const turn = message({ kind: "notify", bookingId: null, ticketId: "tk_1", expiresAt: NOW + 60_000 });
    expect(resendWindow(turn, null, NOW)).toEqual({ ok: true, value: { expiresAt: NOW + 60_000 } });
    expect(resendWindow({ ...turn, expiresAt: NOW - 1 }, null, NOW)).toMatchObject({ ok: false, code: "MESSAGE_EXPIRED" });
  });

  it("refuses an old code after a newer one, and an old confirmation or reminder after the visit moved", () => {
    const pending = booking({ status: "pending", holdUntil: NOW + 300_000 });
    expect(resendWindow(message({ kind: "code", expiresAt: NOW + 300_000 }), pending, NOW)).toMatchObject({ ok: true });
    expect(resendWindow(message({ kind: "code", expiresAt: NOW + 240_000 }), pending, NOW)).toMatchObject({
      ok: false,
      code: "MESSAGE_EXPIRED",
    });
    const moved = booking({ startAt: NOW + 2 * 86_400_000 });
    expect(resendWindow(message({ expiresAt: NOW + 2 * 86_400_000 }), moved, NOW)).toMatchObject({ ok: true });
    expect(resendWindow(message({ expiresAt: NOW + 86_400_000 }), moved, NOW)).toMatchObject({ ok: false, code: "MESSAGE_EXPIRED" });
    expect(resendWindow(message({ kind: "reminder", expiresAt: NOW + 86_400_000 }), moved, NOW)).toMatchObject({
      ok: false,
      code: "MESSAGE_EXPIRED",
    });
  });
});
