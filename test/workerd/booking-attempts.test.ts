// Wrong confirmation codes through the real Worker and site object: the fifth wrong one ends the hold
// (429 CODE_TRIES_EXCEEDED), the slot is offered again, and the right code no longer confirms.
import { describe, expect, it } from "vitest";
import { api, expectError, freshSite } from "./helpers.ts";
import { book, codeFor, dateIn, freeAt, freeSlots } from "./sms-helpers.ts";

const kiosk = { booking: { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0 } };

describe("wrong confirmation codes", () => {
  it("the fifth wrong code answers 429 CODE_TRIES_EXCEEDED, frees the slot, and then even the right code is refused", async () => {
    const { siteId } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(1), dateIn(7)))[0]!;
    const freeBefore = slot.free;
    const created = await book(siteId, slot.start, "600 700 960");
    expect(created.status).toBe(202);
    const { bookingId } = (await created.json()) as { bookingId: string };
    expect(await freeAt(siteId, "rej", slot.start)).toBe(freeBefore - 1);

    const code = await codeFor(siteId, "+48600700960");
    // Five well-formed codes that are all different from the right one.
    const wrong = [1, 2, 3, 4, 5].map((i) => String((Number(code) + i * 111_111) % 1_000_000).padStart(6, "0"));
    expect(wrong).not.toContain(code);
    const confirm = (c: string) => api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code: c } });
    for (const c of wrong.slice(0, 4)) await expectError(await confirm(c), 422, "CODE_WRONG");
    // Still held after four.
    expect(await freeAt(siteId, "rej", slot.start)).toBe(freeBefore - 1);
    await expectError(await confirm(wrong[4]!), 429, "CODE_TRIES_EXCEEDED");

    // The slot is free again.
    expect(await freeAt(siteId, "rej", slot.start)).toBe(freeBefore);

    // The right code, read from the outbox, no longer confirms.
    expect(await codeFor(siteId, "+48600700960")).toBe(code);
    const late = await confirm(code);
    expect(late.status, await late.clone().text()).not.toBe(200);
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(await freeAt(siteId, "rej", slot.start)).toBe(freeBefore);
    // Someone else can take it.
    expect((await book(siteId, slot.start, "600 700 961")).status).toBe(202);
  });
});
