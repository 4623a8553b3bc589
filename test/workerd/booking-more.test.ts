// More of the citizen's side through the real Worker and site object: the e-ticket's "tell me by SMS when
// N people are ahead" (R8), visit reminders (R9), contact data deleted after the retention period, and a
// held slot released when its code was not confirmed in time (R6).
import { evictDurableObject, runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addDays } from "../../objects/booking/dates.ts";
import type { ETicketView, IssuedTicket } from "../../protocol/api.ts";
import { zoneAtTen } from "../site-config.ts";
import { act, api, desk, eticketTokenOf, expectError, freshSite, issue, siteObject, siteSql } from "./helpers.ts";
import { book, bookAndConfirm, codeFor, dateIn, freeAt, freeSlots, outboxOf } from "./sms-helpers.ts";

const kiosk = { booking: { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0 } };

function notify(ticket: IssuedTicket | string, json: unknown): Promise<Response> {
  const token = typeof ticket === "string" ? ticket : eticketTokenOf(ticket);
  return api(`/api/v1/etickets/${token}/notify`, { method: "POST", json });
}

async function eticketView(ticket: IssuedTicket): Promise<{ view: ETicketView; text: string }> {
  const res = await api(`/api/v1/etickets/${eticketTokenOf(ticket)}`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { view: JSON.parse(text) as ETicketView, text };
}

const notices = async (siteId: string) => (await outboxOf(siteId)).filter((m) => m.kind === "notify");

describe("e-ticket SMS when the turn is near (R8)", () => {
  it("texts once when 2 people are ahead of the 5th ticket, never again, and shows the request on the e-ticket without the number", async () => {
    const { siteId, admin } = await freshSite();
    const tickets: IssuedTicket[] = [];
    for (let i = 0; i < 5; i++) tickets.push(await issue(siteId, admin, "rej"));
    const fifth = tickets[4]!;
    expect(fifth).toMatchObject({ number: "R005", waitingAhead: 4 });

    const res = await notify(fifth, { phone: "600 700 910", ahead: 2 });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ahead: 2, sent: false });
    // Asking again the same changes nothing.
    expect(await (await notify(fifth, { phone: "+48 600-700-910", ahead: 2 })).json()).toEqual({ ahead: 2, sent: false });
    const before = await eticketView(fifth);
    expect(before.view.notify).toEqual({ ahead: 2, sent: false });
    expect(before.text).not.toMatch(/600\s?700\s?910|600700910/);

    // First call: 3 ahead, nothing yet.
    await act(siteId, "d1", "call-next", admin);
    expect(await notices(siteId)).toEqual([]);
    await act(siteId, "d1", "finish", admin);
    // Second call: 2 ahead, the text goes.
    await act(siteId, "d1", "call-next", admin);
    await act(siteId, "d1", "finish", admin);
    // Third call: 1 ahead, no second text.
    await act(siteId, "d1", "call-next", admin);
    const sent = await notices(siteId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "+48600700910", ticketId: fifth.id });
    expect(sent[0]!.body).toContain("R005");
    expect(sent[0]!.body).toContain("przed Tobą 2 osoby");
    expect(sent[0]!.body).toContain(fifth.eticketUrl);
    expect((await eticketView(fifth)).view.notify).toEqual({ ahead: 2, sent: true });

    // Repeating the request after it was sent, and the ticket's own call, send nothing more.
    expect(await (await notify(fifth, { phone: "600700910", ahead: 2 })).json()).toEqual({ ahead: 2, sent: true });
    await act(siteId, "d1", "finish", admin);
    await act(siteId, "d1", "call-next", admin);
    await act(siteId, "d1", "finish", admin);
    expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R005");
    expect(await notices(siteId)).toHaveLength(1);
  });

  it("texts 'your turn' when the ticket is called before its threshold was reached", async () => {
    const { siteId, admin } = await freshSite();
    for (let i = 0; i < 3; i++) await issue(siteId, admin, "rej");
    const fourth = await issue(siteId, admin, "rej");
    expect((await notify(fourth, { phone: "600700911", ahead: 1 })).status).toBe(202);
    // The clerk calls R004 out of turn: 3 were still ahead.
    const called = await desk(siteId, "d1", "call", admin, { ticketId: fourth.id });
    expect(called.status).toBe(200);
    const sent = await notices(siteId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatch(/^numerek: R004 - zaraz Twoja kolej\./);
  });

  it("texts at once when the condition already holds; a new request replaces the old one and is sent once too", async () => {
    const { siteId, admin } = await freshSite();
    const first = await issue(siteId, admin, "rej");
    await issue(siteId, admin, "rej");
    const third = await issue(siteId, admin, "rej");
    // Nobody ahead of R001: asked to be told at 3, told now.
    expect(await (await notify(first, { phone: "600700912", ahead: 3 })).json()).toEqual({ ahead: 3, sent: true });
    expect(await notices(siteId)).toHaveLength(1);

    // R003 asks at 1 ahead, then changes its mind to 2 ahead with another phone: only the new request counts.
    expect(await (await notify(third, { phone: "600700913", ahead: 1 })).json()).toEqual({ ahead: 1, sent: false });
    expect(await (await notify(third, { phone: "600700914", ahead: 2 })).json()).toEqual({ ahead: 2, sent: true });
    const sent = await notices(siteId);
    expect(sent.map((m) => `${m.to} ${m.body.slice(0, 13)}`).sort()).toEqual(["+48600700912 numerek: R001", "+48600700914 numerek: R003"]);
  });

  it("refuses bad numbers, bad thresholds, unknown tickets and tickets no longer waiting", async () => {
    const { siteId, admin } = await freshSite();
    const t = await issue(siteId, admin, "rej");
    await expectError(await notify(t, { phone: "12345", ahead: 2 }), 400, "PHONE_INVALID");
    await expectError(await notify(t, { phone: "22 123 45 67", ahead: 2 }), 400, "PHONE_NOT_MOBILE");
    await expectError(await notify(t, { phone: "600700915", ahead: 0 }), 400, "VALIDATION_FAILED");
    await expectError(await notify(t, { phone: "600700915", ahead: 21 }), 400, "VALIDATION_FAILED");
    await expectError(await notify(t, { phone: "600700915" }), 400, "VALIDATION_FAILED");
    await expectError(await notify(`${siteId}.${"A".repeat(22)}`, { phone: "600700915", ahead: 2 }), 404, "UNKNOWN_ETICKET");
    await expectError(await notify("not-a-token", { phone: "600700915", ahead: 2 }), 404, "UNKNOWN_ETICKET");
    await expectError(await notify(`no-such-site.${"A".repeat(22)}`, { phone: "600700915", ahead: 2 }), 404, "UNKNOWN_ETICKET");
    // Called already: nothing to wait for. Served: gone.
    await act(siteId, "d1", "call-next", admin);
    await expectError(await notify(t, { phone: "600700915", ahead: 2 }), 409, "TICKET_NOT_WAITING");
    await act(siteId, "d1", "finish", admin);
    await expectError(await notify(t, { phone: "600700915", ahead: 2 }), 409, "TICKET_CLOSED");
    expect(await notices(siteId)).toEqual([]);
    expect((await eticketView(t)).view.notify).toBeUndefined();
  });

  it("one ticket cannot be used to text many numbers", async () => {
    const { siteId, admin } = await freshSite();
    await issue(siteId, admin, "rej");
    const t = await issue(siteId, admin, "rej");
    for (let i = 0; i < 5; i++) expect((await notify(t, { phone: `60070092${i}`, ahead: 5 })).status).toBe(202);
    await expectError(await notify(t, { phone: "600700929", ahead: 5 }), 429, "RATE_LIMITED");
    // Each request was met at once (1 ahead ≤ 5): five texts, each to the number asked for at the time.
    expect((await notices(siteId)).map((m) => m.to).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `+4860070092${i}`));
  });
});

