// Online booking through the real Worker and site object: slots, SMS code, confirmation, check-in, joining the queue.
import { runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { IssuedTicket } from "../../protocol/api.ts";
import { accountFor, api, desk, freshSite, siteObject, siteSql } from "./helpers.ts";

interface Outbox {
  messages: { siteId: string; to: string; body: string; kind: string; status: string }[];
}
interface Slot {
  start: string;
  free: number;
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function slots(siteId: string, matterId: string): Promise<Slot[]> {
  const res = await api(`/api/v1/sites/${siteId}/availability?matterId=${matterId}&from=${today()}&to=${inDays(2)}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { days: { date: string; slots: Slot[] }[] };
  return body.days.flatMap((d) => d.slots).filter((s) => s.free > 0);
}

async function lastCode(siteId: string, phone: string): Promise<string> {
  const res = await api("/api/v1/dev/outbox");
  const { messages } = (await res.json()) as Outbox;
  const m = messages.find((x) => x.siteId === siteId && x.to === phone && x.kind === "code");
  const code = m?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code SMS for ${phone}: ${JSON.stringify(messages.slice(0, 3))}`);
  return code;
}

async function book(siteId: string, start: string, phone: string, key?: string): Promise<Response> {
  return api("/api/v1/bookings", {
    method: "POST",
    json: { siteId, matterId: "rej", start, name: "Jan Kowalski", phone, consent: true },
    ...(key ? { headers: { "Idempotency-Key": key } } : {}),
  });
}

const kioskSite = {
  booking: { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0, checkInEarlyMinutes: 10, checkInLateMinutes: 15 },
};

describe("online booking", () => {
  it("holds a slot, sends a code by SMS, and confirms with a ticket number and a check-in code", async () => {
    const { siteId } = await freshSite(kioskSite);
    const free = await slots(siteId, "rej");
    expect(free.length).toBeGreaterThan(10);
    const slot = free[3]!;
    const created = await book(siteId, slot.start, "600 700 801", "booking-key-001");
    expect(created.status).toBe(202);
    const { bookingId } = (await created.json()) as { bookingId: string };
    // A retry of the same request holds no second slot.
    const retried = await book(siteId, slot.start, "600 700 801", "booking-key-001");
    expect(((await retried.json()) as { bookingId: string }).bookingId).toBe(bookingId);
    const after = (await slots(siteId, "rej")).find((s) => s.start === slot.start);
    expect(after?.free ?? 0).toBe(slot.free - 1);

    const wrong = await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code: "000000" } });
    expect(wrong.status).toBe(422);
    const code = await lastCode(siteId, "+48600700801");
    const ok = await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } });
    expect(ok.status).toBe(200);
    const confirmation = (await ok.json()) as {
      status: string;
      ticketNumber: string;
      checkInCode: string;
      start: string;
      manageUrl: string;
    };
    expect(confirmation).toMatchObject({ status: "confirmed", start: slot.start });
    expect(confirmation.ticketNumber).toMatch(/^R\d{3}$/);
    expect(confirmation.checkInCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const { messages } = (await (await api("/api/v1/dev/outbox")).json()) as Outbox;
    const sms = messages.find((m) => m.siteId === siteId && m.kind === "confirmation");
    expect(sms?.body).toContain(confirmation.ticketNumber);
    expect(sms?.body).toContain(confirmation.checkInCode);
    expect(sms?.status).toBe("sent");
  });

  it("check-in at the kiosk prints the booked number as a ticket; too early, unknown and repeated codes are refused", async () => {
    const { siteId } = await freshSite(kioskSite);
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const [soon, later] = [(await slots(siteId, "rej"))[0]!, (await slots(siteId, "rej")).at(-1)!];
    const confirm = async (start: string, phone: string) => {
      const { bookingId } = (await (await book(siteId, start, phone)).json()) as { bookingId: string };
      const code = await lastCode(siteId, `+48${phone.replace(/\s/g, "")}`);
      return (await (await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } })).json()) as {
        checkInCode: string;
        ticketNumber: string;
      };
    };
    const near = await confirm(soon.start, "600 700 802");
    const far = await confirm(later.start, "600 700 803");
    const checkIn = (code: string) => api(`/api/v1/sites/${siteId}/check-in`, { method: "POST", token: kiosk, json: { code } });

    const early = await checkIn(far.checkInCode);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe("TOO_EARLY");
    const unknown = await checkIn("ZZZZZZ");
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("UNKNOWN_CODE");

    const res = await checkIn(near.checkInCode.toLowerCase());
    expect(res.status).toBe(201);
    const ticket = (await res.json()) as IssuedTicket;
    expect(ticket.number).toBe(near.ticketNumber);
    const again = await checkIn(near.checkInCode);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("ALREADY_CHECKED_IN");
    // The booked client goes ahead of walk-ins of the matter.
    const admin = await accountFor("manager", [siteId]);
    await api(`/api/v1/sites/${siteId}/tickets`, { method: "POST", token: admin, json: { matterId: "rej" } });
    const called = (await (await desk(siteId, "d1", "call-next", admin)).json()) as { ticket: { number: string; source: string } };
    expect(called.ticket).toMatchObject({ number: near.ticketNumber, source: "booking" });
  });

  it("at an automatic check-in site the booking joins the queue at its time, by the object's alarm", async () => {
    const { siteId, admin } = await freshSite({ booking: { horizonDays: 30, checkIn: "auto", minNoticeMinutes: 0 } });
    const slot = (await slots(siteId, "rej"))[1]!;
    const { bookingId } = (await (await book(siteId, slot.start, "600 700 804")).json()) as { bookingId: string };
    const code = await lastCode(siteId, "+48600700804");
    const conf = (await (await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } })).json()) as {
      ticketNumber: string;
      checkInCode?: string;
    };
    expect(conf.checkInCode).toBeUndefined();
    // Its time comes: make the join timer due and run the alarm (twice: at-least-once, joins once).
    await siteSql(siteId, "UPDATE timers SET due_at = 0 WHERE key = ?", `join:${bookingId}`);
    await runDurableObjectAlarm(siteObject(siteId));
    await runDurableObjectAlarm(siteObject(siteId));
    const queue = (await (await api(`/api/v1/sites/${siteId}/queue`, { token: admin })).json()) as {
      tickets: { number: string; source: string }[];
    };
    expect(queue.tickets.filter((t) => t.number === conf.ticketNumber)).toEqual([expect.objectContaining({ source: "booking" })]);
  });

  it("refuses taken, closed and malformed requests with their own codes, and cancels with the manage link", async () => {
    const { siteId } = await freshSite({ ...kioskSite, booking: { ...kioskSite.booking, maxActivePerContact: 1 } });
    const free = await slots(siteId, "rej");
    const first = await book(siteId, free[0]!.start, "600 700 805");
    expect(first.status).toBe(202);
    const second = await book(siteId, free[1]!.start, "600 700 805");
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe("TOO_MANY_BOOKINGS");
    const offGrid = await book(siteId, free[0]!.start.replace(/:\d\d:00/, ":07:00"), "600 700 806");
    expect(((await offGrid.json()) as { error: { code: string } }).error.code).toBe("SLOT_UNAVAILABLE");
    const landline = await book(siteId, free[2]!.start, "22 123 45 67");
    expect(((await landline.json()) as { error: { code: string } }).error.code).toBe("PHONE_NOT_MOBILE");
    const noConsent = await api("/api/v1/bookings", {
      method: "POST",
      json: { siteId, matterId: "rej", start: free[2]!.start, name: "Jan", phone: "600700807" },
    });
    expect(noConsent.status).toBe(400);

    const { bookingId } = (await first.json()) as { bookingId: string };
    const code = await lastCode(siteId, "+48600700805");
    const conf = (await (await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } })).json()) as {
      manageUrl: string;
    };
    const token = new URL(conf.manageUrl).searchParams.get("token")!;
    const summary = await api(`/api/v1/bookings/${bookingId}?token=${token}`);
    expect(await summary.json()).toMatchObject({ status: "confirmed", siteId, matterName: "Rejestracja pojazdu", start: free[0]!.start });
    expect((await api(`/api/v1/bookings/${bookingId}?token=${"y".repeat(22)}`)).status).toBe(403);
    const bad = await api(`/api/v1/bookings/${bookingId}/cancel`, { method: "POST", json: { token: "x".repeat(22) } });
    expect(bad.status).toBe(403);
    const cancelled = await api(`/api/v1/bookings/${bookingId}/cancel`, { method: "POST", json: { token } });
    expect(await cancelled.json()).toEqual({ status: "cancelled" });
    expect(await (await api(`/api/v1/bookings/${bookingId}?token=${token}`)).json()).toMatchObject({ status: "cancelled" });
    // The slot is free again, and the contact may book again.
    expect((await slots(siteId, "rej")).find((s) => s.start === free[0]!.start)?.free).toBe(free[0]!.free);
    expect((await book(siteId, free[1]!.start, "600 700 805")).status).toBe(202);
  });
});

