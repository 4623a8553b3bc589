// Codes cannot be guessed: wrong codes on a booking are counted whatever its state and lock it for a while,
// a repeated confirmation never answers the manage link or the check-in code, and wrong kiosk check-in
// codes are limited per kiosk and per client address.
import { describe, expect, it } from "vitest";
import { CLIENT_WRONG_CODES, KIOSK_WRONG_CODES } from "../../objects/booking/attempt-window.ts";
import { MAX_TRIES } from "../../objects/booking/verification.ts";
import { accountFor, api, expectError, freshSite, siteSql } from "./helpers.ts";
import { book, codeFor, dateIn, freeSlots } from "./sms-helpers.ts";

const kiosk = { booking: { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0 } };

const confirm = (bookingId: string, code: string) => api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } });

async function confirmed(siteId: string, start: string, phone: string) {
  const { bookingId } = (await (await book(siteId, start, phone)).json()) as { bookingId: string };
  const code = await codeFor(siteId, `+48${phone}`);
  const res = await confirm(bookingId, code);
  expect(res.status).toBe(200);
  return { bookingId, code, ...((await res.json()) as { manageUrl: string; checkInCode: string; ticketNumber: string }) };
}

/** Ends a booking's lock as if its 15 minutes had passed. */
const endLock = (siteId: string, bookingId: string) =>
  siteSql(siteId, "UPDATE bookings SET verification = json_set(verification, '$.lockedUntil', 0) WHERE id = ?", bookingId);

const wrongFor = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");

describe("booking codes", () => {
  it("a confirmed booking answers the right code again without its manage link or check-in code", async () => {
    const { siteId } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(2), dateIn(8)))[0]!;
    const b = await confirmed(siteId, slot.start, "600700970");
    expect(b.manageUrl).toContain("token=");
    const again = await confirm(b.bookingId, b.code);
    expect(again.status).toBe(200);
    const text = await again.text();
    expect(JSON.parse(text)).toEqual({ status: "confirmed", start: slot.start, ticketNumber: b.ticketNumber });
    expect(text).not.toContain(new URL(b.manageUrl).searchParams.get("token")!);
    expect(text).not.toContain(b.checkInCode);
  });

  it("wrong codes on a confirmed booking are counted: the 5th locks every code, the right one too, until the lock ends", async () => {
    const { siteId } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(2), dateIn(8)))[0]!;
    const b = await confirmed(siteId, slot.start, "600700971");
    for (let i = 0; i < MAX_TRIES - 1; i++) await expectError(await confirm(b.bookingId, wrongFor(b.code, i)), 422, "CODE_WRONG");
    await expectError(await confirm(b.bookingId, wrongFor(b.code, 9)), 429, "CODE_TRIES_EXCEEDED");
    await expectError(await confirm(b.bookingId, b.code), 429, "CODE_TRIES_EXCEEDED");
    await endLock(siteId, b.bookingId);
    const after = await confirm(b.bookingId, b.code);
    expect(after.status).toBe(200);
    expect(await after.json()).not.toHaveProperty("manageUrl");
  });

  it("wrong codes on a cancelled booking are counted too, and lock it", async () => {
    const { siteId } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(2), dateIn(8)))[0]!;
    const b = await confirmed(siteId, slot.start, "600700972");
    const token = new URL(b.manageUrl).searchParams.get("token")!;
    expect((await api(`/api/v1/bookings/${b.bookingId}/cancel`, { method: "POST", json: { token } })).status).toBe(200);
    // The right code and a wrong one get the same answer: nothing to learn from it.
    await expectError(await confirm(b.bookingId, b.code), 409, "BOOKING_NOT_PENDING");
    for (let i = 0; i < MAX_TRIES - 1; i++) await expectError(await confirm(b.bookingId, wrongFor(b.code, i)), 409, "BOOKING_NOT_PENDING");
    await expectError(await confirm(b.bookingId, wrongFor(b.code, 9)), 429, "CODE_TRIES_EXCEEDED");
    await expectError(await confirm(b.bookingId, b.code), 429, "CODE_TRIES_EXCEEDED");
  });
});

describe("kiosk check-in codes", () => {
  it("past the limit of wrong codes a kiosk is refused every code, the right one too; another kiosk elsewhere is not", async () => {
    const { siteId } = await freshSite(kiosk);
    const slots = await freeSlots(siteId, "rej", dateIn(3), dateIn(8));
    const far = await confirmed(siteId, slots.at(-1)!.start, "600700973");
    const k1 = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const k2 = await accountFor("kiosk", [siteId], { deviceId: "k2" });
    const checkIn = (token: string, code: string, address: string) =>
      api(`/api/v1/sites/${siteId}/check-in`, { method: "POST", token, json: { code }, headers: { "CF-Connecting-IP": address } });
    // The right code, days early: refused as too early, not counted.
    await expectError(await checkIn(k1, far.checkInCode, "198.51.100.1"), 409, "TOO_EARLY");
    for (let i = 0; i < KIOSK_WRONG_CODES; i++) await expectError(await checkIn(k1, "ZZZZZ2", "198.51.100.1"), 404, "UNKNOWN_CODE");
    await expectError(await checkIn(k1, far.checkInCode, "198.51.100.1"), 429, "RATE_LIMITED");
    await expectError(await checkIn(k1, far.checkInCode, "198.51.100.2"), 429, "RATE_LIMITED");
    await expectError(await checkIn(k2, far.checkInCode, "198.51.100.2"), 409, "TOO_EARLY");
  });

  it("past the limit of wrong codes from one client address every kiosk there is refused", async () => {
    const { siteId } = await freshSite(kiosk);
    const slots = await freeSlots(siteId, "rej", dateIn(3), dateIn(8));
    const far = await confirmed(siteId, slots.at(-1)!.start, "600700974");
    const kiosks = await Promise.all(["a", "b", "c", "d"].map((k) => accountFor("kiosk", [siteId], { deviceId: k })));
    const checkIn = (token: string, code: string, address: string) =>
      api(`/api/v1/sites/${siteId}/check-in`, { method: "POST", token, json: { code }, headers: { "CF-Connecting-IP": address } });
    for (let i = 0; i < CLIENT_WRONG_CODES; i++) {
      await expectError(await checkIn(kiosks[i % 3]!, `ZZZZ${"23456789"[i % 8]}${"ABCDEFGH"[i % 8]}`, "203.0.113.9"), 404, "UNKNOWN_CODE");
    }
    await expectError(await checkIn(kiosks[3]!, far.checkInCode, "203.0.113.9"), 429, "RATE_LIMITED");
    await expectError(await checkIn(kiosks[3]!, far.checkInCode, "203.0.113.10"), 409, "TOO_EARLY");
  });
});