describe("visit reminders (R9)", () => {
  it("the day before and an hour before, each once however often the alarm runs", async () => {
    const { siteId } = await freshSite(kiosk);
    // A visit at least two days ahead: both reminders are still to come.
    const slot = (await freeSlots(siteId, "rej", dateIn(3), dateIn(9)))[0]!;
    const booking = await bookAndConfirm(siteId, slot.start, "600700930");
    const start = Date.parse(slot.start);
    const timers = await siteSql(siteId, "SELECT key, due_at FROM timers WHERE key LIKE 'remind-%' ORDER BY key");
    expect(timers.map((t) => t.key)).toEqual([`remind-day:${booking.bookingId}`, `remind-soon:${booking.bookingId}`]);
    const [day, soon] = timers.map((t) => Number(t.due_at)) as [number, number];
    expect(soon).toBe(start - 60 * 60_000);
    const hourOf = (ms: number) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Warsaw", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
        new Date(ms),
      );
    expect(hourOf(day)).toBe("18:00");
    expect(start - day).toBeGreaterThanOrEqual(6 * 3_600_000);
    expect(start - day).toBeLessThan(31 * 3_600_000);

    const reminders = async () => (await outboxOf(siteId)).filter((m) => m.kind === "reminder");
    // The day before: its timer comes due; the alarm runs twice (at least once delivery), one text.
    await siteSql(siteId, "UPDATE timers SET due_at = 0 WHERE key = ?", `remind-day:${booking.bookingId}`);
    await runDurableObjectAlarm(siteObject(siteId));
    await runDurableObjectAlarm(siteObject(siteId));
    let sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "+48600700930", status: "sent" });
    expect(sent[0]!.body).toContain("jutro Twoja wizyta");
    expect(sent[0]!.body).toContain(booking.ticketNumber);

    // An hour before: the visit is now an hour away and its timer comes due; again the alarm runs twice.
    await siteSql(siteId, "UPDATE bookings SET start_at = ? WHERE id = ?", Date.now() + 60 * 60_000, booking.bookingId);
    await siteSql(siteId, "UPDATE timers SET due_at = 0 WHERE key = ?", `remind-soon:${booking.bookingId}`);
    await runDurableObjectAlarm(siteObject(siteId));
    await runDurableObjectAlarm(siteObject(siteId));
    sent = await reminders();
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toMatch(/^numerek: za 60 min Twoja wizyta/);
    expect(sent[0]!.body).toContain(booking.ticketNumber);
    // Both timers are done.
    expect(await siteSql(siteId, "SELECT key FROM timers WHERE key LIKE 'remind-%'")).toEqual([]);
  });

  it("a visit booked for later today gets no 'tomorrow' text, and a cancelled one no reminder at all", async () => {
    // A site whose clock reads 10:xx now, so its first free slot is this morning, whenever the test runs.
    const { siteId } = await freshSite({ ...kiosk, timeZone: zoneAtTen() });
    const slot = (await freeSlots(siteId, "rej", dateIn(-1), dateIn(2)))[0]!;
    expect(slot.start.slice(11, 13)).toMatch(/^(09|10|11)$/);
    const today = await bookAndConfirm(siteId, slot.start, "600700931");
    expect(await siteSql(siteId, "SELECT key FROM timers WHERE key LIKE 'remind-%'")).toEqual([]);

    // A visit in three days, cancelled: its reminder timers go with it.
    const later = (await freeSlots(siteId, "rej", dateIn(3), dateIn(9)))[0]!;
    const cancelled = await bookAndConfirm(siteId, later.start, "600700932");
    expect((await siteSql(siteId, "SELECT key FROM timers WHERE key LIKE 'remind-%'")).length).toBe(2);
    const manage = (await siteSql(siteId, "SELECT manage_token FROM bookings WHERE id = ?", cancelled.bookingId))[0]!
      .manage_token as string;
    expect((await api(`/api/v1/bookings/${cancelled.bookingId}/cancel`, { method: "POST", json: { token: manage } })).status).toBe(200);
    expect(await siteSql(siteId, "SELECT key FROM timers WHERE key LIKE 'remind-%'")).toEqual([]);

    await siteSql(siteId, "UPDATE timers SET due_at = 0");
    await runDurableObjectAlarm(siteObject(siteId));
    expect((await outboxOf(siteId)).filter((m) => m.kind === "reminder")).toEqual([]);
    expect(today.ticketNumber).toMatch(/^R\d{3}$/);
  });
});