describe("changing the time of a booking", () => {
  it("moves a confirmed visit to another free slot in one step: the old slot is freed, the new one taken, one new SMS", async () => {
    const { siteId } = await freshSite(kioskSite);
    const free = await slots(siteId, "rej");
    const [from, to, other] = [free[2]!, free[5]!, free[7]!];
    const { bookingId } = (await (await book(siteId, from.start, "600 700 811")).json()) as { bookingId: string };
    const code = await lastCode(siteId, "+48600700811");
    const conf = (await (await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } })).json()) as {
      manageUrl: string;
      ticketNumber: string;
      checkInCode: string;
    };
    const token = new URL(conf.manageUrl).searchParams.get("token")!;
    // Someone else holds `other` (one booking desk: one place per slot).
    const otherBooking = await book(siteId, other.start, "600 700 812");
    expect(otherBooking.status).toBe(202);
    const freeAt = async (start: string) => (await slots(siteId, "rej")).find((s) => s.start === start)?.free ?? 0;
    const smsCount = async () =>
      ((await (await api("/api/v1/dev/outbox")).json()) as Outbox).messages.filter(
        (m) => m.siteId === siteId && m.to === "+48600700811" && m.kind === "confirmation",
      ).length;
    expect(await smsCount()).toBe(1);
    const reschedule = (json: unknown, key?: string) =>
      api(`/api/v1/bookings/${bookingId}/reschedule`, { method: "POST", json, ...(key ? { headers: { "Idempotency-Key": key } } : {}) });

    // Wrong token, a time off the grid, and the booking's own time: refused, nothing changes.
    const wrong = await reschedule({ token: "x".repeat(22), start: to.start });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("MANAGE_TOKEN_INVALID");
    for (const start of [to.start.replace(/:\d\d:00/, ":07:00"), from.start, "2020-01-01T10:00:00+01:00"]) {
      const refused = await reschedule({ token, start });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("SLOT_UNAVAILABLE");
    }
    // A taken slot: every place of `other` is held.
    let n = 0;
    while ((await freeAt(other.start)) > 0) {
      expect((await book(siteId, other.start, `600 700 8${20 + n}`)).status).toBe(202);
      n += 1;
    }
    const full = await reschedule({ token, start: other.start });
    expect(((await full.json()) as { error: { code: string } }).error.code).toBe("SLOT_UNAVAILABLE");
    expect(await freeAt(from.start)).toBe(from.free - 1);
    expect(await freeAt(to.start)).toBe(to.free);
    expect(await (await api(`/api/v1/bookings/${bookingId}?token=${token}`)).json()).toMatchObject({ start: from.start });
    expect(await smsCount()).toBe(1);

    // The move: same shape as a confirmation; same day keeps the number, the check-in code stays.
    const moved = await reschedule({ token, start: to.start }, "reschedule-key-001");
    expect(moved.status).toBe(200);
    const body = (await moved.json()) as { status: string; start: string; ticketNumber: string; checkInCode: string; manageUrl: string };
    expect(body).toMatchObject({ status: "confirmed", start: to.start, checkInCode: conf.checkInCode, manageUrl: conf.manageUrl });
    if (to.start.slice(0, 10) === from.start.slice(0, 10)) expect(body.ticketNumber).toBe(conf.ticketNumber);
    else expect(body.ticketNumber).toMatch(/^R\d{3}$/);
    // A retry with the same key gets the same answer and changes nothing more.
    const retried = await reschedule({ token, start: to.start }, "reschedule-key-001");
    expect(await retried.json()).toEqual(body);
    expect(await freeAt(from.start)).toBe(from.free);
    expect(await freeAt(to.start)).toBe(to.free - 1);
    expect(await (await api(`/api/v1/bookings/${bookingId}?token=${token}`)).json()).toMatchObject({
      status: "confirmed",
      start: to.start,
    });
    expect(await smsCount()).toBe(2);
    const { messages } = (await (await api("/api/v1/dev/outbox")).json()) as Outbox;
    const sms = messages.find((m) => m.siteId === siteId && m.to === "+48600700811" && m.kind === "confirmation");
    expect(sms?.body).toContain(to.start.slice(11, 16));
    // It says the visit moved, not that a new one was booked.
    expect(sms?.body).toMatch(/^numerek: termin wizyty zmieniony na /);
    // The reminders follow the visit: the timers of the booking are due for the new time only.
    const timers = await siteSql(siteId, "SELECT key, due_at FROM timers WHERE ref = ?", bookingId);
    for (const t of timers as { key: string; due_at: number }[]) expect(t.due_at).toBeLessThanOrEqual(Date.parse(to.start));
  });
});