describe("contact data retention", () => {
  it("after the end of the day, visits older than retentionDays lose name and phone; e-ticket numbers go with their day", async () => {
    const { siteId, admin } = await freshSite(kiosk);
    const [a, b] = await freeSlots(siteId, "rej", dateIn(2), dateIn(8));
    const old = await bookAndConfirm(siteId, a!.start, "600700940");
    const recent = await bookAndConfirm(siteId, b!.start, "600700941");
    const walkIn = await issue(siteId, admin, "pj");
    expect(await (await notify(walkIn, { phone: "600700942", ahead: 3 })).json()).toEqual({ ahead: 3, sent: true });
    await issue(siteId, admin, "pj");
    await issue(siteId, admin, "pj");
    const fourth = await issue(siteId, admin, "pj");
    // P004 has 3 ahead: its request is still pending when the day ends.
    expect(await (await notify(fourth, { phone: "600700943", ahead: 1 })).json()).toEqual({ ahead: 1, sent: false });

    // Time passes: the old visit was 30 days ago (retention 14), and the site's day is yesterday's.
    const [{ value: day }] = (await siteSql(siteId, "SELECT value FROM meta WHERE key = 'day'")) as [{ value: string }];
    const yesterday = addDays(day, -1);
    await siteSql(siteId, "UPDATE bookings SET start_at = ? WHERE id = ?", Date.now() - 30 * 86_400_000, old.bookingId);
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", yesterday);
    await siteSql(siteId, "UPDATE tickets SET day = ?", yesterday);
    await siteSql(siteId, "UPDATE notify_requests SET day = ?", yesterday);
    await evictDurableObject(siteObject(siteId));
    // The first ticket of the new day closes the old one.
    await issue(siteId, admin, "rej");

    const rows = await siteSql(siteId, "SELECT id, name, phone, email, contact_key, client, purged_at FROM bookings ORDER BY start_at");
    expect(rows.find((r) => r.id === old.bookingId)).toEqual({
      id: old.bookingId,
      name: null,
      phone: null,
      email: null,
      contact_key: null,
      client: null,
      purged_at: expect.any(Number),
    });
    expect(rows.find((r) => r.id === recent.bookingId)).toMatchObject({ name: "Jan Kowalski", phone: "+48600700941", purged_at: null });
    // The texts keep only a masked number once the contact is gone.
    const outbox = await outboxOf(siteId);
    expect(outbox.filter((m) => m.bookingId === old.bookingId).map((m) => m.to)).toEqual(["+48 *** *** 940", "+48 *** *** 940"]);
    expect(outbox.filter((m) => m.bookingId === recent.bookingId).map((m) => m.to)).toEqual(["+48600700941", "+48600700941"]);
    expect(outbox.filter((m) => m.kind === "notify").map((m) => m.to)).toEqual(["+48 *** *** 942"]);
    // Requests of yesterday's tickets are gone, sent or not: no phone number is kept.
    expect(await siteSql(siteId, "SELECT * FROM notify_requests")).toEqual([]);
    const text = JSON.stringify(await siteSql(siteId, "SELECT * FROM outbox"));
    expect(text).not.toContain("600700940");
    expect(text).not.toContain("600700942");
    expect(text).not.toContain("600700943");
  });
});

describe("holding a slot (R6)", () => {
  it("a hold that ran out frees the slot, and the right code then answers 410 CODE_EXPIRED", async () => {
    const { siteId } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(1), dateIn(7)))[0]!;
    expect(slot.free).toBe(1);
    const created = await book(siteId, slot.start, "600 700 950");
    expect(created.status).toBe(202);
    const { bookingId } = (await created.json()) as { bookingId: string };
    expect(await freeAt(siteId, "rej", slot.start)).toBe(0);
    // Someone else cannot have it while it is held.
    expect(((await (await book(siteId, slot.start, "600 700 951")).json()) as { error: { code: string } }).error.code).toBe(
      "SLOT_UNAVAILABLE",
    );

    // The hold ends (as ten minutes passing would); the object reads its holds again, as after a restart
    // (the slot book's own clock is unit-tested in objects/site/slot-book.test.ts).
    await siteSql(siteId, "UPDATE bookings SET hold_until = ? WHERE id = ?", Date.now() - 1000, bookingId);
    await evictDurableObject(siteObject(siteId));
    expect(await freeAt(siteId, "rej", slot.start)).toBe(1);
    const code = await codeFor(siteId, "+48600700950");
    await expectError(await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } }), 410, "CODE_EXPIRED");
    expect((await siteSql(siteId, "SELECT status FROM bookings WHERE id = ?", bookingId))[0]).toEqual({ status: "expired" });
    // A new code cannot revive it either.
    await expectError(await api(`/api/v1/bookings/${bookingId}/resend`, { method: "POST" }), 409, "BOOKING_NOT_PENDING");

    // The slot is someone else's now, and stays theirs.
    expect((await book(siteId, slot.start, "600 700 951")).status).toBe(202);
    expect(await freeAt(siteId, "rej", slot.start)).toBe(0);
    await expectError(await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } }), 409, "BOOKING_NOT_PENDING");
  });
});