describe("the places of one slot", () => {
  it("a slot with two booking desks holds two visits and refuses the third; no visit moves into it, and the next slot keeps its own places", async () => {
    const { siteId } = await freshSite({
      ...kioskSite,
      departments: [
        {
          id: "wk",
          name: "Wydział Komunikacji",
          matters: [{ id: "rej", name: "Rejestracja pojazdu", prefix: "R", serviceMinutes: 10, bookingDesks: 2 }],
        },
      ],
      desks: [
        { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej"] },
        { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["rej"] },
      ],
    });
    const [x, next] = await slots(siteId, "rej");
    expect(x!.free).toBe(2);
    expect((await book(siteId, x!.start, "600 708 001")).status).toBe(202);
    expect((await book(siteId, x!.start, "600 708 002")).status).toBe(202);
    const third = await book(siteId, x!.start, "600 708 003");
    expect(third.status).toBe(409);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe("SLOT_UNAVAILABLE");
    expect((await slots(siteId, "rej")).find((s) => s.start === x!.start)).toBeUndefined();

    // The next slot still has both places; a confirmed visit there cannot move into the full one.
    const there = await book(siteId, next!.start, "600 708 004");
    expect(there.status).toBe(202);
    const { bookingId } = (await there.json()) as { bookingId: string };
    const code = await lastCode(siteId, "+48600708004");
    const conf = (await (await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } })).json()) as {
      manageUrl: string;
    };
    const token = new URL(conf.manageUrl).searchParams.get("token")!;
    const move = (start: string) => api(`/api/v1/bookings/${bookingId}/reschedule`, { method: "POST", json: { token, start } });
    const intoFull = await move(x!.start);
    expect(((await intoFull.json()) as { error: { code: string } }).error.code).toBe("SLOT_UNAVAILABLE");
    expect((await slots(siteId, "rej")).find((s) => s.start === next!.start)?.free).toBe(1);
  });
});
